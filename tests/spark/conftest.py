"""pytest setup of the engine suite: --spark option, one local SparkSession, the TPC tables.

Run (README.md beside this file):

    .venv-spark4/bin/python -m pytest tests/spark --spark 4
    .venv-spark35/bin/python -m pytest tests/spark --spark 3.5
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pytest

# The harness package (python/trino2spark/verify) holds the shared code of the suites.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import t2s_checkout  # noqa: E402,F401  (puts this checkout's trino2spark.verify first)

from trino2spark.verify import sparkrun, tpcdata  # noqa: E402

# Spark must bind the loopback interface only; pyspark turns TIMESTAMP values into Python
# datetimes in the process's local zone: UTC.
sparkrun.prepare_process_env()

SPARK_CHOICES = ("4", "3.5")


def pytest_addoption(parser):
    group = parser.getgroup("trino2spark engine suite")
    group.addoption(
        "--spark",
        choices=SPARK_CHOICES,
        default=None,
        help="Spark line under test: 4 or 3.5. Must match the installed pyspark "
        "(default: the installed pyspark's line).",
    )
    # Hidden: run the Trino text unchanged (ANSI + double-quoted identifiers) instead of the
    # transpiler's output. A stand-in to check the harness itself; see README.md.
    group.addoption("--raw-trino", action="store_true", default=False, help=argparse.SUPPRESS)


def _installed_pyspark() -> str | None:
    try:
        import pyspark
    except ImportError:
        return None
    return pyspark.__version__


def _line_of(version: str) -> str:
    parts = version.split(".")
    return "4" if parts[0] == "4" else ".".join(parts[:2])


def pytest_configure(config):
    installed = _installed_pyspark()
    wanted = config.getoption("--spark")
    if wanted is not None:
        if installed is None:
            raise pytest.UsageError(
                f"--spark {wanted}: pyspark is not installed in {sys.executable}; "
                "use .venv-spark4 / .venv-spark35 (scripts/setup_python.sh)"
            )
        if _line_of(installed) != wanted:
            raise pytest.UsageError(
                f"--spark {wanted} does not match the installed pyspark {installed} "
                f"({sys.executable}); use .venv-spark4 for 4 and .venv-spark35 for 3.5"
            )
    elif installed is not None:
        wanted = _line_of(installed)
        if wanted not in SPARK_CHOICES:
            raise pytest.UsageError(f"installed pyspark {installed} is neither 4.x nor 3.5.x")
    config.t2s_spark_line = wanted
    config.t2s_pyspark_version = installed
    config.t2s_raw_trino = config.getoption("--raw-trino")
    config.t2s_results = {}  # "tpch/q1" -> result dict (filled by test_tpc.py)


@pytest.fixture(scope="session")
def spark_line(pytestconfig) -> str:
    line = pytestconfig.t2s_spark_line
    if line is None:
        pytest.skip("pyspark is not installed in this interpreter")
    return line


@pytest.fixture(scope="session")
def spark(pytestconfig, spark_line):
    """One local SparkSession for the whole run, with databases tpch and tpcds registered."""
    missing = tpcdata.missing_data()
    if missing:
        pytest.fail(
            f"no Parquet data for {len(missing)} tables (first: {', '.join(missing[:3])}) under "
            f"{tpcdata.DATA_DIR}; run scripts/gen_data.sh",
            pytrace=False,
        )
    t0 = time.monotonic()
    session = sparkrun.local_session(f"trino2spark-engine-suite-{spark_line}")
    for bench in tpcdata.BENCHMARKS:
        tpcdata.register_tables(session, bench)
    # Unqualified names resolve in tpch unless a test says otherwise (test_tpc.py runs
    # `USE tpch` / `USE tpcds` per query and restores this afterwards).
    session.sql("USE tpch")
    pytestconfig.t2s_spark_startup_seconds = round(time.monotonic() - t0, 2)
    pytestconfig.t2s_spark_version = session.version
    yield session
    session.stop()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    results = getattr(config, "t2s_results", None)
    if not results:
        return
    import report  # noqa: E402  (tests/spark/report.py)

    path, line = report.write(config)
    terminalreporter.write_line("")
    terminalreporter.write_line(f"engine suite (Spark {config.t2s_spark_line}"
                                f"{', raw Trino text' if config.t2s_raw_trino else ''}): {line}")
    terminalreporter.write_line(f"report: {path}")
