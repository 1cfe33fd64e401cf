-- x = SOME (subquery) as a filter is x IN (subquery): rows whose test is NULL or false are both dropped (catalog §18).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, 3, NULL), s(y) AS (VALUES 2, 3, NULL)
SELECT x FROM t WHERE x = SOME (SELECT y FROM s)
