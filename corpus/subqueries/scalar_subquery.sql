-- Scalar subqueries: uncorrelated, correlated max (NULL when nothing matches) and correlated count(*) (0, not NULL, when nothing matches) (catalog §18).
-- expect: ok
WITH t(id, v) AS (VALUES (1, 10), (2, 20), (3, NULL), (4, -1)),
     s(id, w) AS (VALUES (1, 5), (1, 6), (2, 7), (NULL, 8))
SELECT id, v,
       (SELECT max(w) FROM s WHERE s.id = t.id) AS max_w,
       (SELECT count(*) FROM s WHERE s.id = t.id) AS n_w,
       (SELECT count(*) FROM s) AS n_all
FROM t
