-- TABLESAMPLE BERNOULLI picks random rows: both engines sample, the samples differ, so it is flagged approximate (catalog §18).
-- expect: flagged approximate
WITH t(x) AS (VALUES 1, 2, 3, 4, 5, 6, 7, 8)
SELECT count(*) AS n
FROM t TABLESAMPLE BERNOULLI (50)
