-- day_of_week / dow use ISO numbering (Monday = 1 … Sunday = 7; Spark's dayofweek is Sunday = 1) (catalog §11).
-- expect: ok
WITH t(d) AS (VALUES DATE '2021-01-03', DATE '2021-01-04', DATE '2021-01-09', DATE '2020-02-29', NULL)
SELECT d,
       day_of_week(d) AS dow_fn,
       dow(d) AS dow_short,
       day_of_year(d) AS doy,
       day_of_week(TIMESTAMP '2021-01-10 12:00:00') AS ts_sunday
FROM t
