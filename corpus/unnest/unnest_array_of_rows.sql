-- UNNEST of an array of rows expands one column per row field; NULL fields, empty strings and an empty array (catalog §15).
-- expect: ok
WITH t(id, items) AS (VALUES
  (1, ARRAY[CAST(ROW('apple', 3) AS ROW(name varchar, qty integer)), CAST(ROW('pear', NULL) AS ROW(name varchar, qty integer))]),
  (2, CAST(ARRAY[] AS ARRAY(ROW(name varchar, qty integer)))),
  (3, ARRAY[CAST(ROW('', -1) AS ROW(name varchar, qty integer))]))
SELECT id, name, qty
FROM t CROSS JOIN UNNEST(items) AS u(name, qty)
