-- INTERVAL literals in date/timestamp arithmetic, month ends clamped (2020-01-31 + 1 month = 2020-02-29), leap years, day-time intervals (catalog §11, §12).
-- expect: ok
SELECT DATE '2020-01-31' + INTERVAL '1' MONTH AS jan_end_plus_month,
       DATE '2020-03-31' - INTERVAL '1' MONTH AS mar_end_minus_month,
       DATE '2020-02-29' + INTERVAL '1' YEAR AS leap_plus_year,
       DATE '2020-02-28' + INTERVAL '2' DAY AS plus_days,
       DATE '2021-03-01' - INTERVAL '1' DAY AS minus_day,
       TIMESTAMP '2020-01-31 23:30:00' + INTERVAL '1' MONTH AS ts_plus_month,
       TIMESTAMP '2020-12-31 23:30:00' + INTERVAL '45' MINUTE AS ts_plus_minutes,
       TIMESTAMP '2020-03-01 00:00:00' - INTERVAL '1' SECOND AS ts_minus_second,
       TIMESTAMP '2020-01-01 00:00:00' + INTERVAL '1 02:03:04' DAY TO SECOND AS ts_plus_dts
