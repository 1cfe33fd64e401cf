"""examples/schemas/{tpch,tpcds}.json against the Parquet data scripts/gen_data.sh writes.

Every table and column of the JSON (Trino's connectors' schema) must exist in the Parquet data
with a compatible type family, and the Parquet data must have nothing the JSON lacks. Names
must match, except the documented aliases in tpcdata.COLUMN_ALIASES. Physical types may
differ in width (tpcgen writes int32 keys where Trino has bigint, decimal(15,2) where Trino's
tpch has decimal(12,2)); the scale of decimals must agree.
"""
from __future__ import annotations

import re

import pytest

from trino2spark.verify import tpcdata

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

_DEC = re.compile(r"decimal\((\d+),\s*(\d+)\)$")


def trino_family(t: str) -> str:
    t = t.lower()
    if t in ("bigint", "integer", "smallint", "tinyint"):
        return "integer"
    if t.startswith("decimal"):
        return "decimal"
    if t.startswith("varchar") or t.startswith("char"):
        return "string"
    if t in ("double", "real"):
        return "float"
    if t.startswith("time(") or t == "time":
        return "time"
    return t  # date, boolean, ...


def arrow_family(t) -> str:
    if pa.types.is_integer(t):
        return "integer"
    if pa.types.is_decimal(t):
        return "decimal"
    if pa.types.is_string(t) or pa.types.is_large_string(t) or "string" in str(t):
        return "string"
    if pa.types.is_floating(t):
        return "float"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_time(t):
        return "time"
    return str(t)


# Trino type family -> Parquet families accepted for it. TIME: Spark 3.5 has no TIME type and
# tpcgen writes dbgen_version.dv_create_time as an integer (seconds of the day).
COMPATIBLE = {"time": {"time", "integer"}}


def _schemas():
    for bench in tpcdata.BENCHMARKS:
        for table in tpcdata.load_schema(bench):
            yield bench, table


def _arrow_schema(bench, table):
    path = tpcdata.parquet_path(bench, table)
    if path is None:
        pytest.fail(f"no Parquet data for {bench}.{table} under {tpcdata.DATA_DIR / bench}; "
                    "run scripts/gen_data.sh", pytrace=False)
    return pq.read_schema(path) if path.is_file() else pq.ParquetDataset(path).schema


@pytest.mark.parametrize("bench", tpcdata.BENCHMARKS)
def test_same_tables(bench):
    names = [t["name"] for t in tpcdata.load_schema(bench)]
    assert len(names) == len(set(names)), "duplicate table in the JSON"
    on_disk = {p.name.removesuffix(".parquet") for p in (tpcdata.DATA_DIR / bench).glob("*")
               if p.name.endswith(".parquet") or p.is_dir()}
    if not on_disk:
        pytest.fail(f"no Parquet data under {tpcdata.DATA_DIR / bench}; run scripts/gen_data.sh",
                    pytrace=False)
    assert sorted(set(names) - on_disk) == [], "tables in the JSON without Parquet data"
    assert sorted(on_disk - set(names)) == [], "Parquet tables missing from the JSON"


@pytest.mark.parametrize("bench,table", [(b, t) for b, t in _schemas()],
                         ids=[f"{b}.{t['name']}" for b, t in _schemas()])
def test_table_columns(bench, table):
    schema = _arrow_schema(bench, table["name"])
    arrow_cols = {f.name: f.type for f in schema}
    expected_names = [tpcdata.parquet_column(bench, table["name"], c["name"]) for c in table["columns"]]
    assert len(set(expected_names)) == len(expected_names), "duplicate column in the JSON"
    assert expected_names == [f.name for f in schema], "column names or order differ from the Parquet file"
    problems = []
    for c, pname in zip(table["columns"], expected_names):
        at = arrow_cols[pname]
        tf, af = trino_family(c["type"]), arrow_family(at)
        if af not in COMPATIBLE.get(tf, {tf}):
            problems.append(f"{c['name']}: Trino {c['type']} vs Parquet {at}")
            continue
        if tf == "decimal":
            m = _DEC.match(c["type"].lower())
            if not m or int(m.group(2)) != at.scale:
                problems.append(f"{c['name']}: Trino {c['type']} vs Parquet {at} (scale differs)")
    assert not problems, "; ".join(problems)


def test_types_are_trino_spellings():
    known = re.compile(
        r"(bigint|integer|smallint|tinyint|double|real|date|boolean|time\(\d\)"
        r"|decimal\(\d+,\d+\)|varchar\(\d+\)|char\(\d+\))$"
    )
    bad = [f"{b}.{t['name']}.{c['name']}: {c['type']}" for b, t in _schemas() for c in t["columns"]
           if not known.match(c["type"])]
    assert not bad, bad
