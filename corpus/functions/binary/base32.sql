-- to_base32 / from_base32 (RFC 4648 with padding) emulated bit by bit (Spark has no base32).
-- expect: ok
WITH t(s, e) AS (VALUES ('f', 'MY======'), ('fo', 'MZXQ===='), ('foo', 'MZXW6==='), ('foob', 'MZXW6YQ='), ('fooba', 'MZXW6YTB'), ('foobar', 'MZXW6YTBOI======'), ('', ''), (NULL, NULL), ('é😀', '4OSPBH4YQA'))
SELECT s, to_base32(to_utf8(s)) AS b, from_base32(e) AS d FROM t
