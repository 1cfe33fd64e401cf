"""trino2spark: translate Trino SQL into Spark SQL that returns the same results on the same
data, or say exactly why it cannot.

    >>> import trino2spark
    >>> t = trino2spark.transpile("SELECT 7 / 2 AS q")
    >>> t.status, t.spark_sql
    ('ok', 'SELECT 7 div 2 AS q')

In a notebook, ``t`` shows Trino and Spark SQL side by side with the diagnostics highlighted;
``t.run(spark)`` sets ``t.spark_conf`` on the session and returns the DataFrame.
"""

from __future__ import annotations

import importlib
from typing import Any

from . import _native
from ._translation import Diagnostic, Translation, spark_conf, transpile
from .errors import (
    Error,
    FlaggedError,
    InternalError,
    InvalidQueryError,
    NotMappableError,
    OptionsError,
    ParseError,
    SchemaError,
)

__version__: str = _native.__version__


def verify(*args: Any, **kwargs: Any) -> Any:
    """Runs a translation on Trino and Spark and compares the results (the ``trino2spark.verify``
    subpackage; imported on first use)."""
    try:
        module = importlib.import_module(f"{__name__}.verify")
    except ModuleNotFoundError as e:
        if e.name != f"{__name__}.verify":
            raise
        raise ImportError("trino2spark.verify is not part of this build") from e
    finally:
        # Importing the subpackage binds the package attribute `verify` to it: keep the function.
        globals()["verify"] = _verify
    return module.verify(*args, **kwargs)


_verify = verify

__all__ = [
    "transpile",
    "spark_conf",
    "verify",
    "Translation",
    "Diagnostic",
    "Error",
    "ParseError",
    "InvalidQueryError",
    "NotMappableError",
    "FlaggedError",
    "SchemaError",
    "OptionsError",
    "InternalError",
    "__version__",
]
