-- max_by / min_by with two arguments on every Spark line: NULL values are returned when the extreme key's row holds NULL.
-- expect: ok
WITH t(g, v, k) AS (VALUES ('a', 'x', 3), ('a', CAST(NULL AS varchar), 9), ('b', 'p', -4), ('b', 'q', -1))
SELECT g, max_by(v, k) AS top, min_by(v, k) AS bottom
FROM t
GROUP BY g
