"""The project's own corpus (``corpus/**/*.sql``) on real Spark, compared with real Trino.

For every case that has a recorded Trino result (``<case>.trino.json``, written by
``scripts/record_expected.py``) the release binary translates the case for the Spark line under
test (``--spark``); then ``test_corpus[<case>]`` checks:

* a case marked ``-- expect: flagged <code>…`` comes back ``flagged`` with those codes (it is
  not run);
* any other case comes back ``ok``; its ``spark_conf`` is set on the shared session (and undone
  afterwards), its ``spark_sql`` runs on real Spark, and the result equals Trino's: the same
  number of columns, the same names (case-insensitively) and the same rows as a multiset (in
  order when the case says ``-- compare: ordered``). Values are compared by their Trino type:
  decimals exactly, doubles to 1e-9 relative (NaN equals NaN, ±Infinity exactly), reals at
  single precision, CHAR without its trailing blanks, timestamps to the microsecond, arrays /
  maps / rows structurally, NULL only with NULL.

``test_corpus_types[<case>]`` checks, from the same Spark run, that each column's Spark type is
the Spark spelling of Trino's type (integer → INT, bigint → BIGINT, decimal(p,s) →
DECIMAL(p,s) exactly, varchar/char → STRING, timestamp(p) → TIMESTAMP_NTZ, …): a CTAS or a
UNION with other data observes the type. It is a separate test so that a known type difference
never hides a wrong value.

Cases listed in ``corpus/KNOWN_FAILURES.md`` are ``xfail(strict=True)``: a line
``- FIXME `area/name` [spark 3.5]: why`` marks ``test_corpus``, a line
``- FIXME types `area/name`: why`` marks ``test_corpus_types``; without ``[spark …]`` it applies
to every Spark line. The suite shows them, and fails as soon as one starts passing (then delete
the line).

The binary is ``target/release/trino2spark`` unless ``T2S_BIN`` names another. The shared
SparkSession comes from conftest.py (fixture ``spark``).
"""

from __future__ import annotations

import json
import math
import os
import re
import struct
import subprocess
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
KNOWN_FAILURES = CORPUS / "KNOWN_FAILURES.md"
SCHEMA = ROOT / "examples" / "schemas" / "tpch.json"
BIN = Path(os.environ.get("T2S_BIN") or ROOT / "target" / "release" / "trino2spark")


# --------------------------------------------------------------------------------------
# Cases and the known-failure list
# --------------------------------------------------------------------------------------

def case_id(path: Path) -> str:
    return path.relative_to(CORPUS).with_suffix("").as_posix()


def corpus_cases() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.sql") if p.with_suffix(".trino.json").exists())


def directives(sql: str, version: str | None = None) -> dict:
    """``-- expect: ok|flagged <codes…>`` (``-- expect@<version>: …`` overrides it for one Spark
    line, as corpus.rs reads it) and ``-- compare: ordered`` from a case's text."""
    expect, versioned, ordered = None, None, False
    for line in sql.splitlines():
        line = line.strip()
        if line.startswith("-- expect:") and expect is None:  # the first one, as corpus.rs reads it
            expect = line[len("-- expect:"):].split() or ["ok"]
        elif version and line.startswith(f"-- expect@{version}:") and versioned is None:
            versioned = line[len(f"-- expect@{version}:"):].split() or ["ok"]
        elif line.startswith("-- compare:"):
            ordered = "ordered" in line[len("-- compare:"):].split()
    expect = versioned or expect or ["ok"]
    return {"status": expect[0], "codes": expect[1:], "ordered": ordered}


_FIXME = re.compile(
    r"^\s*[-*]\s*FIXME\s+(?:(types)\s+)?`([^`]+)`\s*(?:\[spark\s+([^\]]+)\])?\s*:?\s*(.*)$")


def known_failures(version: str, kind: str = "values") -> dict[str, str]:
    """case id -> reason, for the FIXME lines of KNOWN_FAILURES.md of this kind ("values" or
    "types") that apply to Spark line `version`."""
    out: dict[str, str] = {}
    if not KNOWN_FAILURES.exists():
        return out
    for line in KNOWN_FAILURES.read_text().splitlines():
        m = _FIXME.match(line)
        if not m or (m.group(1) or "values") != kind:
            continue
        versions = [v.strip() for v in (m.group(3) or "").split(",") if v.strip()]
        if not versions or version in versions:
            out[m.group(2).removesuffix(".sql")] = m.group(4).strip() or "known failure"
    return out


def _spark_version(config) -> str:
    """The Spark line under test: what conftest.py resolved (--spark, else the installed pyspark)."""
    value = getattr(config, "t2s_spark_line", None)
    if value is None:
        try:
            value = config.getoption("--spark")
        except ValueError:
            value = None
    return str(value or "4")


def pytest_generate_tests(metafunc):
    if "corpus_case" not in metafunc.fixturenames:
        return
    version = _spark_version(metafunc.config)
    types = metafunc.function.__name__ == "test_corpus_types"
    known = known_failures(version, "types" if types else "values")
    params = []
    for path in corpus_cases():
        if types and directives(path.read_text())["status"] != "ok":
            continue  # flagged cases are not run: no types to check
        cid = case_id(path)
        marks = [pytest.mark.xfail(strict=True, reason=f"KNOWN_FAILURES.md: {known[cid]}")] if cid in known else []
        params.append(pytest.param(path, id=cid, marks=marks))
    metafunc.parametrize("corpus_case", params)


def test_corpus_files_are_well_formed():
    """Every case says what it proves and what to expect; every runnable case has Trino's
    recorded result (scripts/record_expected.py), and every recorded result has its case."""
    problems = []
    for path in sorted(CORPUS.rglob("*.sql")):
        lines = path.read_text().splitlines()
        if not lines or not lines[0].startswith("-- "):
            problems.append(f"{case_id(path)}: line 1 must be a comment saying what the case proves")
        if not any(line.strip().startswith("-- expect:") for line in lines):
            problems.append(f"{case_id(path)}: no `-- expect:` line")
        snapshot_only = path.relative_to(CORPUS).parts[0] == "statements"
        if not snapshot_only and not path.with_suffix(".trino.json").exists():
            problems.append(f"{case_id(path)}: no .trino.json (run scripts/record_expected.py)")
    for path in sorted(CORPUS.rglob("*.trino.json")):
        if not path.with_name(path.name.removesuffix(".trino.json") + ".sql").exists():
            problems.append(f"{path.relative_to(CORPUS)}: no .sql case beside it")
    assert not problems, "\n".join(problems)


def test_known_failures_name_real_cases():
    """Every FIXME line names a case that exists and is run (no stale entries)."""
    ids = {case_id(p) for p in corpus_cases()}
    stale = {cid for v in ("4", "3.5") for kind in ("values", "types")
             for cid in known_failures(v, kind) if cid not in ids}
    assert not stale, f"KNOWN_FAILURES.md names cases that do not exist or have no .trino.json: {sorted(stale)}"


# --------------------------------------------------------------------------------------
# Trino types
# --------------------------------------------------------------------------------------

class TType:
    """A Trino type: base name, parameters (types for array/map/row), row field names."""

    def __init__(self, base: str, args: list["TType"] | None = None, names: list[str | None] | None = None,
                 nums: tuple[int, ...] = (), text: str = ""):
        self.base, self.args, self.names, self.nums, self.text = base, args or [], names or [], nums, text

    def __repr__(self) -> str:
        return self.text


def _split_top(s: str) -> list[str]:
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


def parse_ttype(text: str) -> TType:
    t = text.strip()
    low = t.lower()
    m = re.match(r"^(array|map|row)\s*\((.*)\)$", t, re.S | re.I)
    if m:
        base, inner = m.group(1).lower(), _split_top(m.group(2))
        if base == "row":
            names, args = [], []
            for field in inner:
                fm = re.match(r'^("(?:[^"]|"")*"|[A-Za-z_][\w$]*)\s+(.+)$', field, re.S)
                if fm and not re.match(r"^(double\s+precision|time|timestamp|interval)\b", field, re.I):
                    names.append(fm.group(1).strip('"').replace('""', '"'))
                    args.append(parse_ttype(fm.group(2)))
                else:
                    names.append(None)
                    args.append(parse_ttype(field))
            return TType("row", args, names, text=t)
        return TType(base, [parse_ttype(a) for a in inner], text=t)
    if low.startswith("timestamp") and "with time zone" in low:
        return TType("timestamp with time zone", text=t)
    if low.startswith("interval"):
        return TType("interval year to month" if "year" in low else "interval day to second", text=t)
    m = re.match(r"^([a-z ]+?)\s*(?:\(([\d,\s]+)\))?$", low)
    if m:
        nums = tuple(int(x) for x in m.group(2).split(",")) if m.group(2) else ()
        base = "double" if m.group(1) == "double precision" else m.group(1)
        return TType(base, nums=nums, text=t)
    return TType(low, text=t)


# --------------------------------------------------------------------------------------
# Values -> canonical Python values (one form for Trino's JSON and for Spark's rows)
# --------------------------------------------------------------------------------------

_INTS = {"tinyint", "smallint", "integer", "bigint"}
_FLOAT_TEXT = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "NaN": math.nan,
               "Infinity": math.inf, "-Infinity": -math.inf}


def _f32(x: float) -> float:
    if math.isnan(x) or math.isinf(x):
        return x
    return struct.unpack("f", struct.pack("f", x))[0]


def _ts_canon(whole: str, frac: str) -> tuple[str, Decimal]:
    return whole, Decimal("0." + frac) if frac else Decimal(0)


_DT_INTERVAL = re.compile(r"^(-)?(\d+) (\d+):(\d+):(\d+)(?:\.(\d+))?$")


def from_trino(v, t: TType):
    """A value as tests/trino/trino_query.py encodes it -> canonical."""
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
    """A value of a collected pyspark Row -> canonical (guided by the Trino type)."""
    if v is None:
        return None
    b = t.base
    if b == "boolean":
        return bool(v)
    if b in _INTS:
        return int(v)
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


def same(a, b, t: TType) -> bool:
    if a is None or b is None:
        return a is None and b is None
    base = t.base
    if base in ("double", "real"):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        if math.isinf(a) or math.isinf(b) or a == b:
            return a == b
        return math.isclose(a, b, rel_tol=1e-9 if base == "double" else 1e-6, abs_tol=0.0)
    if base == "array":
        return len(a) == len(b) and all(same(x, y, t.args[0]) for x, y in zip(a, b))
    if base == "map":
        return a.keys() == b.keys() and all(same(a[k], b[k], t.args[1]) for k in a)
    if base == "row":
        return len(a) == len(b) and all(same(x, y, ft) for x, y, ft in zip(a, b, t.args))
    return a == b


def same_row(r1, r2, types) -> bool:
    return len(r1) == len(r2) and all(same(x, y, t) for x, y, t in zip(r1, r2, types))


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


# --------------------------------------------------------------------------------------
# The test
# --------------------------------------------------------------------------------------

def transpile(path: Path, version: str) -> dict:
    proc = subprocess.run(
        [str(BIN), "transpile", str(path), "--format", "json", "--spark", version, "--schema", str(SCHEMA)],
        capture_output=True, text=True, timeout=60,
    )
    try:
        return json.loads(proc.stdout)
    except ValueError:
        pytest.fail(f"{BIN} exited {proc.returncode} without JSON:\n{proc.stdout}\n{proc.stderr}")


def _diag_text(out: dict) -> str:
    return "\n".join(f"  {d['severity']}[{d['code']}] {d.get('line')}:{d.get('column')}: {d['message']}"
                     for d in out.get("diagnostics", [])) or "  (none)"


def _fmt_rows(rows) -> str:
    return "\n".join(f"    {r!r}" for r in rows) or "    (no rows)"


def compare_rows(expected, actual, types, ordered: bool) -> str | None:
    """None when equal, else a description of the difference."""
    if ordered:
        if len(expected) == len(actual) and all(same_row(e, a, types) for e, a in zip(expected, actual)):
            return None
        return "rows differ (compared in order)"
    unmatched = list(actual)
    missing = []
    for e in expected:
        for i, a in enumerate(unmatched):
            if same_row(e, a, types):
                del unmatched[i]
                break
        else:
            missing.append(e)
    if not missing and not unmatched:
        return None
    return ("rows differ (compared as multisets)\n  only in Trino:\n" + _fmt_rows(missing)
            + "\n  only in Spark:\n" + _fmt_rows(unmatched))


_RUNS: dict[tuple[str, str], dict] = {}


def _spark_error_line(e: Exception) -> str:
    """The informative line of a Spark failure (Py4J errors start with "An error occurred …")."""
    lines = [l.strip().lstrip(": ") for l in str(e).strip().splitlines() if l.strip()]
    for l in lines:
        if re.search(r"\[[A-Z][A-Z0-9_.]+\]", l):
            return l
        causes = list(re.finditer(r"[\w.$]+(?:Exception|Error): ", l))
        if causes:
            return l[causes[-1].start():]  # the innermost cause of "Job aborted … Exception: …"
    return lines[0] if lines else type(e).__name__


def run_case(path: Path, version: str, spark) -> dict:
    """Transpile and (if ok) run one case, once per Spark line: {"out", "rows", "schema", "error"}."""
    key = (str(path), version)
    if key in _RUNS:
        return _RUNS[key]
    if not BIN.exists():
        pytest.fail(f"{BIN} is missing: cargo build --release -p t2s-cli (or set T2S_BIN)")
    run = {"out": transpile(path, version), "rows": None, "schema": None, "error": None}
    out = run["out"]
    if out.get("status") == "ok" and directives(path.read_text(), version)["status"] == "ok":
        conf = out.get("spark_conf") or {}
        saved = {k: spark.conf.get(k, None) for k in conf}
        for k, v in conf.items():
            spark.conf.set(k, v)
        try:
            df = spark.sql(out["spark_sql"])
            run["rows"], run["schema"] = df.collect(), df.schema
        except Exception as e:  # noqa: BLE001 - any Spark failure is the finding
            run["error"] = _spark_error_line(e)
        finally:
            for k, v in saved.items():
                if v is None:
                    spark.conf.unset(k)
                else:
                    spark.conf.set(k, v)
    _RUNS[key] = run
    return run


def test_corpus(corpus_case: Path, spark_line: str, spark):
    want = directives(corpus_case.read_text(), spark_line)
    expected = json.loads(corpus_case.with_suffix(".trino.json").read_text())
    run = run_case(corpus_case, spark_line, spark)
    out = run["out"]

    if want["status"] == "flagged":
        codes = {d["code"] for d in out.get("diagnostics", []) if d["severity"] == "error"}
        assert out["status"] == "flagged" and set(want["codes"]) <= codes, (
            f"expected flagged {want['codes']}, got {out['status']}; diagnostics:\n{_diag_text(out)}\n"
            f"Spark SQL:\n{out.get('spark_sql')}")
        return

    assert out["status"] == "ok", f"expected ok, got {out['status']}; diagnostics:\n{_diag_text(out)}"
    spark_sql = out["spark_sql"]
    if run["error"] is not None:
        pytest.fail(f"Spark failed: {run['error']}\nSpark SQL:\n{spark_sql}")

    columns = expected["columns"]
    types = [parse_ttype(c["type"]) for c in columns]
    fields = run["schema"].fields
    problems = []
    if len(fields) != len(columns):
        problems.append(f"{len(fields)} columns in Spark ({', '.join(f.name for f in fields)}), "
                        f"{len(columns)} in Trino ({', '.join(c['name'] for c in columns)})")
    else:
        names = [(c["name"], f.name) for c, f in zip(columns, fields) if c["name"].lower() != f.name.lower()]
        if names:
            problems.append("column names differ (Trino / Spark): " + ", ".join(f"{a} / {b}" for a, b in names))
        exp_rows = [[from_trino(v, t) for v, t in zip(r, types)] for r in expected["rows"]]
        act_rows = [[from_spark(v, t) for v, t in zip(r, types)] for r in run["rows"]]
        diff = compare_rows(exp_rows, act_rows, types, want["ordered"])
        if diff:
            problems.append(diff)
            if want["ordered"]:
                problems.append("  Trino:\n" + _fmt_rows(exp_rows) + "\n  Spark:\n" + _fmt_rows(act_rows))
    if problems:
        pytest.fail(f"{case_id(corpus_case)} on Spark {spark_line} differs from {expected.get('source')}:\n"
                    + "\n".join(problems) + f"\nSpark SQL:\n{spark_sql}")


def test_corpus_types(corpus_case: Path, spark_line: str, spark):
    expected = json.loads(corpus_case.with_suffix(".trino.json").read_text())
    run = run_case(corpus_case, spark_line, spark)
    if run["schema"] is None:
        pytest.skip(f"no Spark result to type-check: see test_corpus[{case_id(corpus_case)}]")
    columns = expected["columns"]
    fields = run["schema"].fields
    if len(fields) != len(columns):
        pytest.skip(f"column counts differ: see test_corpus[{case_id(corpus_case)}]")
    problems = []
    for c, f in zip(columns, fields):
        bad = type_mismatch(parse_ttype(c["type"]), f.dataType)
        if bad:
            problems.append(f"column `{c['name']}`: Trino {bad}")
    if problems:
        pytest.fail(f"{case_id(corpus_case)} on Spark {spark_line}: Spark types differ from Trino's:\n"
                    + "\n".join(problems) + f"\nSpark SQL:\n{run['out']['spark_sql']}")
