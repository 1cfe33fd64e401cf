-- TRY around % and around an array subscript: NULL on modulo by zero and on an index out of range (catalog §5), pushed into the failing leaves on Spark.
-- expect: ok
WITH t(a, b) AS (VALUES (10, 3), (1, 0), (NULL, 1))
SELECT a, b,
       TRY(a % b) AS r,
       TRY(ARRAY[1, 2][b + 1]) AS elem
FROM t
