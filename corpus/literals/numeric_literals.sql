-- Numeric literal typing: INTEGER, BIGINT beyond 2^31, exact decimals (1.5, .5), doubles (1e2), REAL and DOUBLE typed literals, and their arithmetic types (catalog §3).
-- expect: ok
SELECT 123 AS i,
       2147483648 AS big,
       -2147483648 AS min_int,
       1.5 AS d1,
       .5 AS d2,
       1e2 AS dbl,
       REAL '1.1' AS r,
       DOUBLE '1.0' AS dd,
       1.5 + 1 AS dec_plus_int,
       1.5 * 1e0 AS dec_times_double,
       0.1 + 0.2 AS exact_sum
