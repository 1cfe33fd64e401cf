-- Array subscripts a[1] and a[n] are 1-based; element_at out of range gives NULL; element_at with a negative index counts from the end (catalog §13).
-- expect: ok
WITH t(id, a) AS (VALUES (1, ARRAY[10, 20, 30]), (2, ARRAY[7]), (3, ARRAY[NULL, 5]))
SELECT id,
       a[1] AS first,
       a[cardinality(a)] AS last,
       element_at(a, 2) AS second,
       element_at(a, -1) AS from_end,
       element_at(a, 10) AS out_of_range
FROM t
