-- lag / lead / first_value / last_value / nth_value … IGNORE NULLS (and RESPECT NULLS, the default): Spark has the same clause (catalog §17); NULLs at the frame edges, default RANGE frames with peers, explicit ROWS frames.
-- expect: ok
WITH t(p, ts, v) AS (VALUES
  (1, 1, NULL), (1, 2, 'a'), (1, 3, NULL), (1, 4, 'c'), (1, 5, NULL), (1, 6, NULL),
  (2, 1, 'x'), (2, 2, NULL), (2, 2, 'y'), (2, 3, NULL),
  (3, 1, NULL))
SELECT p, ts, v,
       lag(v) IGNORE NULLS OVER (PARTITION BY p ORDER BY ts, v) AS prev_non_null,
       lag(v, 2, 'none') IGNORE NULLS OVER (PARTITION BY p ORDER BY ts, v) AS prev2,
       lead(v) IGNORE NULLS OVER (PARTITION BY p ORDER BY ts, v) AS next_non_null,
       lag(v) RESPECT NULLS OVER (PARTITION BY p ORDER BY ts, v) AS prev_any,
       first_value(v) IGNORE NULLS OVER (PARTITION BY p ORDER BY ts) AS first_default,
       last_value(v) IGNORE NULLS OVER (PARTITION BY p ORDER BY ts) AS last_default,
       last_value(v) IGNORE NULLS OVER (PARTITION BY p ORDER BY ts, v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_so_far,
       first_value(v) IGNORE NULLS OVER (PARTITION BY p ORDER BY ts, v ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS first_after,
       last_value(v) IGNORE NULLS OVER (PARTITION BY p ORDER BY ts, v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS last_near,
       nth_value(v, 2) IGNORE NULLS OVER (PARTITION BY p ORDER BY ts, v ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second_non_null,
       nth_value(v, 1) IGNORE NULLS OVER (PARTITION BY p ORDER BY ts) AS first_nth_default
FROM t
