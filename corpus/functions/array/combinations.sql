-- combinations has no Spark counterpart: refused.
-- expect: flagged non-mappable
SELECT combinations(ARRAY[1, 2, 3], 2)
