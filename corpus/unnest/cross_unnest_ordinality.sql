-- CROSS JOIN UNNEST … WITH ORDINALITY: 1-based ordinality; an empty and a NULL array give no rows; a NULL element gives a row (catalog §15).
-- expect: ok
WITH t(id, arr) AS (VALUES (1, ARRAY['a', 'b', 'c']), (2, ARRAY[]), (3, NULL), (4, ARRAY['z', NULL]))
SELECT id, x, n
FROM t CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u(x, n)
ORDER BY id, n
