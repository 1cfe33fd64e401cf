"""Compares Spark's result rows with Trino's recorded rows, as multisets.

Rules (README):

* Row order is ignored; duplicates count (multiset). Row counts must match.
* Decimals and integers compare exactly by numeric value (``25.58 == 25.580 == Decimal``,
  ``25.58 != 25.5812``, ``3 == Decimal('3')``).
* A column where either side has a float (DOUBLE/REAL) compares as float with a relative
  tolerance of 1e-9 (plus an absolute 1e-12 so that 0 matches 1e-17). A DECIMAL on one side and
  a DOUBLE on the other compares the same way, and the type difference is reported.
* Strings compare with trailing blanks removed on both sides (Trino's CHAR(n) is blank-padded).
* NULL equals NULL; NaN equals NaN. Dates, timestamps, booleans compare by value.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

REL_TOL = 1e-9
ABS_TOL = 1e-12
SHOW_ROWS = 5


@dataclass
class Comparison:
    equal: bool
    summary: str  # one line
    details: str = ""  # multi-line, readable diff
    type_notes: list[str] = field(default_factory=list)
    expected_rows: int = 0
    actual_rows: int = 0


def _family(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, Decimal):
        return "decimal"
    if isinstance(v, float):
        return "double"
    if isinstance(v, str):
        return "string"
    if isinstance(v, _dt.datetime):
        return "timestamp"
    if isinstance(v, _dt.date):
        return "date"
    if isinstance(v, _dt.time):
        return "time"
    if isinstance(v, (bytes, bytearray)):
        return "binary"
    return type(v).__name__


def _norm(v):
    """Value used for exact (hashed) comparison."""
    if isinstance(v, str):
        return v.rstrip(" ")
    if isinstance(v, float):
        if math.isnan(v):
            return ("nan",)
        return v
    if isinstance(v, Decimal):
        if v.is_nan():
            return ("nan",)
        return v  # Decimal hashes equal to an equal int / Decimal with another scale
    if isinstance(v, bytearray):
        return bytes(v)
    if isinstance(v, list):
        return tuple(_norm(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((repr(_norm(k)), _norm(x)) for k, x in v.items()))
    if hasattr(v, "asDict") and callable(v.asDict):  # pyspark Row (struct)
        return tuple(_norm(x) for x in v)
    return v


def _as_float(v) -> float | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float, Decimal)):
        return float(v)
    return None


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    fa, fb = _as_float(a), _as_float(b)
    if fa is None or fb is None:
        return _norm(a) == _norm(b)
    if math.isnan(fa) or math.isnan(fb):
        return math.isnan(fa) and math.isnan(fb)
    if math.isinf(fa) or math.isinf(fb):
        return fa == fb
    return math.isclose(fa, fb, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def _fmt(v) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, str):
        return repr(v.rstrip(" "))
    if isinstance(v, Decimal):
        return f"{v}"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, (_dt.date, _dt.datetime, _dt.time)):
        return v.isoformat()
    return repr(v)


def format_row(row) -> str:
    return "(" + ", ".join(_fmt(v) for v in row) + ")"


def _sort_key(row):
    return tuple((0, "") if v is None else (1, repr(_norm(v))) for v in row)


def compare_rows(actual: list, expected: list, ncols: int | None = None) -> Comparison:
    """Compare two lists of row tuples as multisets under the rules above."""
    actual = [tuple(r) for r in actual]
    expected = [tuple(r) for r in expected]
    n_act, n_exp = len(actual), len(expected)

    widths = {len(r) for r in actual} | {len(r) for r in expected}
    if ncols is not None and actual and any(len(r) != ncols for r in actual):
        widths.add(ncols)
    if len(widths) > 1:
        a_w = len(actual[0]) if actual else ncols
        e_w = len(expected[0]) if expected else ncols
        return Comparison(
            False,
            f"column count differs: expected {e_w}, got {a_w}",
            expected_rows=n_exp,
            actual_rows=n_act,
        )
    width = widths.pop() if widths else (ncols or 0)

    # Column families on each side, for the float rule and for the type report.
    exp_fam: list[set] = [set() for _ in range(width)]
    act_fam: list[set] = [set() for _ in range(width)]
    for rows, fams in ((expected, exp_fam), (actual, act_fam)):
        for r in rows:
            for j, v in enumerate(r):
                f = _family(v)
                if f:
                    fams[j].add(f)
    float_cols = [j for j in range(width) if "double" in exp_fam[j] or "double" in act_fam[j]]
    type_notes = []
    for j in range(width):
        e, a = exp_fam[j], act_fam[j]
        if e and a and e != a:
            note = f"column {j + 1}: expected {'/'.join(sorted(e))}, Spark returned {'/'.join(sorted(a))}"
            if j in float_cols and ({"decimal", "integer"} & (e | a)):
                note += " (compared as double)"
            type_notes.append(note)

    exact_cols = [j for j in range(width) if j not in float_cols]

    def key(r):
        return tuple(_norm(r[j]) for j in exact_cols)

    missing: list[tuple] = []
    extra: list[tuple] = []
    if not float_cols:
        ca = Counter(key(r) for r in actual)
        ce = Counter(key(r) for r in expected)
        by_key_a, by_key_e = {}, {}
        for r in actual:
            by_key_a.setdefault(key(r), r)
        for r in expected:
            by_key_e.setdefault(key(r), r)
        for k, n in (ce - ca).items():
            missing.extend([by_key_e[k]] * n)
        for k, n in (ca - ce).items():
            extra.extend([by_key_a[k]] * n)
    else:
        groups_a = defaultdict(list)
        groups_e = defaultdict(list)
        for r in actual:
            groups_a[key(r)].append(r)
        for r in expected:
            groups_e[key(r)].append(r)
        for k in set(groups_a) | set(groups_e):
            ga = sorted(groups_a.get(k, []), key=lambda r: _float_sort(r, float_cols))
            ge = sorted(groups_e.get(k, []), key=lambda r: _float_sort(r, float_cols))
            used = [False] * len(ga)
            # Both sides are sorted by their float columns: only actual rows whose first
            # float column lies within tolerance of the expected row's can match.
            firsts = [_float_sort(ra, float_cols[:1])[0] for ra in ga]
            for re_ in ge:
                hit = -1
                lo, hi = _window(firsts, _float_sort(re_, float_cols[:1])[0])
                for i in range(lo, hi):
                    ra = ga[i]
                    if not used[i] and all(_close(ra[j], re_[j]) for j in float_cols):
                        hit = i
                        break
                if hit >= 0:
                    used[hit] = True
                else:
                    missing.append(re_)
            extra.extend(ra for i, ra in enumerate(ga) if not used[i])

    if not missing and not extra and n_act == n_exp:
        summary = f"equal ({n_exp} rows)"
        if type_notes:
            summary += "; types differ: " + "; ".join(type_notes)
        return Comparison(True, summary, "", type_notes, n_exp, n_act)

    parts = []
    if n_act != n_exp:
        parts.append(f"row count: expected {n_exp}, got {n_act}")
    parts.append(f"{len(missing)} expected rows missing, {len(extra)} unexpected rows")
    summary = "; ".join(parts)
    lines = [summary]
    if type_notes:
        lines.append("types: " + "; ".join(type_notes))
    if missing:
        lines.append(f"missing from Spark (first {min(SHOW_ROWS, len(missing))} of {len(missing)}):")
        lines += ["  - " + format_row(r) for r in sorted(missing, key=_sort_key)[:SHOW_ROWS]]
    if extra:
        lines.append(f"unexpected in Spark (first {min(SHOW_ROWS, len(extra))} of {len(extra)}):")
        lines += ["  + " + format_row(r) for r in sorted(extra, key=_sort_key)[:SHOW_ROWS]]
    return Comparison(False, summary, "\n".join(lines), type_notes, n_exp, n_act)


def _window(firsts: list, probe) -> tuple[int, int]:
    """Index range of `firsts` (sorted (flag, float) keys) that may be close to `probe`."""
    flag, f = probe
    if flag == 0:  # NULL / NaN sort first
        return 0, bisect.bisect_right(firsts, (0, math.inf))
    tol = max(abs(f) * REL_TOL, ABS_TOL) * 2
    return bisect.bisect_left(firsts, (1, f - tol)), bisect.bisect_right(firsts, (1, f + tol))


def _float_sort(r, float_cols):
    out = []
    for j in float_cols:
        f = _as_float(r[j])
        out.append((0, 0.0) if f is None or math.isnan(f) else (1, f))
    return out
