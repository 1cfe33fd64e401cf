-- UNNEST of a map gives one row per entry with key and value columns; a NULL value is kept (catalog §15).
-- expect: ok
WITH t(id, m) AS (VALUES (1, MAP(ARRAY['a', 'b'], ARRAY[1, NULL])), (2, MAP(ARRAY['c'], ARRAY[-3])))
SELECT id, k, v
FROM t CROSS JOIN UNNEST(m) AS u(k, v)
