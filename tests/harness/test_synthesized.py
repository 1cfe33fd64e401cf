"""Synthesised data on a TPC-H query: the lineitem schema alone (examples/schemas/tpch.json)
gives seeded tables with NULLs, extremes, leap days…, loaded into Trino's memory catalog and into
Spark. The faithful translation agrees with Trino; known-unfaithful ones do not: the harness can
fail."""
from __future__ import annotations

import re

from conftest import ROOT, needs_trino
from trino2spark.verify import verify

pytestmark = needs_trino

SCHEMA = ROOT / "examples" / "schemas" / "tpch.json"
Q01 = """
SELECT l_returnflag, l_linestatus,
       sum(l_quantity) AS sum_qty,
       sum(l_extendedprice) AS sum_base_price,
       sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
       avg(l_quantity) AS avg_qty,
       avg(l_discount) AS avg_disc,
       count(*) AS count_order
FROM lineitem
WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY
GROUP BY l_returnflag, l_linestatus
ORDER BY l_returnflag, l_linestatus
"""


def run(spark, trino_url, **kw):
    res = verify(Q01, spark=spark, trino=trino_url, schema=SCHEMA, synthesize=True, seed=0, **kw)
    assert len(res) == 1
    return res[0]


def test_faithful_translation_is_equal_on_synthesised_rows(spark, trino_url):
    r = run(spark, trino_url)
    assert r.data == "synthesized"
    assert r.classification == "equal", (r.reason or "") + (r.details or "") + (r.spark_sql or "")
    # The data did reach the divergences: a NULL group (NULL sorts last in Trino), and decimals.
    assert r.trino["rows"] >= 3
    assert "NULLS LAST" in r.spark_sql


def test_nulls_first_forced_is_caught(spark, trino_url):
    faithful = run(spark, trino_url)
    unfaithful = faithful.spark_sql.replace("NULLS LAST", "NULLS FIRST")
    assert unfaithful != faithful.spark_sql
    r = run(spark, trino_url, spark_sql=unfaithful, spark_conf=faithful.spark_conf)
    assert r.classification == "different"
    assert r.diff.startswith("order differs at row 1: sort keys (l_returnflag, l_linestatus)"), r.diff


def test_naive_translation_is_caught(spark, trino_url):
    # The Trino text as Spark SQL: NULLs sort first, avg(decimal) has another scale.
    naive = re.sub(r"INTERVAL '90' DAY", "INTERVAL 90 DAYS", Q01)
    r = run(spark, trino_url, spark_sql=naive, spark_conf={"spark.sql.ansi.enabled": "true"})
    assert r.classification == "different", r.reason
    assert r.only_trino and r.only_spark  # avg_qty / avg_disc rounded differently: whole rows differ


def test_the_seed_changes_the_data_not_the_verdict(spark, trino_url):
    res = verify(Q01, spark=spark, trino=trino_url, schema=SCHEMA, synthesize=True, seed=3, rows=12)
    assert res[0].classification == "equal", res[0].details
