-- listagg … WITHIN GROUP (ORDER BY …): NULL values skipped, the default separator is '', no values give NULL, ON OVERFLOW ERROR is the default; FILTER and DISTINCT (catalog §16).
-- expect: ok
WITH t(g, x, y) AS (VALUES
  (1, 'b', 2), (1, NULL, 1), (1, 'a', 3), (1, 'é', NULL), (1, 'a', 0),
  (2, '', 1), (2, 'q', 2),
  (3, NULL, 1))
SELECT g,
       listagg(x, ',') WITHIN GROUP (ORDER BY x) AS by_x,
       listagg(x, ' | ') WITHIN GROUP (ORDER BY y DESC) AS by_y_desc,
       listagg(x) WITHIN GROUP (ORDER BY y NULLS FIRST) AS no_sep,
       listagg(x, ';' ON OVERFLOW ERROR) WITHIN GROUP (ORDER BY y) AS on_error,
       listagg(DISTINCT x, ',') WITHIN GROUP (ORDER BY x DESC) AS distinct_desc,
       listagg(x, '-') WITHIN GROUP (ORDER BY y) FILTER (WHERE y > 1) AS filtered
FROM t
GROUP BY g
UNION ALL
SELECT 0, listagg(x, ',') WITHIN GROUP (ORDER BY x), NULL, NULL, NULL, NULL, NULL FROM t WHERE y > 100
