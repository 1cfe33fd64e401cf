-- Window functions with ROWS frames: moving sum over 1 preceding row, row_number, lag with a default, first_value; NULL values inside the frame (catalog §17).
-- expect: ok
WITH t(g, ts, v) AS (VALUES ('a', 1, 10), ('a', 2, NULL), ('a', 3, 30), ('a', 4, -5), ('b', 1, 7), ('b', 2, 8))
SELECT g, ts, v,
       sum(v) OVER (PARTITION BY g ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS moving,
       sum(v) OVER (PARTITION BY g ORDER BY ts ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest,
       row_number() OVER (PARTITION BY g ORDER BY ts DESC) AS rn,
       lag(v, 1, 0) OVER (PARTITION BY g ORDER BY ts) AS prev,
       first_value(v) OVER (PARTITION BY g ORDER BY ts ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) AS next_first
FROM t
