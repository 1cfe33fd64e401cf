-- array_agg(x ORDER BY …) keeps NULL elements, sorts by the keys (default NULLS LAST in both directions, explicit NULLS FIRST, DESC, a second key) and gives NULL for no rows (catalog §16).
-- expect: ok
WITH t(g, x, y, z) AS (VALUES
  ('a', 'p', 2, 1), ('a', NULL, 1, 2), ('a', 'r', NULL, 3), ('a', 'é', 2, 0),
  ('b', 'q', 5, 1), ('b', '', NULL, NULL), ('b', NULL, -1, 7),
  ('c', NULL, NULL, NULL))
SELECT g,
       array_agg(x ORDER BY y, z) AS by_y,
       array_agg(x ORDER BY y DESC, z DESC) AS by_y_desc,
       array_agg(x ORDER BY y DESC NULLS FIRST, z) AS desc_nulls_first,
       array_agg(x ORDER BY y ASC NULLS FIRST, z NULLS FIRST) AS asc_nulls_first,
       array_agg(z ORDER BY x DESC NULLS LAST, y) AS by_text,
       array_agg(y ORDER BY z * -1) AS by_expr,
       array_agg(x ORDER BY y, z) FILTER (WHERE y > 100) AS none
FROM t
GROUP BY g
UNION ALL
SELECT 'none', array_agg(x ORDER BY y), NULL, NULL, NULL, NULL, NULL, NULL FROM t WHERE y > 100
