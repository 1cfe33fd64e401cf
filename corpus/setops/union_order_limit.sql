-- ORDER BY and LIMIT after a UNION apply to the whole union; NULLs sort last (catalog §6, §18).
-- expect: ok
WITH a(x) AS (VALUES 1, 1, 2, 3, NULL, NULL),
     b(x) AS (VALUES 1, 3, 3, 4, NULL)
SELECT x FROM a
UNION
SELECT x FROM b
ORDER BY x
LIMIT 4
