-- m['k'] subscript on a map where the key is present in every row, and a map value returned whole (catalog §14).
-- expect: ok
WITH t(id, m) AS (VALUES (1, MAP(ARRAY['k', 'x'], ARRAY[10, 20])), (2, MAP(ARRAY['k'], ARRAY[NULL])))
SELECT id, m['k'] AS k, m AS whole
FROM t
