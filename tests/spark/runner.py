"""Runs one corpus query: transpile it, run it on Spark, compare, classify.

Classifications (README.md):

* ``equal``            the transpiled query ran and returned Trino's rows
* ``different``        it ran and returned other rows (diff in the report)
* ``spark_error``      Spark rejected it or failed running it (or it ran past the time limit)
* ``flagged``          the transpiler said it cannot translate the query faithfully (status
                       "flagged", exit code 2). The flagged text is still run and its outcome
                       recorded as ``flagged_run``, for information only
* ``transpile_error``  the transpiler reported an error (status "error", exit code 1), crashed,
                       or broke its output contract (not one JSON object, exit code vs status)
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from trino2spark.verify import sparkrun, tpcdata

# The suite tests the release binary (T2S_BIN), not an installed native module.
os.environ.setdefault("T2S_BIN", str(tpcdata.REPO_ROOT / "target" / "release" / "trino2spark"))
from trino2spark.verify.expected import load_expected
from trino2spark.verify.transpile import diag_text, error_diagnostics
from trino2spark.verify.transpile import transpile as _transpile
from trino2spark.verify.untyped import compare_rows

RAW_TRINO_CONF = {
    "spark.sql.ansi.enabled": "true",
    "spark.sql.ansi.doubleQuotedIdentifiers": "true",
}


def transpile(path: Path, bench: str, spark_line: str) -> dict:
    """The transpiler's answer for one query file (trino2spark.verify.transpile)."""
    return _transpile(path.read_text(encoding="utf-8"), spark_line, [tpcdata.SCHEMA_DIR / f"{bench}.json"])


def _diag_text(diags: list) -> str:
    return diag_text(error_diagnostics({"diagnostics": diags}))


def run_on_spark(spark, bench: str, sql: str, conf: dict, qid: str, max_rows: int) -> dict:
    return sparkrun.run_sql(spark, sql, conf, database=bench, max_rows=max_rows, tag=qid.replace("/", "_"))


def _compare(spark, bench, sql, conf, qid, expected) -> dict:
    cap = max(10_000, 2 * len(expected.rows) + 10)
    run = run_on_spark(spark, bench, sql, conf, qid, cap)
    out = {"spark_seconds": run["seconds"]}
    if "error" in run:
        out.update(outcome="spark_error", error=run["error"])
        if run.get("timed_out"):
            out["timed_out"] = True
        return out
    rows = run["rows"]
    cmp = compare_rows(rows, expected.rows, expected.ncols)
    out.update(outcome="equal" if cmp.equal else "different", diff=cmp.summary,
               expected_rows=cmp.expected_rows, actual_rows=cmp.actual_rows)
    if len(rows) >= cap:
        out["diff"] += f" (Spark returned at least {cap} rows; reading stopped there)"
    if cmp.details:
        out["details"] = cmp.details
    if cmp.type_notes:
        out["type_notes"] = cmp.type_notes
    return out


def run_query(spark, bench: str, path: Path, spark_line: str, raw_trino: bool) -> dict:
    """Everything about one query, as stored in the report."""
    qid = f"{bench}/{path.stem}"
    t0 = time.monotonic()
    expected = load_expected(tpcdata.expected_file(bench, path.stem))
    res: dict = {"query": qid, "file": str(path)}

    if raw_trino:
        sql = path.read_text(encoding="utf-8").strip().rstrip(";")
        conf = dict(RAW_TRINO_CONF)
        res.update(transpiler_status="raw-trino", spark_conf=conf)
    else:
        t = transpile(path, bench, spark_line)
        res.update(transpiler_status=t.get("status"), exit_code=t.get("exit_code"),
                   transpile_seconds=round(time.monotonic() - t0, 3))
        if t.get("diagnostics"):
            res["diagnostics"] = t["diagnostics"]
        if "contract_error" in t:
            res.update(classification="transpile_error", error=t["contract_error"])
            if t.get("stderr"):
                res["stderr"] = t["stderr"]
            res["seconds"] = round(time.monotonic() - t0, 3)
            return res
        if t["status"] == "error":
            res.update(classification="transpile_error",
                       error=_diag_text(t["diagnostics"]) or t.get("stderr") or "status error")
            res["seconds"] = round(time.monotonic() - t0, 3)
            return res
        sql, conf = t["spark_sql"], t["spark_conf"]
        res.update(spark_conf=conf)

    res["spark_sql"] = sql
    out = _compare(spark, bench, sql, conf, qid, expected)
    if not raw_trino and res["transpiler_status"] == "flagged":
        res["classification"] = "flagged"
        res["error"] = _diag_text(res.get("diagnostics", [])) or "flagged"
        res["flagged_run"] = out
    else:
        outcome = out.pop("outcome")
        res["classification"] = outcome
        res.update(out)
    res["seconds"] = round(time.monotonic() - t0, 3)
    return res


def failure_message(res: dict) -> str:
    lines = [f"{res['query']}: {res['classification']}"]
    if res.get("error"):
        lines.append(res["error"])
    if res.get("details"):
        lines.append(res["details"])
    elif res.get("diff"):
        lines.append(res["diff"])
    if res.get("flagged_run"):
        fr = res["flagged_run"]
        lines.append(f"(the flagged text was run anyway: {fr.get('outcome')}"
                     f"{': ' + fr['diff'] if fr.get('diff') else ''})")
    if res.get("spark_sql"):
        sql = res["spark_sql"]
        lines.append("--- Spark SQL ---")
        lines.append(sql if len(sql) < 4000 else sql[:4000] + "\n...")
    if res.get("spark_conf"):
        lines.append("--- spark_conf --- " + json.dumps(res["spark_conf"], sort_keys=True))
    return "\n".join(lines)
