-- first_value / nth_value IGNORE NULLS with the default frame: the first non-NULL value so far (catalog §17).
-- expect: ok
WITH t(ts, v) AS (VALUES (1, NULL), (2, 5), (3, NULL), (4, -1))
SELECT ts, first_value(v) IGNORE NULLS OVER (ORDER BY ts) AS f, nth_value(v, 2) IGNORE NULLS OVER (ORDER BY ts) AS n2 FROM t
