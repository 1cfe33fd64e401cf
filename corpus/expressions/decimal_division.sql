-- Decimal division keeps Trino's result scale max(s1, s2) with HALF_UP rounding: 1.0/3 = 0.3, DECIMAL '10'/DECIMAL '4' = 3, -10/4 = -3 (catalog §4).
-- expect: ok
WITH t(x, y) AS (VALUES (DECIMAL '1.00', DECIMAL '0.03'), (DECIMAL '-1.00', DECIMAL '0.03'), (DECIMAL '2.50', DECIMAL '4.00'), (DECIMAL '0.00', DECIMAL '7.00'))
SELECT 1.0 / 3 AS third,
       DECIMAL '10' / DECIMAL '4' AS half_up,
       DECIMAL '-10' / DECIMAL '4' AS neg_half_up,
       x, y,
       x / y AS q,
       x / 3 AS q_int,
       x * y AS p
FROM t
