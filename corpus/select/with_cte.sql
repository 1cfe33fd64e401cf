-- WITH: three CTEs, each reading the previous one, joined back together (catalog §18).
-- expect: ok
WITH t(id, v) AS (VALUES (1, 10), (2, -5), (3, NULL), (4, 0)),
     nonneg AS (SELECT id, v FROM t WHERE v >= 0),
     total AS (SELECT sum(v) AS s, count(*) AS n FROM nonneg)
SELECT nonneg.id, nonneg.v, total.s, total.n
FROM nonneg CROSS JOIN total
ORDER BY nonneg.id
