-- log(b, x), mod on doubles and decimals, truncate(x[, n]): IEEE results (±Infinity, NaN) where Spark gives NULL or fails, decimal types kept (catalog §4, §10a).
-- expect: ok
WITH t(b, x, d) AS (VALUES (2e0, 8e0, DECIMAL '1.2345'), (2e0, 0e0, DECIMAL '-1.2345'), (2e0, -1e0, DECIMAL '0.0000'), (0e0, 8e0, DECIMAL '9.9999'),
                           (1e0, 8e0, DECIMAL '-0.0050'), (-2e0, 8e0, NULL), (10e0, nan(), DECIMAL '12.5000'), (2e0, infinity(), DECIMAL '-12.5000'), (NULL, 3e0, DECIMAL '1.0000'), (1e0, 1e0, DECIMAL '1.0000'))
SELECT b, x, d, log(b, x) AS lg, log(10, 1000) AS lg10, mod(x, b) AS m, mod(x, 0e0) AS m0, mod(d, DECIMAL '0.3') AS md, mod(CAST(CASE WHEN is_finite(x) THEN x END AS integer), 3) AS mi,
       truncate(d, 2) AS td2, truncate(d, 0) AS td0, truncate(d, -1) AS tdm, truncate(d) AS td, truncate(x / 3) AS tx, truncate(CAST(x AS real) / 3) AS tr
FROM t
