"""The command line of the harness (``python -m trino2spark.verify``; ``trino2spark verify`` runs
it).

    python -m trino2spark.verify CASES… [--trino URL | --no-trino] [--record] [--report out.html]
        [--format text|json] [--schema S]… [--synthesize] [--seed N] [--rows N] [--spark 4|3.5]
    python -m trino2spark.verify --check-recorded CASES…   (Trino only: live vs recorded)

CASES are .sql files, folders (every .sql below, corpus/statements/ excepted) or, with
``--sql``, query text. Without --trino the local Trino is used when it answers, else the recorded
results. Exit status: 0 every case equal / approximate / flagged as expected, 2 differences, 1
errors (of the harness, or of the arguments).
"""
from __future__ import annotations

import argparse
import json
import sys


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="trino2spark verify", description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="+", help="case files or folders (or SQL text with --sql)")
    ap.add_argument("--sql", action="store_true", help="the arguments are SQL text, not files")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--trino", metavar="URL", help="the Trino server (default: the local one if it answers)")
    g.add_argument("--no-trino", action="store_true", help="use the recorded results only")
    ap.add_argument("--record", action="store_true", help="write Trino's results beside each case (<case>.trino.json)")
    ap.add_argument("--check-recorded", action="store_true",
                    help="re-run the cases on the live Trino and compare with the recorded results (no Spark)")
    ap.add_argument("--report", metavar="PATH", help="write a report: HTML, or JSON when PATH ends in .json")
    ap.add_argument("--format", choices=("text", "json"), default="text", help="standard output format")
    ap.add_argument("--schema", action="append", default=[], metavar="S",
                    help="tables as a JSON catalog or CREATE TABLE file (repeatable)")
    ap.add_argument("--synthesize", action="store_true", help="fill the --schema tables with synthesised rows")
    ap.add_argument("--seed", type=int, default=0, help="seed of the synthesised rows (default 0)")
    ap.add_argument("--rows", type=int, default=20, help="random rows per synthesised table (default 20)")
    ap.add_argument("--spark", choices=("4", "3.5"), help="the Spark line (must match this pyspark)")
    ap.add_argument("--spark-sql", metavar="FILE", help="run this Spark SQL instead of the translation (one case)")
    return ap


def _check_recorded(args) -> int:
    from . import check_recorded
    from .trino_client import TrinoUnavailable
    try:
        rows = check_recorded(args.cases, trino=args.trino or "auto")
    except TrinoUnavailable as e:
        print(f"trino2spark verify: {e}", file=sys.stderr)
        return 1
    bad = [r for r in rows if r[1] != "same"]
    if args.format == "json":
        print(json.dumps({"cases": [{"id": i, "status": s, "detail": d} for i, s, d in rows],
                          "differ": len(bad)}, ensure_ascii=False))
    else:
        for i, s, d in bad:
            print(f"{s:5} {i}: {d}")
        print(f"{len(rows)} cases re-run on Trino: {len(rows) - len(bad)} as recorded, {len(bad)} not")
    return 2 if bad else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.check_recorded:
        return _check_recorded(args)
    from . import verify
    from .sparkrun import prepare_process_env, pyspark_line
    from .trino_client import TrinoUnavailable

    line = pyspark_line()
    if line is None:
        print(f"trino2spark verify: pyspark is not installed in {sys.executable}; use an interpreter "
              "with pyspark (--python, TRINO2SPARK_PYTHON, or .venv-spark4)", file=sys.stderr)
        return 1
    if args.spark and args.spark != line:
        print(f"trino2spark verify: --spark {args.spark}, but this interpreter has pyspark {line}", file=sys.stderr)
        return 1
    spark_sql = None
    if args.spark_sql:
        with open(args.spark_sql, encoding="utf-8") as f:
            spark_sql = f.read()
    prepare_process_env()
    cases = args.cases
    if args.sql:
        from .cases import parse_case
        cases = [parse_case(s, case_id=f"query{i + 1}") for i, s in enumerate(args.cases)]
    try:
        res = verify(cases, trino=None if args.no_trino else (args.trino or "auto"), record=args.record,
                     report=args.report, schema=args.schema or None, synthesize=args.synthesize,
                     seed=args.seed, rows=args.rows, spark_sql=spark_sql)
    except (TrinoUnavailable, ValueError, FileNotFoundError) as e:
        print(f"trino2spark verify: {e}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(res.to_json(), ensure_ascii=False, default=str))
    else:
        for r in res:
            if not r.ok and r.classification != "skipped":
                print(f"{r.classification:12} {r.id}: {r.diff or r.reason or ''}".rstrip())
                if r.details:
                    print("    " + r.details.replace("\n", "\n    "))
        print(res.summary)
        if args.report:
            print(f"report: {args.report}")
    return res.exit_code
