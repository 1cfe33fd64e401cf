-- FETCH FIRST n ROWS WITH TIES: the peers of the last row are included; the sort key has a tie at the boundary and NULLs (sorted last) (catalog §18).
-- expect: ok
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT x, s FROM t ORDER BY x DESC FETCH FIRST 1 ROWS WITH TIES
