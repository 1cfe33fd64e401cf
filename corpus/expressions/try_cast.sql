-- TRY_CAST: NULL on invalid input ('abc', '1.5' to integer, an impossible date, out of range), otherwise the CAST result (blanks trimmed, doubles rounded half away from zero) (catalog §5).
-- expect: ok
WITH t(s) AS (VALUES '12', 'abc', '1.5', ' 12 ', '', NULL, '-0')
SELECT s,
       TRY_CAST(s AS integer) AS i,
       TRY_CAST(s AS double) AS d,
       TRY_CAST(s AS date) AS dt,
       TRY_CAST(300 AS tinyint) AS overflow,
       TRY_CAST(2.5e0 AS integer) AS rounded
FROM t
