-- date + INTERVAL 'y-m' YEAR TO MONTH (clamped at month ends): valid Trino that is flagged today; add_months(d, 14) would map it (catalog §11, §12).
-- expect: flagged non-mappable
WITH t(d) AS (VALUES DATE '2019-12-31', DATE '2020-02-29', NULL)
SELECT d, d + INTERVAL '1-2' YEAR TO MONTH AS plus_year_month
FROM t
