-- IN (subquery) as a value in the select list: true, false, or NULL when the probe is NULL or the subquery holds a NULL (catalog §18).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, NULL),
     s(y) AS (VALUES 2, NULL)
SELECT x, x IN (SELECT y FROM s) AS in_s, x IN (SELECT y FROM s WHERE y IS NOT NULL) AS in_nonnull
FROM t
