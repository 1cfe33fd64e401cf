-- to_char with a constant Teradata format: fields printed like Joda (hh = hour of half-day 0-11, yy, yyyy), punctuation kept.
-- expect: ok
WITH t(ts) AS (VALUES (TIMESTAMP '1988-04-08 14:15:16'), (TIMESTAMP '2024-02-29 00:00:59.999'), (TIMESTAMP '0012-12-31 12:03:04'), (NULL))
SELECT ts, to_char(ts, 'yyyy/mm/dd hh24:mi:ss') AS full_fmt, to_char(ts, 'yy-mm-dd hh') AS half, to_char(ts, 'dd.mm.yyyy;hh:mi') AS mixed,
       to_char(CAST(ts AS date), 'yyyymmdd') AS d
FROM t
