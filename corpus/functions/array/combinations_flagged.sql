-- combinations with a non-constant size (or one above 5, which Trino rejects on a non-NULL array) is refused.
-- expect: flagged non-mappable
WITH t(a, n) AS (VALUES (CAST(NULL AS array(integer)), 2))
SELECT combinations(a, n) AS c, combinations(a, 6) AS c6 FROM t
