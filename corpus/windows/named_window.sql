-- A named window (WINDOW w AS (…)) shared by several functions, one of which refines it with a frame (catalog §17).
-- expect: ok
WITH t(g, ts, v) AS (VALUES ('a', 1, 10), ('a', 2, 20), ('a', 2, 25), ('a', 3, NULL), ('b', 5, 1), ('b', NULL, 2))
SELECT g, ts, v,
       rank() OVER w AS rk,
       dense_rank() OVER w AS drk,
       sum(v) OVER w AS running,
       count(v) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS cnt_all
FROM t
WINDOW w AS (PARTITION BY g ORDER BY ts)
