-- LIMIT after ORDER BY on two keys; LIMIT larger than the input; LIMIT 0 (catalog §18).
-- expect: ok
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT * FROM (SELECT x, s FROM t ORDER BY s LIMIT 2)
UNION ALL
SELECT * FROM (SELECT x, s FROM t ORDER BY x DESC, s LIMIT 100)
UNION ALL
SELECT * FROM (SELECT x, s FROM t LIMIT 0)
