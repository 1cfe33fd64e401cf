-- current_date, current_timestamp, localtimestamp, now() and current_timezone() (session zone UTC): only stable properties are compared (catalog §11).
-- expect: ok
SELECT current_timezone() AS tz,
       CAST(current_timestamp AS date) = current_date AS same_day,
       localtimestamp IS NOT NULL AS has_local,
       date_diff('day', CAST(now() AS date), current_date) AS zero_days,
       millisecond(localtimestamp) < 1000 AS ms_ok
