-- ORDER BY x with no null ordering: Trino puts NULLs LAST for ASC; checked on the whole ordered result (catalog §6).
-- expect: ok
-- compare: ordered
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT x, s FROM t ORDER BY x, s
