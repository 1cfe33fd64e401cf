"""Synthesised data: from a schema alone (a JSON catalog like examples/schemas/tpch.json, or a
file of CREATE TABLE statements), small deterministic tables aimed at where Trino and Spark
differ. Every table gets, in this order:

* a row that is NULL in every column;
* a "zero" row: 0, 0.00, '', empty arrays and maps, 1970-01-01, false;
* a "negative / odd" row: -1, negative decimals, non-ASCII strings, arrays holding a NULL element,
  maps with a NULL value, a leap day (2024-02-29), NaN for doubles;
* a "min" row and a "max" row: each integer type's limits, the largest decimal of its precision
  and scale, 9999-12-31 / 0001-01-01, ±Infinity, strings at their declared length;
* then ``rows`` seeded random rows drawn from small pools (so that GROUP BY keys tie and joins
  on key columns match), which include NULLs, month ends and leap days.

The same seed gives the same rows; both engines get them (tables.py).
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from .cases import Table, parse_columns
from .ttypes import TType, parse_ttype, split_top

INT_LIMITS = {"tinyint": 7, "smallint": 15, "integer": 31, "bigint": 63}
STRINGS = ["", "a", "A", "b", "é", "ß", "日本", "x y", " lead", "trail ", "N", "R", "O", "F", "%_\\", "'q'"]
DATES = ["1970-01-01", "2024-02-29", "2023-02-28", "2023-01-31", "2000-12-31", "1998-09-02", "1992-01-01",
         "2020-02-29", "1995-06-30", "2100-03-01"]
TIMES = ["00:00:00", "23:59:59", "12:30:00", "08:15:30"]
FRACTION = "123456789"


# --------------------------------------------------------------------------------------
# Schemas
# --------------------------------------------------------------------------------------

_CREATE = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([\w.\"`]+)\s*\(", re.I)


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def parse_ddl(sql: str) -> list[Table]:
    """Tables of a file of CREATE TABLE statements (the last part of a qualified name is the table
    name; column constraints after the type, like NOT NULL or COMMENT '…', are dropped)."""
    sql = _strip_comments(sql)
    out = []
    for m in _CREATE.finditer(sql):
        name = m.group(1).split(".")[-1].strip('"`')
        depth, i = 1, m.end()
        while i < len(sql) and depth:
            depth += {"(": 1, ")": -1}.get(sql[i], 0)
            i += 1
        body = sql[m.end():i - 1]
        items = []
        for item in split_top(body):
            if re.match(r"^(PRIMARY|UNIQUE|CONSTRAINT|FOREIGN|CHECK|LIKE)\b", item, re.I):
                continue
            item = re.split(r"\s+(NOT\s+NULL|NULL|COMMENT|WITH|DEFAULT)\b", item, maxsplit=1, flags=re.I)[0]
            items.append(item)
        out.append(Table(name, parse_columns(", ".join(items))))
    return out


def load_schema(path: str | Path) -> list[Table]:
    text = Path(path).read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):
        doc = json.loads(text)
        return [Table(t["name"], [(c["name"], c["type"]) for c in t["columns"]]) for t in doc["tables"]]
    return parse_ddl(text)


def tables_in_query(sql: str, tables: list[Table]) -> list[Table]:
    """The tables the query names (every table when it names none of them)."""
    words = {w.lower() for w in re.findall(r"[A-Za-z_][\w]*", _strip_comments(sql))}
    used = [t for t in tables if t.name.lower() in words]
    return used or tables


# --------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------

def _decimal_text(units: int, scale: int) -> str:
    sign = "-" if units < 0 else ""
    digits = str(abs(units)).rjust(scale + 1, "0")
    return sign + (digits[:-scale] + "." + digits[-scale:] if scale else digits)


def _fit(s: str, t: TType) -> str:
    n = t.nums[0] if t.nums and t.base in ("varchar", "char") else None
    return s[:n] if n is not None else s


def _timestamp(day: str, time: str, t: TType) -> str:
    p = t.precision if t.precision is not None else 3
    return f"{day} {time}" + (f".{FRACTION[:p]}" if p else "")


def edge_value(t: TType, kind: str):
    """The value of one edge row (kind: null, zero, odd, min, max) for type t."""
    b = t.base
    if kind == "null":
        return None
    if b in INT_LIMITS:
        lim = INT_LIMITS[b]
        return {"zero": 0, "odd": -1, "min": -(2 ** lim), "max": 2 ** lim - 1}[kind]
    if b == "decimal":
        p, s = (t.nums + (0,))[:2] if t.nums else (38, 0)
        big = 10 ** p - 1
        return _decimal_text({"zero": 0, "odd": -(10 ** s + 10 ** s // 2), "min": -big, "max": big}[kind], s)
    if b in ("double", "real"):
        return {"zero": "0.0", "odd": "nan", "min": "-inf", "max": "inf"}[kind]
    if b == "boolean":
        return {"zero": False, "odd": True, "min": False, "max": True}[kind]
    if b in ("varchar", "char"):
        n = t.nums[0] if t.nums else 12
        return {"zero": "", "odd": _fit("é日本ß", t), "min": " " * min(n, 3), "max": "\uffee" * min(n, 4)}[kind]
    if b == "date":
        return {"zero": "1970-01-01", "odd": "2024-02-29", "min": "0001-01-01", "max": "9999-12-31"}[kind]
    if b == "timestamp":
        day = {"zero": "1970-01-01", "odd": "2024-02-29", "min": "0001-01-01", "max": "9999-12-31"}[kind]
        return _timestamp(day, {"max": "23:59:59"}.get(kind, "00:00:00"), t)
    if b == "varbinary":
        return {"zero": "", "odd": "00ff", "min": "00", "max": "ff" * 4}[kind]
    if b == "array":
        if kind == "zero":
            return []
        if kind == "odd":
            return [None]
        return [edge_value(t.args[0], kind), None]
    if b == "map":
        if kind == "zero":
            return {}
        key = edge_value(t.args[0], kind if kind != "odd" else "zero")
        if key is None:
            return {}
        return {_key_text(key): None if kind == "odd" else edge_value(t.args[1], kind)}
    if b == "row":
        if kind == "odd":
            return [None] * len(t.args)
        return [edge_value(a, kind) for a in t.args]
    raise ValueError(f"cannot synthesise values of type {t.text}")


def _key_text(k):
    return k if isinstance(k, str) else json.dumps(k)


def random_value(t: TType, rng: random.Random, nrows: int):
    """A value from a small pool (ties on purpose), NULL about one time in eight."""
    if rng.random() < 0.125:
        return None
    b = t.base
    if b in INT_LIMITS:
        return rng.randint(-2, max(3, nrows // 2))
    if b == "decimal":
        p, s = (t.nums + (0,))[:2] if t.nums else (38, 0)
        top = min(10 ** p - 1, 10 ** s * 1000)
        return _decimal_text(rng.choice([0, 1, -1, 10 ** s, rng.randint(-top, top), rng.randint(0, top)]), s)
    if b in ("double", "real"):
        return rng.choice(["0.0", "-0.0", "1.5", "-2.25", "0.1", "1e+16", "3.0", repr(rng.uniform(-1000, 1000))])
    if b == "boolean":
        return rng.random() < 0.5
    if b in ("varchar", "char"):
        return _fit(rng.choice(STRINGS), t)
    if b == "date":
        return rng.choice(DATES)
    if b == "timestamp":
        return _timestamp(rng.choice(DATES), rng.choice(TIMES), t)
    if b == "varbinary":
        return rng.choice(["", "00", "cafe", "ff00"])
    if b == "array":
        return [random_value(t.args[0], rng, nrows) for _ in range(rng.randint(0, 3))]
    if b == "map":
        out = {}
        for _ in range(rng.randint(0, 3)):
            k = random_value(t.args[0], rng, nrows)
            if k is not None:
                out[_key_text(k)] = random_value(t.args[1], rng, nrows)
        return out
    if b == "row":
        return [random_value(a, rng, nrows) for a in t.args]
    raise ValueError(f"cannot synthesise values of type {t.text}")


EDGE_KINDS = ("null", "zero", "odd", "min", "max")


def synthesize_table(table: Table, seed: int = 0, rows: int = 20) -> Table:
    types = [parse_ttype(ty) for _, ty in table.columns]
    rng = random.Random(f"{seed}:{table.name}")
    out = [[edge_value(t, kind) for t in types] for kind in EDGE_KINDS]
    out += [[random_value(t, rng, rows) for t in types] for _ in range(rows)]
    return Table(table.name, list(table.columns), out)


def synthesize(tables: list[Table], seed: int = 0, rows: int = 20) -> list[Table]:
    return [synthesize_table(t, seed, rows) for t in tables]
