-- Typed literals: DATE, TIMESTAMP (zone-less, precision from the literal), DECIMAL, VARCHAR, CHAR (blank-padded type), X'…' varbinary and U&'…' Unicode escapes (catalog §1, §3).
-- expect: ok
SELECT DATE '2020-02-29' AS d,
       TIMESTAMP '2020-06-10 15:55:23.383' AS ts3,
       TIMESTAMP '2001-01-01 00:00:00' AS ts0,
       DECIMAL '-0.10' AS dec,
       DECIMAL '12345678901234567890.5' AS big_dec,
       VARCHAR 'abc' AS v,
       CHAR 'ab' AS c,
       X'65683F' AS b,
       U&'Hello \2603 \+01F600' AS u1,
       U&'x#0041y' UESCAPE '#' AS u2
