-- BETWEEN / NOT BETWEEN, IN, IS [NOT] NULL, IS [NOT] DISTINCT FROM and LIKE with NULLs, NaN and non-ASCII strings (catalog §4, §7).
-- expect: ok
WITH t(x, s) AS (VALUES (1e0, 'abc'), (nan(), 'äbc'), (NULL, NULL), (-2e0, ''), (5e0, 'a%c'))
SELECT x, s,
       x BETWEEN -2e0 AND 1e0 AS btw, x NOT BETWEEN 0e0 AND 2e0 AS nbtw,
       x IN (1e0, 5e0) AS in_list, x NOT IN (1e0, 5e0) AS not_in,
       x IS NULL AS isnull, s IS NOT NULL AS notnull,
       x IS DISTINCT FROM nan() AS dist, x IS NOT DISTINCT FROM 1e0 AS ndist,
       s LIKE '_bc' AS like1, s LIKE 'a\%c' ESCAPE '\' AS like_esc, s NOT LIKE '%c' AS nlike
FROM t
