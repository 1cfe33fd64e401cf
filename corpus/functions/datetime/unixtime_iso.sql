-- from_unixtime rounds to milliseconds like Trino, to_unixtime keeps the fraction, ISO 8601 parsing and printing (date, week and ordinal dates; p fraction digits) (catalog §11).
-- expect: ok
WITH t(x, s, d) AS (VALUES (1.0005e0, '2020-01-01', '2020-W10-1'), (-1.0005e0, '2020-01-01T10:00:00.123456Z', '2020-123'), (0e0, '2020-01-01T10:00:00+00:00', '2020-05'),
                           (1.9999e0, '2021-02-28T23:59:59.9999', '2020'), (1577836800.123e0, '1969-12-31T23:59:59.999Z', '2021-1-5'), (NULL, NULL, NULL), (nan(), '2020-03-04', '2021-W01'))
SELECT x, from_unixtime(x) AS fu, to_unixtime(from_unixtime(x)) AS tu, from_unixtime(CAST(CASE WHEN is_finite(x) THEN round(x) END AS bigint)) AS fui,
       from_iso8601_timestamp(s) AS fit, from_iso8601_date(d) AS fid,
       to_iso8601(from_iso8601_date(d)) AS t_date, to_iso8601(CAST(from_iso8601_timestamp(s) AS timestamp(3))) AS t_ts3, to_iso8601(TIMESTAMP '2020-01-01 10:00:00') AS t_ts0,
       to_iso8601(from_iso8601_timestamp(s)) AS t_tz, to_unixtime(TIMESTAMP '2020-01-01 00:00:00.123456') AS tu6
FROM t
