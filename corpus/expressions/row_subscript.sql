-- Positional access to an anonymous ROW with r[1], r[2] (catalog §2).
-- expect: ok
WITH t(r) AS (SELECT ROW(1, 'one', 1.5e0) UNION ALL SELECT ROW(-2, NULL, 0e0))
SELECT r[1] AS f1, r[2] AS f2, r[3] AS f3
FROM t
