-- LATERAL subquery with a correlated aggregate: a NULL and a zero bound give an empty input, so sum is NULL and count is 0 (catalog §18).
-- expect: ok
WITH t(id, n) AS (VALUES (1, 2), (2, 0), (3, NULL), (4, 3)),
     v(v) AS (VALUES 1, 2, 3)
SELECT t.id, x.s, x.c
FROM t CROSS JOIN LATERAL (SELECT sum(v.v) AS s, count(*) AS c FROM v WHERE v.v <= t.n) AS x
