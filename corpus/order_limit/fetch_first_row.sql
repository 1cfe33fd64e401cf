-- FETCH FIRST ROW ONLY (count defaults to 1) after OFFSET … ROW (catalog §18).
-- expect: ok
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT x, s FROM t ORDER BY s DESC OFFSET 1 ROW FETCH NEXT ROW ONLY
