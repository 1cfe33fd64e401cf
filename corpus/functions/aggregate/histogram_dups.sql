-- histogram counts repeated values; multimap_agg gathers the values of a repeated key.
-- expect: ok
WITH t(k, v) AS (VALUES ('x', 1), ('y', 2), ('x', 1), (NULL, 4), ('x', 1))
SELECT histogram(k) AS h, map_agg(k, v) AS ma, cardinality(multimap_agg(k, v)['x']) AS nx
FROM t
