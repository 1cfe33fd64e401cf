-- x = SOME (subquery) used as a value is three-valued: NULL when no row matches and the subquery has a NULL (catalog §18).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, NULL), s(y) AS (VALUES 2, NULL), e(y) AS (SELECT 1 WHERE false)
SELECT x, x = SOME (SELECT y FROM s) AS eq_some, x = ANY (SELECT y FROM e) AS eq_any_empty, x <> ALL (SELECT y FROM s) AS ne_all FROM t
