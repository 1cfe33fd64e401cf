"""The exceptions of trino2spark: one class per kind of failure, all deriving from `Error`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from ._translation import Diagnostic


class Error(Exception):
    """Base class of every exception this package raises."""


class ParseError(Error, ValueError):
    """The input is not valid SQL (or holds no statement): nothing could be translated.

    ``line`` and ``column`` (1-based, counted in characters) point at the offending token;
    they are ``None`` when the input holds no statement at all.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str,
        line: Optional[int],
        column: Optional[int],
        sql: str,
        result: Dict[str, Any],
    ) -> None:
        self.message = message
        self.code = code
        self.line = line
        self.column = column
        self.sql = sql
        #: The JSON contract of this outcome (status "error"), as `Translation.to_dict()` gives it.
        self.result = result
        super().__init__(self._render())

    def _render(self) -> str:
        if self.line is None or self.column is None:
            return self.message
        text = f"syntax error at line {self.line}, column {self.column}: {self.message}"
        lines = self.sql.splitlines()
        if 1 <= self.line <= len(lines):
            src = lines[self.line - 1]
            text += f"\n  {src}\n  {' ' * (self.column - 1)}^"
        return text


class _DiagnosticsError(Error):
    """An error about a translation that exists but must not be run as it is."""

    def __init__(self, message: str, diagnostics: Sequence["Diagnostic"]) -> None:
        self.message = message
        self.diagnostics: List["Diagnostic"] = list(diagnostics)
        super().__init__(message)


class InvalidQueryError(_DiagnosticsError):
    """Valid SQL that is not a valid Trino query (an unresolved column, a type error, …):
    raised by `Translation.run()` / `raise_for_status()` on a translation with status "error"."""


class NotMappableError(_DiagnosticsError):
    """Valid Trino that cannot be translated faithfully (status "flagged"): raised by
    `Translation.run()` unless ``force=True``, and by `raise_for_status()`."""


#: The same class under the name of the status it stands for.
FlaggedError = NotMappableError


class SchemaError(Error, ValueError):
    """A ``schema=`` argument could not be read (missing file, bad JSON, bad CREATE TABLE)."""


class OptionsError(Error, ValueError):
    """An option is not usable (an unknown Spark version, an empty time zone, …)."""


class InternalError(Error):
    """A bug in trino2spark. Please report it with the input."""

    def __init__(self, message: str, diagnostics: Sequence["Diagnostic"] = ()) -> None:
        self.message = message
        self.diagnostics: List["Diagnostic"] = list(diagnostics)
        super().__init__(message)


__all__ = [
    "Error",
    "ParseError",
    "InvalidQueryError",
    "NotMappableError",
    "FlaggedError",
    "SchemaError",
    "OptionsError",
    "InternalError",
]
