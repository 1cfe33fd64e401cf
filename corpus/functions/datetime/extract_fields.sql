-- extract(field FROM x) for every Trino field Spark can give: BIGINT results, ISO day of week and week-year, SECOND without fraction (catalog §11).
-- expect: ok
WITH t(ts) AS (VALUES TIMESTAMP '2021-01-01 23:59:58.999', TIMESTAMP '2020-02-29 00:00:00.000', TIMESTAMP '1999-12-31 12:30:00.500', NULL)
SELECT ts, extract(YEAR FROM ts) AS y, extract(QUARTER FROM ts) AS q, extract(MONTH FROM ts) AS m, extract(WEEK FROM ts) AS w,
       extract(DAY FROM ts) AS d, extract(DAY_OF_MONTH FROM ts) AS dm, extract(DAY_OF_WEEK FROM ts) AS dw, extract(DOW FROM ts) AS dow,
       extract(DAY_OF_YEAR FROM ts) AS dy, extract(DOY FROM ts) AS doy, extract(YEAR_OF_WEEK FROM ts) AS yw, extract(YOW FROM ts) AS yow,
       extract(HOUR FROM ts) AS h, extract(MINUTE FROM ts) AS mi, extract(SECOND FROM ts) AS s
FROM t
