-- chr(n) returns the Unicode code point n (Spark's chr is n mod 256): chr(8364) = '€', chr(128512) = an emoji; codepoint is the inverse (catalog §7).
-- expect: ok
WITH t(n) AS (VALUES 65, 8364, 128512, 233, NULL)
SELECT n,
       chr(n) AS c,
       codepoint(chr(n)) AS back,
       chr(8364) AS euro
FROM t
