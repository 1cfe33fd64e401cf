-- lead / lag with offsets and defaults, last_value over a full frame, nth_value, with NULL values (catalog §17).
-- expect: ok
WITH t(ts, v) AS (VALUES (1, 'a'), (2, NULL), (3, 'c'), (4, NULL), (5, 'e'))
SELECT ts, v,
       lead(v, 2) OVER (ORDER BY ts) AS lead2,
       lag(v, 1, 'none') OVER (ORDER BY ts) AS prev,
       last_value(v) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_v,
       nth_value(v, 3) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS third
FROM t
