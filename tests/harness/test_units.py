"""The harness's pure parts: case format, ORDER BY keys, error classes, literals, synthesised
rows, reports. No engine needed."""
from __future__ import annotations

import json

import pytest

from trino2spark.verify import Results
from trino2spark.verify.cases import parse_case
from trino2spark.verify.compare import compare, compare_trino, order_key_columns
from trino2spark.verify.errors import spark_error_class, trino_error_class
from trino2spark.verify.harness import CaseResult
from trino2spark.verify.synth import load_schema, parse_ddl, synthesize
from trino2spark.verify.ttypes import spark_literal, spark_type, trino_literal


def test_case_format_headers_and_table_blocks():
    case = parse_case(
        "-- proves something\n-- expect: ok\n-- expect@3.5: flagged non-mappable\n-- compare: ordered\n"
        "-- spark: 4\n-- tolerance: 1e-6\n"
        "-- table: t(a integer, \"b c\" decimal(5,2), d array(varchar), m map(varchar, integer))\n"
        '-- row: [1, "1.50", ["x", null], {"k": null}]\n-- row: [null, null, null, null]\n'
        "SELECT * FROM t ORDER BY a")
    assert case.expect == ["ok"] and case.expectation("3.5") == ["flagged", "non-mappable"]
    assert case.ordered and case.spark_line == "4" and case.tolerance == 1e-6
    (t,) = case.tables
    assert t.name == "t" and t.columns[1] == ("b c", "decimal(5,2)") and len(t.rows) == 2
    with pytest.raises(ValueError):
        parse_case("-- table: t(a integer)\n-- row: [1, 2]\nSELECT 1")
    with pytest.raises(ValueError):
        parse_case("-- dataset: tpch.huge\nSELECT 1")


@pytest.mark.parametrize("sql,cols,keys", [
    ("SELECT a, b FROM t ORDER BY a", ["a", "b"], [0]),
    ("SELECT a, b FROM t ORDER BY 2 DESC NULLS FIRST, a", ["a", "b"], [1, 0]),
    ("SELECT a AS x, b FROM t ORDER BY t.x, b LIMIT 3", ["x", "b"], [0, 1]),
    ('SELECT "A b" FROM t ORDER BY "A b"', ["A b"], [0]),
    ("SELECT a, b FROM t ORDER BY a + 1, b", ["a", "b"], []),
    ("SELECT a FROM (SELECT a FROM t ORDER BY a) s", ["a"], []),
    ("SELECT a, rank() OVER (ORDER BY b) r FROM t", ["a", "r"], []),
    ("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1", ["a"], [0]),
    ("SELECT a FROM t -- ORDER BY a\n", ["a"], []),
])
def test_order_keys(sql, cols, keys):
    assert order_key_columns(sql, cols) == keys


def test_sort_key_order_is_checked_ties_are_not():
    trino = {"columns": [{"name": "k", "type": "varchar"}, {"name": "v", "type": "integer"}],
             "rows": [["a", 1], ["a", 2], [None, 3]]}
    assert compare(trino, [("a", 2), ("a", 1), (None, 3)], ["k", "v"], order_keys=[0]).equal
    c = compare(trino, [(None, 3), ("a", 2), ("a", 1)], ["k", "v"], order_keys=[0])
    assert not c.equal and "order differs at row 1" in c.summary
    c = compare(trino, [("a", 1), ("a", 2), ("b", 3)], ["k", "v"])
    assert not c.equal and c.only_trino == [[None, 3]] and c.only_spark == [["b", 3]]


def test_values_compare_by_trino_type():
    from decimal import Decimal
    import datetime as dt
    trino = {"columns": [{"name": "d", "type": "decimal(5,2)"}, {"name": "f", "type": "double"},
                         {"name": "c", "type": "char(4)"}, {"name": "ts", "type": "timestamp(3)"}],
             "rows": [["1.50", "0.1", "ab  ", "2020-01-01T00:00:00.120"]]}
    row = (Decimal("1.5"), 0.1 + 1e-17, "ab", dt.datetime(2020, 1, 1, 0, 0, 0, 120000))
    assert compare(trino, [row], ["d", "f", "c", "ts"]).equal
    assert not compare(trino, [(Decimal("1.51"),) + row[1:]], ["d", "f", "c", "ts"]).equal
    assert not compare(trino, [row[:1] + (0.1001,) + row[2:]], ["d", "f", "c", "ts"]).equal
    assert compare(trino, [row[:1] + (0.1001,) + row[2:]], ["d", "f", "c", "ts"], rel_tol=0.01).equal


def test_recorded_trino_results_compare_typed():
    # The live re-run of a recorded case (the data is Trino's own skewness(DISTINCT x), which
    # changes in its last bit between runs with the merge order of partial states).
    cols = [{"name": "g", "type": "integer"}, {"name": "h", "type": "map(integer, bigint)"},
            {"name": "sk", "type": "double"}]
    rec = {"columns": cols, "rows": [[1, {"7": 1, "0": 1}, "0.3461680709723673"], [2, None, None]]}
    live = {"columns": cols, "rows": [[2, None, None], [1, {"0": 1, "7": 1}, "0.346168070972367"]]}
    assert compare_trino(rec, live).equal
    assert not compare_trino(rec, live, ordered=True).equal
    c = compare_trino(rec, {"columns": cols, "rows": [[2, None, None], [1, {"0": 1, "7": 2}, "0.3461680709723673"]]})
    assert not c.equal and "1 row(s) only recorded, 1 only live" in c.summary
    assert not compare_trino(rec, {"columns": cols, "rows": [[2, None, None], [1, {"0": 1, "7": 1}, "0.3462"]]}).equal
    assert not compare_trino(rec, {"columns": cols[:2] + [{"name": "sk", "type": "real"}], "rows": live["rows"]}).equal


@pytest.mark.parametrize("name,message,cls", [
    ("DIVISION_BY_ZERO", "Division by zero", "division_by_zero"),
    ("NUMERIC_VALUE_OUT_OF_RANGE", "integer addition overflow", "overflow"),
    ("INVALID_CAST_ARGUMENT", "Cannot cast 'abc' to INT", "invalid_cast"),
    ("INVALID_CAST_ARGUMENT", "Cannot cast DECIMAL(3, 1) '99.9' to DECIMAL(2, 1)", "overflow"),
    ("INVALID_FUNCTION_ARGUMENT", "Array subscript must be less than or equal to array length: 5 > 2",
     "subscript_out_of_bounds"),
    ("INVALID_FUNCTION_ARGUMENT", "Key not present in map: 3", "map_key_not_found"),
    ("INVALID_FUNCTION_ARGUMENT", "Duplicate map keys (1) are not allowed", "duplicate_map_key"),
    ("FUNCTION_NOT_FOUND", "line 1:8: Function 'x' not registered", "analysis"),
])
def test_trino_error_classes(name, message, cls):
    assert trino_error_class({"name": name, "message": message}) == cls


@pytest.mark.parametrize("cond,cls", [
    ("DIVIDE_BY_ZERO", "division_by_zero"), ("ARITHMETIC_OVERFLOW", "overflow"),
    ("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", "overflow"), ("CAST_OVERFLOW", "overflow"),
    ("CAST_INVALID_INPUT", "invalid_cast"), ("INVALID_ARRAY_INDEX", "subscript_out_of_bounds"),
    ("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", "subscript_out_of_bounds"),
    ("MAP_KEY_DOES_NOT_EXIST", "map_key_not_found"), ("DUPLICATED_MAP_KEY", "duplicate_map_key"),
    ("UNRESOLVED_ROUTINE", "analysis"), (None, "other"),
])
def test_spark_error_classes(cond, cls):
    assert spark_error_class(cond, "") == cls


def test_literals_keep_types():
    assert trino_literal(None, "decimal(5,2)") == "CAST(NULL AS decimal(5,2))"
    assert trino_literal("1.50", "decimal(5,2)") == "CAST('1.50' AS decimal(5,2))"
    assert trino_literal({"1": None}, "map(integer, varchar)") == \
        "CAST(MAP(ARRAY[INTEGER '1'], ARRAY[CAST(NULL AS varchar)]) AS map(integer, varchar))"
    assert spark_literal("it's \\", "varchar") == "CAST('it\\'s \\\\' AS STRING)"
    assert spark_literal([], "array(integer)") == "CAST(array() AS ARRAY<INT>)"
    assert spark_type("row(a integer, b array(timestamp(6)))") == "STRUCT<`a`: INT, `b`: ARRAY<TIMESTAMP_NTZ>>"


def test_schema_ddl_and_synthesised_rows_are_deterministic(tmp_path):
    (t,) = parse_ddl("CREATE TABLE IF NOT EXISTS s.t (id bigint NOT NULL, price decimal(12,2), "
                     "tags array(varchar(3)), m map(varchar, double), d date COMMENT 'x', ts timestamp(6))")
    assert [c for c, _ in t.columns] == ["id", "price", "tags", "m", "d", "ts"]
    a, b = synthesize([t], seed=7), synthesize([t], seed=7)
    assert a[0].rows == b[0].rows
    assert synthesize([t], seed=8)[0].rows != a[0].rows
    rows = a[0].rows
    assert rows[0] == [None] * 6  # NULL in every column
    assert rows[1][0] == 0 and rows[1][2] == [] and rows[1][3] == {}  # zero, empty array and map
    assert rows[2][2] == [None] and rows[2][4] == "2024-02-29"  # NULL element, leap day
    assert rows[3][0] == -2 ** 63 and rows[4][0] == 2 ** 63 - 1 and rows[4][1] == "9999999999.99"
    assert any(r[2] is None for r in rows[5:])  # NULL arrays among the random rows
    assert all(len(s) <= 3 for r in rows if r[2] for s in r[2] if s is not None)
    p = tmp_path / "s.sql"
    p.write_text("CREATE TABLE t (x integer);\nCREATE TABLE u (y varchar)")
    assert [x.name for x in load_schema(p)] == ["t", "u"]


def test_reports_escape_and_stand_alone():
    r = CaseResult(id="c<1>", classification="different", trino_sql="SELECT '<script>' AS x",
                   spark_sql="SELECT '<b>' AS x", diff="1 row(s) only in Trino", details="- ('<script>')")
    res = Results([r, CaseResult(id="ok", classification="equal", trino_sql="SELECT 1")], {"trino": "recorded"})
    html = res.to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html and "<link" not in html
    doc = json.loads(json.dumps(res.to_json()))
    assert doc["counts"] == {"equal": 1, "different": 1} and doc["exit_code"] == 2
    assert res.summary.startswith("2 cases: 1 equal, 1 different")


def test_jvm_memory_failures_are_told_apart():
    from trino2spark.verify.sparkrun import is_jvm_memory_error
    # The text CI met on TPC-DS q69 (equal on a re-run), and the GCLocker form of the same state.
    assert is_jvm_memory_error(
        "org.apache.spark.SparkException: Not enough memory to build and broadcast the table to "
        "all worker nodes. As a workaround, you can either disable broadcast by setting "
        "spark.sql.autoBroadcastJoinThreshold to -1")
    assert is_jvm_memory_error("java.lang.OutOfMemoryError: Retried waiting for GCLocker too often")
    # A failure of the statement itself is not retried.
    assert not is_jvm_memory_error("[DIVIDE_BY_ZERO] Division by zero.")
    assert not is_jvm_memory_error("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column cannot be resolved")
