-- Quantified = ANY (subquery) is IN (subquery), including its NULL behaviour (catalog §18).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, 3, NULL),
     s(y) AS (VALUES 2, 3, NULL)
SELECT x FROM t WHERE x = ANY (SELECT y FROM s)
