-- Quantified > ALL (subquery): Spark cannot parse it and the exact NULL-aware rewrite is not implemented: flagged (catalog §18).
-- expect: flagged non-mappable
WITH t(x) AS (VALUES 1, 5, NULL),
     s(y) AS (VALUES 2, 3)
SELECT x FROM t WHERE x > ALL (SELECT y FROM s)
