-- Trino DataSketches theta functions (theta_sketch_union/intersection/cardinality/a_not_b) are refused: non-mappable.
-- Snapshot-only: the datasketches connector is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/datasketches.html.
-- expect: flagged non-mappable
WITH t(d, sketch) AS (VALUES
  (DATE '2024-01-01', from_hex('020303000a000000cc93')),
  (DATE '2024-01-02', from_hex('020303000a000000cc93')),
  (DATE '2024-01-02', CAST(NULL AS varbinary)))
SELECT d,
  theta_sketch_cardinality(theta_sketch_union(sketch)) AS union_estimate,
  theta_sketch_cardinality(theta_sketch_union(sketch, 4096, 9001)) AS union_estimate_seeded,
  theta_sketch_cardinality(theta_sketch_intersection(sketch), 9001) AS common_estimate,
  theta_sketch_cardinality(theta_sketch_a_not_b(theta_sketch_union(sketch), theta_sketch_intersection(sketch))) AS difference_estimate
FROM t
GROUP BY d
