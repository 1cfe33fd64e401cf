#!/usr/bin/env python3
"""Record Trino's result of every corpus case as the case's expected result.

    python scripts/record_expected.py                 # every runnable case without a .trino.json
    python scripts/record_expected.py --force         # all runnable cases, overwriting
    python scripts/record_expected.py corpus/joins/full_join.sql ...   # just these (overwrites)
    python scripts/record_expected.py --check         # re-run all, report changed results, write nothing

Runs each case on the local Trino started by scripts/start_trino.sh (through
tests/trino/trino_query.py, session time zone UTC) and writes ``<case>.trino.json`` next to the
case:

    {"source": "trino <version>", "columns": [{"name", "type"}], "rows": [[...], ...]}

with values encoded as trino_query.py encodes them. Cases under ``corpus/statements/`` are
checked by snapshot only and are never run. A case that Trino rejects is not valid Trino: the
script reports it, writes nothing for it, and exits with status 1.

Needs the PyPI package ``trino``; when the running interpreter lacks it, the script re-runs
itself with TRINO_PYTHON from .tools/trino/env (written by scripts/setup_trino.sh).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SNAPSHOT_ONLY = ("statements",)


def _reexec_with_trino_python() -> None:
    try:
        import trino  # noqa: F401
        return
    except ImportError:
        pass
    env_file = ROOT / ".tools" / "trino" / "env"
    python = None
    if env_file.is_file():
        for line in env_file.read_text().splitlines():
            if line.startswith("TRINO_PYTHON="):
                python = line.split("=", 1)[1].strip()
    if python and Path(python).exists() and not os.environ.get("T2S_RECORD_REEXEC"):
        os.environ["T2S_RECORD_REEXEC"] = "1"  # once: a venv python is often a symlink
        os.execv(python, [python, __file__, *sys.argv[1:]])
    sys.exit("record_expected.py: the `trino` client package is missing; run scripts/setup_trino.sh")


def runnable_cases() -> list[Path]:
    return sorted(
        p for p in CORPUS.rglob("*.sql")
        if p.relative_to(CORPUS).parts[0] not in SNAPSHOT_ONLY
    )


def expected_path(case: Path) -> Path:
    return case.with_suffix(".trino.json")


def _rows_key(case: Path, rows: list) -> list:
    """Rows as the engine test compares them: in order only for `-- compare: ordered` cases;
    not at all for flagged cases."""
    lines = [line.strip() for line in case.read_text().splitlines()]
    if any(line.startswith("-- expect: flagged") for line in lines):
        return []  # never compared with Spark, and may be random (TABLESAMPLE)
    ordered = any(line.startswith("-- compare:") and "ordered" in line for line in lines)
    texts = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]
    return texts if ordered else sorted(texts)


def dump(doc: dict) -> str:
    """JSON with one row per line: readable diffs, stable bytes."""
    head = json.dumps({"source": doc["source"], "columns": doc["columns"]}, ensure_ascii=False)
    rows = [json.dumps(r, ensure_ascii=False) for r in doc["rows"]]
    body = ",\n    ".join(rows)
    return head[:-1] + ',\n  "rows": [' + ("\n    " + body + "\n  " if rows else "") + "]}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="*", type=Path, help="case files (default: every runnable case)")
    ap.add_argument("--force", action="store_true", help="re-record cases that already have a .trino.json")
    ap.add_argument("--check", action="store_true", help="compare with the recorded files, write nothing")
    args = ap.parse_args(argv)

    _reexec_with_trino_python()
    sys.path.insert(0, str(ROOT / "tests" / "trino"))
    from trino_query import TrinoQueryFailed, connect, run_query  # noqa: E402

    conn = connect()
    try:
        version = run_query("SELECT node_version FROM system.runtime.nodes WHERE coordinator",
                            conn=conn)["rows"][0][0]
    except Exception as e:  # no server: say what to do instead of a connection traceback
        sys.exit(f"record_expected.py: no Trino answers ({type(e).__name__}); start it with scripts/start_trino.sh")
    source = f"trino {version}"

    if args.cases:
        cases = [c.resolve() for c in args.cases]
        for c in cases:
            if c.relative_to(CORPUS).parts[0] in SNAPSHOT_ONLY:
                sys.exit(f"{c}: cases under corpus/{c.relative_to(CORPUS).parts[0]}/ are snapshot-only")
    else:
        cases = [c for c in runnable_cases() if args.force or args.check or not expected_path(c).exists()]

    failed = changed = written = 0
    for case in cases:
        rel = case.relative_to(ROOT)
        try:
            result = run_query(case.read_text(), conn=conn)
        except TrinoQueryFailed as e:
            failed += 1
            print(f"FAIL  {rel}: Trino rejected it: {e.info.get('name')}: {e.info.get('message')}")
            continue
        doc = {"source": source, "columns": result["columns"], "rows": result["rows"]}
        out = expected_path(case)
        if args.check:
            if not out.exists():
                print(f"NEW   {rel}")
                changed += 1
                continue
            old = json.loads(out.read_text())
            if old["columns"] != doc["columns"] or _rows_key(case, old["rows"]) != _rows_key(case, doc["rows"]):
                print(f"DIFF  {rel}")
                changed += 1
            continue
        out.write_text(dump(doc))
        written += 1
        print(f"ok    {rel}  ({len(doc['rows'])} rows)")

    what = f"{changed} differ" if args.check else f"{written} written"
    print(f"{len(cases)} cases: {what}, {failed} rejected by Trino ({source})")
    return 1 if failed or (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
