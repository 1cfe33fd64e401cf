"""Checks that the local Trino (scripts/setup_trino.sh + scripts/start_trino.sh) is the real
engine we expect, and that tests/trino/trino_query.py encodes its results losslessly.

Skipped (with the reason) when the `trino` client is missing or no Trino answers on
127.0.0.1:$TRINO_PORT: only the scripts/CI start the server. Run with the client venv, e.g.
    .venv-trino/bin/python -m pytest tests/trino -q        (or .venv-spark4, see setup_trino.sh)
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trino_query as tq  # noqa: E402

def _server_up() -> str | None:
    port = tq.default_port()
    try:
        with socket.create_connection((tq.DEFAULT_HOST, port), timeout=2):
            pass
    except OSError:
        return f"no Trino on {tq.DEFAULT_HOST}:{port} (start it with scripts/start_trino.sh)"
    try:
        tq.run_query("SELECT 1")
    except Exception as e:  # noqa: BLE001 - anything means "not usable"
        return f"something listens on {tq.DEFAULT_HOST}:{port} but does not answer Trino queries: {e}"
    return None


_reason = _server_up()
requires_server = pytest.mark.skipif(_reason is not None, reason=_reason or "")


def one(sql: str, **kw):
    res = tq.run_query(sql, **kw)
    assert len(res["rows"]) == 1, res
    return res["rows"][0]


@requires_server
def test_tpch_tiny_lineitem_count():
    assert one("SELECT count(*) FROM tpch.tiny.lineitem") == [60175]


@requires_server
def test_tpch_standard_column_names_and_decimal_mapping():
    res = tq.run_query("SELECT l_extendedprice FROM tpch.tiny.lineitem LIMIT 1")
    assert res["columns"][0]["name"] == "l_extendedprice"
    assert res["columns"][0]["type"].startswith("decimal(")


@requires_server
def test_tpcds_catalog():
    assert one("SELECT count(*) FROM tpcds.tiny.date_dim") == [73049]


@requires_server
def test_integer_division_truncates():
    assert one("SELECT 7/2") == [3]


@requires_server
def test_double_to_bigint_rounds_half_up():
    assert one("SELECT CAST(2.5E0 AS bigint)") == [3]


@requires_server
def test_concat_with_null_is_null():
    assert one("SELECT 'a' || NULL") == [None]


@requires_server
def test_memory_catalog_round_trip():
    table = f"memory.default.t2s_{uuid.uuid4().hex[:12]}"
    tq.run_query(f"CREATE TABLE {table} (a bigint, b varchar, c decimal(10, 2))")
    try:
        assert tq.run_query(f"INSERT INTO {table} VALUES (1, 'x', DECIMAL '1.50'), (2, NULL, NULL)")["rows"] == [[2]]
        res = tq.run_query(f"SELECT a, b, c FROM {table} ORDER BY a")
        assert res["rows"] == [[1, "x", "1.50"], [2, None, None]]
        assert [c["type"] for c in res["columns"]] == ["bigint", "varchar", "decimal(10, 2)"]
        # session catalog/schema
        assert tq.run_query(f"SELECT count(*) FROM {table.split('.')[-1]}",
                            catalog="memory", schema="default")["rows"] == [[2]]
    finally:
        tq.run_query(f"DROP TABLE {table}")


@requires_server
def test_with_values_cte():
    res = tq.run_query("WITH t(a, b) AS (VALUES (1, 'x'), (2, 'y')) SELECT b, a * 10 AS c FROM t ORDER BY a")
    assert res == {"columns": [{"name": "b", "type": "varchar(1)"}, {"name": "c", "type": "integer"}],
                   "rows": [["x", 10], ["y", 20]]}


@requires_server
def test_lossless_encoding():
    row = one(
        "SELECT DECIMAL '1.50', 0.1E0, nan(), -infinity(), DATE '2020-01-31',"
        " TIMESTAMP '2020-01-01 01:02:03.123456789', TIMESTAMP '2020-01-01 01:02:03',"
        " TIMESTAMP '2020-01-01 01:02:03.5 America/New_York', X'CAFE',"
        " ARRAY[1, NULL], MAP(ARRAY[1, 2], ARRAY['x', NULL]), CAST(ROW(1, 'a') AS ROW(x int, \"y z\" varchar)),"
        " ARRAY[ROW(DECIMAL '2.5', X'00')], MAP(ARRAY[1.5E0], ARRAY[ARRAY[DATE '2020-01-01']]),"
        " CAST('ab' AS char(4)), 9223372036854775807, CAST(NULL AS ROW(a int)), true"
    )
    assert row == [
        "1.50", "0.1", "nan", "-inf", "2020-01-31",
        "2020-01-01T01:02:03.123456789", "2020-01-01T01:02:03",
        "2020-01-01T01:02:03.5 America/New_York", "cafe",
        [1, None], {"1": "x", "2": None}, [1, "a"],
        [["2.5", "00"]], {"1.5": ["2020-01-01"]},
        "ab  ", 9223372036854775807, None, True,
    ]


@requires_server
def test_query_error_is_reported():
    with pytest.raises(tq.TrinoQueryFailed) as ei:
        tq.run_query("SELECT 1/0")
    assert ei.value.info["name"] == "DIVISION_BY_ZERO"


@requires_server
def test_cli():
    script = Path(__file__).resolve().parent / "trino_query.py"
    out = subprocess.run([sys.executable, str(script), "--catalog", "tpch", "--schema", "tiny",
                          "SELECT count(*) AS n FROM nation"],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == {"columns": [{"name": "n", "type": "bigint"}], "rows": [[25]]}
    err = subprocess.run([sys.executable, str(script), "SELECT no_such_fn(1)"],
                         capture_output=True, text=True)
    assert err.returncode == 2 and json.loads(err.stdout)["error"]["name"] == "FUNCTION_NOT_FOUND"


def test_parse_type_offline():
    t = tq.parse_type('row(x integer, "y z" array(timestamp(3) with time zone), decimal(10, 2), "a""b" map(varchar, row(integer)))')
    assert t.base == "row"
    assert [a.base for a in t.args] == ["integer", "array", "decimal", "map"]
    assert t.args[1].args[0].base == "timestamp with time zone"
    assert t.args[3].args[1].args[0].base == "integer"
    assert tq.parse_type("INTERVAL DAY TO SECOND").base == "interval day to second"
