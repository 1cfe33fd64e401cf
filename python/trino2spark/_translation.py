"""`transpile()` and the `Translation` object it returns."""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from . import _native
from ._inputs import SchemaInput, schema_texts
from .errors import (
    InternalError,
    InvalidQueryError,
    NotMappableError,
    OptionsError,
    ParseError,
    SchemaError,
)

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame, SparkSession  # type: ignore[import-not-found, unused-ignore]

# A token starting at a diagnostic's position: a quoted string or identifier (quotes doubled
# inside), a word, or a single character.
_TOKEN = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|[A-Za-z0-9_$]+|.""", re.DOTALL)


@dataclass(frozen=True)
class Diagnostic:
    """One finding about the translation.

    ``line``/``column`` are 1-based and count characters; ``end_line``/``end_column`` mark
    the end (exclusive) of the SQL token that starts there. All four are ``None`` when the
    finding has no position.
    """

    severity: str
    code: str
    message: str
    line: Optional[int]
    column: Optional[int]
    end_line: Optional[int]
    end_column: Optional[int]

    def __str__(self) -> str:
        pos = f"{self.line}:{self.column}: " if self.line is not None else ""
        return f"{pos}{self.severity}[{self.code}]: {self.message}"


def _offset(lines: List[str], line: int, column: int) -> Optional[int]:
    """Character offset of (line, column) in the text split by `lines` (kept line ends)."""
    if line < 1 or line > len(lines) or column < 1:
        return None
    off = sum(len(x) for x in lines[: line - 1]) + column - 1
    return off if column - 1 <= len(lines[line - 1]) else None


def _position(lines: List[str], offset: int) -> Tuple[int, int]:
    for i, text in enumerate(lines):
        if offset < len(text) or i == len(lines) - 1:
            return i + 1, offset + 1
        offset -= len(text)
    return len(lines), offset + 1  # pragma: no cover (lines is never empty)


def token_span(sql: str, line: Optional[int], column: Optional[int]) -> Optional[Tuple[int, int]]:
    """Character offsets [start, end) of the token at (line, column) in `sql`, if any."""
    if line is None or column is None:
        return None
    lines = sql.splitlines(keepends=True) or [""]
    start = _offset(lines, line, column)
    if start is None:
        return None
    m = _TOKEN.match(sql, start)
    end = m.end() if m and m.end() > start else min(start + 1, len(sql))
    return start, max(end, start)


def _diagnostic(d: Dict[str, Any], sql: str) -> Diagnostic:
    line, column = d.get("line"), d.get("column")
    end_line = end_column = None
    span = token_span(sql, line, column)
    if span is not None:
        end_line, end_column = _position(sql.splitlines(keepends=True) or [""], span[1])
    return Diagnostic(
        severity=d["severity"],
        code=d["code"],
        message=d["message"],
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )


class Translation:
    """The translation of one Trino input (one or more statements).

    ``status`` is ``"ok"`` (result-equal Spark SQL), ``"flagged"`` (valid Trino that cannot
    be translated faithfully: the diagnostics say why) or ``"error"`` (not a valid Trino
    query). ``to_dict()`` / ``to_json()`` give the same JSON contract as
    ``trino2spark transpile --format json``.
    """

    __slots__ = ("trino_sql", "spark", "ansi", "_result", "_statements", "diagnostics")

    def __init__(self, trino_sql: str, spark: str, ansi: bool, result: Dict[str, Any], statements: List[str]) -> None:
        self.trino_sql = trino_sql
        #: The Spark version the SQL is written for ("4" or "3.5").
        self.spark = spark
        #: Whether the SQL is written for ``spark.sql.ansi.enabled=true``.
        self.ansi = ansi
        self._result = result
        self._statements = statements
        self.diagnostics: List[Diagnostic] = [_diagnostic(d, trino_sql) for d in result["diagnostics"]]

    # -- the contract -------------------------------------------------------------------------
    @property
    def status(self) -> str:
        return str(self._result["status"])

    @property
    def spark_sql(self) -> str:
        """Spark SQL of every statement, separated by ``;`` and a blank line."""
        return str(self._result["spark_sql"])

    @property
    def spark_conf(self) -> Dict[str, str]:
        """The Spark settings the SQL relies on (``run()`` sets them on the session)."""
        return dict(self._result["spark_conf"])

    @property
    def statements(self) -> List[str]:
        """The Spark SQL of each statement, in order."""
        return list(self._statements)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def errors(self) -> List[Diagnostic]:
        """The error-severity diagnostics (why the status is not ok)."""
        return [d for d in self.diagnostics if d.severity == "error"]

    def to_dict(self) -> Dict[str, Any]:
        """The JSON contract as a dict (a copy)."""
        return copy.deepcopy(self._result)

    def to_json(self, indent: Optional[int] = None) -> str:
        """The JSON contract as text: without ``indent``, exactly what the CLI prints."""
        if indent is None:
            return json.dumps(self._result, ensure_ascii=False, separators=(",", ":"))
        return json.dumps(self._result, ensure_ascii=False, indent=indent)

    # -- using it -----------------------------------------------------------------------------
    def raise_for_status(self) -> "Translation":
        """Raises `InvalidQueryError` (status error), `InternalError` (a bug was reported) or
        `NotMappableError` (status flagged); returns the translation when it is ok."""
        if self.status == "ok":
            return self
        errors = self.errors
        summary = "; ".join(str(d) for d in errors) or "no diagnostic"
        if any(d.code == "internal" for d in errors):
            raise InternalError(f"internal error while translating: {summary}", errors)
        if self.status == "error":
            raise InvalidQueryError(f"not a valid Trino query: {summary}", errors)
        raise NotMappableError(f"cannot be translated faithfully: {summary}", errors)

    @property
    def setup(self) -> List[str]:
        """Statements to run before the query: UDF registrations from ``udfs=`` rules."""
        return list(self._result.get("setup", []))

    @property
    def rules(self) -> List[str]:
        """Provenance: the mapping rules applied (``name@mappings/file.map:line``)."""
        return list(self._result.get("rules", []))

    def run(self, spark: "SparkSession", force: bool = False) -> "DataFrame":
        """Sets ``spark_conf`` on the session and runs the Spark SQL; returns the DataFrame of
        the last statement.

        Raises `NotMappableError` when the status is flagged (the result may differ from
        Trino's) unless ``force=True``; a translation with status error never runs.
        """
        if not (force and self.status == "flagged" and not any(d.code == "internal" for d in self.errors)):
            self.raise_for_status()
        for key, value in self._result["spark_conf"].items():
            spark.conf.set(key, value)
        if not self._statements:
            raise InvalidQueryError("no statement to run", [])
        for stmt in self.setup:  # UDF registrations (CREATE TEMPORARY FUNCTION … USING JAR …)
            spark.sql(stmt)
        df = None
        for stmt in self._statements:
            df = spark.sql(stmt)
        assert df is not None
        return df

    # -- display ------------------------------------------------------------------------------
    def __str__(self) -> str:
        return self.spark_sql

    def __repr__(self) -> str:
        n = len(self.diagnostics)
        lines = [
            f"<Translation status={self.status!r} spark={self.spark!r} ansi={self.ansi} "
            f"statements={len(self._statements)} diagnostics={n}>"
        ]
        lines += [f"  {d}" for d in self.diagnostics]
        if self.spark_sql:
            lines.append("-- Spark SQL:")
            lines += [f"  {x}" for x in self.spark_sql.splitlines()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from ._html import translation_html

        return translation_html(self)


def _raise_native(kind: str, payload: str) -> None:
    if kind == "schema":
        raise SchemaError(payload)
    if kind == "options":
        raise OptionsError(payload)
    raise InternalError(payload)


def transpile(
    sql: str,
    spark: str = "4",
    ansi: Optional[bool] = None,
    schema: SchemaInput = None,
    udfs: SchemaInput = None,
    time_zone: Optional[str] = None,
) -> Translation:
    """Translates Trino SQL (one or more statements) into Spark SQL.

    ``spark``: the Spark version the output is for (``"4"`` or ``"3.5"``). ``ansi``: whether
    it will run with ``spark.sql.ansi.enabled`` (``None``: the target's default, true).
    ``schema``: table schemas — a path to a JSON or CREATE TABLE file, such a text, a dict
    (``{"tables": [...]}`` as in the JSON file, or ``{"table": {"column": "trino type"}}``), or a
    list of these. ``udfs``: mapping files for your own functions (the language of
    ``mappings/``: a path, a text, or a list of these); their rules come before the built-in
    ones. ``time_zone``: Trino's session time zone (default UTC).

    Raises `ParseError` when the input is not valid SQL, `SchemaError` for an unreadable
    schema, `OptionsError` for an unusable option. A valid input always returns a
    `Translation`, whatever its status.
    """
    if not isinstance(sql, str):
        raise TypeError(f"sql must be a str, got {type(sql).__name__}")
    version = _native.spark_version(str(spark))
    if version is None:
        raise OptionsError(f"unknown Spark version {spark!r} (use \"4\" or \"3.5\")")
    schemas = schema_texts(schema)
    udf_texts = schema_texts(udfs, "udfs")
    kind, payload, statements = _native.transpile(sql, version, ansi, schemas, time_zone, udf_texts)
    if kind not in ("ok", "invalid"):
        _raise_native(kind, payload)
    result: Dict[str, Any] = json.loads(payload)
    if kind == "invalid":
        d = result["diagnostics"][0]
        raise ParseError(d["message"], code=d["code"], line=d.get("line"), column=d.get("column"), sql=sql, result=result)
    ansi_used = result["spark_conf"].get("spark.sql.ansi.enabled") == "true"
    return Translation(sql, version, ansi_used, result, json.loads(statements))


def spark_conf(spark: str = "4", ansi: Optional[bool] = None, time_zone: Optional[str] = None) -> Dict[str, str]:
    """The Spark settings every translation for this target relies on."""
    kind, payload = _native.spark_conf(str(spark), ansi, time_zone)
    if kind != "ok":
        _raise_native(kind, payload)
    conf: Dict[str, str] = json.loads(payload)
    return conf
