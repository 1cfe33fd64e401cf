-- Aggregates with DISTINCT and FILTER (WHERE …): NULLs ignored, empty groups give NULL sums and 0 counts (catalog §16).
-- expect: ok
WITH t(g, x) AS (VALUES ('a', 1), ('a', 1), ('a', 2), ('a', NULL), ('b', 3), ('b', -3), ('c', NULL))
SELECT g,
       count(DISTINCT x) AS cd,
       sum(DISTINCT x) AS sd,
       count(*) FILTER (WHERE x > 0) AS cpos,
       sum(x) FILTER (WHERE x < 0) AS sneg,
       count(x) AS cx,
       count(*) AS cstar
FROM t
GROUP BY g
