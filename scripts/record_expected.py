#!/usr/bin/env python3
"""Record Trino's result of every corpus case as the case's expected result.

    python3 scripts/record_expected.py                 # every runnable case without a .trino.json
    python3 scripts/record_expected.py --force         # all runnable cases, overwriting
    python3 scripts/record_expected.py corpus/joins/full_join.sql ...   # just these (overwrites)
    python3 scripts/record_expected.py --check         # re-run all, report changed results, write nothing

Runs each case on the local Trino started by scripts/start_trino.sh (through the harness's
client, python/trino2spark/verify/trino_client.py: the /v1/statement protocol, standard library
only, session time zone UTC) and writes ``<case>.trino.json`` next to the case:

    {"source": "trino <version>", "columns": [{"name", "type"}], "rows": [[...], ...]}

Tables given by the case (``-- table:`` blocks, ``<case>.tables.json``) are loaded into Trino's
memory catalog first. Cases under ``corpus/statements/`` are checked by snapshot only and are
never run. A case that Trino rejects is not valid Trino: the script reports it, writes nothing for
it, and exits with status 1. ``--check`` is ``python -m trino2spark.verify --check-recorded``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT / "tests"))
import t2s_checkout  # noqa: E402,F401  (puts this checkout's trino2spark.verify first)

from trino2spark.verify import check_recorded  # noqa: E402
from trino2spark.verify import tables as tbl  # noqa: E402
from trino2spark.verify.cases import SNAPSHOT_ONLY, collect  # noqa: E402
from trino2spark.verify.harness import Context, dump_recorded, run_trino  # noqa: E402
from trino2spark.verify.trino_client import Trino, TrinoUnavailable  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="*", type=Path, help="case files (default: every runnable case)")
    ap.add_argument("--force", action="store_true", help="re-record cases that already have a .trino.json")
    ap.add_argument("--check", action="store_true", help="compare with the recorded files, write nothing")
    args = ap.parse_args(argv)

    client = Trino()
    try:
        version = client.version()
    except TrinoUnavailable:
        sys.exit("record_expected.py: no Trino answers; start it with scripts/start_trino.sh")

    if args.cases:
        for c in args.cases:
            rel = c.resolve().relative_to(CORPUS)
            if rel.parts[0] in SNAPSHOT_ONLY:
                sys.exit(f"{c}: cases under corpus/{rel.parts[0]}/ are snapshot-only")
        cases = collect([c.resolve() for c in args.cases], ROOT)
    else:
        cases = collect([CORPUS], ROOT)

    if args.check:
        rows = check_recorded(cases, trino=client)
        bad = [r for r in rows if r[1] != "same"]
        for cid, status, detail in bad:
            print(f"{status:5} {cid}: {detail}")
        print(f"{len(rows)} cases: {len(bad)} differ (trino {version})")
        return 1 if bad else 0

    if not args.cases and not args.force:
        cases = [c for c in cases if not c.recorded_path.exists()]
    ctx = Context(spark=None, trino=client, spark_line="4", trino_version=version)
    failed = written = 0
    for case in cases:
        tbl.load_trino(client, case.tables)
        try:
            doc = run_trino(ctx, case)
        finally:
            tbl.drop_trino(client, case.tables)
        if "error" in doc:
            failed += 1
            print(f"FAIL  {case.id}: Trino rejected it: {doc['error'].get('name')}: {doc['error'].get('message')}")
            continue
        case.recorded_path.write_text(dump_recorded(doc), encoding="utf-8")
        written += 1
        print(f"ok    {case.id}  ({len(doc['rows'])} rows)")
    print(f"{len(cases)} cases: {written} written, {failed} rejected by Trino (trino {version})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
