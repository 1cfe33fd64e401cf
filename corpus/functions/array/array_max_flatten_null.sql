-- array_max / array_min (NULL when an element is NULL) and flatten (skips NULL inner arrays), mapped with the catalog §13 rewrites.
-- expect: ok
WITH t(id, a, nested) AS (VALUES
  (1, ARRAY[1, 5, 3], ARRAY[ARRAY[1], ARRAY[2, 3]]),
  (2, ARRAY[1, NULL, 3], ARRAY[ARRAY[1], NULL]),
  (3, ARRAY[], ARRAY[]),
  (4, NULL, NULL))
SELECT id,
       array_max(a) AS mx,
       array_min(a) AS mn,
       flatten(nested) AS flat
FROM t
