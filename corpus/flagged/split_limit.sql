-- split(s, d, limit) (at most limit parts, the rest in the last one): valid Trino with no Spark mapping yet; split(s, quoted d, limit) would map it (catalog §7).
-- expect: flagged unmapped-function
WITH t(s) AS (VALUES 'a.b.c', 'a', '', NULL)
SELECT s, split(s, '.', 2) AS limited
FROM t
