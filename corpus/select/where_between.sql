-- WHERE with BETWEEN, IN lists and three-valued logic over NULL (catalog §4: BETWEEN with NULLs).
-- expect: ok
WITH t(x, s) AS (VALUES (-1, 'a'), (0, 'b'), (5, NULL), (10, 'c'), (11, 'a'), (NULL, 'b'))
SELECT x, s
FROM t
WHERE x BETWEEN 0 AND 10 AND (s IN ('a', 'b') OR s IS NULL)
   OR x NOT BETWEEN -1 AND 10
