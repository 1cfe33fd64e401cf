-- Aggregates whose Spark form is an expression over several aggregates (array_agg, listagg, map_agg, histogram, kurtosis) under OVER: the window goes into each inner aggregate; whole partitions, running frames with peers, ROWS frames, NULL values, an ORDER BY inside (catalog §16, §17).
-- expect: ok
WITH t(g, ts, x, s) AS (VALUES
  (1, 1, 3, 'c'), (1, 2, NULL, NULL), (1, 3, -1, 'a'), (1, 3, 4, 'b'), (1, 5, 7, 'é'),
  (2, 1, NULL, NULL), (2, 2, 5, ''),
  (3, 1, NULL, NULL))
SELECT g, ts, x,
       array_sort(array_agg(x) OVER (PARTITION BY g)) AS all_x,
       array_agg(x ORDER BY ts DESC, x) OVER (PARTITION BY g) AS by_ts_desc,
       cardinality(array_agg(x) OVER (PARTITION BY g ORDER BY ts)) AS running_n,
       array_agg(x ORDER BY ts, x) OVER (PARTITION BY g ORDER BY ts, x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last_two,
       listagg(s, ',') WITHIN GROUP (ORDER BY s) OVER (PARTITION BY g) AS names,
       map_agg(ts, s) OVER (PARTITION BY g ORDER BY ts, x ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before,
       histogram(x) OVER (PARTITION BY g) AS h,
       kurtosis(x) OVER () AS k
FROM t
