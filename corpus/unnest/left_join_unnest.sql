-- LEFT JOIN UNNEST … ON true keeps the rows whose array is empty or NULL, with x NULL (catalog §15).
-- expect: ok
WITH t(id, arr) AS (VALUES (1, ARRAY[10, 20]), (2, ARRAY[]), (3, NULL), (4, ARRAY[NULL, -5]))
SELECT id, x
FROM t LEFT JOIN UNNEST(arr) AS u(x) ON true
