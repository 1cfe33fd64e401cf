"""Canonical values: one form for Trino's JSON (trino_client encoding) and for Spark's collected
rows, guided by the Trino column type; equality with the comparison rules (decimals exactly,
doubles to a relative tolerance with NaN = NaN, reals at single precision, CHAR without its
padding, timestamps to the microsecond); and whether a Spark type is the Spark spelling of a
Trino type."""
from __future__ import annotations

import json
import math
import re
import struct
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

from .ttypes import TType

DOUBLE_REL_TOL = 1e-9
REAL_REL_TOL = 1e-6

_INTS = {"tinyint", "smallint", "integer", "bigint"}
_FLOAT_TEXT = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "NaN": math.nan,
               "Infinity": math.inf, "-Infinity": -math.inf}


def _f32(x: float) -> float:
    if math.isnan(x) or math.isinf(x):
        return x
    return struct.unpack("f", struct.pack("f", x))[0]


def _ts_canon(whole: str, frac: str) -> tuple[str, Decimal]:
    """Timestamps to the microsecond (Spark's precision): the fraction is rounded half up to six
    digits, so timestamp(3) '.120' equals Spark's '.12' and timestamp(9) compares at 6."""
    f = Decimal("0." + frac) if frac else Decimal(0)
    return whole, f.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


_DT_INTERVAL = re.compile(r"^(-)?(\d+) (\d+):(\d+):(\d+)(?:\.(\d+))?$")


def from_trino(v, t: TType):
    """A value as trino_client encodes it -> canonical."""
    if v is None:
        return None
    b = t.base
    if b == "boolean":
        return bool(v)
    if b in _INTS:
        return int(v)
    if b == "double":
        return _FLOAT_TEXT[v] if v in _FLOAT_TEXT else float(v)
    if b == "real":
        return _f32(_FLOAT_TEXT[v] if v in _FLOAT_TEXT else float(v))
    if b == "decimal":
        return Decimal(v)
    if b == "char":
        return v.rstrip(" ")
    if b == "varbinary":
        return v.lower()
    if b == "timestamp":
        whole, _, frac = v.partition(".")
        return _ts_canon(whole, frac)
    if b == "timestamp with time zone":
        from zoneinfo import ZoneInfo
        local, _, zone = v.partition(" ")
        whole, _, frac = local.partition(".")
        dt = datetime.fromisoformat(whole)
        if re.match(r"^[+-]\d\d:\d\d$", zone):
            sign = -1 if zone[0] == "-" else 1
            tz = timezone(sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
        else:
            tz = ZoneInfo(zone)
        utc = dt.replace(tzinfo=tz).astimezone(timezone.utc).replace(tzinfo=None)
        return _ts_canon(utc.isoformat(timespec="seconds"), frac)
    if b == "interval day to second":
        m = _DT_INTERVAL.match(v)
        if m:
            td = timedelta(days=int(m.group(2)), hours=int(m.group(3)), minutes=int(m.group(4)),
                           seconds=int(m.group(5)), microseconds=int((m.group(6) or "0").ljust(6, "0")[:6]))
            return -td if m.group(1) else td
        return v
    if b == "array":
        return [from_trino(x, t.args[0]) for x in v]
    if b == "map":
        kt, vt = t.args
        return {_key(_trino_key(k, kt)): from_trino(x, vt) for k, x in v.items()}
    if b == "row":
        return [from_trino(x, ft) for x, ft in zip(v, t.args)]
    return v  # varchar, date (YYYY-MM-DD), json, unknown, ...


def _trino_key(text: str, kt: TType):
    """trino_query.py writes map keys as text: decode by the key type first."""
    if kt.base in _INTS:
        return int(text)
    if kt.base == "boolean":
        return text == "true"
    if kt.base in ("array", "map", "row"):
        return from_trino(json.loads(text), kt)
    return from_trino(text, kt)


def from_spark(v, t: TType):
    """A value of a collected pyspark Row -> canonical (guided by the Trino type). Never lossy: a
    Spark value of another kind (a fraction where Trino has an integer) stays what it is, so it
    cannot compare equal by accident."""
    if v is None:
        return None
    b = t.base
    if b == "boolean":
        return v
    if b in _INTS:
        if isinstance(v, (int, Decimal)) and v == int(v):
            return int(v)
        return v
    if b == "double":
        return float(v)
    if b == "real":
        return _f32(float(v))
    if b == "decimal":
        return Decimal(v)
    if b == "char":
        return str(v).rstrip(" ")
    if b == "varbinary":
        return bytes(v).hex()
    if b == "date":
        return v.isoformat() if isinstance(v, date) else str(v)
    if b in ("timestamp", "timestamp with time zone"):
        if not isinstance(v, datetime):
            return str(v)
        if b == "timestamp with time zone":  # pyspark gives LTZ values as naive local time
            v = v.astimezone(timezone.utc).replace(tzinfo=None)
        elif v.tzinfo is not None:
            v = v.replace(tzinfo=None)
        return _ts_canon(v.replace(microsecond=0).isoformat(timespec="seconds"),
                         f"{v.microsecond:06d}" if v.microsecond else "")
    if b == "interval day to second":
        return v
    if b == "array":
        return [from_spark(x, t.args[0]) for x in v]
    if b == "map":
        kt, vt = t.args
        return {_key(from_spark(k, kt)): from_spark(x, vt) for k, x in v.items()}
    if b == "row":
        return [from_spark(x, ft) for x, ft in zip(v, t.args)] + list(v)[len(t.args):]
    return v


def _key(c) -> str:
    """A hashable, exact text for a canonical map key."""
    if isinstance(c, Decimal):
        return "dec:" + str(c.normalize()) if c else "dec:0"
    if isinstance(c, float):
        return "f:" + repr(c)
    if isinstance(c, (list, tuple)):
        return "[" + ",".join(_key(x) for x in c) + "]"
    if isinstance(c, dict):
        return "{" + ",".join(f"{k}={_key(x)}" for k, x in sorted(c.items())) + "}"
    return f"{type(c).__name__}:{c}"


def same(a, b, t: TType, rel_tol: float | None = None) -> bool:
    """Equal under the comparison rules; ``rel_tol`` overrides the tolerance of doubles and
    reals (and applies to decimals and integers too: the approximate comparison)."""
    if a is None or b is None:
        return a is None and b is None
    base = t.base
    if base in ("double", "real"):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        if math.isinf(a) or math.isinf(b) or a == b:
            return a == b
        tol = rel_tol if rel_tol is not None else (DOUBLE_REL_TOL if base == "double" else REAL_REL_TOL)
        return math.isclose(a, b, rel_tol=tol, abs_tol=0.0)
    if rel_tol is not None and (base in _INTS or base == "decimal"):
        return a == b or math.isclose(float(a), float(b), rel_tol=rel_tol, abs_tol=0.0)
    if base == "array":
        return len(a) == len(b) and all(same(x, y, t.args[0], rel_tol) for x, y in zip(a, b))
    if base == "map":
        return a.keys() == b.keys() and all(same(a[k], b[k], t.args[1], rel_tol) for k in a)
    if base == "row":
        return len(a) == len(b) and all(same(x, y, ft, rel_tol) for x, y, ft in zip(a, b, t.args))
    return a == b


def same_row(r1, r2, types, rel_tol: float | None = None) -> bool:
    return len(r1) == len(r2) and all(same(x, y, t, rel_tol) for x, y, t in zip(r1, r2, types))


# --------------------------------------------------------------------------------------
# Types: is the Spark column type the Spark spelling of the Trino type?
# --------------------------------------------------------------------------------------

def type_mismatch(t: TType, st) -> str | None:
    from pyspark.sql import types as T

    b = t.base
    simple = {
        "boolean": T.BooleanType, "tinyint": T.ByteType, "smallint": T.ShortType,
        "integer": T.IntegerType, "bigint": T.LongType, "real": T.FloatType, "double": T.DoubleType,
        "varbinary": T.BinaryType, "date": T.DateType,
    }
    want = None
    ok = True
    if b in simple:
        ok, want = isinstance(st, simple[b]), simple[b]().simpleString()
    elif b == "decimal":
        p, s = t.nums if len(t.nums) == 2 else ((t.nums[0], 0) if t.nums else (38, 0))
        want = f"decimal({p},{s})"
        ok = isinstance(st, T.DecimalType) and (st.precision, st.scale) == (p, s)
    elif b in ("varchar", "char", "json"):
        want = "string"
        ok = isinstance(st, (T.StringType, T.VarcharType, T.CharType))
    elif b == "timestamp":
        want = "timestamp_ntz"
        ok = isinstance(st, T.TimestampNTZType)
    elif b == "timestamp with time zone":
        want = "timestamp"
        ok = isinstance(st, T.TimestampType)
    elif b == "interval day to second":
        want, ok = "interval day to second", isinstance(st, T.DayTimeIntervalType)
    elif b == "interval year to month":
        want, ok = "interval year to month", isinstance(st, T.YearMonthIntervalType)
    elif b == "array":
        if not isinstance(st, T.ArrayType):
            return f"{t.text}: got Spark {st.simpleString()}"
        return type_mismatch(t.args[0], st.elementType)
    elif b == "map":
        if not isinstance(st, T.MapType):
            return f"{t.text}: got Spark {st.simpleString()}"
        return type_mismatch(t.args[0], st.keyType) or type_mismatch(t.args[1], st.valueType)
    elif b == "row":
        if not isinstance(st, T.StructType) or len(st.fields) != len(t.args):
            return f"{t.text}: got Spark {st.simpleString()}"
        for name, ft, sf in zip(t.names, t.args, st.fields):
            if name is not None and name.lower() != sf.name.lower():
                return f"{t.text}: field `{name}` is `{sf.name}` in Spark"
            bad = type_mismatch(ft, sf.dataType)
            if bad:
                return bad
        return None
    else:  # unknown (the type of NULL), time, uuid, …: nothing to check
        return None
    return None if ok else f"{t.text}: want Spark {want}, got {st.simpleString()}"


