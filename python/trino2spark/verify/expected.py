"""Reads Trino's recorded results (``expected_tiny/<q>.sql``) into Python rows.

Each file is a Trino query of the form::

    SELECT * FROM ( VALUES (DECIMAL '25.58', VARCHAR 'A', NULL, ...), (...) ) [WHERE 1=0]

where every value is a typed literal (``DECIMAL '1.5'``, ``BIGINT '-3'``, ``CHAR 'AB  '``, ...),
``NULL``, an untyped number or string, or TRUE/FALSE. ``WHERE 1=0`` marks an empty result
(the single VALUES row is only there to carry the column count).

Values become: Decimal for DECIMAL, int for TINYINT/SMALLINT/INTEGER/BIGINT, float for
DOUBLE/REAL, str for VARCHAR/CHAR (CHAR keeps its blank padding), datetime.date for DATE,
datetime.datetime for TIMESTAMP, datetime.time for TIME, bool for BOOLEAN, None for NULL.
Anything else raises ExpectedParseError: a new kind of literal must be added here, not guessed.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path


class ExpectedParseError(ValueError):
    pass


@dataclass
class Expected:
    rows: list[tuple]
    # Per column: the Trino type name of its first non-NULL literal ("DECIMAL", "CHAR", ...),
    # or None when every value of the column is NULL.
    column_types: list[str | None] = field(default_factory=list)
    ncols: int = 0
    path: str | None = None


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+|--[^\n]*)
  | (?P<str>'(?:[^']|'')*')
  | (?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<ident>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<qident>"(?:[^"]|"")*")
  | (?P<punct>[(),*=;+-])
    """,
    re.VERBOSE,
)


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    out = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ExpectedParseError(f"unexpected character {text[pos]!r} at offset {pos}")
        kind = m.lastgroup
        if kind != "ws":
            out.append((kind, m.group(), pos))
        pos = m.end()
    return out


def _unquote(s: str) -> str:
    return s[1:-1].replace("''", "'")


def _parse_double(s: str) -> float:
    t = s.strip()
    low = t.lower()
    if low in ("nan",):
        return math.nan
    if low in ("infinity", "+infinity", "inf"):
        return math.inf
    if low in ("-infinity", "-inf"):
        return -math.inf
    return float(t)


def _parse_timestamp(s: str) -> _dt.datetime:
    t = s.strip()
    if " " not in t and "T" not in t:
        t += " 00:00:00"
    return _dt.datetime.fromisoformat(t.replace("T", " "))


def _convert(type_name: str, text: str):
    """The Python value of a Trino typed literal TYPE 'text'."""
    t = type_name.upper()
    try:
        if t == "DECIMAL":
            return Decimal(text.strip())
        if t in ("BIGINT", "INTEGER", "INT", "SMALLINT", "TINYINT"):
            return int(text.strip())
        if t in ("DOUBLE", "REAL"):
            return _parse_double(text)
        if t in ("VARCHAR", "CHAR"):
            return text
        if t == "DATE":
            return _dt.date.fromisoformat(text.strip())
        if t == "TIMESTAMP":
            return _parse_timestamp(text)
        if t == "TIME":
            return _dt.time.fromisoformat(text.strip())
        if t == "BOOLEAN":
            v = text.strip().lower()
            if v in ("true", "false"):
                return v == "true"
    except (ValueError, InvalidOperation) as e:
        raise ExpectedParseError(f"bad {t} literal {text!r}: {e}") from None
    raise ExpectedParseError(f"unsupported literal type {type_name} {text!r}")


_CANON = {"INT": "INTEGER"}


class _Parser:
    def __init__(self, text: str):
        self.toks = _tokenize(text)
        self.i = 0

    def peek(self, k: int = 0):
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else ("eof", "", -1)

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def at_word(self, word: str, k: int = 0) -> bool:
        kind, val, _ = self.peek(k)
        return kind == "ident" and val.upper() == word

    def at_punct(self, p: str, k: int = 0) -> bool:
        kind, val, _ = self.peek(k)
        return kind == "punct" and val == p

    def expect_word(self, word: str):
        kind, val, pos = self.next()
        if kind != "ident" or val.upper() != word:
            raise ExpectedParseError(f"expected {word} at offset {pos}, found {val!r}")

    def expect_punct(self, p: str):
        kind, val, pos = self.next()
        if kind != "punct" or val != p:
            raise ExpectedParseError(f"expected {p!r} at offset {pos}, found {val!r}")

    # value := NULL | TRUE | FALSE | [+|-] number | [+|-] TYPE 'text' | 'text'
    def value(self):
        sign = 1
        if self.at_punct("-") or self.at_punct("+"):
            sign = -1 if self.next()[1] == "-" else 1
        kind, val, pos = self.next()
        if kind == "ident":
            word = val.upper()
            if word == "NULL" and sign == 1:
                return None, None
            if word in ("TRUE", "FALSE") and sign == 1:
                return word == "TRUE", "BOOLEAN"
            k2, v2, _ = self.peek()
            if k2 == "str":
                self.next()
                v = _convert(word, _unquote(v2))
                if sign == -1:
                    if not isinstance(v, (int, float, Decimal)) or isinstance(v, bool):
                        raise ExpectedParseError(f"cannot negate {word} literal at offset {pos}")
                    v = -v
                return v, _CANON.get(word, word)
            raise ExpectedParseError(f"unexpected word {val!r} at offset {pos}")
        if kind == "num":
            if re.fullmatch(r"\d+", val):
                return sign * int(val), "INTEGER"
            if "e" in val.lower():
                return sign * float(val), "DOUBLE"
            return sign * Decimal(val), "DECIMAL"
        if kind == "str" and sign == 1:
            return _unquote(val), "VARCHAR"
        raise ExpectedParseError(f"unexpected {val!r} at offset {pos}")

    def row(self):
        if self.at_punct("("):
            self.next()
            vals = [self.value()]
            while self.at_punct(","):
                self.next()
                vals.append(self.value())
            self.expect_punct(")")
            return vals
        return [self.value()]

    def parse(self) -> tuple[list[list], bool]:
        self.expect_word("SELECT")
        self.expect_punct("*")
        self.expect_word("FROM")
        self.expect_punct("(")
        self.expect_word("VALUES")
        rows = [self.row()]
        while self.at_punct(","):
            self.next()
            rows.append(self.row())
        self.expect_punct(")")
        # optional alias: [AS] t [(c1, c2, ...)]
        if self.at_word("AS"):
            self.next()
        if self.peek()[0] in ("ident", "qident") and not self.at_word("WHERE"):
            self.next()
            if self.at_punct("("):
                while not self.at_punct(")"):
                    if self.peek()[0] == "eof":
                        raise ExpectedParseError("unterminated column alias list")
                    self.next()
                self.next()
        empty = False
        if self.at_word("WHERE"):
            self.next()
            a, b = self.next(), self.next()
            c = self.next()
            if not (a[1] == "1" and b[1] == "=" and c[1] == "0"):
                raise ExpectedParseError(f"unsupported WHERE clause near offset {a[2]}")
            empty = True
        if self.at_punct(";"):
            self.next()
        if self.peek()[0] != "eof":
            kind, val, pos = self.peek()
            raise ExpectedParseError(f"unexpected trailing {val!r} at offset {pos}")
        return rows, empty


def parse_expected(text: str, path: str | None = None) -> Expected:
    """Parse the text of an expected_tiny file."""
    try:
        raw_rows, empty = _Parser(text).parse()
    except ExpectedParseError as e:
        where = f"{path}: " if path else ""
        raise ExpectedParseError(f"{where}{e}") from None
    ncols = len(raw_rows[0])
    for n, r in enumerate(raw_rows):
        if len(r) != ncols:
            raise ExpectedParseError(f"{path or 'expected'}: row {n + 1} has {len(r)} values, the first has {ncols}")
    types: list[str | None] = [None] * ncols
    for r in raw_rows:
        for j, (_, t) in enumerate(r):
            if types[j] is None and t is not None:
                types[j] = t
    rows = [] if empty else [tuple(v for v, _ in r) for r in raw_rows]
    return Expected(rows=rows, column_types=types, ncols=ncols, path=path)


def load_expected(path: str | Path) -> Expected:
    p = Path(path)
    return parse_expected(p.read_text(encoding="utf-8"), str(p))
