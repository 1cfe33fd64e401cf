-- INTERSECT binds tighter than UNION: a UNION ALL (b INTERSECT c) (catalog §18).
-- expect: ok
WITH a(x) AS (VALUES 1, 1, 2, 3, NULL, NULL),
     b(x) AS (VALUES 1, 3, 3, 4, NULL),
     c(x) AS (VALUES 3, 4, 5)
SELECT x FROM a
UNION ALL
SELECT x FROM b
INTERSECT
SELECT x FROM c
