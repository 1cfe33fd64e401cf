-- round(double, d) scales the binary double (round(1.005e0, 2) = 1.0, round(0.285e0, 2) = 0.28); round(double) is half away from zero; round(decimal, d) keeps the scale (catalog §10a).
-- expect: ok
WITH t(x) AS (VALUES 1.005e0, 0.285e0, 2.675e0, -2.5e0, 2.5e0, -1.005e0, NULL)
SELECT x,
       round(x, 2) AS r2,
       round(x) AS r0,
       round(1.005e0, 2) AS lit,
       round(DECIMAL '1.234', 2) AS dec_r2,
       round(DECIMAL '-2.5') AS dec_r0
FROM t
