"""Trino type strings as small trees, and how a value of each type is written as a literal in
Trino SQL and in Spark SQL (used to load the same rows into both engines)."""
from __future__ import annotations

import math
import re

__all__ = ["TType", "parse_ttype", "spark_type", "trino_literal", "spark_literal"]


class TType:
    """A Trino type: ``base`` (lower-case name), ``args`` (child types of array/map/row),
    ``names`` (row field names, None for anonymous fields), ``nums`` (numeric parameters:
    ``decimal(p, s)`` -> (p, s), ``timestamp(3)`` -> (3,), ``varchar(10)`` -> (10,)), ``text``."""

    __slots__ = ("base", "args", "names", "nums", "text")

    def __init__(self, base: str, args: list["TType"] | None = None,
                 names: list[str | None] | None = None, nums: tuple[int, ...] = (), text: str = ""):
        self.base, self.args, self.names, self.nums, self.text = base, args or [], names or [], nums, text

    def __repr__(self) -> str:
        return f"TType({self.text!r})"

    @property
    def precision(self) -> int | None:
        """Fraction digits of timestamp(p)/time(p) (default 3, as Trino), decimal precision."""
        if self.nums:
            return self.nums[0]
        return 3 if self.base.startswith(("timestamp", "time")) else None


def split_top(s: str) -> list[str]:
    """Split on commas outside parentheses and double-quoted names."""
    parts, depth, quoted, cur = [], 0, False, ""
    for c in s:
        if c == '"':
            quoted = not quoted
        elif not quoted and c == "(":
            depth += 1
        elif not quoted and c == ")":
            depth -= 1
        elif not quoted and c == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
            continue
        cur += c
    if cur.strip():
        parts.append(cur.strip())
    return parts


_ANON_FIELD = re.compile(r"^(double\s+precision|time|timestamp|interval)\b", re.I)


def parse_ttype(text: str) -> TType:
    t = text.strip()
    low = t.lower()
    m = re.match(r"^(array|map|row)\s*\((.*)\)$", t, re.S | re.I)
    if m:
        base, inner = m.group(1).lower(), split_top(m.group(2))
        if base == "row":
            names, args = [], []
            for field in inner:
                fm = re.match(r'^("(?:[^"]|"")*"|[A-Za-z_][\w$]*)\s+(.+)$', field, re.S)
                if fm and not _ANON_FIELD.match(field):
                    names.append(fm.group(1).strip('"').replace('""', '"'))
                    args.append(parse_ttype(fm.group(2)))
                else:
                    names.append(None)
                    args.append(parse_ttype(field))
            return TType("row", args, names, text=t)
        return TType(base, [parse_ttype(a) for a in inner], text=t)
    m = re.match(r"^(timestamp|time)\s*(?:\((\d+)\))?\s+with\s+time\s+zone$", low)
    if m:
        return TType(f"{m.group(1)} with time zone", nums=(int(m.group(2)),) if m.group(2) else (), text=t)
    if low.startswith("interval"):
        return TType("interval year to month" if "year" in low else "interval day to second", text=t)
    m = re.match(r"^([a-z ]+?)\s*(?:\(([\d,\s]+)\))?$", low)
    if m:
        nums = tuple(int(x) for x in m.group(2).split(",")) if m.group(2) else ()
        base = "double" if m.group(1) == "double precision" else m.group(1)
        base = {"int": "integer", "float": "real"}.get(base, base)
        return TType(base, nums=nums, text=t)
    return TType(low, text=t)


INTS = {"tinyint", "smallint", "integer", "bigint"}


def _quote_spark(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def spark_type(t: TType | str) -> str:
    """The Spark SQL spelling of a Trino type (timestamp(p) -> TIMESTAMP_NTZ, char/varchar ->
    STRING)."""
    if isinstance(t, str):
        t = parse_ttype(t)
    b = t.base
    simple = {"boolean": "BOOLEAN", "tinyint": "TINYINT", "smallint": "SMALLINT", "integer": "INT",
              "bigint": "BIGINT", "real": "FLOAT", "double": "DOUBLE", "date": "DATE",
              "varbinary": "BINARY", "timestamp": "TIMESTAMP_NTZ",
              "timestamp with time zone": "TIMESTAMP", "json": "STRING",
              "interval day to second": "INTERVAL DAY TO SECOND",
              "interval year to month": "INTERVAL YEAR TO MONTH"}
    if b in simple:
        return simple[b]
    if b in ("varchar", "char"):
        return "STRING"
    if b == "decimal":
        p, s = (t.nums + (0,))[:2] if t.nums else (38, 0)
        return f"DECIMAL({p},{s})"
    if b == "array":
        return f"ARRAY<{spark_type(t.args[0])}>"
    if b == "map":
        return f"MAP<{spark_type(t.args[0])}, {spark_type(t.args[1])}>"
    if b == "row":
        fields = [f"{_quote_spark(n or f'field{i}')}: {spark_type(a)}"
                  for i, (n, a) in enumerate(zip(t.names, t.args))]
        return "STRUCT<" + ", ".join(fields) + ">"
    raise ValueError(f"no Spark type for Trino type {t.text}")


def _sq(s: str) -> str:
    """A single-quoted SQL string (both engines double the quote; Spark also reads backslashes,
    so they are escaped separately in spark_literal)."""
    return "'" + s.replace("'", "''") + "'"


def _float_text(v) -> str | None:
    """Special doubles as text (NaN, Infinity), else None."""
    if isinstance(v, str):
        low = v.lower()
        return {"nan": "NaN", "inf": "Infinity", "infinity": "Infinity", "-inf": "-Infinity",
                "-infinity": "-Infinity"}.get(low)
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    return None


def _ts_text(v, p: int) -> str:
    """'YYYY-MM-DD HH:MM:SS[.fff]' from an ISO-ish string or a datetime."""
    s = v.isoformat(sep=" ") if hasattr(v, "isoformat") and not isinstance(v, str) else str(v)
    return s.replace("T", " ", 1)


def trino_literal(v, t: TType | str) -> str:
    """A Trino SQL expression of type t holding v (values in the .trino.json encoding, or plain
    Python values)."""
    if isinstance(t, str):
        t = parse_ttype(t)
    if v is None:
        return f"CAST(NULL AS {t.text})"
    b = t.base
    if b == "boolean":
        return "true" if (v if isinstance(v, bool) else str(v).lower() == "true") else "false"
    if b in INTS:
        return f"{b.upper()} '{int(v)}'"
    if b in ("double", "real"):
        special = _float_text(v)
        return f"{b.upper()} '{special or repr(float(v))}'"
    if b == "decimal":
        return f"CAST({_sq(str(v))} AS {t.text})"
    if b in ("varchar", "char", "json"):
        return f"CAST({_sq(str(v))} AS {t.text})"
    if b == "date":
        return f"DATE {_sq(str(v))}"
    if b in ("timestamp", "timestamp with time zone", "time", "time with time zone"):
        return f"CAST({_sq(_ts_text(v, t.precision or 3))} AS {t.text})"
    if b == "varbinary":
        return f"X'{v}'" if isinstance(v, str) else f"X'{bytes(v).hex()}'"
    if b == "array":
        inner = ", ".join(trino_literal(x, t.args[0]) for x in v)
        return f"CAST(ARRAY[{inner}] AS {t.text})"
    if b == "map":
        items = list(v.items()) if isinstance(v, dict) else list(v)
        keys = ", ".join(trino_literal(k, t.args[0]) for k, _ in items)
        vals = ", ".join(trino_literal(x, t.args[1]) for _, x in items)
        return f"CAST(MAP(ARRAY[{keys}], ARRAY[{vals}]) AS {t.text})"
    if b == "row":
        inner = ", ".join(trino_literal(x, a) for x, a in zip(v, t.args))
        return f"CAST(ROW({inner}) AS {t.text})"
    return f"CAST({_sq(str(v))} AS {t.text})"


def _spark_sq(s: str) -> str:
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def spark_literal(v, t: TType | str) -> str:
    """A Spark SQL expression of the Spark spelling of t holding v."""
    if isinstance(t, str):
        t = parse_ttype(t)
    st = spark_type(t)
    if v is None:
        return f"CAST(NULL AS {st})"
    b = t.base
    if b == "boolean":
        return "true" if (v if isinstance(v, bool) else str(v).lower() == "true") else "false"
    if b in INTS:
        return f"CAST({_spark_sq(str(int(v)))} AS {st})"
    if b in ("double", "real"):
        special = _float_text(v)
        return f"CAST({_spark_sq(special or repr(float(v)))} AS {st})"
    if b in ("decimal", "varchar", "char", "json", "date"):
        return f"CAST({_spark_sq(str(v))} AS {st})"
    if b in ("timestamp", "timestamp with time zone"):
        return f"CAST({_spark_sq(_ts_text(v, t.precision or 3))} AS {st})"
    if b == "varbinary":
        return f"X'{v}'" if isinstance(v, str) else f"X'{bytes(v).hex()}'"
    if b == "array":
        inner = ", ".join(spark_literal(x, t.args[0]) for x in v)
        return f"CAST(array({inner}) AS {st})"
    if b == "map":
        items = list(v.items()) if isinstance(v, dict) else list(v)
        if not items:
            return f"CAST(map() AS {st})"
        inner = ", ".join(f"{spark_literal(k, t.args[0])}, {spark_literal(x, t.args[1])}" for k, x in items)
        return f"CAST(map({inner}) AS {st})"
    if b == "row":
        inner = ", ".join(spark_literal(x, a) for x, a in zip(v, t.args))
        return f"CAST(struct({inner}) AS {st})"
    return f"CAST({_spark_sq(str(v))} AS {st})"
