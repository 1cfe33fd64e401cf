-- UNNEST of two arrays of different lengths zips them and pads the shorter with NULL; a NULL array counts as empty (catalog §15).
-- expect: ok
WITH t(id, a, b) AS (VALUES
  (1, ARRAY[1, 2, 3], ARRAY['x']),
  (2, ARRAY[], ARRAY['p', 'q']),
  (3, NULL, ARRAY['only']),
  (4, ARRAY[7], NULL))
SELECT id, x, y
FROM t CROSS JOIN UNNEST(a, b) AS u(x, y)
