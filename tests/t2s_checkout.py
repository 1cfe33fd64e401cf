"""Makes ``trino2spark.verify`` importable from this checkout's ``python/`` folder, whatever else
is installed: the checkout's package when it imports (its native module built), else an
installed ``trino2spark`` (a wheel) with the checkout's subpackages added to its path, else the
checkout's folder as a bare package (the harness then translates with the binary)."""
from __future__ import annotations

import sys
import types
from pathlib import Path

PYTHON_DIR = Path(__file__).resolve().parents[1] / "python"


def use_checkout() -> None:
    pkg_dir = str(PYTHON_DIR / "trino2spark")
    if str(PYTHON_DIR) not in sys.path:
        sys.path.insert(0, str(PYTHON_DIR))
    try:
        import trino2spark
    except ImportError:
        sys.modules.pop("trino2spark", None)
        trino2spark = types.ModuleType("trino2spark")
        trino2spark.__path__ = [pkg_dir]
        sys.modules["trino2spark"] = trino2spark
    paths = getattr(trino2spark, "__path__", None)
    if paths is not None and pkg_dir not in list(paths):
        paths.insert(0, pkg_dir)  # an installed wheel without (this checkout's) harness


use_checkout()
