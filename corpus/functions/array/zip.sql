-- zip pads the shorter arrays with NULL (Spark arrays_zip); read back positionally.
-- expect: ok
WITH t(id, a, b) AS (VALUES (1, ARRAY[1, 2], ARRAY['a']), (2, ARRAY[], ARRAY['x', NULL]), (3, NULL, ARRAY['y']))
SELECT id, cardinality(zip(a, b)) AS n, zip(a, b) AS z
FROM t
