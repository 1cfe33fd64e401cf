-- array_histogram counts non-NULL elements; contains_sequence compares windows, NULL elements equal (Trino-specific).
-- expect: ok
WITH t(id, a, s) AS (VALUES
  (1, ARRAY[1, NULL, 1, 2], ARRAY[NULL, 2]),
  (2, ARRAY[], ARRAY[]),
  (3, ARRAY[-1, -1, -1], ARRAY[-1, -1, -1, -1]),
  (4, NULL, ARRAY[1]),
  (5, ARRAY[1, 2, 3], NULL),
  (6, ARRAY[1, 2, 3], ARRAY[2, 3]),
  (7, ARRAY[1, 2, 3], ARRAY[3, 2]))
SELECT id, array_histogram(a) AS h, contains_sequence(a, s) AS cs
FROM t
