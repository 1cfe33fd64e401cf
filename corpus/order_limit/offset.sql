-- OFFSET n ROWS before LIMIT: skip first, then limit; NULLs last in the sort (catalog §18).
-- expect: ok
-- compare: ordered
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT x, s FROM t ORDER BY x, s OFFSET 2 ROWS LIMIT 3
