"""The project's own corpus (``corpus/**/*.sql``) on real Spark, compared with real Trino.

For every case that has a recorded Trino result (``<case>.trino.json``, written by
``scripts/record_expected.py``) the release binary translates the case for the Spark line under
test (``--spark``); then ``test_corpus[<case>]`` checks:

* a case marked ``-- expect: flagged <code>…`` comes back ``flagged`` with those codes (it is
  not run);
* any other case comes back ``ok``; its ``spark_conf`` is set on the shared session (and undone
  afterwards), its ``spark_sql`` runs on real Spark, and the result equals Trino's: the same
  number of columns, the same names (case-insensitively) and the same rows as a multiset (in
  order when the case says ``-- compare: ordered``). Values are compared by their Trino type:
  decimals exactly, doubles to 1e-9 relative (NaN equals NaN, ±Infinity exactly), reals at
  single precision, CHAR without its trailing blanks, timestamps to the microsecond, arrays /
  maps / rows structurally, NULL only with NULL.

``test_corpus_types[<case>]`` checks, from the same Spark run, that each column's Spark type is
the Spark spelling of Trino's type (integer → INT, bigint → BIGINT, decimal(p,s) →
DECIMAL(p,s) exactly, varchar/char → STRING, timestamp(p) → TIMESTAMP_NTZ, …): a CTAS or a
UNION with other data observes the type. It is a separate test so that a known type difference
never hides a wrong value.

Cases listed in ``corpus/KNOWN_FAILURES.md`` are ``xfail(strict=True)``: a line
``- FIXME `area/name` [spark 3.5]: why`` marks ``test_corpus``, a line
``- FIXME types `area/name`: why`` marks ``test_corpus_types``; without ``[spark …]`` it applies
to every Spark line. The suite shows them, and fails as soon as one starts passing (then delete
the line).

The binary is ``target/release/trino2spark`` unless ``T2S_BIN`` names another. The shared
SparkSession comes from conftest.py (fixture ``spark``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from trino2spark.verify.cases import known_failures as _known_failures
from trino2spark.verify.cases import parse_case
from trino2spark.verify.compare import compare, order_key_columns
from trino2spark.verify.errors import spark_condition
from trino2spark.verify.sparkrun import error_message
from trino2spark.verify.transpile import transpile as _transpile
from trino2spark.verify.ttypes import parse_ttype
from trino2spark.verify.values import type_mismatch

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
KNOWN_FAILURES = CORPUS / "KNOWN_FAILURES.md"
SCHEMA = ROOT / "examples" / "schemas" / "tpch.json"
BIN = Path(os.environ.get("T2S_BIN") or ROOT / "target" / "release" / "trino2spark")


# --------------------------------------------------------------------------------------
# Cases and the known-failure list
# --------------------------------------------------------------------------------------

def case_id(path: Path) -> str:
    return path.relative_to(CORPUS).with_suffix("").as_posix()


def corpus_cases() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.sql") if p.with_suffix(".trino.json").exists())


def directives(sql: str, version: str | None = None) -> dict:
    """``-- expect: ok|flagged <codes…>`` (``-- expect@<version>: …`` overrides it for one Spark
    line, as corpus.rs reads it) and ``-- compare: ordered`` from a case's text."""
    case = parse_case(sql)
    expect = (case.expectation(version) if version else case.expect) or ["ok"]
    return {"status": expect[0], "codes": expect[1:], "ordered": case.ordered}


def known_failures(version: str, kind: str = "values") -> dict[str, str]:
    """case id -> reason, for the FIXME lines of KNOWN_FAILURES.md of this kind ("values" or
    "types") that apply to Spark line `version`."""
    return _known_failures(KNOWN_FAILURES, version, kind)


def _spark_version(config) -> str:
    """The Spark line under test: what conftest.py resolved (--spark, else the installed pyspark)."""
    value = getattr(config, "t2s_spark_line", None)
    if value is None:
        try:
            value = config.getoption("--spark")
        except ValueError:
            value = None
    return str(value or "4")


def pytest_generate_tests(metafunc):
    if "corpus_case" not in metafunc.fixturenames:
        return
    version = _spark_version(metafunc.config)
    types = metafunc.function.__name__ == "test_corpus_types"
    known = known_failures(version, "types" if types else "values")
    params = []
    for path in corpus_cases():
        if types and directives(path.read_text())["status"] != "ok":
            continue  # flagged cases are not run: no types to check
        cid = case_id(path)
        marks = [pytest.mark.xfail(strict=True, reason=f"KNOWN_FAILURES.md: {known[cid]}")] if cid in known else []
        params.append(pytest.param(path, id=cid, marks=marks))
    metafunc.parametrize("corpus_case", params)


def test_corpus_files_are_well_formed():
    """Every case says what it proves and what to expect; every runnable case has Trino's
    recorded result (scripts/record_expected.py), and every recorded result has its case."""
    problems = []
    for path in sorted(CORPUS.rglob("*.sql")):
        lines = path.read_text().splitlines()
        if not lines or not lines[0].startswith("-- "):
            problems.append(f"{case_id(path)}: line 1 must be a comment saying what the case proves")
        if not any(line.strip().startswith("-- expect:") for line in lines):
            problems.append(f"{case_id(path)}: no `-- expect:` line")
        snapshot_only = path.relative_to(CORPUS).parts[0] == "statements"
        if not snapshot_only and not path.with_suffix(".trino.json").exists():
            problems.append(f"{case_id(path)}: no .trino.json (run scripts/record_expected.py)")
    for path in sorted(CORPUS.rglob("*.trino.json")):
        if not path.with_name(path.name.removesuffix(".trino.json") + ".sql").exists():
            problems.append(f"{path.relative_to(CORPUS)}: no .sql case beside it")
    assert not problems, "\n".join(problems)


def test_known_failures_name_real_cases():
    """Every FIXME line names a case that exists and is run (no stale entries)."""
    ids = {case_id(p) for p in corpus_cases()}
    stale = {cid for v in ("4", "3.5") for kind in ("values", "types")
             for cid in known_failures(v, kind) if cid not in ids}
    assert not stale, f"KNOWN_FAILURES.md names cases that do not exist or have no .trino.json: {sorted(stale)}"


# --------------------------------------------------------------------------------------
# The test
# --------------------------------------------------------------------------------------

def transpile(path: Path, version: str) -> dict:
    os.environ.setdefault("T2S_BIN", str(BIN))
    out = _transpile(path.read_text(), version, [SCHEMA])
    if out.get("contract_error"):
        pytest.fail(f"{BIN}: {out['contract_error']}")
    return out


def _diag_text(out: dict) -> str:
    return "\n".join(f"  {d['severity']}[{d['code']}] {d.get('line')}:{d.get('column')}: {d['message']}"
                     for d in out.get("diagnostics", [])) or "  (none)"


_RUNS: dict[tuple[str, str], dict] = {}


def _spark_error_line(e: Exception) -> str:
    """The informative line of a Spark failure: its error condition and message head."""
    msg = error_message(e)
    cond = spark_condition(e, msg)
    lines = [ln.strip().lstrip(": ") for ln in msg.splitlines() if ln.strip()]
    for ln in lines:
        if cond and cond in ln:
            return ln
        causes = list(re.finditer(r"[\w.$]+(?:Exception|Error): ", ln))
        if causes:
            return ln[causes[-1].start():]  # the innermost cause of "Job aborted … Exception: …"
    return lines[0] if lines else type(e).__name__


def run_case(path: Path, version: str, spark) -> dict:
    """Transpile and (if ok) run one case, once per Spark line: {"out", "rows", "schema", "error"}."""
    key = (str(path), version)
    if key in _RUNS:
        return _RUNS[key]
    if not BIN.exists():
        pytest.fail(f"{BIN} is missing: cargo build --release -p t2s-cli (or set T2S_BIN)")
    run = {"out": transpile(path, version), "rows": None, "schema": None, "error": None}
    out = run["out"]
    if out.get("status") == "ok" and directives(path.read_text(), version)["status"] == "ok":
        conf = out.get("spark_conf") or {}
        saved = {k: spark.conf.get(k, None) for k in conf}
        for k, v in conf.items():
            spark.conf.set(k, v)
        try:
            df = spark.sql(out["spark_sql"])
            run["rows"], run["schema"] = df.collect(), df.schema
        except Exception as e:  # noqa: BLE001 - any Spark failure is the finding
            run["error"] = _spark_error_line(e)
        finally:
            for k, v in saved.items():
                if v is None:
                    spark.conf.unset(k)
                else:
                    spark.conf.set(k, v)
    _RUNS[key] = run
    return run


def test_corpus(corpus_case: Path, spark_line: str, spark):
    want = directives(corpus_case.read_text(), spark_line)
    expected = json.loads(corpus_case.with_suffix(".trino.json").read_text())
    run = run_case(corpus_case, spark_line, spark)
    out = run["out"]

    if want["status"] == "flagged":
        codes = {d["code"] for d in out.get("diagnostics", []) if d["severity"] == "error"}
        assert out["status"] == "flagged" and set(want["codes"]) <= codes, (
            f"expected flagged {want['codes']}, got {out['status']}; diagnostics:\n{_diag_text(out)}\n"
            f"Spark SQL:\n{out.get('spark_sql')}")
        return

    assert out["status"] == "ok", f"expected ok, got {out['status']}; diagnostics:\n{_diag_text(out)}"
    spark_sql = out["spark_sql"]
    if run["error"] is not None:
        pytest.fail(f"Spark failed: {run['error']}\nSpark SQL:\n{spark_sql}")

    names = [f.name for f in run["schema"].fields]
    keys = order_key_columns(corpus_case.read_text(), [c["name"] for c in expected["columns"]])
    cmp = compare(expected, run["rows"], names, order_keys=keys, ordered=want["ordered"])
    problems = [] if cmp.equal else [cmp.details or cmp.summary]
    if problems:
        pytest.fail(f"{case_id(corpus_case)} on Spark {spark_line} differs from {expected.get('source')}:\n"
                    + "\n".join(problems) + f"\nSpark SQL:\n{spark_sql}")


def test_corpus_types(corpus_case: Path, spark_line: str, spark):
    expected = json.loads(corpus_case.with_suffix(".trino.json").read_text())
    run = run_case(corpus_case, spark_line, spark)
    if run["schema"] is None:
        pytest.skip(f"no Spark result to type-check: see test_corpus[{case_id(corpus_case)}]")
    columns = expected["columns"]
    fields = run["schema"].fields
    if len(fields) != len(columns):
        pytest.skip(f"column counts differ: see test_corpus[{case_id(corpus_case)}]")
    problems = []
    for c, f in zip(columns, fields):
        bad = type_mismatch(parse_ttype(c["type"]), f.dataType)
        if bad:
            problems.append(f"column `{c['name']}`: Trino {bad}")
    if problems:
        pytest.fail(f"{case_id(corpus_case)} on Spark {spark_line}: Spark types differ from Trino's:\n"
                    + "\n".join(problems) + f"\nSpark SQL:\n{run['out']['spark_sql']}")
