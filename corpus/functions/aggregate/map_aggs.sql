-- map_agg / multimap_agg / histogram / map_union: NULL keys skipped, NULL for no keys (catalog §16).
-- expect: ok
WITH t(g, k, v, m) AS (VALUES
  (1, 1, 'a', MAP(ARRAY[1], ARRAY['p'])),
  (1, NULL, 'b', NULL),
  (1, 2, NULL, MAP(ARRAY[2, 3], ARRAY['q', NULL])),
  (2, NULL, 'c', NULL),
  (3, -1, 'é', MAP()))
SELECT g, map_agg(k, v) AS ma, multimap_agg(k, v) AS mm, histogram(k) AS h, map_union(m) AS mu
FROM t GROUP BY g
