-- arbitrary / any_value return a non-NULL value of the group when there is one (Spark's any_value may return NULL unless told to skip NULLs); groups hold one distinct non-NULL value so the answer is determined.
-- expect: ok
WITH t(g, x) AS (VALUES ('a', NULL), ('a', 5), ('a', 5), ('b', CAST(NULL AS integer)), ('c', -7))
SELECT g, arbitrary(x) AS a, any_value(x) AS v
FROM t
GROUP BY g
