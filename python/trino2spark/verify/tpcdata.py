"""Where the engine suite finds its inputs, and how the sample data becomes Spark tables.

Layout (paths relative to the repository root):

* ``examples/schemas/{tpch,tpcds}.json`` -- the tables as Trino's connectors expose them
  (Trino type spelling). The transpiler reads the same files.
* ``.data/{tpch,tpcds}/<table>.parquet`` (or a folder ``<table>/``) -- written by
  ``scripts/gen_data.sh``. ``T2S_DATA_DIR`` overrides ``.data``.
* ``../shared/corpus/{tpch,tpcds}/`` -- the queries and Trino's recorded results (never copied
  into the repository). ``T2S_CORPUS`` overrides it.

Each Parquet table is registered in Spark as a view ``<bench>.<table>`` that casts every column
to the Spark equivalent of its Trino type (bigint -> BIGINT, integer -> INT, decimal(p,s) ->
DECIMAL(p,s), char/varchar -> STRING, date -> DATE). tpcgen writes TPC-DS keys as int32 and
TPC-H money as decimal(15,2); the casts give Spark the types the transpiler was told about.
CHAR(n) values stay unpadded strings: the comparison trims trailing blanks instead.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from . import ttypes as _ttypes
from .paths import REPO_ROOT as _REPO_ROOT

REPO_ROOT = _REPO_ROOT or Path.cwd()
SCHEMA_DIR = REPO_ROOT / "examples" / "schemas"
DATA_DIR = Path(os.environ.get("T2S_DATA_DIR") or REPO_ROOT / ".data")
if not DATA_DIR.is_absolute():
    DATA_DIR = REPO_ROOT / DATA_DIR
CORPUS_DIR = Path(os.environ.get("T2S_CORPUS") or REPO_ROOT.parent / "shared" / "corpus")
if not CORPUS_DIR.is_absolute():
    CORPUS_DIR = REPO_ROOT / CORPUS_DIR

BENCHMARKS = ("tpch", "tpcds")

# Trino's column name -> the name tpcgen writes, where they differ. Trino's tpcds connector keeps
# the specification's truncated `p_response_targe`; tpcgen writes `p_response_target`.
COLUMN_ALIASES: dict[str, dict[str, dict[str, str]]] = {
    "tpcds": {"promotion": {"p_response_targe": "p_response_target"}},
}


def load_schema(bench: str) -> list[dict]:
    """The tables of examples/schemas/<bench>.json, in file order."""
    with open(SCHEMA_DIR / f"{bench}.json", encoding="utf-8") as f:
        return json.load(f)["tables"]


def parquet_path(bench: str, table: str) -> Path | None:
    """The Parquet file or folder tpcgen wrote for a table, or None."""
    base = DATA_DIR / bench
    for p in (base / f"{table}.parquet", base / table):
        if p.exists():
            return p
    return None


def parquet_column(bench: str, table: str, column: str) -> str:
    """The name of a Trino column in tpcgen's Parquet file."""
    return COLUMN_ALIASES.get(bench, {}).get(table, {}).get(column, column)


def spark_type(trino_type: str) -> str | None:
    """The Spark SQL type a column of this Trino type is cast to, or None to leave it as is.
    time(3) (tpcds.dbgen_version.dv_create_time): Spark 3.5 has no TIME type; tpcgen writes an
    integer. No query of the corpus reads it."""
    try:
        return _ttypes.spark_type(trino_type)
    except ValueError:
        return None


def _quote(ident: str) -> str:
    return "`" + ident.replace("`", "``") + "`"


def view_sql(bench: str, table: dict) -> str:
    """CREATE VIEW statement registering one Parquet table under its Trino name and types."""
    path = parquet_path(bench, table["name"])
    if path is None:
        raise FileNotFoundError(f"no Parquet data for {bench}.{table['name']} under {DATA_DIR / bench}")
    cols = []
    for c in table["columns"]:
        src = _quote(parquet_column(bench, table["name"], c["name"]))
        st = spark_type(c["type"])
        expr = f"CAST({src} AS {st})" if st else src
        cols.append(f"{expr} AS {_quote(c['name'])}")
    location = str(path.resolve()).replace("`", "``")
    return (
        f"CREATE OR REPLACE VIEW {_quote(bench)}.{_quote(table['name'])} AS SELECT "
        + ", ".join(cols)
        + f" FROM parquet.`{location}`"
    )


def register_tables(spark, bench: str) -> int:
    """Create database <bench> and a view per table. Returns the number of tables."""
    tables = load_schema(bench)
    spark.sql(f"CREATE DATABASE IF NOT EXISTS {_quote(bench)}")
    for t in tables:
        spark.sql(view_sql(bench, t))
    return len(tables)


def missing_data() -> list[str]:
    """Tables of the schema files that have no Parquet data (empty when all is there)."""
    missing = []
    for bench in BENCHMARKS:
        for t in load_schema(bench):
            if parquet_path(bench, t["name"]) is None:
                missing.append(f"{bench}.{t['name']}")
    return missing


def natural_key(name: str):
    """Sort q2 before q10 and q14_1 before q14_2."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]


def query_files(bench: str) -> list[Path]:
    """The corpus query files of one benchmark, naturally sorted (empty if absent)."""
    d = CORPUS_DIR / bench
    if not d.is_dir():
        return []
    return sorted(d.glob("q*.sql"), key=lambda p: natural_key(p.stem))


def expected_file(bench: str, query: str) -> Path:
    return CORPUS_DIR / bench / "expected_tiny" / f"{query}.sql"
