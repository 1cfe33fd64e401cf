-- normal_cdf, inverse_normal_cdf, beta_cdf, t_cdf, t_pdf and the Wilson interval bounds, computed with the same Commons Math calls Trino makes (catalog §10a).
-- expect: ok
WITH t(m, sd, v, p, a, b, x, df, s, n, z) AS (VALUES
  (0e0, 1e0, 1.96e0, 0.975e0, 2e0, 3e0, 0.5e0, 3e0, 5, 10, 1.96e0),
  (10e0, 2.5e0, -3e0, 0.01e0, 0.5e0, 0.5e0, 0e0, 1e0, 0, 7, 0e0),
  (-1e0, 0.1e0, -1e0, 0.5e0, 1e0, 1e0, 1e0, 30e0, 7, 7, 2.5e0),
  (0e0, 1e0, 40e0, 0.999999e0, 10e0, 0.1e0, 0.999e0, 2.5e0, 1, 1000000, 1e0),
  (NULL, 1e0, 0e0, NULL, 2e0, NULL, 0.5e0, NULL, NULL, 10, 1e0))
SELECT normal_cdf(m, sd, v) AS nc, inverse_normal_cdf(m, sd, p) AS inc, beta_cdf(a, b, x) AS bc,
       t_cdf(v, df) AS tc, t_cdf(-v, df) AS tcn, t_cdf(0e0, df) AS tc0, t_pdf(v, df) AS tp,
       wilson_interval_lower(s, n, z) AS wl, wilson_interval_upper(s, n, z) AS wu
FROM t
