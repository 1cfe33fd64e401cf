-- Field functions (year … second, ISO week and week-year, day of week), last_day_of_month, date(), date_trunc on dates and timestamps across month ends and leap years (catalog §11).
-- expect: ok
WITH t(ts) AS (VALUES TIMESTAMP '2021-01-01 23:59:58.999', TIMESTAMP '2020-02-29 00:00:00.000', TIMESTAMP '1999-12-31 12:30:00.500', TIMESTAMP '2024-12-30 06:07:08.009', NULL)
SELECT ts, year(ts) AS y, quarter(ts) AS q, month(ts) AS m, week(ts) AS w, week_of_year(ts) AS wy, day(ts) AS d, day_of_month(ts) AS dm,
       day_of_week(ts) AS dw, dow(ts) AS dow, day_of_year(ts) AS dy, doy(ts) AS doy, year_of_week(ts) AS yw, yow(ts) AS yow,
       hour(ts) AS h, minute(ts) AS mi, second(ts) AS s, millisecond(ts) AS ms, last_day_of_month(ts) AS ld, last_day_of_month(date(ts)) AS ldd,
       date(ts) AS dt, year(date(ts)) AS yd, day_of_week(date(ts)) AS dwd,
       date_trunc('month', ts) AS tm, date_trunc('week', date(ts)) AS tw, date_trunc('quarter', date(ts)) AS tq, date_trunc('hour', ts) AS th, date_trunc('year', ts) AS ty,
       date_add('month', 1, date(ts)) AS am, date_diff('day', date(ts), DATE '2024-03-01') AS dd
FROM t
