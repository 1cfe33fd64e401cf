-- reduce_agg with a consistent input / combine function: sum and product; NULL inputs skipped, no rows → NULL.
-- expect: ok
WITH t(g, x) AS (VALUES (1, 2), (1, 3), (1, NULL), (2, NULL), (3, -4))
SELECT g, reduce_agg(x, 0, (s, v) -> s + v, (s1, s2) -> s1 + s2) AS s,
       reduce_agg(x, 1, (s, v) -> s * v, (s1, s2) -> s1 * s2) AS p
FROM t GROUP BY g
