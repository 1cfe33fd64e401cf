-- INTERSECT (DISTINCT): rows in both inputs, NULL included once (catalog §18).
-- expect: ok
WITH a(x) AS (VALUES 1, 1, 2, 3, NULL, NULL),
     b(x) AS (VALUES 1, 3, 3, 4, NULL)
SELECT x FROM a INTERSECT SELECT x FROM b
