-- A GROUPS window frame: Spark cannot parse it (catalog §17).
-- expect: flagged non-mappable
WITH t(k, v) AS (VALUES (1, 1), (1, 2), (2, 3), (3, 4))
SELECT k, sum(v) OVER (ORDER BY k GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s
FROM t
