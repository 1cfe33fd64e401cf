"""pytest setup of the Python package suite.

It tests the INSTALLED package (scripts/build_wheel.sh builds the wheel and installs it into
.venv-spark4 / .venv-spark35), never python/ in the source tree:

    bash scripts/build_wheel.sh
    .venv-spark4/bin/python -m pytest tests/python
    .venv-spark35/bin/python -m pytest tests/python --spark 3.5

The SparkSession (local, bound to 127.0.0.1, TPC-H and TPC-DS registered from .data/) is the
engine suite's: tests/spark/conftest.py is loaded here under another module name, and its
option, configuration hook and fixtures are re-exported.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SPARK_TESTS = REPO_ROOT / "tests" / "spark"
sys.path.insert(0, str(SPARK_TESTS))  # tpcdata, expected, compare


# The installed wheel first: the engine conftest puts this checkout's python/ on sys.path (for
# the harness), and `trino2spark` must stay the installed package under test.
import trino2spark  # noqa: E402,F401


def _load_engine_conftest():
    spec = importlib.util.spec_from_file_location("t2s_engine_conftest", SPARK_TESTS / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_engine = _load_engine_conftest()
pytest_addoption = _engine.pytest_addoption
pytest_configure = _engine.pytest_configure
spark_line = _engine.spark_line
spark = _engine.spark

T2S_BIN = Path(os.environ.get("T2S_BIN") or REPO_ROOT / "target" / "release" / "trino2spark")
TPCH_SCHEMA = REPO_ROOT / "examples" / "schemas" / "tpch.json"


@pytest.fixture(scope="session")
def cli_binary() -> Path:
    """The CLI, for checking that the package and `transpile --format json` agree."""
    if not T2S_BIN.is_file():
        pytest.fail(f"{T2S_BIN} is missing: cargo build --release -p t2s-cli (or set T2S_BIN)", pytrace=False)
    return T2S_BIN
