-- x = ALL (subquery) other than <> ALL: flagged (catalog §18).
-- expect: flagged non-mappable
WITH t(x) AS (VALUES 1, 2, NULL), s(y) AS (VALUES 2, 2)
SELECT x, x = ALL (SELECT y FROM s) AS eq_all FROM t
