-- greatest/least return NULL when any argument is NULL (Spark skips NULLs): greatest(1, NULL, 3) is NULL (catalog §10a).
-- expect: ok
WITH t(a, b) AS (VALUES (1, 2), (5, NULL), (NULL, NULL), (-1, -1))
SELECT a, b,
       greatest(1, NULL, 3) AS lit,
       greatest(a, b) AS g,
       least(a, b, 0) AS l
FROM t
