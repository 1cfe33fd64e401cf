-- ORDER BY an expression and an output alias, with NULL keys produced by the expression (catalog §6).
-- expect: ok
-- compare: ordered
WITH t(x, s) AS (VALUES (3, 'c'), (NULL, 'n1'), (1, 'a'), (-2, 'm'), (NULL, 'n2'), (0, 'z'), (3, 'c2'))
SELECT s, x * -1 AS neg FROM t ORDER BY abs(x), neg, s
