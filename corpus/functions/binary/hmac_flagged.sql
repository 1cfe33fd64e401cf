-- hmac_* over bytes that are not visibly UTF-8 text: reflect() takes strings, so refused.
-- expect: flagged non-mappable
WITH t(b) AS (VALUES (X'00FF'))
SELECT hmac_sha256(b, to_utf8('k')) AS h FROM t
