-- kurtosis (Trino: unbiased excess estimator) and skewness: NULL below 4 / 3 values, NaN for constant input (catalog §16).
-- expect: ok
WITH t(g, x) AS (VALUES
  (1, 1e0), (1, 2e0), (1, 3e0), (1, 10e0),
  (2, 1e0), (2, 2e0), (2, 4e0),
  (3, 5e0), (3, 5e0), (3, 5e0), (3, 5e0),
  (4, 1.5e0), (4, 2.5e0), (4, 7.25e0), (4, -3e0), (4, 0e0), (4, NULL),
  (5, 1e0), (5, 2e0))
SELECT g, skewness(x) AS sk, kurtosis(x) AS ku FROM t GROUP BY g
