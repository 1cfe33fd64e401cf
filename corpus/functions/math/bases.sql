-- from_base / to_base: Long.parseLong / Long.toString (signed, lower-case), with Spark's lenient conv checked by a round trip (catalog §10a).
-- expect: ok
WITH t(s, r, x) AS (VALUES ('ff', 16, 255), ('-FF', 16, -255), ('777', 8, 0), ('zz', 36, 9223372036854775807), ('+0010', 2, -9223372036854775807), ('0', 10, 1), ('-0', 7, -1), ('7fffffffffffffff', 16, 35), (NULL, 16, NULL), ('11', NULL, 10))
SELECT s, r, from_base(s, r) AS fb, to_base(x, 16) AS t16, to_base(x, 2) AS t2, to_base(x, 36) AS t36, to_base(x, r) AS tr
FROM t
