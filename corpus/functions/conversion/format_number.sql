-- format_number: Trino's K/M/B/T/Q abbreviation, HALF_UP on the exact double (1005 → 1K, 1125 → 1.13K), 999999 → 1000K, negatives, extremes, doubles truncated.
-- expect: ok
WITH t(x, d) AS (VALUES (999999, 1234.99e0), (-999999, 12345.6e0), (-12345, -0.5e0), (1005, nan()), (1125, infinity()), (0, -infinity()),
     (-5, 1e15), (9223372036854775807, -999.9e0), (-9223372036854775807, 0e0), (99999, NULL), (9995, 1.5e300), (-9995, 999499e0),
     (1999999999, 2.5e0), (123456789012345678, 100e0), (NULL, 10e0))
SELECT x, format_number(x) AS fx, d, format_number(d) AS fd, format_number(CAST(x % 100000 AS integer)) AS fi,
       format_number(DECIMAL '1234567.89') AS fdec, format_number(REAL '12345.6') AS freal
FROM t
