"""`udfs=`: a company's mapping file, through the installed package."""
from __future__ import annotations

import pytest

import trino2spark

UDFS = '''
function is_weekend(date) -> boolean = "dayofweek({0}) IN (1, 7)"
function normalize_email(varchar) -> varchar = udf "com.example.udf.NormalizeEmail" jar "/opt/udfs/x.jar"
'''


def test_udf_rules_map_company_functions():
    t = trino2spark.transpile("SELECT is_weekend(DATE '2024-06-01') AS w, normalize_email('A@B') AS e", udfs=UDFS)
    assert t.status == "ok", t.diagnostics
    assert "dayofweek(DATE '2024-06-01') IN (1, 7) AS w" in t.spark_sql
    assert t.setup == ["CREATE TEMPORARY FUNCTION normalize_email AS 'com.example.udf.NormalizeEmail' USING JAR '/opt/udfs/x.jar'"]
    assert any(r.startswith("is_weekend@udfs #1:") for r in t.rules), t.rules


def test_unknown_function_is_flagged_without_udfs():
    t = trino2spark.transpile("SELECT is_weekend(DATE '2024-06-01') AS w")
    assert t.status == "flagged"
    assert "unmapped-function" in [d.code for d in t.diagnostics]


def test_a_bad_udf_file_says_where():
    with pytest.raises(trino2spark.Error) as e:
        trino2spark.transpile("SELECT 1", udfs='function f(bigint) = "abs({3})"\n')
    assert "udfs #1:1" in str(e.value)


def test_udf_rule_runs_on_spark(spark):
    t = trino2spark.transpile("SELECT is_weekend(DATE '2024-06-02') AS sunday, is_weekend(DATE '2024-06-03') AS monday", udfs=UDFS)
    assert [tuple(r) for r in t.run(spark).collect()] == [(True, False)]
