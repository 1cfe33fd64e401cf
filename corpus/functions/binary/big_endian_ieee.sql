-- to/from_big_endian_32/64 (two's complement) and to/from_ieee754_32/64 (bit patterns) (catalog §9).
-- expect: ok
WITH t(i, b, r, d) AS (VALUES (0, BIGINT '0', REAL '0', DOUBLE '0'), (-1, BIGINT '-2', REAL '-1.5', DOUBLE '-1.5'),
  (2147483647, BIGINT '9223372036854775807', REAL '1.4E-45', infinity()), (-2147483648, BIGINT '-9223372036854775808', REAL '3.4028235E38', DOUBLE '4.9E-324'),
  (NULL, NULL, NULL, NULL), (255, BIGINT '256', CAST(nan() AS real), nan()))
SELECT i, to_big_endian_32(i) AS be32, from_big_endian_32(to_big_endian_32(i)) AS rt32,
       to_big_endian_64(b) AS be64, from_big_endian_64(to_big_endian_64(b)) AS rt64,
       to_ieee754_32(r) AS f32, from_ieee754_32(to_ieee754_32(r)) AS rf32,
       to_ieee754_64(d) AS f64, from_ieee754_64(to_ieee754_64(d)) AS rf64
FROM t
