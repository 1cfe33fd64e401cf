-- IN (subquery) three-valued logic: a NULL probe gives NULL; a NULL in the subquery turns "not found" into NULL (catalog §18).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, NULL),
     s(y) AS (VALUES 2, 3),
     sn(y) AS (VALUES 2, NULL)
SELECT 'plain' AS k, x FROM t WHERE x IN (SELECT y FROM s)
UNION ALL
SELECT 'with null', x FROM t WHERE x IN (SELECT y FROM sn)
UNION ALL
SELECT 'not unknown', x FROM t WHERE (x IN (SELECT y FROM sn)) IS NOT NULL
