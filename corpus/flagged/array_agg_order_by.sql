-- array_agg(x ORDER BY y) keeps NULL elements and sorts by y with NULLs last: not translated yet, so flagged (catalog §16).
-- expect: flagged non-mappable
WITH t(g, x, y) AS (VALUES ('a', 'p', 2), ('a', NULL, 1), ('a', 'r', NULL), ('b', 'q', 5))
SELECT g, array_agg(x ORDER BY y) AS xs
FROM t
GROUP BY g
