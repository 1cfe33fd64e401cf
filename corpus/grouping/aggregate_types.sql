-- sum/avg/min/max over integer, bigint, double and decimal columns: sum(integer) is BIGINT, avg(integer) is DOUBLE, sum(decimal(p,s)) is decimal(38,s) (catalog §16).
-- expect: ok
WITH t(g, i, d, dec) AS (VALUES ('a', 1, 1.5e0, DECIMAL '1.10'), ('a', 2, -0.5e0, DECIMAL '2.25'), ('a', NULL, NULL, NULL), ('b', 2147483647, 1e0, DECIMAL '-0.01'), ('b', 1, 2e0, DECIMAL '0.00'))
SELECT g, sum(i) AS si, avg(i) AS ai, min(i) AS mi, sum(d) AS sd, avg(d) AS ad, sum(dec) AS sdec, max(dec) AS mdec
FROM t
GROUP BY g
