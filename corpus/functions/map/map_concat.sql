-- map_concat: the last map wins on duplicate keys in Trino; Spark would fail (catalog §14).
-- expect: ok
WITH t(id, a, b, c) AS (VALUES
  (1, MAP(ARRAY[1, 2], ARRAY['a', 'b']), MAP(ARRAY[2, 3], ARRAY['B', 'c']), MAP(ARRAY[3], ARRAY[NULL])),
  (2, MAP(), MAP(ARRAY[1], ARRAY['x']), MAP()),
  (3, MAP(ARRAY[1], ARRAY['x']), NULL, MAP()))
SELECT id, map_concat(a, b) AS c2, map_concat(a, b, c) AS c3
FROM t
