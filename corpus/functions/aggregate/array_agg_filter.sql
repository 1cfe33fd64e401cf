-- array_agg keeps NULL elements and returns NULL (not []) for a group with no input rows, also under FILTER: the filter goes into each inner aggregate of its composite Spark form (catalog §16).
-- expect: ok
WITH t(g, x) AS (VALUES ('a', 1), ('a', NULL), ('b', NULL), ('c', 3))
SELECT g,
       cardinality(array_agg(x)) AS n,
       array_sort(array_agg(x)) AS xs,
       array_agg(x) FILTER (WHERE x > 100) AS none,
       array_agg(x) FILTER (WHERE x IS NULL) AS nulls
FROM t
GROUP BY g
