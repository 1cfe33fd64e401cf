-- MATCH_RECOGNIZE (classifier, match_number, FIRST/LAST/NEXT/PREV, PERMUTE): Spark has none; refused.
-- expect: flagged non-mappable
WITH t(x) AS (VALUES 1, 2) SELECT * FROM t MATCH_RECOGNIZE (ORDER BY x MEASURES match_number() AS m, classifier() AS c PATTERN (PERMUTE(A, B)) DEFINE A AS true, B AS PREV(A.x) < x)
