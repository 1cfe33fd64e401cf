-- map_from_entries, map_entries, map_zip_with, multimap_from_entries (values per key, NULL values kept) (catalog §14).
-- expect: ok
WITH t(id, e) AS (VALUES
  (1, ARRAY[ROW(1, 'a'), ROW(2, NULL), ROW(-3, 'é')]),
  (2, ARRAY[]),
  (3, NULL))
SELECT id, map_from_entries(e) AS m, cardinality(map_entries(map_from_entries(e))) AS n,
       map_zip_with(map_from_entries(e), MAP(ARRAY[1], ARRAY['z']), (k, v1, v2) -> concat(v1, v2)) AS zw,
       multimap_from_entries(e) AS mm,
       multimap_from_entries(ARRAY[ROW(1, 'a'), ROW(1, NULL), ROW(2, 'b'), ROW(1, 'c')]) AS mm2
FROM t
