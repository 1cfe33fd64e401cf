-- EXCEPT ALL keeps count(a) - count(b) copies of each row (catalog §18).
-- expect: ok
WITH a(x) AS (VALUES 1, 1, 2, 3, NULL, NULL),
     b(x) AS (VALUES 1, 3, 3, 4, NULL)
SELECT x FROM a EXCEPT ALL SELECT x FROM b
