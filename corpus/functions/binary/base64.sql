-- to_base64/url without line breaks (long input), from_base64/url with or without padding (catalog §9).
-- expect: ok
WITH t(s, e) AS (VALUES ('ab', 'AQ'), ('', ''), (NULL, NULL), ('a longer text of more than fifty-seven bytes, so that the MIME encoder would wrap it', 'AQ=='), ('ÿþ', '-_8'))
SELECT s, to_base64(to_utf8(s)) AS b, to_base64url(to_utf8(s)) AS bu, to_base64url(x'fbff') AS bx,
       from_base64(replace(replace(e, '-', '+'), '_', '/')) AS d, from_base64url(e) AS du
FROM t
