-- TABLESAMPLE SYSTEM samples blocks in Trino; Spark has no block sampling: flagged approximate (catalog §18).
-- expect: flagged approximate
SELECT count(*) AS n
FROM (VALUES 1, 2, 3, 4) AS t(x) TABLESAMPLE SYSTEM (25)
