-- x < SOME (subquery): Spark has no quantified comparison and MIN/MAX rewrites change NULL / empty-set results, so it is flagged.
-- expect: flagged non-mappable
WITH t(x) AS (VALUES 1, 2, NULL), s(y) AS (VALUES 2, NULL)
SELECT x, x < SOME (SELECT y FROM s) AS lt_some, x >= ANY (SELECT y FROM s) AS ge_any FROM t
