-- UNION ALL keeps every row; the branch types integer and decimal(2,1) widen to decimal(11,1) (catalog §18).
-- expect: ok
WITH a(x) AS (VALUES 1, 1, 2, 3, NULL, NULL),
     b(x) AS (VALUES 1, 3, 3, 4, NULL)
SELECT x FROM a
UNION ALL
SELECT x FROM b
UNION ALL
SELECT 2.5
