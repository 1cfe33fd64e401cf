-- INTERSECT ALL keeps min(count in a, count in b) copies of each row (catalog §18).
-- expect: ok
WITH a(x) AS (VALUES 1, 1, 2, 3, NULL, NULL),
     b(x) AS (VALUES 1, 3, 3, 4, NULL)
SELECT x FROM a INTERSECT ALL SELECT x FROM b
