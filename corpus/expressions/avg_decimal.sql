-- avg(decimal(p,s)) keeps the input type decimal(p,s) and rounds HALF_UP (away from zero): 5/3 → 1.67, -0.025 → -0.03 (catalog §16).
-- expect: ok
WITH t(g, d) AS (VALUES ('a', DECIMAL '1.00'), ('a', DECIMAL '2.00'), ('a', DECIMAL '2.00'), ('b', DECIMAL '-0.05'), ('b', DECIMAL '0.00'), ('c', CAST(NULL AS decimal(5,2))))
SELECT g, avg(d) AS a, sum(d) AS s
FROM t
GROUP BY g
