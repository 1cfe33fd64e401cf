-- split(s, d, limit): literal delimiter (regex meta-characters), rest in the last element (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES ('a.b.c'), (''), (NULL), ('a..b.'), ('x|y|z|'))
SELECT s, split(s, '.', 2) AS d2, split(s, '|', 3) AS p3, split(s, '.', 10) AS d10 FROM t
