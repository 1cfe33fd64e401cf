-- DECIMAL '…' literals keep their precision and scale, also in arithmetic (catalog §3).
-- expect: ok
WITH t(d) AS (VALUES DECIMAL '1.50', DECIMAL '-0.01', DECIMAL '0', NULL)
SELECT d, d + DECIMAL '12345678901234567.891' AS s, d * DECIMAL '2.5' AS p, DECIMAL '-00.100' AS lit, DECIMAL '99999999999999999999999999999999999999' AS big
FROM t
