-- lag / last_value … IGNORE NULLS: valid Trino that is flagged today; Spark supports the same clause (catalog §17).
-- expect: flagged non-mappable
WITH t(ts, v) AS (VALUES (1, 'a'), (2, NULL), (3, 'c'), (4, NULL), (5, 'e'))
SELECT ts, v,
       lag(v) IGNORE NULLS OVER (ORDER BY ts) AS prev_non_null,
       last_value(v) IGNORE NULLS OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_non_null
FROM t
