"""The installed package on a real SparkSession: `Translation.run()` applies the settings and
runs the Spark SQL; TPC-H queries translated through the package return Trino's recorded
results (../shared/corpus; skipped when it is absent)."""
from __future__ import annotations

from decimal import Decimal

import pytest

import trino2spark
from conftest import TPCH_SCHEMA

from trino2spark.verify import tpcdata
from trino2spark.verify.expected import load_expected
from trino2spark.verify.untyped import compare_rows

# A few TPC-H queries of different shapes: aggregation over lineitem (q1), a three-way join with
# ORDER BY/LIMIT (q3), a filter-only scan (q6), an outer join with nested aggregation (q13),
# an IN (subquery) with HAVING (q18).
TPCH_QUERIES = ["q1", "q3", "q6", "q13", "q18"]


def test_run_applies_spark_conf_and_returns_the_dataframe(spark, spark_line):
    t = trino2spark.transpile(
        "SELECT 7 / 2 AS q, CAST(2.5 AS integer) AS r, TIMESTAMP '2024-01-02 03:04:05' AS ts",
        spark=spark_line, ansi=False, time_zone="Asia/Tokyo",
    )
    assert t.status == "ok", t
    spark.conf.set("spark.sql.ansi.enabled", "true")
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    try:
        df = t.run(spark)
        assert spark.conf.get("spark.sql.ansi.enabled") == "false"
        assert spark.conf.get("spark.sql.session.timeZone") == "Asia/Tokyo"
        assert spark.conf.get("spark.sql.timestampType") == "TIMESTAMP_NTZ"
        [row] = df.collect()
        # Trino: integer division truncates; CAST(2.5 AS integer) rounds half away from zero.
        assert (row["q"], row["r"]) == (3, 3)
        assert str(row["ts"]) == "2024-01-02 03:04:05"
    finally:
        for k, v in trino2spark.spark_conf(spark_line).items():
            spark.conf.set(k, v)


def test_run_refuses_a_flagged_translation_unless_forced(spark, spark_line):
    t = trino2spark.transpile("SELECT count(*) AS n FROM tpch.orders TABLESAMPLE BERNOULLI (50)",
                              spark=spark_line, schema=TPCH_SCHEMA)
    assert t.status == "flagged"
    with pytest.raises(trino2spark.NotMappableError, match="TABLESAMPLE"):
        t.run(spark)
    [row] = t.run(spark, force=True).collect()
    [total] = spark.sql("SELECT count(*) FROM tpch.orders").collect()
    assert 0 < row["n"] < total[0]


def test_run_refuses_an_invalid_query_even_forced(spark, spark_line):
    t = trino2spark.transpile("SELECT nope FROM orders", spark=spark_line, schema=TPCH_SCHEMA)
    with pytest.raises(trino2spark.InvalidQueryError):
        t.run(spark, force=True)


def test_run_multi_statement_returns_the_last(spark, spark_line):
    t = trino2spark.transpile(
        "CREATE VIEW t2s_py_v AS SELECT 10 / 4 AS x; SELECT x FROM t2s_py_v", spark=spark_line
    )
    if t.status != "ok":
        pytest.fail(f"expected an ok translation of CREATE VIEW + SELECT: {t!r}")
    try:
        assert t.run(spark).collect()[0]["x"] == 2
    finally:
        spark.sql("DROP VIEW IF EXISTS t2s_py_v")


def test_decimal_results_keep_trino_scale(spark, spark_line):
    t = trino2spark.transpile("SELECT avg(o_totalprice) AS a FROM tpch.orders",
                              spark=spark_line, schema=TPCH_SCHEMA)
    assert t.status == "ok", t
    [row] = t.run(spark).collect()
    assert isinstance(row["a"], Decimal) and row["a"].as_tuple().exponent == -2


@pytest.mark.parametrize("query", TPCH_QUERIES)
def test_tpch_query_matches_trino(query, spark, spark_line):
    if not tpcdata.CORPUS_DIR.is_dir():
        pytest.skip(f"the query corpus {tpcdata.CORPUS_DIR} is absent (../shared/corpus): TPC-H check skipped")
    sql = (tpcdata.CORPUS_DIR / "tpch" / f"{query}.sql").read_text(encoding="utf-8")
    expected = load_expected(tpcdata.expected_file("tpch", query))
    t = trino2spark.transpile(sql, spark=spark_line, schema=TPCH_SCHEMA)
    assert t.status == "ok", repr(t)
    spark.sql("USE tpch")
    rows = [tuple(r) for r in t.run(spark).collect()]
    cmp = compare_rows(rows, expected.rows, expected.ncols)
    assert cmp.equal, f"tpch/{query}: {cmp.summary}\n{cmp.details or ''}"
