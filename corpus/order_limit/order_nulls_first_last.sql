-- Explicit NULLS FIRST on ASC and NULLS LAST on DESC, mixed in one ORDER BY (catalog §6).
-- expect: ok
-- compare: ordered
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT x, s FROM t ORDER BY x NULLS FIRST, s DESC NULLS LAST
