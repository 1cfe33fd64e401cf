-- A global aggregate over no rows still returns one row: count 0, sum/avg/max NULL, bool_and NULL, count_if 0 (catalog §16).
-- expect: ok
WITH t(x, b) AS (VALUES (1, true), (2, false))
SELECT count(*) AS n, count(x) AS nx, sum(x) AS s, avg(x) AS a, max(x) AS m, bool_and(b) AS ba, count_if(b) AS ci
FROM t
WHERE x > 100
