-- ORDER BY x ASC LIMIT: with NULLs LAST the smallest values are kept, not the NULLs (catalog §6).
-- expect: ok
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT x FROM t ORDER BY x ASC LIMIT 3
