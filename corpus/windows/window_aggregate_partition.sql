-- Aggregates over a whole partition (no ORDER BY): every row sees the partition total; a NULL partition key forms its own partition (catalog §17).
-- expect: ok
WITH t(g, v) AS (VALUES ('a', 1), ('a', 2), (NULL, 3), (NULL, NULL), ('b', -4))
SELECT g, v, sum(v) OVER (PARTITION BY g) AS total, count(*) OVER (PARTITION BY g) AS n, max(v) OVER () AS overall
FROM t
