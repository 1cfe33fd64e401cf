-- Trino quantile digests (qdigest_agg, value_at_quantile, values_at_quantiles, quantile_at_value, merge) are refused: non-mappable.
-- expect: flagged non-mappable
WITH t(g, x, r, w) AS (VALUES
  (1, 1, REAL '1.5', 1), (1, 5, REAL '-2.0', 3), (1, -3, REAL '0.0', 1),
  (2, 10, REAL '10.0', 2), (2, 0, NULL, 1), (2, NULL, REAL '7.25', 1)),
  per_group(g, q) AS (SELECT g, qdigest_agg(x) FROM t GROUP BY g)
SELECT
  (SELECT value_at_quantile(qdigest_agg(x), 0.5E0) FROM t) AS median,
  (SELECT values_at_quantiles(qdigest_agg(x, w), ARRAY[0.1E0, 0.9E0]) FROM t) AS weighted_deciles,
  (SELECT value_at_quantile(qdigest_agg(r, w, 0.01E0), 0.5E0) FROM t) AS real_median,
  (SELECT quantile_at_value(qdigest_agg(CAST(x AS double)), 4.0E0) FROM t) AS rank_of_4,
  (SELECT value_at_quantile(merge(q), 0.99E0) FROM per_group) AS merged_p99
