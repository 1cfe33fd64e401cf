"""The rows of ../shared/semantics/catalog.md marked "verify" / "not verified" / "unverified",
settled on the real Trino 476: each probe runs on the live server and asserts what it returned.
docs/catalog-verified.md states, per row, what Trino did and whether the catalog was right.
Skipped, saying why, when no Trino answers (scripts/start_trino.sh)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trino_query as tq  # noqa: E402

_up = tq.Trino().reachable()
pytestmark = pytest.mark.skipif(not _up, reason=f"no Trino answers at {tq.Trino().url}")

ERROR = object()

# (catalog row, probe SQL, rows Trino returns — or (ERROR, error name, message fragment))
PROBES = [
    ("§6 NaN in ORDER BY (asc)",
     "SELECT x FROM (VALUES nan(), infinity(), 1e0, -infinity(), CAST(NULL AS double)) t(x) ORDER BY x",
     [["-inf"], ["1.0"], ["inf"], ["nan"], [None]]),
    ("§6 NaN in ORDER BY (desc)",
     "SELECT x FROM (VALUES nan(), infinity(), 1e0, -infinity(), CAST(NULL AS double)) t(x) ORDER BY x DESC",
     [["nan"], ["inf"], ["1.0"], ["-inf"], [None]]),
    ("§7 split_to_map literal delimiters",
     "SELECT split_to_map('a.1|b.2', '|', '.')", [[{"a": "1", "b": "2"}]]),
    ("§7 split_to_map entry without kv delimiter",
     "SELECT split_to_map('a=1,b', ',', '=')", (ERROR, "INVALID_FUNCTION_ARGUMENT", "Key-value delimiter must appear exactly once")),
    ("§7 split_to_multimap entry without kv delimiter",
     "SELECT split_to_multimap('a=1,b', ',', '=')", (ERROR, "INVALID_FUNCTION_ARGUMENT", "Key-value delimiter")),
    ("§10 format_number unit suffixes and rounding",
     "SELECT format_number(123456), format_number(1000000), format_number(1250), format_number(1550000),"
     " format_number(999999), format_number(-1234), format_number(1235), format_number(1245),"
     " format_number(12.5), format_number(13.5), format_number(999)",
     [["123K", "1M", "1.25K", "1.55M", "1000K", "-1.23K", "1.24K", "1.25K", "12", "13", "999"]]),
    ("§8 \\w \\d \\s \\b on non-ASCII (Joni)",
     "SELECT regexp_like('é', '^\\w$'), regexp_like('日', '^\\w$'), regexp_like('٣', '^\\d$'),"
     " regexp_like(U&'\\00A0', '^\\s$'), regexp_like(U&'\\2003', '^\\s$'), regexp_like('aé', 'a\\b'),"
     " regexp_like('_', '^\\w$')",
     [[False, False, False, False, False, False, True]]),
    ("§8 \\w in regexp_extract / \\W in regexp_replace",
     "SELECT regexp_extract('naïve café', '\\w+'), regexp_replace('é1', '\\W', '#')", [["na", "#1"]]),
    ("§8 (?U) flag",
     "SELECT regexp_like('é', '(?U)^\\w$')", (ERROR, "INVALID_FUNCTION_ARGUMENT", "undefined group option")),
    ("§16 corr with zero variance",
     "SELECT corr(y, x) FROM (VALUES (1e0, 1e0), (1e0, 2e0), (1e0, 3e0)) t(x, y)", [[None]]),
    ("§16 corr of one row", "SELECT corr(y, x) FROM (VALUES (1e0, 1e0)) t(x, y)", [[None]]),
    ("§16 skewness is the population g1",
     "SELECT skewness(x) FROM (VALUES 1e0, 2e0, 3e0, 10e0) t(x)", [["1.0182337649086284"]]),
    ("§16 skewness of constant input", "SELECT skewness(x) FROM (VALUES 1e0, 1e0, 1e0) t(x)", [["nan"]]),
    ("§16 min/max(double) with NaN",
     "SELECT max(x), min(x) FROM (VALUES 1e0, nan(), 2e0) t(x)", [["2.0", "1.0"]]),
    ("§16 min/max(double) with NaN first",
     "SELECT max(x), min(x) FROM (VALUES nan(), 1e0, 2e0) t(x)", [["2.0", "1.0"]]),
    ("§16 min/max(double) of only NaN",
     "SELECT max(x), min(x) FROM (VALUES nan(), nan()) t(x)", [["nan", "nan"]]),
    ("§20 json_format(json_parse) number spelling",
     "SELECT json_format(json_parse('{\"b\":1.0,\"a\":1e2,\"c\":1.50,\"d\":12345678901234567890,"
     "\"e\":-0.0,\"f\":1E-7, \"g\": [ 1 , 2 ]}'))",
     [['{"a":100.0,"b":1.0,"c":1.5,"d":12345678901234567890,"e":-0.0,"f":1.0E-7,"g":[1,2]}']]),
    ("§20 CAST(json AS MAP) type mismatch",
     "SELECT CAST(JSON '{\"a\":\"x\"}' AS MAP(varchar, integer))", (ERROR, "INVALID_CAST_ARGUMENT", "Cannot cast 'x' to INT")),
    ("§20 CAST(json AS ARRAY) type mismatch",
     "SELECT CAST(JSON '[1,\"a\"]' AS ARRAY(integer))", (ERROR, "INVALID_CAST_ARGUMENT", "Cannot cast 'a' to INT")),
    ("§20 CAST(json AS ARRAY) numeric string is coerced",
     "SELECT CAST(JSON '[1,\"2\"]' AS ARRAY(integer))", [[[1, 2]]]),
    ("§20 CAST(json AS MAP) fraction to integer rounds",
     "SELECT CAST(JSON '{\"a\":1.7}' AS MAP(varchar, integer))", [[{"a": 2}]]),
]


@pytest.mark.parametrize("row,sql,want", PROBES, ids=[p[0] for p in PROBES])
def test_catalog_claim(row, sql, want):
    if isinstance(want, tuple) and want and want[0] is ERROR:
        with pytest.raises(tq.TrinoQueryFailed) as ei:
            tq.run_query(sql)
        assert ei.value.info["name"] == want[1] and want[2] in ei.value.info["message"]
        return
    assert tq.run_query(sql)["rows"] == want
