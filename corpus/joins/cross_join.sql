-- CROSS JOIN: the Cartesian product, including NULL and empty-string rows (catalog §18).
-- expect: ok
WITH a(x) AS (VALUES 1, NULL, -1), b(y) AS (VALUES 'p', '', NULL)
SELECT x, y
FROM a CROSS JOIN b
