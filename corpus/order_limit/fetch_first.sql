-- FETCH FIRST n ROWS ONLY is LIMIT n (catalog §18).
-- expect: ok
-- compare: ordered
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT x, s FROM t ORDER BY x, s FETCH FIRST 4 ROWS ONLY
