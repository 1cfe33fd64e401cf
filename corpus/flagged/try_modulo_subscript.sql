-- TRY around % and around an array subscript: valid Trino (NULL on modulo by zero / index out of range) that is flagged today; try_mod / try_element_at would map it (catalog §5).
-- expect: flagged non-mappable
WITH t(a, b) AS (VALUES (10, 3), (1, 0), (NULL, 1))
SELECT a, b,
       TRY(a % b) AS r,
       TRY(ARRAY[1, 2][b + 1]) AS elem
FROM t
