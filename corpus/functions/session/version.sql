-- version() names the engine release: Trino's and Spark's differ by design, flagged.
-- expect: flagged non-mappable
SELECT version() AS v
