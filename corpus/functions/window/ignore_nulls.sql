-- first_value / nth_value IGNORE NULLS: refused today (IGNORE NULLS is not translated yet).
-- expect: flagged non-mappable
WITH t(ts, v) AS (VALUES (1, NULL), (2, 5)) SELECT first_value(v) IGNORE NULLS OVER (ORDER BY ts) FROM t
