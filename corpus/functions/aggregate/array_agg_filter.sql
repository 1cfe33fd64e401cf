-- array_agg keeps NULL elements and returns NULL (not []) for a group with no input rows; under FILTER its composite Spark form cannot take the clause yet, so it is flagged (catalog §16).
-- expect: flagged non-mappable
WITH t(g, x) AS (VALUES ('a', 1), ('a', NULL), ('b', NULL), ('c', 3))
SELECT g,
       cardinality(array_agg(x)) AS n,
       array_sort(array_agg(x)) AS xs,
       array_agg(x) FILTER (WHERE x > 100) AS none
FROM t
GROUP BY g
