-- Interval arithmetic on column values (no constant folding): adding months to month-end dates, days to dates (catalog §11).
-- expect: ok
WITH t(d) AS (VALUES DATE '2020-01-31', DATE '2020-02-29', DATE '2021-12-31', DATE '1999-12-31', NULL)
SELECT d,
       d + INTERVAL '1' MONTH AS plus_month,
       d - INTERVAL '13' MONTH AS minus_13_months,
       d + INTERVAL '1' DAY AS plus_day,
       date_add('month', 1, d) AS date_add_month,
       date_add('day', -1, d) AS date_add_day
FROM t
