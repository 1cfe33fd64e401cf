-- EXTRACT fields from dates and timestamps: DOW uses ISO numbering (Monday = 1 … Sunday = 7), SECOND is an integer, WEEK is the ISO week (catalog §11).
-- expect: ok
WITH t(d, ts) AS (VALUES
  (DATE '2021-01-03', TIMESTAMP '2021-01-03 23:59:59.999'),
  (DATE '2021-01-04', TIMESTAMP '2021-01-04 00:00:00.500'),
  (DATE '2020-02-29', TIMESTAMP '2020-02-29 12:34:56.789'),
  (DATE '2020-12-31', TIMESTAMP '2020-12-31 01:02:03.000'))
SELECT d,
       EXTRACT(YEAR FROM d) AS y,
       EXTRACT(QUARTER FROM d) AS q,
       EXTRACT(MONTH FROM d) AS m,
       EXTRACT(WEEK FROM d) AS w,
       EXTRACT(DAY FROM d) AS dd,
       EXTRACT(DOW FROM d) AS dow,
       EXTRACT(DAY_OF_WEEK FROM d) AS day_of_week,
       EXTRACT(DOY FROM d) AS doy,
       EXTRACT(YEAR_OF_WEEK FROM d) AS yow,
       EXTRACT(HOUR FROM ts) AS h,
       EXTRACT(MINUTE FROM ts) AS mi,
       EXTRACT(SECOND FROM ts) AS s
FROM t
