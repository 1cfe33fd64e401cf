-- approx_percentile, approx_most_frequent and numeric_histogram estimate differently on the two engines: flagged approximate.
-- expect: flagged approximate
WITH t(x) AS (VALUES 1e0, 2e0, 3e0, 4e0, 100e0)
SELECT approx_percentile(x, 0.5) AS median,
       approx_most_frequent(2, CAST(x AS bigint), 10) AS frequent,
       numeric_histogram(2, x) AS hist
FROM t
