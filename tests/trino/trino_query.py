#!/usr/bin/env python3
"""Run SQL on the local Trino (scripts/start_trino.sh) and print the result losslessly as JSON.

    python tests/trino/trino_query.py [--catalog memory --schema default] "<sql>"
    echo "<sql>" | python tests/trino/trino_query.py -

prints ``{"columns": [{"name": ..., "type": ...}], "rows": [[...], ...]}``. A query that Trino
rejects or that fails at run time prints ``{"error": {"name", "type", "code", "message"}}`` and
exits with status 2 (status 1 is for everything else: no server, bad arguments).

The client and the value encoding live in the harness package:
``python/trino2spark/verify/trino_client.py`` (the real ``/v1/statement`` protocol, standard
library only); this file re-exports it for the tests and scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import t2s_checkout  # noqa: E402,F401  (puts this checkout's trino2spark.verify first)

from trino2spark.verify.trino_client import (  # noqa: E402,F401  (re-exported)
    DEFAULT_HOST, Trino, TrinoQueryFailed, TrinoUnavailable, default_port, encode_value, run_query,
)
from trino2spark.verify.ttypes import parse_ttype as parse_type  # noqa: E402,F401


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sql", nargs="?", default="-", help="the statement; '-' or none reads stdin")
    ap.add_argument("--catalog")
    ap.add_argument("--schema")
    ap.add_argument("--host", default=DEFAULT_HOST)
    ap.add_argument("--port", type=int, default=None, help="default: TRINO_PORT or 18080")
    ap.add_argument("--timezone", default="UTC", help="session time zone (default UTC)")
    ap.add_argument("--session", action="append", default=[], metavar="NAME=VALUE",
                    help="session property, repeatable")
    ap.add_argument("--pretty", action="store_true", help="indent the JSON")
    args = ap.parse_args(argv)
    sql = sys.stdin.read() if args.sql == "-" else args.sql
    props = dict(p.split("=", 1) for p in args.session)
    indent = 2 if args.pretty else None
    try:
        result = run_query(sql, args.catalog, args.schema, host=args.host, port=args.port,
                           timezone=args.timezone, session_properties=props)
    except TrinoQueryFailed as e:
        print(json.dumps({"error": e.info}, ensure_ascii=False, indent=indent))
        return 2
    except TrinoUnavailable as e:
        print(f"trino_query.py: {e}", file=sys.stderr)
        return 1
    print(json.dumps(result, ensure_ascii=False, indent=indent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
