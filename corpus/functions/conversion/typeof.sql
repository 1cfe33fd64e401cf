-- typeof: the Trino type name of the argument, known at translation time (catalog §21).
-- expect: ok
WITH t(i, b, d, x, s, dt, ts, a) AS (VALUES (1, BIGINT '2', 1.5, 1e0, 'ab', DATE '2020-01-31', TIMESTAMP '2020-01-01 00:00:00.123', ARRAY[1, 2]), (NULL, NULL, NULL, NULL, 'é', NULL, NULL, NULL))
SELECT typeof(i) AS ti, typeof(b) AS tb, typeof(d) AS td, typeof(x) AS tx, typeof(s) AS ts, typeof(dt) AS tdt, typeof(ts) AS tts,
       typeof(a) AS ta, typeof('abc') AS tl, typeof(12.50) AS tl2, typeof(i + b) AS tsum, typeof(d * d) AS tmul, typeof(true) AS tbool, typeof(3000000000) AS tbig
FROM t
