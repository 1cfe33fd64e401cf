"""`trino2spark verify` end to end: the release binary runs the Python harness (with
.venv-spark4's interpreter), which translates, runs both engines and writes the reports; exit
codes 0 / 2 / 1."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT, needs_trino

BIN = ROOT / "target" / "release" / "trino2spark"
PY = ROOT / ".venv-spark4" / "bin" / "python"


def trino2spark(*args, timeout=900):
    if not BIN.exists():
        pytest.fail(f"{BIN} is missing: cargo build --release -p t2s-cli")
    env = dict(os.environ, TRINO2SPARK_PYTHON=str(PY), T2S_SPARK_DRIVER_MEMORY="1g")
    env.pop("TRINO2SPARK_BIN", None)
    return subprocess.run([str(BIN), "verify", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT)


@needs_trino
def test_verify_corpus_cases_with_reports(tmp_path):
    html, cases = tmp_path / "x.html", ["corpus/rewrites", "corpus/flagged/match_recognize.sql"]
    p = trino2spark(*cases, "--report", html, "--format", "json")
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    doc = json.loads(p.stdout)
    assert doc["exit_code"] == 0 and doc["counts"]["flagged"] >= 1 and doc["counts"]["equal"] >= 5
    assert doc["trino"].endswith("(live)")
    ids = {c["id"]: c for c in doc["cases"]}
    assert ids["corpus/flagged/match_recognize"]["classification"] == "flagged"
    assert all(c["classification"] in ("equal", "flagged") for c in doc["cases"])
    text = html.read_text()
    assert text.startswith("<!DOCTYPE html>") and "corpus/flagged/match_recognize" in text
    assert "Spark SQL" in text and "Trino SQL" in text and "&#x27;" in text  # escaped quotes


def test_recorded_mode_difference_exits_2(tmp_path):
    case = tmp_path / "c.sql"
    case.write_text("-- integer division\n-- expect: ok\nSELECT 7 / 2 AS q\n")
    (tmp_path / "c.trino.json").write_text(json.dumps(
        {"source": "hand-written for a test", "columns": [{"name": "q", "type": "integer"}], "rows": [[4]]}))
    shutil.copy(ROOT / "corpus" / "expressions" / "integer_division.sql", tmp_path / "ok.sql")
    shutil.copy(ROOT / "corpus" / "expressions" / "integer_division.trino.json", tmp_path / "ok.trino.json")
    p = trino2spark(tmp_path, "--no-trino")
    assert p.returncode == 2, p.stdout + p.stderr
    assert "different" in p.stdout and "2 cases: 1 equal, 1 different" in p.stdout


def test_usage_errors_exit_1():
    p = trino2spark("corpus/joins", "--spark", "3.5", "--no-trino")
    assert p.returncode == 1 and "pyspark" in p.stderr
    p = subprocess.run([str(BIN), "verify"], capture_output=True, text=True)
    assert p.returncode != 0 and "CASES" in p.stderr
