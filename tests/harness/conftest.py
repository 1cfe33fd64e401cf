"""pytest setup of the harness tests: the package on sys.path, one local SparkSession, the live
Trino (tests that need it skip, saying why, when none answers; CI starts one).

    .venv-spark4/bin/python -m pytest tests/harness
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
import t2s_checkout  # noqa: E402,F401  (puts this checkout's trino2spark.verify first)

from trino2spark.verify import sparkrun  # noqa: E402
from trino2spark.verify.trino_client import Trino  # noqa: E402

sparkrun.prepare_process_env()


def _trino_reason() -> str | None:
    t = Trino()
    if t.reachable():
        return None
    return f"no Trino answers at {t.url} (start it with scripts/start_trino.sh)"


TRINO_REASON = _trino_reason()
needs_trino = pytest.mark.skipif(TRINO_REASON is not None, reason=TRINO_REASON or "")


@pytest.fixture(scope="session")
def spark():
    if sparkrun.pyspark_line() is None:
        pytest.skip(f"pyspark is not installed in {sys.executable}")
    session = sparkrun.local_session("trino2spark-harness-tests")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def trino_url() -> str:
    if TRINO_REASON:
        pytest.skip(TRINO_REASON)
    return Trino().url
