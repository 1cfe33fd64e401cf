-- Trino HyperLogLog sketches (approx_set, merge, empty_approx_set) are refused: non-mappable (Spark's hll_sketch_* build DataSketches HLL sketches, another format and estimator).
-- expect: flagged non-mappable
WITH t(g, x, d, s) AS (VALUES
  (1, 1, 1.5E0, 'a'), (1, 2, -0.0E0, 'b'), (1, 2, 0.0E0, 'ß'),
  (2, NULL, NULL, NULL), (2, -5, -5.0E0, ''), (3, 0, 1.5E0, 'a')),
  per_group(g, h) AS (SELECT g, approx_set(x) FROM t GROUP BY g)
SELECT
  (SELECT cardinality(merge(h)) FROM per_group) AS merged_distinct,
  (SELECT cardinality(approx_set(d)) FROM t) AS distinct_doubles,
  (SELECT cardinality(approx_set(s)) FROM t) AS distinct_strings,
  cardinality(empty_approx_set()) AS empty_distinct
