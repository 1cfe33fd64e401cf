-- bit_count(x, bits) counts x as a bits-wide two's complement number (Spark counts 64 bits): masked (catalog §10b).
-- expect: ok
WITH t(x, b) AS (VALUES (9, 64), (9, 8), (-7, 64), (-7, 8), (-128, 8), (127, 8), (-1, 2), (0, 2), (NULL, 8), (5, NULL), (-9223372036854775807 - 1, 64), (9223372036854775807, 64))
SELECT x, b, bit_count(x, b) AS n, bit_count(CASE WHEN x BETWEEN -128 AND 127 THEN CAST(x AS tinyint) END, 8) AS n8, bitwise_and(x, 255) AS a, bitwise_or(x, 1) AS o, bitwise_xor(x, -1) AS xo, bitwise_not(x) AS nt
FROM t WHERE x IS NULL OR x BETWEEN -128 AND 127 OR b = 64
