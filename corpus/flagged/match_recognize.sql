-- MATCH_RECOGNIZE has no Spark counterpart (catalog §18).
-- expect: flagged non-mappable
WITH t(id, v) AS (VALUES (1, 10), (2, 5), (3, 7))
SELECT * FROM t
MATCH_RECOGNIZE (
  ORDER BY id
  MEASURES A.v AS start_v
  ONE ROW PER MATCH
  PATTERN (A B)
  DEFINE B AS B.v < PREV(B.v)
)
