-- Quantified <> ALL (subquery) is NOT IN (subquery): with a NULL in the subquery nothing qualifies; an empty subquery makes every row qualify (catalog §18).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, NULL),
     s(y) AS (VALUES 2, NULL)
SELECT 'with null' AS k, x FROM t WHERE x <> ALL (SELECT y FROM s)
UNION ALL
SELECT 'non-null', x FROM t WHERE x <> ALL (SELECT y FROM s WHERE y IS NOT NULL)
UNION ALL
SELECT 'empty', x FROM t WHERE x <> ALL (SELECT y FROM s WHERE y > 100)
