-- DISTINCT on aggregates whose Spark form is a composite expression: array_agg(DISTINCT x) keeps one NULL, histogram(DISTINCT x) counts each value once, kurtosis / skewness see each value once (catalog §16).
-- expect: ok
WITH t(g, x) AS (VALUES
  (1, 3), (1, NULL), (1, 3), (1, NULL), (1, -2), (1, 0), (1, 7), (1, 7),
  (2, NULL), (2, NULL),
  (3, 5))
SELECT g,
       array_sort(array_agg(DISTINCT x)) AS xs,
       cardinality(array_agg(DISTINCT x)) AS n,
       array_agg(DISTINCT x ORDER BY x DESC) AS xs_desc,
       histogram(DISTINCT x) AS h,
       kurtosis(DISTINCT x) AS ku,
       skewness(DISTINCT x) AS sk
FROM t
GROUP BY g
