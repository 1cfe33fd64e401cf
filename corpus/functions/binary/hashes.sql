-- md5/sha1/sha256/sha512 return the digest bytes, crc32 a BIGINT (catalog §9).
-- expect: ok
WITH t(s) AS (VALUES ('abc'), (''), (NULL), ('é😀'))
SELECT s, md5(to_utf8(s)) AS m, sha1(to_utf8(s)) AS s1, sha256(to_utf8(s)) AS s256, sha512(to_utf8(s)) AS s512, crc32(to_utf8(s)) AS c FROM t
