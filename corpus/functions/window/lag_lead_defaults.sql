-- lag / lead with an integer default over a bigint column keep the bigint type; nth_value / first_value / last_value respect NULLs.
-- expect: ok
WITH t(ts, v) AS (VALUES (1, CAST(5 AS bigint)), (2, NULL), (3, CAST(-7 AS bigint)), (4, CAST(0 AS bigint)))
SELECT ts, lag(v, 1, 0) OVER (ORDER BY ts) AS lg, lead(v, 2, -1) OVER (ORDER BY ts) AS ld,
       nth_value(v, 2) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n2,
       first_value(v) OVER (ORDER BY ts DESC) AS fv, last_value(v) OVER (ORDER BY ts) AS lv
FROM t
