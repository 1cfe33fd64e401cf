-- MAP(ARRAY[…], ARRAY[…]) with a subscript lookup (key present), element_at on a missing key (NULL), a NULL value, cardinality (catalog §14).
-- expect: ok
WITH t(id, m) AS (VALUES
  (1, MAP(ARRAY['a', 'b'], ARRAY[1, NULL])),
  (2, MAP(ARRAY['a'], ARRAY[-7])),
  (3, MAP(ARRAY[], ARRAY[])))
SELECT id,
       element_at(m, 'a') AS a,
       element_at(m, 'b') AS b,
       element_at(m, 'zz') AS missing,
       cardinality(m) AS n,
       array_sort(map_keys(m)) AS ks
FROM t
