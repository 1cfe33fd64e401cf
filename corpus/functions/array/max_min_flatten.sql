-- array_max / array_min are NULL when an element is NULL, ignore NaN unless all NaN; flatten skips NULL inner arrays (catalog §13).
-- expect: ok
WITH t(id, a, d, n) AS (VALUES
  (1, ARRAY[1, NULL, 3], ARRAY[1e0, nan(), 2e0], ARRAY[ARRAY[1], NULL, ARRAY[NULL, 2]]),
  (2, ARRAY[-5, 0, 7], ARRAY[nan()], ARRAY[]),
  (3, ARRAY[], ARRAY[-1e0, NULL], NULL),
  (4, NULL, ARRAY[], ARRAY[ARRAY[], ARRAY[-3]]))
SELECT id, array_max(a) AS amax, array_min(a) AS amin, array_max(d) AS dmax, array_min(d) AS dmin, flatten(n) AS f
FROM t
