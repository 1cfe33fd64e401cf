-- ROW(…) and CAST to a named ROW: field access by name, a whole row value, a row with a NULL field, nested rows (catalog §2).
-- expect: ok
WITH t(id, r) AS (VALUES
  (1, CAST(ROW(1, 'a') AS ROW(x integer, y varchar))),
  (2, CAST(ROW(NULL, '') AS ROW(x integer, y varchar))),
  (3, NULL))
SELECT id,
       r.x AS x,
       r.y AS y,
       r AS whole,
       CAST(ROW(id, ROW(r.y, 2.5)) AS ROW(n bigint, sub ROW(s varchar, d double))).sub.d AS nested_d
FROM t
