-- Sample and population statistics: NULLs skipped, a one-row group gives NULL for sample statistics and 0 for population ones, an all-NULL group gives NULL (catalog §16).
-- expect: ok
WITH t(g, x, y) AS (VALUES ('a', 1e0, 2e0), ('a', 2e0, 4.5e0), ('a', 4e0, 7e0), ('a', NULL, 1e0), ('a', -3e0, -2e0),
                          ('b', 5e0, 1e0), ('c', CAST(NULL AS double), CAST(NULL AS double)))
SELECT g,
       stddev(x) AS sd, stddev_samp(x) AS sds, stddev_pop(x) AS sdp,
       variance(x) AS v, var_samp(x) AS vs, var_pop(x) AS vp,
       corr(y, x) AS r, covar_samp(y, x) AS cs, covar_pop(y, x) AS cp,
       regr_slope(y, x) AS slope, regr_intercept(y, x) AS intercept
FROM t
GROUP BY g
