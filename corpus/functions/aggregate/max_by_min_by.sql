-- max_by / min_by: the value at the row with the largest / smallest key, NULL keys skipped; the three-argument form returns the top n values as an array (Spark 4 only).
-- expect: ok
-- expect@3.5: flagged non-mappable
WITH t(g, v, k) AS (VALUES ('a', 'x', 3), ('a', 'y', 9), ('a', NULL, 5), ('a', 'z', NULL), ('b', 'q', -1))
SELECT g,
       max_by(v, k) AS top, min_by(v, k) AS bottom,
       max_by(v, k, 2) AS top2, min_by(v, k, 2) AS bottom2
FROM t
GROUP BY g
