-- CAST(double AS varchar) prints scientific notation in Trino (1.5E0): no Spark formatter matches, so it is flagged (catalog §5).
-- expect: flagged non-mappable
WITH t(x) AS (VALUES 1.5e0, 1e7, 0.0001e0)
SELECT CAST(x AS varchar) AS s
FROM t
