-- hmac_* of to_utf8 text through reflect() of commons-codec HmacUtils (value, key order as in Trino); NULL in, NULL out.
-- expect: ok
WITH t(v, k) AS (VALUES ('value', 'key'), ('', 'k'), ('héllo ✓', 'clé'), (NULL, 'k'), ('v', NULL))
SELECT v, hmac_md5(to_utf8(v), to_utf8(k)) AS md5, hmac_sha1(to_utf8(v), to_utf8(k)) AS sha1,
       hmac_sha256(to_utf8(v), to_utf8(k)) AS sha256, hmac_sha512(to_utf8(v), to_utf8(k)) AS sha512,
       hmac_sha256(X'616263', to_utf8(k)) AS lit
FROM t
