-- array_agg keeps NULL elements and returns NULL for no rows (catalog §16).
-- expect: ok
WITH t(g, x) AS (VALUES (1, 3), (1, NULL), (2, NULL), (3, -1))
SELECT g, array_agg(x) AS a FROM t GROUP BY g
UNION ALL
SELECT 0, array_agg(x) FROM t WHERE x > 100
