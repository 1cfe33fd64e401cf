-- CAST(double|decimal AS integer types) rounds half away from zero (2.5 → 3, -2.5 → -3, 0.5 → 1), on literals and on column values (catalog §5).
-- expect: ok
WITH t(d, dec) AS (VALUES (2.5e0, DECIMAL '2.5'), (-2.5e0, DECIMAL '-2.5'), (0.5e0, DECIMAL '0.5'), (1.49e0, DECIMAL '1.4'), (-0.5e0, DECIMAL '-0.5'), (NULL, NULL))
SELECT d, dec,
       CAST(d AS integer) AS d_int,
       CAST(d AS bigint) AS d_big,
       CAST(d AS smallint) AS d_small,
       CAST(dec AS integer) AS dec_int,
       CAST(dec AS bigint) AS dec_big,
       CAST(2.5e0 AS integer) AS lit_pos,
       CAST(-2.5e0 AS integer) AS lit_neg,
       CAST(0.5 AS bigint) AS lit_dec
FROM t
