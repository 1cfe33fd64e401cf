-- Per-value zones: at_timezone, from_iso8601_timestamp of a string with an offset, timezone_hour/minute, timezone(), from_unixtime with a zone and nanosecond forms have no Spark counterpart, flagged.
-- expect: flagged non-mappable
SELECT at_timezone(TIMESTAMP '2020-01-01 00:00:00 UTC', 'Asia/Kolkata') AS a, timezone_hour(TIMESTAMP '2020-01-01 00:00:00 +05:30') AS h,
       timezone_minute(TIMESTAMP '2020-01-01 00:00:00 +05:30') AS m, timezone(TIMESTAMP '2020-01-01 00:00:00 +05:30') AS z,
       from_unixtime(1, 'Asia/Kolkata') AS fz, from_unixtime(1, 5, 30) AS fo, from_unixtime_nanos(1000) AS fn, from_iso8601_timestamp_nanos('2020-01-01T00:00:00.123456789Z') AS fin,
       from_iso8601_timestamp('2020-01-01T10:00:00+05:30') AS fio
