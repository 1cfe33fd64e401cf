-- Scalar subquery in WHERE compared with a column; the NULL row never qualifies (catalog §18).
-- expect: ok
WITH t(id, v) AS (VALUES (1, 10), (2, 20), (3, NULL), (4, -1)),
     s(id, w) AS (VALUES (1, 5), (1, 6), (2, 7), (NULL, 8))
SELECT id, v FROM t WHERE v > (SELECT avg(w) FROM s)
