-- Double division by zero follows IEEE: 1e0/0e0 = Infinity, -1e0/0e0 = -Infinity, 0e0/0e0 = NaN; double % 0 = NaN (Spark: NULL or an error) (catalog §4).
-- expect: ok
WITH t(x, y) AS (VALUES (1e0, 0e0), (-1e0, 0e0), (0e0, 0e0), (3e0, 2e0), (NULL, 0e0))
SELECT x, y,
       1e0 / 0e0 AS lit,
       x / y AS q,
       x % y AS r
FROM t
