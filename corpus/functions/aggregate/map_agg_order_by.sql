-- map_agg(k, v ORDER BY …) keeps the first value per key in that order; multimap_agg(k, v ORDER BY …) lists the values in that order (NULL values kept, NULL keys skipped; catalog §16).
-- expect: ok
WITH t(g, k, v, y) AS (VALUES
  (1, 1, 'a', 3), (1, 1, 'b', 1), (1, 1, 'c', 2), (1, 2, NULL, 1), (1, NULL, 'n', 0),
  (2, 5, 'x', NULL), (2, 5, 'y', 4), (3, NULL, 'z', 1))
SELECT g,
       map_agg(k, v ORDER BY y) AS first_by_y,
       map_agg(k, v ORDER BY y DESC) AS first_by_y_desc,
       multimap_agg(k, v ORDER BY y) AS all_by_y,
       multimap_agg(k, v ORDER BY y DESC NULLS FIRST) AS all_by_y_desc
FROM t
GROUP BY g
