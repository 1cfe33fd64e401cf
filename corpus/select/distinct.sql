-- SELECT DISTINCT treats NULLs as equal and keeps the empty string apart from NULL (catalog §18).
-- expect: ok
WITH t(a, b) AS (VALUES (1, 'x'), (1, 'x'), (NULL, 'x'), (NULL, 'x'), (1, ''), (1, NULL), (1, NULL))
SELECT DISTINCT a, b FROM t
