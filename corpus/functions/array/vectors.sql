-- euclidean_distance / dot_product: summed in order, NULL elements count as 0, empty arrays give 0.
-- expect: ok
WITH t(id, a, b) AS (VALUES
  (1, ARRAY[1e0, 2e0], ARRAY[3e0, 5e0]),
  (2, ARRAY[1e0, NULL], ARRAY[3e0, 5e0]),
  (3, ARRAY[], ARRAY[]),
  (4, ARRAY[-0.5e0, 0e0, 1e-3], ARRAY[2e0, -7e0, 1e3]))
SELECT id, euclidean_distance(a, b) AS ed, dot_product(a, b) AS dp
FROM t
