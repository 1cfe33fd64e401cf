-- Trino set digests (make_set_digest, merge_set_digest, intersection_cardinality, jaccard_index, hash_counts) are refused: non-mappable.
-- expect: flagged non-mappable
WITH t(g, v1, v2) AS (VALUES
  (1, 1, 1), (1, NULL, 2), (1, 2, 3), (2, 3, 4), (2, -1, NULL), (3, 0, 0)),
  per_group(g, s) AS (SELECT g, make_set_digest(v1) FROM t GROUP BY g)
SELECT
  (SELECT intersection_cardinality(make_set_digest(v1), make_set_digest(v2)) FROM t) AS common,
  (SELECT jaccard_index(make_set_digest(v1), make_set_digest(v2)) FROM t) AS jaccard,
  (SELECT cardinality(merge_set_digest(s)) FROM per_group) AS merged_distinct,
  (SELECT cardinality(map_keys(hash_counts(make_set_digest(v2)))) FROM t) AS hashes
