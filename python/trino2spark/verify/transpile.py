"""The transpiler, from Python: the package's ``trino2spark.transpile`` (the native module
``trino2spark._native``) when it is importable,
else the ``trino2spark`` binary (``$TRINO2SPARK_BIN``, ``$T2S_BIN``, the checkout's
``target/release/trino2spark``, or ``trino2spark`` on PATH) with ``transpile - --format json``.

Both give one dict: {"status": "ok"|"flagged"|"error", "spark_sql", "spark_conf",
"diagnostics": [{"severity", "code", "message", "line", "column"}], "engine": "native"|<binary>},
or {"status": None, "contract_error": "..."} when the transpiler could not be run or broke its
output contract.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from .paths import repo_path

TRANSPILE_TIMEOUT = float(os.environ.get("T2S_TRANSPILE_TIMEOUT", "60"))
EXIT_CODES = {"ok": 0, "error": 1, "flagged": 2}


def binary() -> str | None:
    for env in ("TRINO2SPARK_BIN", "T2S_BIN"):
        if os.environ.get(env):
            p = Path(os.environ[env])
            if not p.is_absolute() and repo_path() is not None:
                p = repo_path() / p
            return str(p)
    built = repo_path("target", "release", "trino2spark")
    if built is not None and built.is_file():
        return str(built)
    return shutil.which("trino2spark")


def _native():
    """The package's own transpile() (backed by trino2spark._native), or None. A binary named
    in $TRINO2SPARK_BIN / $T2S_BIN wins (the engine suites test the release binary, and
    `trino2spark verify` translates with itself); T2S_NO_NATIVE=1 forces the binary."""
    if os.environ.get("T2S_NO_NATIVE") or os.environ.get("TRINO2SPARK_BIN") or os.environ.get("T2S_BIN"):
        return None
    try:
        from trino2spark import _native  # type: ignore[attr-defined]  # noqa: F401
        from trino2spark import transpile as package_transpile  # type: ignore[attr-defined]
    except ImportError:
        return None
    return package_transpile if callable(package_transpile) else None


def _via_native(fn, sql, spark_line, schemas, ansi, time_zone) -> dict:
    """The JSON contract from the package's transpile(): a Translation's to_dict(); a ParseError
    carries the contract of its error in ``result``; other errors (schema, options, internal)
    become a contract error."""
    try:
        t = fn(sql, spark=spark_line, ansi=ansi, schema=[str(s) for s in schemas] or None, time_zone=time_zone)
        doc = t.to_dict()
    except Exception as e:  # noqa: BLE001 - every failure is reported, never raised
        doc = getattr(e, "result", None)
        if not isinstance(doc, dict):
            return {"status": None, "engine": "native", "contract_error": f"{type(e).__name__}: {e}"}
    out = {"status": doc.get("status"), "spark_sql": doc.get("spark_sql"),
           "spark_conf": dict(doc.get("spark_conf") or {}), "diagnostics": list(doc.get("diagnostics") or []),
           "engine": "native"}
    if out["status"] not in EXIT_CODES:
        out["contract_error"] = f"unknown status {out['status']!r}"
    return out


def transpile(sql: str, spark_line: str = "4", schemas: list | tuple = (), *, ansi: bool | None = None,
              time_zone: str | None = None) -> dict:
    fn = _native()
    if fn is not None:
        return _via_native(fn, sql, spark_line, schemas, ansi, time_zone)
    exe = binary()
    if exe is None:
        return {"status": None, "contract_error": "no transpiler: trino2spark._native is not importable and no "
                "trino2spark binary was found (set TRINO2SPARK_BIN, or cargo build --release -p t2s-cli)"}
    cmd = [exe, "transpile", "-", "--format", "json", "--spark", spark_line]
    for s in schemas:
        cmd += ["--schema", str(s)]
    if ansi is not None:
        cmd += ["--ansi", "true" if ansi else "false"]
    if time_zone:
        cmd += ["--time-zone", time_zone]
    try:
        p = subprocess.run(cmd, input=sql, capture_output=True, text=True, timeout=TRANSPILE_TIMEOUT)
    except FileNotFoundError:
        return {"status": None, "contract_error": f"transpiler binary not found: {exe}"}
    except subprocess.TimeoutExpired:
        return {"status": None, "contract_error": f"the transpiler ran longer than {TRANSPILE_TIMEOUT:.0f} s"}
    try:
        doc = json.loads(p.stdout)
        if not isinstance(doc, dict):
            raise ValueError("not a JSON object")
    except ValueError as e:
        return {"status": None, "exit_code": p.returncode,
                "contract_error": f"stdout is not one JSON object ({e}); exit code {p.returncode}; "
                                  f"stderr: {p.stderr.strip()[:500]!r}"}
    out = {"status": doc.get("status"), "spark_sql": doc.get("spark_sql"),
           "spark_conf": dict(doc.get("spark_conf") or {}), "diagnostics": list(doc.get("diagnostics") or []),
           "engine": exe, "exit_code": p.returncode}
    if out["status"] not in EXIT_CODES:
        out["contract_error"] = f"unknown status {out['status']!r}"
    elif EXIT_CODES[out["status"]] != p.returncode:
        out["contract_error"] = f"status {out['status']!r} but exit code {p.returncode}"
    elif out["status"] != "error" and not isinstance(out["spark_sql"], str):
        out["contract_error"] = f"status {out['status']!r} without spark_sql text"
    return out


def error_diagnostics(out: dict) -> list[dict]:
    return [d for d in out.get("diagnostics") or [] if d.get("severity") == "error"]


def diag_text(diags: list[dict]) -> str:
    return "\n".join(f"{d.get('line')}:{d.get('column')}: {d.get('severity')}[{d.get('code')}]: {d.get('message')}"
                     for d in diags)
