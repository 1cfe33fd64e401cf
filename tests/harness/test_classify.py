"""Each classification, produced by the real engines (Trino at 127.0.0.1, pyspark local): the
Trino query runs on Trino, the translation (or a given Spark SQL, standing in for a wrong
translation) on Spark."""
from __future__ import annotations

import json

from conftest import needs_trino
from trino2spark.verify import parse_case, verify

pytestmark = needs_trino


def one(spark, trino_url, sql, **kw):
    res = verify(sql, spark=spark, trino=trino_url, **kw)
    assert len(res) == 1
    return res[0]


def test_equal(spark, trino_url):
    r = one(spark, trino_url, "SELECT 7 / 2 AS q, 7 % -3 AS m, CAST(2.5E0 AS bigint) AS b")
    assert r.classification == "equal", r.details or r.reason
    assert "div" in r.spark_sql and r.trino["live"] and r.spark["rows"] == 1


def test_different_shows_the_smallest_diff(spark, trino_url):
    # A naive translation: Spark's `/` on integers is a DOUBLE division.
    r = one(spark, trino_url, "SELECT x / 2 AS q FROM (VALUES 1, 2, 3, 4) t(x)",
            spark_sql="SELECT x / 2 AS q FROM VALUES (1), (2), (3), (4) AS t(x)")
    assert r.classification == "different"
    # 2 and 4 divide exactly: only the odd rows are in the diff.
    assert sorted(map(str, r.only_trino)) == ["[0]", "[1]"], r.details
    assert "only in Trino" in r.details and "0.5" in r.details and "1.5" in r.details


def test_spark_error(spark, trino_url):
    # Trino's element_at is NULL past the end; Spark's (ANSI) fails.
    r = one(spark, trino_url, "SELECT element_at(ARRAY[1], 5) AS x",
            spark_sql="SELECT element_at(array(1), 5) AS x", spark_conf={"spark.sql.ansi.enabled": "true"})
    assert r.classification == "spark_error"
    assert r.spark["error_class"] == "subscript_out_of_bounds" and "INVALID_ARRAY_INDEX" in r.spark["condition"]


def test_trino_error(spark, trino_url):
    r = one(spark, trino_url, "SELECT CAST('abc' AS integer) AS x", spark_sql="SELECT try_cast('abc' AS INT) AS x")
    assert r.classification == "trino_error"
    assert r.trino["error_name"] == "INVALID_CAST_ARGUMENT" and r.trino["error_class"] == "invalid_cast"


def test_same_class_of_error_on_both_sides_is_equal(spark, trino_url):
    r = one(spark, trino_url, "SELECT 1 / 0 AS x")  # the translation: 1 div 0 under ANSI
    assert r.classification == "equal", r.diff
    assert r.trino["error_class"] == r.spark["error_class"] == "division_by_zero"
    assert r.diff == "both engines fail with division_by_zero"


def test_different_classes_of_error_are_different(spark, trino_url):
    r = one(spark, trino_url, "SELECT 1 / 0 AS x", spark_sql="SELECT CAST('a' AS INT) AS x",
            spark_conf={"spark.sql.ansi.enabled": "true"})
    assert r.classification == "different"
    assert "division_by_zero" in r.diff and "invalid_cast" in r.diff


def test_flagged_with_reason(spark, trino_url):
    r = one(spark, trino_url, "SELECT checksum(x) AS a FROM (VALUES 1, NULL) t(x)")
    assert r.classification == "flagged" and r.ok
    assert "non-mappable" in r.reason and "checksum" in r.reason


def test_flagged_against_the_case_expectation_fails(spark, trino_url):
    r = one(spark, trino_url, parse_case("-- expect: ok\nSELECT checksum(x) AS a FROM (VALUES 1) t(x)"))
    assert r.classification == "flagged" and not r.expectation_met and not r.ok


def test_approximate(spark, trino_url):
    r = one(spark, trino_url, "SELECT approx_percentile(x, 0.5) AS p FROM (VALUES 1, 2, 3, 4, 5) t(x)")
    assert r.classification == "approximate", r.reason
    assert any(d["code"] == "approximate" for d in r.diagnostics)


def test_typed_tables_load_into_both_engines(spark, trino_url, tmp_path):
    case = tmp_path / "typed.sql"
    case.write_text(
        "-- Typed tables: decimals, timestamps with precision, arrays, maps, rows and NULLs.\n"
        "-- expect: ok\n"
        "-- table: t(id integer, d decimal(10,3), ts timestamp(6), a array(integer), m map(varchar, double),"
        " r row(x bigint, s varchar), c char(3), dt date, b boolean)\n"
        '-- row: [1, "-1.500", "2024-02-29 23:59:59.123456", [1, null], {"k": "0.5"}, [7, "é"], "a", "2023-01-31", true]\n'
        "-- row: [2, null, null, null, null, null, null, null, null]\n"
        '-- row: [3, "0.000", "1970-01-01 00:00:00.000000", [], {}, [null, ""], "", "2000-02-29", false]\n'
        "SELECT id, d * 2 AS d2, ts, cardinality(a) AS n, a, m, r.x AS rx, r, c, dt, b, element_at(m, 'k') AS mk\n"
        "FROM t ORDER BY id\n")
    res = verify(case, spark=spark, trino=trino_url)
    r = res[0]
    assert r.classification == "equal", (r.reason or "") + (r.details or "") + (r.spark_sql or "")
    assert r.trino["rows"] == 3 and r.data == "tables"


def test_sidecar_tables_and_recorded_mode(spark, trino_url, tmp_path):
    case = tmp_path / "side.sql"
    case.write_text("-- A sidecar table, recorded, then verified without Trino.\n-- expect: ok\n"
                    "SELECT k, sum(v) AS s FROM kv GROUP BY k ORDER BY k\n")
    (tmp_path / "side.tables.json").write_text(json.dumps({"tables": [{
        "name": "kv", "columns": [{"name": "k", "type": "varchar(5)"}, {"name": "v", "type": "decimal(5,2)"}],
        "rows": [["a", "1.25"], ["a", "-0.25"], [None, "3.00"], ["b", None]]}]}))
    live = verify(case, spark=spark, trino=trino_url, record=True)
    assert live[0].classification == "equal", live[0].details
    recorded = json.loads((tmp_path / "side.trino.json").read_text())
    assert recorded["columns"] == [{"name": "k", "type": "varchar(5)"}, {"name": "s", "type": "decimal(38, 2)"}]
    assert recorded["rows"] == [["a", "1.00"], ["b", None], [None, "3.00"]]
    offline = verify(case, spark=spark, trino=None)
    assert offline[0].classification == "equal" and offline[0].trino["live"] is False
    # The recorded result is what Spark is held to: a wrong recording makes the case differ.
    recorded["rows"][0][1] = "1.01"
    (tmp_path / "side.trino.json").write_text(json.dumps(recorded))
    assert verify(case, spark=spark, trino=None)[0].classification == "different"


def test_no_trino_and_nothing_recorded_is_an_error(spark):
    r = verify("SELECT 1 AS x", spark=spark, trino=None)[0]
    assert r.classification == "error" and "recorded" in r.reason


def test_results_object(spark, trino_url, tmp_path):
    res = verify(["SELECT 1 AS x", "SELECT checksum(x) AS a FROM (VALUES 1) t(x)"], spark=spark,
                 trino=trino_url, report=tmp_path / "r.html")
    assert res.counts == {"equal": 1, "flagged": 1} and res.exit_code == 0
    assert res.summary.startswith("2 cases: 1 equal, 1 flagged")
    assert "<!DOCTYPE html>" in res._repr_html_() and (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    assert json.loads(json.dumps(res.to_json()))["cases"][1]["classification"] == "flagged"
