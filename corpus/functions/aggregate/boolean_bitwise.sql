-- bool_or / every and the bitwise aggregates: NULLs skipped, all-NULL groups give NULL, negative values in two's complement (BIGINT results).
-- expect: ok
WITH t(g, b, n) AS (VALUES ('a', true, 12), ('a', false, 10), ('a', NULL, NULL), ('b', false, -1), ('b', false, 6),
                          ('c', CAST(NULL AS boolean), CAST(NULL AS integer)))
SELECT g,
       bool_or(b) AS any_true, every(b) AS all_true,
       bitwise_and_agg(n) AS band, bitwise_or_agg(n) AS bor, bitwise_xor_agg(n) AS bxor
FROM t
GROUP BY g
