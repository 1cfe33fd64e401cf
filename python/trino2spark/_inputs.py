"""Turns the ``schema=`` / ``udfs=`` arguments into the texts the native module reads."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any, List, Union

from .errors import SchemaError

#: What ``schema=`` accepts: a path to a JSON or CREATE TABLE file, a JSON or CREATE TABLE
#: text, a dict, or a list of these (merged in order).
SchemaInput = Union[str, "os.PathLike[str]", Mapping[str, Any], List[Any], None]


def _looks_like_text(s: str) -> bool:
    head = s.lstrip()
    if head.startswith("{") or "create " in head.lower()[:4096] or "\n" in s:
        return True
    # A one-line mapping rule (udfs=): `function f(bigint) -> bigint = "…"`.
    return head.split(" ", 1)[0] in ("function", "aggregate", "window", "type") and "=" in head


def _read_path(path: "Union[str, os.PathLike[str]]", what: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        raise SchemaError(f"cannot read {what} file {os.fspath(path)!r}: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise SchemaError(f"{what} file {os.fspath(path)!r} is not UTF-8 text: {e}") from e


def _mapping_to_json(schema: Mapping[str, Any]) -> str:
    """``{"tables": [...]}`` passes as it is; ``{"orders": {"o_orderkey": "bigint", ...}}``
    (table → column → Trino type) is the short form."""
    if "tables" in schema:
        return json.dumps(schema)
    tables = []
    for name, columns in schema.items():
        if not isinstance(columns, Mapping):
            raise SchemaError(
                f"schema dict: table {name!r} must map column names to Trino types, got {type(columns).__name__}"
            )
        cols = []
        for col, ty in columns.items():
            if not isinstance(ty, str):
                raise SchemaError(f"schema dict: {name}.{col}: the type must be a string such as 'bigint', got {ty!r}")
            cols.append({"name": str(col), "type": ty})
        tables.append({"name": str(name), "columns": cols})
    return json.dumps({"tables": tables})


def schema_texts(schema: Any, what: str = "schema") -> List[str]:
    """Normalises a ``schema=`` argument (or, with ``what="udfs"``, a ``udfs=`` argument:
    same forms, dicts passed as JSON) to a list of texts."""
    if schema is None:
        return []
    if isinstance(schema, (list, tuple)):
        out: List[str] = []
        for item in schema:
            out.extend(schema_texts(item, what))
        return out
    if isinstance(schema, Mapping):
        return [_mapping_to_json(schema) if what == "schema" else json.dumps(schema)]
    if isinstance(schema, os.PathLike):
        return [_read_path(schema, what)]
    if isinstance(schema, str):
        if _looks_like_text(schema):
            return [schema]
        if not os.path.exists(schema):
            raise SchemaError(
                f"{what} {schema!r} is neither an existing file nor JSON / CREATE TABLE text"
            )
        return [_read_path(schema, what)]
    raise SchemaError(
        f"{what} must be a path, a JSON or CREATE TABLE text, a dict or a list of these; got {type(schema).__name__}"
    )
