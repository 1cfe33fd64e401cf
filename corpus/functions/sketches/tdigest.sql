-- Trino t-digests (tdigest_agg, value_at_quantile and values_at_quantiles on tdigest, merge) are refused: non-mappable.
-- expect: flagged non-mappable
WITH t(g, x, w) AS (VALUES
  (1, 1.0E0, 1.0E0), (1, 5.5E0, 3.0E0), (1, -3.0E0, 1.0E0),
  (2, 10.0E0, 2.0E0), (2, 0.0E0, 1.5E0), (2, NULL, 1.0E0)),
  per_group(g, d) AS (SELECT g, tdigest_agg(x) FROM t GROUP BY g)
SELECT
  (SELECT value_at_quantile(tdigest_agg(x), 0.5E0) FROM t) AS median,
  (SELECT values_at_quantiles(tdigest_agg(x, w), ARRAY[0.0E0, 0.5E0, 1.0E0]) FROM t) AS weighted_quantiles,
  (SELECT value_at_quantile(merge(d), 0.9E0) FROM per_group) AS merged_p90
