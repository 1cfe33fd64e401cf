-- TRY(expr): NULL on integer division by zero and on an invalid cast, the value otherwise (catalog §5).
-- expect: ok
WITH t(a, b, s) AS (VALUES (10, 2, '7'), (1, 0, 'x'), (-7, 2, NULL), (NULL, 0, '2'))
SELECT a, b,
       TRY(a / b) AS q,
       TRY(CAST(s AS integer)) AS parsed,
       coalesce(TRY(a / b), -1) AS q_or_default
FROM t
