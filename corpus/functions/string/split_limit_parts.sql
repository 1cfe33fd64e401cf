-- split(s, d, limit) (at most limit parts, the rest in the last one): the delimiter is quoted as a literal (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES 'a.b.c', 'a', '', NULL)
SELECT s, split(s, '.', 2) AS limited
FROM t
