-- Self join on a non-equality condition (a < b), a triangular result (catalog §18).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, 3, NULL)
SELECT a.x AS lo, b.x AS hi
FROM t AS a JOIN t AS b ON a.x < b.x
