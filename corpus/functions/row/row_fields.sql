-- Row fields by name and by 1-based position; array subscripts are 1-based; || on arrays.
-- covers: ROW::fields, [], ||
-- expect: ok
WITH t(id, r, a) AS (VALUES
  (1, CAST(ROW(1, 'a') AS ROW(x integer, y varchar)), ARRAY[10, NULL, 30]),
  (2, CAST(ROW(NULL, 'é') AS ROW(x integer, y varchar)), ARRAY[-1]),
  (3, NULL, ARRAY[]))
SELECT id, r.x AS x, r[2] AS y, a || ARRAY[7] AS c, a || 8 AS c2, 9 || a AS c3,
       CASE WHEN cardinality(a) > 0 THEN a[1] END AS first_el
FROM t
