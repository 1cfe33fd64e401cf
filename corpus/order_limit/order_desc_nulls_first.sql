-- ORDER BY x DESC NULLS FIRST LIMIT: the NULLs come first and are kept by the LIMIT (catalog §6).
-- expect: ok
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT x, s FROM t ORDER BY x DESC NULLS FIRST, s LIMIT 3
