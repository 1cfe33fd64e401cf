-- WITH RECURSIVE: running factorial over a bounded recursion (catalog §18: 4.3 only; 3.5 must be refused).
-- expect: ok
-- expect@3.5: flagged non-mappable
WITH RECURSIVE t(n, f) AS (
  VALUES (1, BIGINT '1')
  UNION ALL
  SELECT n + 1, f * (n + 1) FROM t WHERE n < 6
)
SELECT n, f FROM t ORDER BY n
