-- UNION (DISTINCT by default) removes duplicates across and within both inputs; NULLs are equal for this purpose (catalog §18).
-- expect: ok
WITH a(x) AS (VALUES 1, 1, 2, 3, NULL, NULL),
     b(x) AS (VALUES 1, 3, 3, 4, NULL)
SELECT x FROM a UNION SELECT x FROM b
