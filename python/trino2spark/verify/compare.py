"""Compares a Trino result with a Spark result, typed by Trino's column types.

* Rows as a multiset; when the query's top-level ORDER BY fixes an order, the sequence of the
  sort-key columns must be the same too (rows tied on the keys may come in any order); with
  ``-- compare: ordered`` whole rows are compared in order.
* Values by their Trino type (values.py): decimals exactly, doubles to a relative tolerance,
  CHAR padding and timestamp precision normalised, NULL only with NULL.
* The diff is the smallest one: only the rows that the multiset matching could not pair, or the
  first position where the order differs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .ttypes import TType, parse_ttype
from .values import _key, from_spark, from_trino, same_row

SHOW_ROWS = 10


@dataclass
class Comparison:
    equal: bool
    summary: str
    only_trino: list = field(default_factory=list)
    only_spark: list = field(default_factory=list)
    details: str = ""

    def to_json(self) -> dict:
        return {"equal": self.equal, "summary": self.summary,
                "only_trino": [_jsonable(r) for r in self.only_trino[:SHOW_ROWS]],
                "only_spark": [_jsonable(r) for r in self.only_spark[:SHOW_ROWS]],
                "details": self.details}


def _jsonable(v):
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if v is None or isinstance(v, (bool, int, str)):
        return v
    return str(v)


def fmt_value(v) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str):  # canonical timestamp
        return f"{v[0]}{str(v[1])[1:] if v[1] else ''}"
    if isinstance(v, list):
        return "[" + ", ".join(fmt_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k.split(':', 1)[-1]}: {fmt_value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, str):
        return repr(v)
    return str(v)


def fmt_row(r) -> str:
    return "(" + ", ".join(fmt_value(v) for v in r) + ")"


def _has_float(t: TType) -> bool:
    return t.base in ("double", "real") or any(_has_float(a) for a in t.args)


def _value_key(v) -> str:
    """A hash key under which equal values meet: numbers by value whatever their Python type
    (Spark's 1.0 and Trino's 1 land together; same() then decides)."""
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        try:
            return "n:" + str(Decimal(v).normalize())
        except (ValueError, ArithmeticError):
            return _key(v)
    return _key(v)


def _bucket_key(row, exact_cols) -> str:
    return "|".join(_value_key(row[j]) for j in exact_cols)


def multiset_diff(exp: list, act: list, types: list[TType], rel_tol=None) -> tuple[list, list]:
    """(rows only in exp, rows only in act) under same_row; bucketed by the exact columns."""
    exact = [j for j, t in enumerate(types) if not _has_float(t)]
    buckets: dict[str, list] = {}
    for i, a in enumerate(act):
        buckets.setdefault(_bucket_key(a, exact) if rel_tol is None else "", []).append(i)
    used = [False] * len(act)
    missing = []
    for e in exp:
        cands = buckets.get(_bucket_key(e, exact) if rel_tol is None else "", [])
        for i in cands:
            if not used[i] and same_row(e, act[i], types, rel_tol):
                used[i] = True
                break
        else:
            missing.append(e)
    return missing, [a for i, a in enumerate(act) if not used[i]]


def compare(trino: dict, spark_rows: list, spark_names: list[str] | None, *,
            order_keys: list[int] | None = None, ordered: bool = False,
            rel_tol: float | None = None) -> Comparison:
    """``trino``: {"columns", "rows"} as trino_client encodes it; ``spark_rows``: collected
    pyspark Rows (or tuples); ``order_keys``: indexes of the columns whose sequence the ORDER BY
    fixes; ``ordered``: compare whole rows in order."""
    columns = trino["columns"]
    types = [parse_ttype(c["type"]) for c in columns]
    width = len(spark_names) if spark_names is not None else (len(spark_rows[0]) if spark_rows else len(columns))
    if width != len(columns):
        names = ", ".join(spark_names or [])
        return Comparison(False, f"column count: Trino {len(columns)} ({', '.join(c['name'] for c in columns)}), "
                                 f"Spark {width} ({names})")
    notes = []
    if spark_names is not None:
        bad = [(c["name"], n) for c, n in zip(columns, spark_names) if c["name"].lower() != n.lower()]
        if bad:
            notes.append("column names differ (Trino / Spark): " + ", ".join(f"{a} / {b}" for a, b in bad))
    exp = [[from_trino(v, t) for v, t in zip(r, types)] for r in trino["rows"]]
    act = [[from_spark(v, t) for v, t in zip(r, types)] for r in spark_rows]
    missing, extra = multiset_diff(exp, act, types, rel_tol)
    if missing or extra:
        lines = [f"{len(missing)} row(s) only in Trino, {len(extra)} only in Spark "
                 f"(Trino {len(exp)} rows, Spark {len(act)})"]
        if missing:
            lines.append("only in Trino:")
            lines += ["  - " + fmt_row(r) for r in missing[:SHOW_ROWS]]
        if extra:
            lines.append("only in Spark:")
            lines += ["  + " + fmt_row(r) for r in extra[:SHOW_ROWS]]
        return Comparison(False, "; ".join(notes + [lines[0]]), missing, extra, "\n".join(notes + lines))
    if ordered or order_keys:
        cols = list(range(len(types))) if ordered else order_keys
        ktypes = [types[j] for j in cols]
        for pos, (e, a) in enumerate(zip(exp, act)):
            ek, ak = [e[j] for j in cols], [a[j] for j in cols]
            if not same_row(ek, ak, ktypes, rel_tol):
                what = "rows" if ordered else "sort keys (" + ", ".join(columns[j]["name"] for j in cols) + ")"
                msg = f"order differs at row {pos + 1}: {what} Trino {fmt_row(ek)}, Spark {fmt_row(ak)}"
                return Comparison(False, "; ".join(notes + [msg]), [e], [a], "\n".join(notes + [msg]))
    if notes:
        return Comparison(False, "; ".join(notes), details="\n".join(notes))
    how = "in order" if ordered else ("as multisets, sort keys in order" if order_keys else "as multisets")
    return Comparison(True, f"equal ({len(exp)} rows, compared {how})")


def compare_trino(recorded: dict, live: dict, *, ordered: bool = False) -> Comparison:
    """Trino against Trino (a recorded result re-run live): same columns, and rows equal under the
    typed comparison. Doubles get the harness's relative tolerance: Trino's own DISTINCT
    aggregates (skewness, kurtosis) differ in the last bit between runs, with the order in which
    the workers merge their partial states."""
    if recorded["columns"] != live["columns"]:
        return Comparison(False, "columns differ")
    types = [parse_ttype(c["type"]) for c in recorded["columns"]]
    exp = [[from_trino(v, t) for v, t in zip(r, types)] for r in recorded["rows"]]
    act = [[from_trino(v, t) for v, t in zip(r, types)] for r in live["rows"]]
    if ordered:
        for pos, (e, a) in enumerate(zip(exp, act)):
            if not same_row(e, a, types, None):
                return Comparison(False, f"order differs at row {pos + 1}", [e], [a])
        if len(exp) != len(act):
            return Comparison(False, f"{len(exp)} rows recorded, {len(act)} live")
        return Comparison(True, f"{len(act)} rows")
    missing, extra = multiset_diff(exp, act, types)
    if missing or extra:
        return Comparison(False, f"{len(missing)} row(s) only recorded, {len(extra)} only live: "
                                 + "; ".join(fmt_row(r) for r in (missing + extra)[:4]), missing, extra)
    return Comparison(True, f"{len(act)} rows")


# --------------------------------------------------------------------------------------
# Which output columns does the top-level ORDER BY fix?
# --------------------------------------------------------------------------------------

_TOKEN = re.compile(r"""\s+|--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|"(?:[^"]|"")*"|[A-Za-z_][\w$]*|\d+|.""", re.S)


def _tokens(sql: str) -> list[str]:
    return [t for t in _TOKEN.findall(sql) if t.strip() and not t.startswith("--") and not t.startswith("/*")]


def order_by_items(sql: str) -> list[list[str]]:
    """The items (as token lists) of the top-level ORDER BY of the last statement, or []."""
    toks = _tokens(sql)
    depth, start = 0, None
    for i, t in enumerate(toks):
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        elif depth == 0 and t.upper() == "ORDER" and i + 1 < len(toks) and toks[i + 1].upper() == "BY":
            start = i + 2
        elif depth == 0 and t.upper() in ("UNION", "INTERSECT", "EXCEPT"):
            start = None
    if start is None:
        return []
    items, cur, depth = [], [], 0
    for t in toks[start:]:
        u = t.upper()
        if depth == 0 and u in ("LIMIT", "OFFSET", "FETCH", ";"):
            break
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        if depth == 0 and t == ",":
            items.append(cur)
            cur = []
            continue
        cur.append(t)
    if cur:
        items.append(cur)
    out = []
    for it in items:
        while it and it[-1].upper() in ("ASC", "DESC", "FIRST", "LAST", "NULLS"):
            it = it[:-1]
        out.append(it)
    return out


def order_key_columns(sql: str, column_names: list[str]) -> list[int]:
    """Indexes of the output columns that the ORDER BY items name (by ordinal, by output name,
    or as `q.name`), up to the first item that is none of these: the sequence of those columns
    is fixed by the query."""
    names = [n.lower() for n in column_names]
    out = []
    for parts in order_by_items(sql):
        if len(parts) == 1 and parts[0].isdigit():
            j = int(parts[0]) - 1
        else:
            name = parts[-1] if len(parts) in (1, 3) and (len(parts) == 1 or parts[1] == ".") else None
            if name is None:
                break
            name = name[1:-1].replace('""', '"') if name.startswith('"') else name
            j = names.index(name.lower()) if names.count(name.lower()) == 1 else -1
        if not 0 <= j < len(names):
            break
        out.append(j)
    return out
