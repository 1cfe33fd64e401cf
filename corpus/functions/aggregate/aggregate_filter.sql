-- FILTER (WHERE …) on aggregates whose Spark form is a composite expression: the filter goes into every inner aggregate, including a filter that keeps no rows in some groups (catalog §16).
-- expect: ok
WITH t(g, k, v, m, x) AS (VALUES
  (1, 1, 'a', MAP(ARRAY[1], ARRAY['p']), 2.0E0),
  (1, NULL, 'b', NULL, 4.0E0),
  (1, 2, NULL, MAP(ARRAY[2, 3], ARRAY['q', NULL]), 8.0E0),
  (1, 1, 'c', MAP(ARRAY[1], ARRAY['r']), 1.0E0),
  (1, 3, 'd', NULL, 5.0E0),
  (2, NULL, 'c', NULL, NULL),
  (2, 4, 'e', MAP(ARRAY[4], ARRAY['s']), 3.0E0),
  (3, -1, 'é', MAP(), -1.0E0))
SELECT g,
       array_sort(array_agg(k) FILTER (WHERE v <> 'a')) AS arr,
       map_agg(k, v) FILTER (WHERE k <> 2 AND v <> 'a') AS ma,
       multimap_agg(k, v ORDER BY x) FILTER (WHERE k >= 1) AS mm,
       histogram(k) FILTER (WHERE v IS NOT NULL) AS h,
       map_union(m) FILTER (WHERE k > 1) AS mu,
       geometric_mean(x) FILTER (WHERE x > 1) AS gm,
       kurtosis(x) FILTER (WHERE k IS NOT NULL) AS ku,
       skewness(x) FILTER (WHERE x > 0) AS sk,
       reduce_agg(k, 0, (s, y) -> s + y, (p, q) -> p + q) FILTER (WHERE k > 1) AS r,
       array_agg(k ORDER BY x DESC) FILTER (WHERE k > 1) AS ordered
FROM t
GROUP BY g
