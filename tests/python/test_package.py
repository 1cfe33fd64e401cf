"""The installed trino2spark package without Spark: the API, the JSON contract (checked against
the CLI), exceptions, schema inputs, display, and the GIL being released while Rust works."""
from __future__ import annotations

import html
import importlib.util
import json
import subprocess
import sys
import sysconfig
import threading
import time
from pathlib import Path

import pytest

import trino2spark
from conftest import REPO_ROOT, TPCH_SCHEMA

TPCH_SCHEMA_TEXT = TPCH_SCHEMA.read_text(encoding="utf-8")
REVENUE = (REPO_ROOT / "examples" / "queries" / "revenue_by_priority.sql").read_text(encoding="utf-8")


def test_the_installed_package_is_under_test():
    """Not python/ of the source tree: the wheel installed into this interpreter."""
    pkg = Path(trino2spark.__file__).resolve()
    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    assert site in pkg.parents, f"{pkg} is not installed in {site}"
    native = Path(trino2spark._native.__file__).resolve()
    assert native.parent == pkg.parent and native.suffix == ".so", native
    assert (pkg.parent / "py.typed").is_file()
    assert (pkg.parent / "_native.pyi").is_file()
    assert trino2spark.__version__ == "0.1.0"


def test_transpile_ok():
    t = trino2spark.transpile("SELECT 7 / 2 AS q")
    assert isinstance(t, trino2spark.Translation)
    assert t.status == "ok" and t.ok
    assert "7 div 2" in t.spark_sql
    assert str(t) == t.spark_sql
    assert t.trino_sql == "SELECT 7 / 2 AS q"
    assert t.spark == "4" and t.ansi is True
    assert t.statements == [t.spark_sql]
    assert t.spark_conf["spark.sql.ansi.enabled"] == "true"
    assert t.spark_conf["spark.sql.session.timeZone"] == "UTC"
    assert t.diagnostics == [] and t.errors == []
    assert t.raise_for_status() is t


def test_options_reach_the_translation():
    t = trino2spark.transpile("SELECT 1", spark="3.5", ansi=False, time_zone="Europe/Paris")
    assert (t.spark, t.ansi) == ("3.5", False)
    assert t.spark_conf["spark.sql.ansi.enabled"] == "false"
    assert t.spark_conf["spark.sql.session.timeZone"] == "Europe/Paris"
    assert t.spark_conf == trino2spark.spark_conf("3.5", ansi=False, time_zone="Europe/Paris")
    # The Spark line changes the text where the engines differ: WITH RECURSIVE exists only in 4.
    rec = "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT n FROM t"
    assert trino2spark.transpile(rec, spark="3.5").status == "flagged"
    assert trino2spark.transpile(rec, spark=4).status == "ok"


def test_udfs_are_accepted():
    # An empty mapping file changes nothing; tests/python/test_udfs.py checks real rules.
    t = trino2spark.transpile("SELECT 1", udfs="# no rules\n")
    assert t.status == "ok"


def test_multi_statement_input():
    t = trino2spark.transpile("SELECT 1 AS a;\nSELECT 7 / 2 AS b;")
    assert len(t.statements) == 2
    assert t.statements[0] == "SELECT 1 AS a" and "7 div 2" in t.statements[1]
    assert t.spark_sql == ";\n\n".join(t.statements)


def test_flagged_translation_with_positions():
    sql = "SELECT o_orderkey,\n       approx_distinct(o_custkey) AS n\nFROM orders GROUP BY 1"
    t = trino2spark.transpile(sql, schema=TPCH_SCHEMA)
    assert t.status == "flagged" and not t.ok
    [d] = t.errors
    assert (d.severity, d.code) == ("error", "approximate")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 8, 2, 23)
    assert sql.splitlines()[d.line - 1][d.column - 1 : d.end_column - 1] == "approx_distinct"
    with pytest.raises(trino2spark.NotMappableError) as e:
        t.raise_for_status()
    assert e.value.diagnostics == [d]
    assert trino2spark.FlaggedError is trino2spark.NotMappableError
    assert isinstance(e.value, trino2spark.Error)


def test_invalid_query_is_a_translation_with_status_error():
    t = trino2spark.transpile("SELECT no_such_column FROM orders", schema=TPCH_SCHEMA)
    assert t.status == "error"
    assert [d.code for d in t.errors] == ["unresolved-column"]
    assert (t.errors[0].line, t.errors[0].column) == (1, 8)
    with pytest.raises(trino2spark.InvalidQueryError, match="no_such_column"):
        t.raise_for_status()


def test_parse_error_has_line_and_column():
    sql = "SELECT a,\n  b +\nFROM orders"
    with pytest.raises(trino2spark.ParseError) as e:
        trino2spark.transpile(sql)
    err = e.value
    assert (err.line, err.column, err.code) == (3, 1, "syntax-error")
    assert isinstance(err, trino2spark.Error) and isinstance(err, ValueError)
    assert "line 3, column 1" in str(err)
    assert str(err).endswith("FROM orders\n  ^")
    assert err.result["status"] == "error" and err.result["spark_sql"] == ""


def test_parse_error_columns_count_characters():
    with pytest.raises(trino2spark.ParseError) as e:
        trino2spark.transpile("SELECT 'ééé', )")
    assert (e.value.line, e.value.column) == (1, 15)


def test_empty_input():
    with pytest.raises(trino2spark.ParseError) as e:
        trino2spark.transpile("  -- nothing here\n")
    assert e.value.code == "empty-input" and e.value.line is None


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        ({"spark": "5"}, trino2spark.OptionsError, "unknown Spark version"),
        ({"time_zone": " "}, trino2spark.OptionsError, "time_zone"),
        ({"schema": "/no/such/schema.json"}, trino2spark.SchemaError, "neither an existing file"),
        ({"schema": "{not json"}, trino2spark.SchemaError, "not valid JSON"),
        ({"schema": "CREATE TABLE t (a bigint"}, trino2spark.SchemaError, "CREATE TABLE file: line 1"),
        ({"schema": {"t": {"a": 1}}}, trino2spark.SchemaError, "must be a string"),
        ({"schema": 42}, trino2spark.SchemaError, "got int"),
    ],
)
def test_bad_arguments_raise_their_own_class(kwargs, exc, match):
    with pytest.raises(exc, match=match) as e:
        trino2spark.transpile("SELECT 1", **kwargs)
    assert isinstance(e.value, trino2spark.Error)


def test_sql_must_be_text():
    with pytest.raises(TypeError):
        trino2spark.transpile(b"SELECT 1")  # type: ignore[arg-type]


# -- schema input forms -----------------------------------------------------------------------

QUERY = "SELECT o_orderkey / 2 AS half FROM orders"
DDL = "CREATE TABLE orders (o_orderkey bigint, o_comment varchar(79))"


def _half(schema):
    t = trino2spark.transpile(QUERY, schema=schema)
    assert t.status == "ok", t
    return t


@pytest.mark.parametrize(
    "form",
    ["path", "path-str", "json-text", "dict-tables", "dict-short", "ddl-text", "ddl-file", "list"],
)
def test_schema_input_forms(form, tmp_path):
    ddl_file = tmp_path / "orders.sql"
    ddl_file.write_text(DDL, encoding="utf-8")
    schema = {
        "path": TPCH_SCHEMA,
        "path-str": str(TPCH_SCHEMA),
        "json-text": TPCH_SCHEMA_TEXT,
        "dict-tables": json.loads(TPCH_SCHEMA_TEXT),
        "dict-short": {"orders": {"o_orderkey": "bigint"}},
        "ddl-text": DDL,
        "ddl-file": str(ddl_file),
        "list": [{"nation": {"n_name": "varchar(25)"}}, DDL],
    }[form]
    t = _half(schema)
    # With the column's type known (bigint), integer division is explicit and no
    # unknown-table warning is left.
    assert "o_orderkey div 2" in t.spark_sql
    assert not [d for d in t.diagnostics if d.code.startswith("unknown")], t.diagnostics


def test_without_schema_the_assumption_is_stated():
    t = trino2spark.transpile(QUERY)
    assert any(d.severity == "warning" for d in t.diagnostics), t.diagnostics


# -- the JSON contract is the CLI's -----------------------------------------------------------

CONTRACT_CASES = [
    ("ok", "SELECT o_orderkey / 2 AS half FROM orders ORDER BY o_orderkey", []),
    ("flagged", "SELECT approx_distinct(o_custkey) FROM orders", []),
    ("invalid", "SELECT nope FROM orders", []),
    ("target", "SELECT 1.5e0 / 0", ["--spark", "3.5", "--ansi", "false", "--time-zone", "Asia/Tokyo"]),
]


@pytest.mark.parametrize("name, sql, args", CONTRACT_CASES, ids=[c[0] for c in CONTRACT_CASES])
def test_json_contract_matches_the_cli(name, sql, args, cli_binary):
    cmd = [str(cli_binary), "transpile", "-", "--format", "json", "--schema", str(TPCH_SCHEMA), *args]
    cli = subprocess.run(cmd, input=sql, capture_output=True, text=True, check=False)
    kw = {"spark": "4", "ansi": None, "time_zone": None}
    for flag, value in zip(args[::2], args[1::2]):
        key = flag[2:].replace("-", "_")
        kw[key] = (value == "true") if key == "ansi" else value
    t = trino2spark.transpile(sql, schema=TPCH_SCHEMA, **kw)
    assert t.to_json() == cli.stdout.rstrip("\n")
    assert t.to_dict() == json.loads(cli.stdout)
    assert json.loads(t.to_json(indent=2)) == t.to_dict()
    assert cli.returncode == {"ok": 0, "error": 1, "flagged": 2}[t.status]
    assert list(t.to_dict()) == ["status", "spark_sql", "spark_conf", "setup", "diagnostics", "rules"]


def test_parse_error_contract_matches_the_cli(cli_binary):
    sql = "SELECT a,\n  b +\nFROM orders"
    cli = subprocess.run([str(cli_binary), "transpile", "-", "--format", "json"], input=sql,
                         capture_output=True, text=True, check=False)
    with pytest.raises(trino2spark.ParseError) as e:
        trino2spark.transpile(sql)
    assert e.value.result == json.loads(cli.stdout)


def test_to_dict_is_a_copy():
    t = trino2spark.transpile("SELECT 1")
    t.to_dict()["spark_conf"].clear()
    t.spark_conf.clear()
    assert t.spark_conf


# -- display ----------------------------------------------------------------------------------


def test_repr():
    t = trino2spark.transpile(REVENUE, schema=TPCH_SCHEMA)
    r = repr(t)
    assert r.startswith(f"<Translation status='{t.status}' spark='4' ansi=True statements=1 diagnostics=")
    assert "-- Spark SQL:" in r
    for line in t.spark_sql.splitlines():
        assert f"  {line}" in r
    flagged = trino2spark.transpile("SELECT approx_distinct(o_custkey) FROM orders", schema=TPCH_SCHEMA)
    assert "1:8: error[approximate]: approx_distinct" in repr(flagged)


def test_repr_html_side_by_side_with_highlighted_diagnostics():
    sql = "SELECT '<b>&' AS s,\n       approx_distinct(o_custkey) AS n\nFROM orders"
    t = trino2spark.transpile(sql, schema=TPCH_SCHEMA)
    page = t._repr_html_()
    assert "<th>Trino</th><th>Spark SQL</th>" in page
    # Source text is escaped, never injected.
    assert "<b>&" not in page and "&#x27;&lt;b&gt;&amp;&#x27;" in page
    # The flagged token is marked in the Trino column, with the message as its title.
    mark = '<mark class="t2s-error" title="2:8: error[approximate]: approx_distinct: '
    assert mark in page
    assert page.count("<mark") == 1
    marked = page.split(mark, 1)[1].split(">", 1)[1].split("</mark>", 1)[0]
    assert marked == "approx_distinct"
    # Spark SQL (escaped) and the diagnostics list are shown.
    assert html.escape(t.spark_sql) in page
    assert "<code>approximate</code>" in page
    assert "spark.sql.ansi.enabled = true" in page


def test_repr_html_marks_a_quoted_identifier_whole():
    t = trino2spark.transpile('SELECT "o_custkey" + \'a\' FROM orders', schema=TPCH_SCHEMA)
    assert t.status == "error"
    page = t._repr_html_()
    assert '">&quot;o_custkey&quot;</mark>' in page


def test_verify_is_exported_lazily():
    """`trino2spark.verify` is a function that imports the subpackage on first call, and stays
    that function afterwards (importing a subpackage rebinds the package attribute)."""
    f = trino2spark.verify
    present = importlib.util.find_spec("trino2spark.verify") is not None
    if present:
        with pytest.raises(TypeError):
            f(object(), no_such_argument=True)
        assert "trino2spark.verify" in sys.modules
    else:
        with pytest.raises(ImportError, match="not part of this build"):
            f()
    assert trino2spark.verify is f


# -- the GIL is released while Rust works ------------------------------------------------------

# Big enough that transpile() runs well over 50 ms (400 statements took 29 ms by 2026-11-24).
BIG_STATEMENTS = 4000
BIG = ";\n".join([REVENUE.strip().rstrip(";")] * BIG_STATEMENTS)


def test_the_gil_is_released_during_transpile():
    """A Python thread keeps running while another thread is inside transpile(): with the GIL
    held for the whole call, it could not execute a single bytecode in that window."""
    ticks: list[float] = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    th = threading.Thread(target=ticker)
    th.start()
    try:
        time.sleep(0.05)
        t0 = time.perf_counter()
        t = trino2spark.transpile(BIG, schema=TPCH_SCHEMA)
        t1 = time.perf_counter()
    finally:
        stop.set()
        th.join()
    assert len(t.statements) == BIG_STATEMENTS
    # Ignore the edges (attaching to and detaching from the interpreter).
    inside = [x for x in ticks if t0 + 0.2 * (t1 - t0) < x < t1 - 0.2 * (t1 - t0)]
    assert t1 - t0 > 0.05, f"transpile took only {t1 - t0:.3f} s: the input is too small to tell"
    assert len(inside) >= 5, f"{len(inside)} ticks of the other thread during {t1 - t0:.3f} s of transpile()"


def test_threads_get_identical_results():
    queries = [REVENUE, "SELECT 7 / 2 AS q", "SELECT approx_distinct(o_custkey) FROM orders",
               "SELECT nope FROM orders"]
    reference = [trino2spark.transpile(q, schema=TPCH_SCHEMA).to_json() for q in queries]
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def work(offset: int):
        try:
            out = []
            for i in range(40):
                q = queries[(i + offset) % len(queries)]
                out.append((queries.index(q), trino2spark.transpile(q, schema=TPCH_SCHEMA).to_json()))
            results.append(out)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors, errors
    assert len(results) == 6
    for out in results:
        for i, js in out:
            assert js == reference[i]
