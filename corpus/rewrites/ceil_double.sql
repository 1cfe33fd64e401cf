-- ceil/floor of a double return a DOUBLE (Spark: BIGINT): NaN stays NaN, ±Infinity and 1e20 are kept, -1.5 floors to -2 (catalog §10a).
-- expect: ok
WITH t(x) AS (VALUES 1.2e0, -1.2e0, -1.5e0, 0e0, 1e20, nan(), infinity(), -infinity(), NULL)
SELECT x,
       ceil(x) AS c,
       ceiling(x) AS c2,
       floor(x) AS f
FROM t
