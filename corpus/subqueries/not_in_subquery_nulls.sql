-- NOT IN (subquery): one NULL in the subquery makes every non-matching probe NULL, so no row qualifies (catalog §18).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, NULL),
     s(y) AS (VALUES 2, NULL)
SELECT 'with null' AS k, x FROM t WHERE x NOT IN (SELECT y FROM s)
UNION ALL
SELECT 'without null', x FROM t WHERE x NOT IN (SELECT y FROM s WHERE y IS NOT NULL)
