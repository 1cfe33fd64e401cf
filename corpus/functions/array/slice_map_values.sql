-- slice is 1-based with negative starts counting from the end and NULL for a NULL array; map_values keeps NULL values.
-- expect: ok
WITH t(id, a, m) AS (VALUES (1, ARRAY[1, 2, 3, 4], MAP(ARRAY['a', 'b'], ARRAY[1, NULL])),
                            (2, ARRAY[], MAP(ARRAY['x'], ARRAY[-5])),
                            (3, CAST(NULL AS array(integer)), CAST(NULL AS map(varchar, integer))))
SELECT id,
       slice(a, 2, 2) AS mid, slice(a, -2, 2) AS tail, slice(a, 1, 10) AS all_of_it,
       array_sort(map_values(m)) AS vals
FROM t
