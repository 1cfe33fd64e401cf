"""The Rust side (crates/t2s-python). Use the functions of `trino2spark`, not these."""

from typing import List, Optional, Tuple

__version__: str

def transpile(
    sql: str,
    spark: str = "4",
    ansi: Optional[bool] = None,
    schemas: List[str] = ...,
    time_zone: Optional[str] = None,
    udfs: List[str] = ...,
) -> Tuple[str, str, str]:
    """(kind, payload, statements): kind "ok" | "invalid" (payload: the JSON contract),
    "schema" | "options" | "internal" (payload: the message); statements: a JSON list."""

def spark_conf(spark: str = "4", ansi: Optional[bool] = None, time_zone: Optional[str] = None) -> Tuple[str, str]: ...
def spark_version(spark: str) -> Optional[str]: ...
