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
import subprocess
import threading
import time
from pathlib import Path

import tpcdata
from compare import compare_rows
from expected import load_expected

T2S_BIN = os.environ.get("T2S_BIN") or str(tpcdata.REPO_ROOT / "target" / "release" / "trino2spark")
QUERY_TIMEOUT = float(os.environ.get("T2S_QUERY_TIMEOUT", "180"))
TRANSPILE_TIMEOUT = float(os.environ.get("T2S_TRANSPILE_TIMEOUT", "60"))
MAX_ERROR_CHARS = 2000

RAW_TRINO_CONF = {
    "spark.sql.ansi.enabled": "true",
    "spark.sql.ansi.doubleQuotedIdentifiers": "true",
}

EXIT_CODES = {"ok": 0, "error": 1, "flagged": 2}


def _clip(s: str, n: int = MAX_ERROR_CHARS) -> str:
    s = s.strip()
    return s if len(s) <= n else s[:n] + f"... [{len(s) - n} more characters]"


def transpile(path: Path, bench: str, spark_line: str) -> dict:
    """Run the transpiler binary. Returns {"status", "spark_sql", "spark_conf", "diagnostics",
    "exit_code", "contract_error"?, "stderr"?}."""
    binary = T2S_BIN
    if not os.path.isabs(binary):
        binary = str(tpcdata.REPO_ROOT / binary)
    cmd = [
        binary, "transpile", str(path),
        "--format", "json",
        "--schema", str(tpcdata.SCHEMA_DIR / f"{bench}.json"),
        "--spark", spark_line,
    ]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=TRANSPILE_TIMEOUT,
                           cwd=tpcdata.REPO_ROOT)
    except FileNotFoundError:
        return {"status": None, "exit_code": None,
                "contract_error": f"transpiler binary not found: {binary} "
                                  "(cargo build --release -p t2s-cli, or set T2S_BIN)"}
    except subprocess.TimeoutExpired:
        return {"status": None, "exit_code": None,
                "contract_error": f"transpiler ran longer than {TRANSPILE_TIMEOUT:.0f} s"}
    out = {"exit_code": p.returncode}
    if p.stderr.strip():
        out["stderr"] = _clip(p.stderr)
    try:
        doc = json.loads(p.stdout)
        if not isinstance(doc, dict):
            raise ValueError("not a JSON object")
    except ValueError as e:
        out["status"] = None
        out["contract_error"] = (f"stdout is not one JSON object ({e}); exit code {p.returncode}; "
                                 f"stdout: {_clip(p.stdout, 500)!r}")
        return out
    out.update({
        "status": doc.get("status"),
        "spark_sql": doc.get("spark_sql"),
        "spark_conf": doc.get("spark_conf") or {},
        "diagnostics": doc.get("diagnostics") or [],
    })
    if out["status"] not in EXIT_CODES:
        out["contract_error"] = f"unknown status {out['status']!r}"
    elif EXIT_CODES[out["status"]] != p.returncode:
        out["contract_error"] = f"status {out['status']!r} but exit code {p.returncode}"
    elif out["status"] != "error" and not isinstance(out["spark_sql"], str):
        out["contract_error"] = f"status {out['status']!r} without spark_sql text"
    return out


def _diag_text(diags: list, severities=("error",)) -> str:
    lines = []
    for d in diags:
        if d.get("severity") in severities:
            lines.append(f"{d.get('line')}:{d.get('column')}: {d.get('severity')}[{d.get('code')}]: {d.get('message')}")
    return "\n".join(lines)


_MISSING = object()


def _error_message(e: BaseException) -> str:
    """The useful part of a PySpark / Py4J exception."""
    msg = str(e)
    java = getattr(e, "java_exception", None)
    if java is not None and not msg.strip():
        try:
            msg = java.toString()
        except Exception:  # noqa: BLE001 - best effort only
            pass
    # Py4JJavaError prints the whole Java stack; keep the head.
    lines = [ln for ln in msg.splitlines() if ln.strip()]
    head = []
    for ln in lines:
        if ln.lstrip().startswith("at ") and head:
            break
        head.append(ln)
    return _clip("\n".join(head) or type(e).__name__)


def run_on_spark(spark, bench: str, sql: str, conf: dict, qid: str, max_rows: int) -> dict:
    """Set conf, USE bench, run sql. Returns {"rows"} or {"error", "timed_out"?}; always
    restores the session settings it changed."""
    saved = {}
    sc = spark.sparkContext
    group = f"t2s-{qid}"
    timed_out = threading.Event()

    def cancel():
        timed_out.set()
        sc.cancelJobGroup(group)

    timer = threading.Timer(QUERY_TIMEOUT, cancel)
    t0 = time.monotonic()
    previous_db = spark.catalog.currentDatabase()
    try:
        for k, v in conf.items():
            try:
                saved[k] = spark.conf.get(k)
            except Exception:  # noqa: BLE001 - not set and no default
                saved[k] = _MISSING
            try:
                spark.conf.set(k, str(v))
            except Exception as e:  # noqa: BLE001
                return {"error": f"cannot set {k}={v}: {_error_message(e)}", "seconds": 0.0}
        spark.sql(f"USE {bench}")
        sc.setJobGroup(group, qid, interruptOnCancel=True)
        timer.start()
        rows = spark.sql(sql).take(max_rows)
        return {"rows": [tuple(r) for r in rows], "seconds": round(time.monotonic() - t0, 3)}
    except Exception as e:  # noqa: BLE001 - every Spark failure is a result, not a crash
        secs = round(time.monotonic() - t0, 3)
        if timed_out.is_set():
            return {"error": f"cancelled after the {QUERY_TIMEOUT:.0f} s time limit (T2S_QUERY_TIMEOUT)",
                    "timed_out": True, "seconds": secs}
        return {"error": _error_message(e), "seconds": secs}
    finally:
        timer.cancel()
        for k, v in saved.items():
            try:
                if v is _MISSING:
                    spark.conf.unset(k)
                else:
                    spark.conf.set(k, v)
            except Exception:  # noqa: BLE001 - static or unknown keys: nothing to restore
                pass
        try:
            spark.sql(f"USE `{previous_db}`")
        except Exception:  # noqa: BLE001
            pass


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
