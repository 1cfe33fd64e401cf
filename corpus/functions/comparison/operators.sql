-- Comparison operators (=, <>, !=, <, <=, >, >=) keep Trino's three-valued results, NaN included (catalog §4).
-- expect: ok
WITH t(a, b) AS (VALUES (1, 2), (2, 2), (NULL, 1), (-3, NULL), (0, 0)),
     d(x) AS (VALUES nan(), 1e0, infinity(), CAST(NULL AS double))
SELECT a, b, a = b AS eq, a <> b AS ne, a != b AS ne2, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge, CAST(NULL AS boolean) AS x
FROM t
UNION ALL
SELECT NULL, NULL, x = x, x <> x, x != 1e0, x < infinity(), x <= 1e0, x > 0e0, x >= 1e0, x IS NULL FROM d
