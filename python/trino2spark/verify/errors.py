"""Shared classes of query errors, so that an error on both sides compares as equal when it is
the same kind of error: Trino's error names (errorName, refined by the message where Trino uses
one name for several kinds) and Spark's error classes (conditions) map to one vocabulary.

    division_by_zero, overflow, invalid_cast, subscript_out_of_bounds, map_key_not_found,
    duplicate_map_key, invalid_argument, user_raised, analysis, timeout, other
"""
from __future__ import annotations

import re

TRINO_NAMES = {
    "DIVISION_BY_ZERO": "division_by_zero",
    "NUMERIC_VALUE_OUT_OF_RANGE": "overflow",
    "INVALID_CAST_ARGUMENT": "invalid_cast",
    "INVALID_FUNCTION_ARGUMENT": "invalid_argument",
    "INVALID_ARGUMENTS": "invalid_argument",
    "GENERIC_USER_ERROR": "user_raised",
    "EXCEEDED_TIME_LIMIT": "timeout",
    "T2S_TIMEOUT": "timeout",
}
TRINO_ANALYSIS = re.compile(r"^(SYNTAX_ERROR|.*_NOT_FOUND|TYPE_MISMATCH|MISSING_.*|AMBIGUOUS_.*|"
                            r"INVALID_.*_REFERENCE|NOT_SUPPORTED|FUNCTION_IMPLEMENTATION_MISSING|"
                            r"EXPRESSION_NOT_.*|INVALID_(LITERAL|COLUMN_REFERENCE|PARAMETER_USAGE)|"
                            r"DUPLICATE_.*|MUST_BE_.*|.*_MISMATCH)$")

# Trino names one error for several kinds: refine by the message.
TRINO_MESSAGES = [
    (re.compile(r"Array subscript (must be|out of bounds)|Array index|SQL array indices start at 1", re.I),
     "subscript_out_of_bounds"),
    (re.compile(r"Key not present in map", re.I), "map_key_not_found"),
    (re.compile(r"Duplicate (map )?keys", re.I), "duplicate_map_key"),
    (re.compile(r"Cannot cast (DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|DOUBLE|REAL)\b.*\bto "
                r"(DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|REAL)\b|[Oo]ut of range", re.I), "overflow"),
    (re.compile(r"overflow", re.I), "overflow"),
]

SPARK_CLASSES = [
    (re.compile(r"^(DIVIDE_BY_ZERO|INTERVAL_DIVIDED_BY_ZERO|REMAINDER_BY_ZERO)"), "division_by_zero"),
    (re.compile(r"^(ARITHMETIC_OVERFLOW|BINARY_ARITHMETIC_OVERFLOW|CAST_OVERFLOW.*|NUMERIC_VALUE_OUT_OF_RANGE.*|"
                r"NUMERIC_OUT_OF_SUPPORTED_RANGE|DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION|INTERVAL_ARITHMETIC_OVERFLOW|"
                r"DATETIME_OVERFLOW)"), "overflow"),
    (re.compile(r"^(CAST_INVALID_INPUT|CONVERSION_INVALID_INPUT|INVALID_FORMAT.*|CANNOT_PARSE_TIMESTAMP|"
                r"INVALID_DATETIME_PATTERN.*|CANNOT_PARSE_.*)"), "invalid_cast"),
    (re.compile(r"^(INVALID_ARRAY_INDEX.*|INVALID_INDEX_OF_ZERO)"), "subscript_out_of_bounds"),
    (re.compile(r"^MAP_KEY_DOES_NOT_EXIST"), "map_key_not_found"),
    (re.compile(r"^DUPLICATED_MAP_KEY"), "duplicate_map_key"),
    (re.compile(r"^USER_RAISED_EXCEPTION"), "user_raised"),
    (re.compile(r"^(INVALID_PARAMETER_VALUE|INVALID_REGEXP|INVALID_URL|INVALID_JSON|MALFORMED_RECORD|"
                r"INVALID_UTF8|COLLECTION_SIZE_LIMIT|INVALID_FRACTION|ILLEGAL_DAY_OF_WEEK|INVALID_VARIANT)"),
     "invalid_argument"),
    (re.compile(r"^(UNRESOLVED_.*|PARSE_SYNTAX_ERROR|PARSE_.*|DATATYPE_MISMATCH.*|TABLE_OR_VIEW_NOT_FOUND|"
                r"MISSING_.*|AMBIGUOUS_.*|WRONG_NUM_ARGS.*|INVALID_SQL_SYNTAX.*|UNSUPPORTED_.*|"
                r"_LEGACY_ERROR_TEMP_.*|INCOMPATIBLE_.*|NON_.*|NOT_.*|GROUPING_.*|INVALID_.*)"), "analysis"),
]


def trino_error_class(info: dict) -> str:
    """The shared class of a Trino error object {"name", "type", "message"}."""
    name = (info or {}).get("name") or ""
    msg = (info or {}).get("message") or ""
    if name in ("INVALID_FUNCTION_ARGUMENT", "INVALID_CAST_ARGUMENT"):
        for rx, cls in TRINO_MESSAGES:
            if rx.search(msg):
                return cls
    if name in TRINO_NAMES:
        return TRINO_NAMES[name]
    if TRINO_ANALYSIS.match(name):
        return "analysis"
    return "other"


_BRACKETED = re.compile(r"\[([A-Z][A-Z0-9_]+(?:\.[A-Z0-9_]+)*)\]")


def spark_condition(exc: BaseException | None, message: str = "") -> str | None:
    """Spark's error class of an exception (pyspark 4 getCondition, 3.5 getErrorClass), else the
    first `[CLASS]` in the message."""
    if exc is not None:
        for getter in ("getCondition", "getErrorClass"):
            fn = getattr(exc, getter, None)
            if callable(fn):
                try:
                    c = fn()
                except Exception:  # noqa: BLE001 - some exception wrappers lack the JVM object
                    c = None
                if c:
                    return str(c)
    m = _BRACKETED.search(message or (str(exc) if exc is not None else ""))
    return m.group(1) if m else None


def spark_error_class(condition: str | None, message: str = "") -> str:
    """The shared class of a Spark error condition (and its message, when the condition is
    missing or is Spark's catch-all)."""
    if condition:
        for rx, cls in SPARK_CLASSES:
            if rx.match(condition):
                return cls
    low = (message or "").lower()
    if "divide by zero" in low or "division by zero" in low:
        return "division_by_zero"
    if "overflow" in low:
        return "overflow"
    if "timed out" in low or "time limit" in low:
        return "timeout"
    return "other"
