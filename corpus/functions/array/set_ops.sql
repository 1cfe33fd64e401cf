-- array_distinct / intersect / union / except / arrays_overlap / array_remove: NULL is a value, first-occurrence order (catalog §13).
-- expect: ok
WITH t(id, a, b) AS (VALUES
  (1, ARRAY[3, 1, NULL, 1, NULL], ARRAY[NULL, 1, 3]),
  (2, ARRAY[], ARRAY[1]),
  (3, ARRAY[-2, 0, -2], ARRAY[5]),
  (4, NULL, ARRAY[1]),
  (5, ARRAY[1, NULL], ARRAY[2]))
SELECT id, array_distinct(a) AS d, array_intersect(a, b) AS i, array_union(a, b) AS u,
       array_except(a, b) AS e, arrays_overlap(a, b) AS o, array_remove(a, 1) AS r, array_remove(a, -2) AS r2
FROM t
