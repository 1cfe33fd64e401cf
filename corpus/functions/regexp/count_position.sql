-- regexp_count (BIGINT) and regexp_position (-1 when absent, code points) (catalog §8).
-- expect: ok
WITH t(s) AS (VALUES ('aXaab'), (''), (NULL), ('é😀b'), ('bbb'))
SELECT s, regexp_count(s, 'a+') AS c, regexp_position(s, 'b') AS p, regexp_position(s, 'z') AS pz, regexp_position(s, '') AS pe FROM t
