-- approx_distinct is an estimate with a different algorithm and error in each engine: flagged approximate (catalog §16).
-- expect: flagged approximate
WITH t(x) AS (VALUES 1, 2, 2, 3, NULL)
SELECT approx_distinct(x) AS n
FROM t
