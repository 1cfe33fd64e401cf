-- array_join skips NULL elements or replaces them; integer, decimal, boolean, date and varchar elements render as in Trino (catalog §13).
-- expect: ok
WITH t(id, s, i, d) AS (VALUES
  (1, ARRAY['a', NULL, 'é', ''], ARRAY[1, NULL, -3], ARRAY[1.50, NULL]),
  (2, ARRAY[], ARRAY[], ARRAY[]),
  (3, NULL, ARRAY[0], ARRAY[-0.25]))
SELECT id, array_join(s, ',') AS s1, array_join(s, '|', 'N') AS s2, array_join(i, '-') AS i1,
       array_join(i, '-', '?') AS i2, array_join(d, ';') AS d1,
       array_join(ARRAY[true, NULL], ',', 'n') AS b1, array_join(ARRAY[DATE '2020-01-31', NULL], ' ') AS dt
FROM t
