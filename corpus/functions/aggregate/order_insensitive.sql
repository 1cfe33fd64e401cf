-- An ORDER BY inside an aggregate that does not depend on the input order is ignored, as Trino ignores it (sum, count, min, max, avg, bool_and, count_if, histogram, map_union, reduce_agg).
-- expect: ok
WITH t(g, x, y, b) AS (VALUES (1, 3, 2, TRUE), (1, NULL, 1, FALSE), (1, -1, 3, NULL), (2, 5, NULL, TRUE), (3, NULL, NULL, NULL))
SELECT g,
       sum(x ORDER BY y) AS s, count(x ORDER BY y DESC) AS c, min(x ORDER BY y) AS mn, max(x ORDER BY y DESC NULLS FIRST) AS mx,
       avg(x ORDER BY y) AS a, bool_and(b ORDER BY y) AS ba, bool_or(b ORDER BY x) AS bo, count_if(b ORDER BY y) AS ci,
       histogram(x ORDER BY y) AS h,
       map_union(MAP(ARRAY[g], ARRAY[x]) ORDER BY y) AS mu,
       reduce_agg(x, 0, (s, v) -> s + v, (p, q) -> p + q ORDER BY y DESC) AS r
FROM t
GROUP BY g
