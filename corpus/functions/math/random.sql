-- rand()/random() and random(n)/random(m, n) (uniform integers of the argument type): only their ranges are compared.
-- expect: ok
WITH t(n) AS (VALUES 1, 5, 100)
SELECT n, rand() >= 0 AND rand() < 1 AS r01, random() < 1 AS r1, random(n) BETWEEN 0 AND n - 1 AS rn, rand(n) < n AS rn2,
       random(TINYINT '3') < 3 AS rt, random(BIGINT '10', BIGINT '12') BETWEEN 10 AND 11 AS rmn, random(n, n + 2) - n < 2 AS rmn2
FROM t
