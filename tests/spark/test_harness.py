"""Unit tests of the harness itself: the expected-result parser and the row comparison.
No Spark needed."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from trino2spark.verify import tpcdata
from trino2spark.verify.untyped import compare_rows
from trino2spark.verify.expected import ExpectedParseError, load_expected, parse_expected

# --------------------------------------------------------------------------------------
# expected.py
# --------------------------------------------------------------------------------------


def test_typed_literals():
    e = parse_expected(
        """SELECT *
FROM
(
  VALUES
    (VARCHAR 'A', CHAR 'AAAA  ', DECIMAL '25.58', BIGINT '14876', DOUBLE '1.5', DATE '1995-01-01',
     INTEGER '3', NULL, DECIMAL '-0.50', BIGINT '-7', REAL '2.5', SMALLINT '1', TINYINT '2',
     BOOLEAN 'true', TIMESTAMP '2001-02-03 04:05:06.789', TRUE, 12, -3.25, 'it''s')
)
"""
    )
    assert e.ncols == 19
    assert e.rows == [(
        "A", "AAAA  ", Decimal("25.58"), 14876, 1.5, dt.date(1995, 1, 1),
        3, None, Decimal("-0.50"), -7, 2.5, 1, 2,
        True, dt.datetime(2001, 2, 3, 4, 5, 6, 789000), True, 12, Decimal("-3.25"), "it's",
    )]
    assert e.column_types[:8] == ["VARCHAR", "CHAR", "DECIMAL", "BIGINT", "DOUBLE", "DATE", "INTEGER", None]
    assert isinstance(e.rows[0][3], int) and isinstance(e.rows[0][4], float)


def test_quote_escapes_and_negative_numbers():
    e = parse_expected("SELECT * FROM (VALUES (CHAR 'O''Brien ', -DOUBLE '1.5', - 2), (NULL, DOUBLE '-1E-3', 4))")
    assert e.rows == [("O'Brien ", -1.5, -2), (None, -0.001, 4)]


def test_empty_result():
    e = parse_expected("SELECT *\nFROM\n(\n  VALUES\n    (NULL, NULL)\n)\nWHERE 1=0\n")
    assert e.rows == [] and e.ncols == 2


def test_special_doubles():
    e = parse_expected("SELECT * FROM (VALUES (DOUBLE 'NaN', DOUBLE 'Infinity', DOUBLE '-Infinity'))")
    a, b, c = e.rows[0]
    assert a != a and b == float("inf") and c == float("-inf")


@pytest.mark.parametrize("text", [
    "SELECT * FROM (VALUES (FOO '1'))",                  # unknown literal type
    "SELECT * FROM (VALUES (1, 2), (3))",                # ragged rows
    "SELECT * FROM (VALUES (DECIMAL 'x'))",              # bad number
    "SELECT * FROM (VALUES (1)) WHERE 1=1",              # only WHERE 1=0 is understood
    "SELECT a FROM t",
])
def test_rejects_what_it_does_not_understand(text):
    with pytest.raises(ExpectedParseError):
        parse_expected(text)


corpus = pytest.mark.skipif(not tpcdata.CORPUS_DIR.is_dir(), reason="../shared/corpus is absent")


@corpus
def test_tpch_q1_file():
    e = load_expected(tpcdata.expected_file("tpch", "q1"))
    assert len(e.rows) == 4 and e.ncols == 10
    first = sorted(e.rows)[0]
    assert first[:3] == ("A", "F", Decimal("380456.00"))
    assert first[9] == 14876 and isinstance(first[9], int)
    assert e.column_types == ["VARCHAR", "VARCHAR"] + ["DECIMAL"] * 7 + ["BIGINT"]


@corpus
def test_tpcds_char_padding_and_empty_files():
    e = load_expected(tpcdata.expected_file("tpcds", "q93"))
    assert e.rows == []
    e = load_expected(tpcdata.expected_file("tpcds", "q62"))
    assert "CHAR" in e.column_types
    padded = [v for r in e.rows for v in r if isinstance(v, str) and v != v.rstrip(" ")]
    assert padded, "CHAR values keep their blank padding"


@corpus
def test_every_expected_file_parses():
    n = 0
    for bench in tpcdata.BENCHMARKS:
        for p in sorted((tpcdata.CORPUS_DIR / bench / "expected_tiny").glob("*.sql")):
            e = load_expected(p)
            assert e.ncols > 0
            n += 1
    assert n == 125


# --------------------------------------------------------------------------------------
# compare.py
# --------------------------------------------------------------------------------------


def test_multiset_order_ignored_duplicates_count():
    assert compare_rows([(1, "a"), (2, "b")], [(2, "b"), (1, "a")]).equal
    c = compare_rows([(1, "a"), (1, "a")], [(1, "a")])
    assert not c.equal and "row count: expected 1, got 2" in c.summary
    assert "unexpected in Spark" in c.details


def test_decimals_exact_by_value():
    assert compare_rows([(Decimal("25.580"),)], [(Decimal("25.58"),)]).equal
    assert not compare_rows([(Decimal("25.5812"),)], [(Decimal("25.58"),)]).equal
    assert compare_rows([(3,)], [(Decimal("3.00"),)]).equal


def test_doubles_relative_tolerance():
    assert compare_rows([(1.0 + 1e-12,)], [(1.0,)]).equal
    assert not compare_rows([(1.0 + 1e-6,)], [(1.0,)]).equal
    assert compare_rows([(1e-17,)], [(0.0,)]).equal
    assert compare_rows([(float("nan"),)], [(float("nan"),)]).equal


def test_decimal_vs_double_compared_as_double_and_reported():
    c = compare_rows([(Decimal("1.3546955000"),)], [(1.3546955,)])
    assert c.equal
    assert c.type_notes and "compared as double" in c.type_notes[0]
    assert not compare_rows([(Decimal("1.35"),)], [(1.3546955,)]).equal


def test_char_padding_trimmed_nulls_dates():
    assert compare_rows([("AB", None, dt.date(2000, 1, 2))], [("AB   ", None, dt.date(2000, 1, 2))]).equal
    assert not compare_rows([(None,)], [("",)]).equal
    assert not compare_rows([(dt.date(2000, 1, 3),)], [(dt.date(2000, 1, 2),)]).equal


def test_float_rows_matched_as_multiset():
    exp = [("x", 1.0), ("x", 2.0), ("y", None), ("x", 2.0)]
    act = [("x", 2.0 * (1 + 1e-12)), ("y", None), ("x", 1.0), ("x", 2.0)]
    assert compare_rows(act, exp).equal
    c = compare_rows([("x", 1.0), ("x", 3.0)], [("x", 1.0), ("x", 2.0)])
    assert not c.equal and "1 expected rows missing, 1 unexpected rows" in c.summary


def test_column_count_and_empty():
    assert compare_rows([], [], ncols=3).equal
    c = compare_rows([(1, 2)], [(1, 2, 3)])
    assert not c.equal and "column count" in c.summary
    c = compare_rows([], [(1,)])
    assert not c.equal and "expected 1, got 0" in c.summary


def test_diff_is_readable():
    c = compare_rows([(i, "a") for i in range(10)], [(i, "a") for i in range(3, 13)])
    assert not c.equal
    assert "missing from Spark (first 3 of 3)" in c.details
    assert "  - (10, 'a')" in c.details and "  + (0, 'a')" in c.details
