-- bitwise_left_shift / bitwise_right_shift / bitwise_right_shift_arithmetic keep the value's width and type; counts >= width give 0 (or -1), negative counts are masked as in Java (catalog §10b).
-- expect: ok
WITH t(v, s) AS (VALUES (BIGINT '5', 1), (-8, 1), (-8, 0), (1, 63), (5, 64), (-8, 70), (5, -1), (-8, -1), (NULL, 3), (7, NULL), (-9223372036854775807 - 1, 1), (3, 31), (3, 32))
SELECT v, s,
       bitwise_left_shift(v, s) AS l64, bitwise_right_shift(v, s) AS r64, bitwise_right_shift_arithmetic(v, s) AS a64,
       bitwise_left_shift(CAST(v % 1000 AS integer), s) AS l32, bitwise_right_shift(CAST(v % 1000 AS integer), s) AS r32, bitwise_right_shift_arithmetic(CAST(v % 1000 AS integer), s) AS a32,
       bitwise_left_shift(CAST(v % 100 AS smallint), s) AS l16, bitwise_right_shift(CAST(v % 100 AS smallint), s) AS r16, bitwise_right_shift_arithmetic(CAST(v % 100 AS smallint), s) AS a16,
       bitwise_left_shift(CAST(v % 100 AS tinyint), s) AS l8, bitwise_right_shift(CAST(v % 100 AS tinyint), s) AS r8, bitwise_right_shift_arithmetic(CAST(v % 100 AS tinyint), s) AS a8
FROM t
