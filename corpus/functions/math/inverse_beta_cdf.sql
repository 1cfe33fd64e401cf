-- inverse_beta_cdf: an iterative solver with no Spark counterpart, flagged.
-- expect: flagged non-mappable
SELECT inverse_beta_cdf(2, 3, 0.5) AS q
