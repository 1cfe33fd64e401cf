"""Loading the same typed rows into both engines: Trino's memory catalog
(``CREATE TABLE memory.default.<t> (…)`` + ``INSERT … VALUES`` of typed literals) and Spark temp
views (``SELECT * FROM VALUES`` of literals cast to the Spark spelling of each type). Decimals keep
precision and scale, timestamps their precision, arrays / maps / rows their structure, NULLs
their type."""
from __future__ import annotations

import json
import tempfile

from .cases import Table
from .ttypes import spark_literal, spark_type, trino_literal

TRINO_CATALOG, TRINO_SCHEMA = "memory", "default"
INSERT_BATCH = 200


def _tq(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sq(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def trino_statements(t: Table) -> list[str]:
    fq = f"{TRINO_CATALOG}.{TRINO_SCHEMA}.{_tq(t.name)}"
    cols = ", ".join(f"{_tq(n)} {ty}" for n, ty in t.columns)
    stmts = [f"DROP TABLE IF EXISTS {fq}", f"CREATE TABLE {fq} ({cols})"]
    for i in range(0, len(t.rows), INSERT_BATCH):
        values = ", ".join("(" + ", ".join(trino_literal(v, ty) for v, (_, ty) in zip(r, t.columns)) + ")"
                           for r in t.rows[i:i + INSERT_BATCH])
        stmts.append(f"INSERT INTO {fq} VALUES {values}")
    return stmts


def load_trino(trino, tables: list[Table]) -> None:
    for t in tables:
        for s in trino_statements(t):
            trino.execute(s)


def drop_trino(trino, tables: list[Table]) -> None:
    for t in tables:
        try:
            trino.execute(f"DROP TABLE IF EXISTS {TRINO_CATALOG}.{TRINO_SCHEMA}.{_tq(t.name)}")
        except Exception:  # noqa: BLE001 - cleanup only
            pass


def spark_view_sql(t: Table) -> str:
    names = ", ".join(_sq(n) for n, _ in t.columns)
    rows = t.rows or [[None] * len(t.columns)]
    values = ", ".join("(" + ", ".join(spark_literal(v, ty) for v, (_, ty) in zip(r, t.columns)) + ")"
                       for r in rows)
    # Project with explicit casts: VALUES infers nullability and widens; the view keeps the types.
    proj = ", ".join(f"CAST({_sq(n)} AS {spark_type(ty)}) AS {_sq(n)}" for n, ty in t.columns)
    where = "" if t.rows else " WHERE false"
    return (f"CREATE OR REPLACE TEMPORARY VIEW {_sq(t.name)} AS SELECT {proj} "
            f"FROM VALUES {values} AS _t2s({names}){where}")


def load_spark(spark, tables: list[Table]) -> None:
    for t in tables:
        spark.sql(spark_view_sql(t))


def drop_spark(spark, tables: list[Table]) -> None:
    for t in tables:
        try:
            spark.catalog.dropTempView(t.name)
        except Exception:  # noqa: BLE001 - cleanup only
            pass


def schema_file(tables: list[Table]):
    """A temporary JSON catalog (examples/schemas format) of the tables, for the transpiler."""
    f = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="t2s-tables-", delete=False, encoding="utf-8")
    json.dump({"tables": [t.schema_json() for t in tables]}, f)
    f.close()
    return f.name
