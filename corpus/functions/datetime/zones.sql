-- with_timezone reads the wall clock in the zone (an instant; session zone UTC); to_milliseconds of day-time intervals; millisecond() (catalog §11).
-- expect: ok
WITH t(ts, z) AS (VALUES (TIMESTAMP '2020-01-01 10:00:00.123', 'Asia/Kolkata'), (TIMESTAMP '2020-07-01 02:30:00.000', 'America/New_York'), (TIMESTAMP '2020-03-08 02:30:00.999', 'UTC'), (NULL, 'UTC'))
SELECT ts, z, to_unixtime(with_timezone(ts, z)) AS epoch, millisecond(ts) AS ms, millisecond(with_timezone(ts, z)) AS ms_tz,
       to_milliseconds(INTERVAL '1' DAY + INTERVAL '0.5' SECOND) AS ms1, to_milliseconds(INTERVAL '-3' HOUR) AS ms2, to_milliseconds(INTERVAL '2 03:04:05.678' DAY TO SECOND) AS ms3
FROM t
