-- typeof names types in Trino's spelling; Spark's typeof spells them differently: flagged.
-- expect: flagged non-mappable
SELECT typeof(1) AS a, typeof(1.5) AS b, typeof('x') AS c
