#!/usr/bin/env python3
"""Run SQL on the local Trino (scripts/start_trino.sh) and return the result losslessly as JSON.

CLI:
    python tests/trino/trino_query.py [--catalog memory --schema default] "<sql>"
    echo "<sql>" | python tests/trino/trino_query.py -

prints ``{"columns": [{"name": ..., "type": ...}], "rows": [[...], ...]}``. A query that Trino
rejects or that fails at run time prints ``{"error": {"name", "type", "code", "message"}}`` and
exits with status 2 (status 1 is for everything else: no server, bad arguments).

Library:
    from trino_query import run_query
    run_query("SELECT 7/2")   # -> {"columns": [{"name": "_col0", "type": "integer"}], "rows": [[3]]}

Needs the PyPI package ``trino`` (DB-API client): scripts/setup_trino.sh installs it into
.venv-spark4 when that venv exists, else into .venv-trino (the path is TRINO_PYTHON in
.tools/trino/env).

Value encoding (``type`` is Trino's type string, e.g. ``decimal(3, 2)``, ``array(integer)``):
  NULL                        -> null
  boolean                     -> true / false
  tinyint..bigint             -> JSON integer (exact; Python ints are unbounded)
  real, double                -> string: Python repr of the value ("0.1", "3.5", "1e+16"),
                                 "nan", "inf", "-inf"
  decimal(p, s)               -> string exactly as Trino prints it, with all s digits ("1.50")
  varchar, char(n)            -> string (char keeps its trailing padding)
  date                        -> "YYYY-MM-DD"
  time(p) [with time zone]    -> as Trino prints it ("01:02:03.456", "01:02:03+05:00")
  timestamp(p)                -> ISO "YYYY-MM-DDTHH:MM:SS[.f{p}]" with exactly p fraction digits
  timestamp(p) with time zone -> the same followed by " " and Trino's zone ("... UTC",
                                 "... America/New_York", "... +05:30")
  varbinary                   -> lowercase hex string ("cafe")
  array(T)                    -> JSON array of encoded elements
  map(K, V)                   -> JSON object; keys are the encoded keys as text (strings as
                                 they are, numbers/booleans as their JSON text), values encoded
  row(...)                    -> JSON array of the encoded field values, in field order
                                 (field names are in ``type``)
  json, interval, uuid, ipaddress and anything else -> Trino's text form
The session time zone is UTC unless --timezone says otherwise (the server's JVM runs in UTC too).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

DEFAULT_HOST = "127.0.0.1"
REPO_ROOT = Path(__file__).resolve().parents[2]


def default_port() -> int:
    """TRINO_PORT from the environment, else from .tools/trino/env, else 18080."""
    if os.environ.get("TRINO_PORT"):
        return int(os.environ["TRINO_PORT"])
    env_file = REPO_ROOT / ".tools" / "trino" / "env"
    if env_file.is_file():
        for line in env_file.read_text().splitlines():
            if line.startswith("TRINO_PORT="):
                return int(line.split("=", 1)[1])
    return 18080


# --------------------------------------------------------------------------------------
# Trino type strings -> small trees
# --------------------------------------------------------------------------------------

class TrinoType:
    """A parsed type: ``base`` (lowercase name) and ``args`` (child types for array/map/row)."""

    __slots__ = ("base", "args", "text")

    def __init__(self, base: str, args: list["TrinoType"], text: str):
        self.base, self.args, self.text = base, args, text

    def __repr__(self) -> str:
        return f"TrinoType({self.text!r})"


def _split_top_level(s: str) -> list[str]:
    """Split on commas outside parentheses and double quotes."""
    parts, depth, quoted, cur = [], 0, False, []
    i = 0
    while i < len(s):
        c = s[i]
        if quoted:
            cur.append(c)
            if c == '"':
                if i + 1 < len(s) and s[i + 1] == '"':
                    cur.append('"')
                    i += 1
                else:
                    quoted = False
        elif c == '"':
            quoted = True
            cur.append(c)
        elif c == "(":
            depth += 1
            cur.append(c)
        elif c == ")":
            depth -= 1
            cur.append(c)
        elif c == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    if cur or parts:
        parts.append("".join(cur).strip())
    return parts


_SIMPLE_MULTIWORD = re.compile(
    r"^(time|timestamp)(\(\d+\))?\s+with(out)?\s+time\s+zone$|^interval\s+\w+\s+to\s+\w+$"
    r"|^double\s+precision$",
    re.IGNORECASE,
)


def _row_field_type(item: str) -> str:
    """The type part of one row field: ``name type``, ``"quoted name" type`` or just ``type``."""
    if item.startswith('"'):
        end = 1
        while True:
            end = item.index('"', end)
            if end + 1 < len(item) and item[end + 1] == '"':
                end += 2
                continue
            break
        return item[end + 1:].strip()
    first, _, rest = item.partition(" ")
    if not rest or "(" in first or _SIMPLE_MULTIWORD.match(item):
        return item  # anonymous field: the whole item is the type
    return rest.strip()


def parse_type(text: str) -> TrinoType:
    text = text.strip()
    m = re.match(r"^([A-Za-z_][\w ]*?)\s*(\((.*)\))?(\s+with(out)?\s+time\s+zone)?$", text, re.DOTALL)
    if not m:
        return TrinoType(text.lower(), [], text)
    name = m.group(1).strip().lower()
    inner = m.group(3)
    if m.group(4):
        name = f"{name} with{m.group(5) or ''} time zone"
    args: list[TrinoType] = []
    if inner is not None and name in ("array", "map"):
        args = [parse_type(p) for p in _split_top_level(inner)]
    elif inner is not None and name == "row":
        args = [parse_type(_row_field_type(p)) for p in _split_top_level(inner)]
    return TrinoType(name, args, text)


# --------------------------------------------------------------------------------------
# Values (as the client returns them with legacy_primitive_types=True, i.e. the raw JSON of
# Trino's client protocol) -> lossless JSON values
# --------------------------------------------------------------------------------------

_INTS = {"tinyint", "smallint", "integer", "bigint"}
_FLOAT_WORDS = {"NaN": "nan", "Infinity": "inf", "-Infinity": "-inf"}


def encode_value(value: Any, t: TrinoType | str) -> Any:
    if isinstance(t, str):
        t = parse_type(t)
    if value is None:
        return None
    base = t.base
    if base == "boolean":
        return value if isinstance(value, bool) else str(value).lower() == "true"
    if base in _INTS:
        return int(value)
    if base in ("double", "real", "double precision"):
        if isinstance(value, str):
            return _FLOAT_WORDS.get(value) or repr(float(value))
        return repr(float(value))
    if base == "varbinary":
        return base64.b64decode(value).hex()
    if base == "timestamp" or base == "timestamp with time zone":
        return value.replace(" ", "T", 1) if isinstance(value, str) else value
    if base == "array" and t.args:
        return [encode_value(v, t.args[0]) for v in value]
    if base == "map" and len(t.args) == 2:
        kt, vt = t.args
        return {_map_key(k, kt): encode_value(v, vt) for k, v in value.items()}
    if base == "row" and t.args:
        return [encode_value(v, ft) for v, ft in zip(value, t.args)]
    return value  # decimal, varchar, char, date, time, json, interval, uuid, ... : Trino's text


def _map_key(key: Any, kt: TrinoType) -> str:
    """Map keys come as JSON object keys (text); decode by the key type, encode, render as text."""
    if isinstance(key, str):
        if kt.base in _INTS:
            key = int(key)
        elif kt.base == "boolean":
            key = key.lower() == "true"
        elif kt.base in ("array", "map", "row"):
            try:
                key = json.loads(key)
            except ValueError:
                pass
    enc = encode_value(key, kt)
    return enc if isinstance(enc, str) else json.dumps(enc, ensure_ascii=False)


# --------------------------------------------------------------------------------------
# Running queries
# --------------------------------------------------------------------------------------

class TrinoQueryFailed(Exception):
    """Trino rejected the query or it failed at run time; ``info`` is the JSON error object."""

    def __init__(self, info: dict):
        super().__init__(info.get("message"))
        self.info = info


def connect(host: str = DEFAULT_HOST, port: int | None = None, catalog: str | None = None,
            schema: str | None = None, user: str = "t2s", timezone: str = "UTC",
            session_properties: dict | None = None):
    import trino  # PyPI package `trino`

    return trino.dbapi.connect(
        host=host, port=port or default_port(), user=user, catalog=catalog, schema=schema,
        http_scheme="http", timezone=timezone, session_properties=session_properties or {},
        legacy_primitive_types=True,  # raw protocol values: decimals/timestamps as exact text
    )


def run_query(sql: str, catalog: str | None = None, schema: str | None = None, *,
              host: str = DEFAULT_HOST, port: int | None = None, timezone: str = "UTC",
              session_properties: dict | None = None, conn=None) -> dict:
    """Run one statement; return ``{"columns": [...], "rows": [...]}`` (see module doc).

    Raises TrinoQueryFailed when Trino reports an error for the query.
    """
    import trino

    own = conn is None
    if own:
        conn = connect(host, port, catalog, schema, timezone=timezone,
                       session_properties=session_properties)
    try:
        cur = conn.cursor()
        try:
            cur.execute(sql.strip().rstrip(";"))
            rows = cur.fetchall()
        except trino.exceptions.TrinoQueryError as e:
            raise TrinoQueryFailed({
                "name": e.error_name, "type": e.error_type, "code": e.error_code,
                "message": e.message,
            }) from None
        desc = cur.description or []
        types = [parse_type(d[1]) for d in desc]
        return {
            "columns": [{"name": d[0], "type": d[1]} for d in desc],
            "rows": [[encode_value(v, t) for v, t in zip(row, types)] for row in rows],
        }
    finally:
        if own:
            conn.close()


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
    print(json.dumps(result, ensure_ascii=False, indent=indent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
