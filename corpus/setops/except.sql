-- EXCEPT (DISTINCT): rows of a not in b, NULL treated as equal to NULL (catalog §18).
-- expect: ok
WITH a(x) AS (VALUES 1, 1, 2, 3, NULL, NULL),
     b(x) AS (VALUES 1, 3, 3, 4, NULL)
SELECT x FROM a EXCEPT SELECT x FROM b
