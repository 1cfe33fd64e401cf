-- checksum has no Spark counterpart: refused.
-- expect: flagged non-mappable
WITH t(x) AS (VALUES 1, 2) SELECT checksum(x) FROM t
