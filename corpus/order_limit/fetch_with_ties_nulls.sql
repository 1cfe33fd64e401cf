-- WITH TIES where the boundary row is a NULL key: every NULL is a peer (NULLs sort last) (catalog §6, §18).
-- expect: ok
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT x, s FROM t ORDER BY x FETCH FIRST 6 ROWS WITH TIES
