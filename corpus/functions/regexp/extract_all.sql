-- regexp_extract_all defaults to group 0; explicit groups without optional parts; regexp_extract with a group (catalog §8).
-- expect: ok
WITH t(s) AS (VALUES ('a1 b22 c333'), (''), (NULL), ('x9-10 y7-8'), ('none'))
SELECT s, regexp_extract_all(s, '\d+') AS a0, regexp_extract_all(s, '([a-z])(\d+)', 2) AS a2,
       regexp_extract(s, '(\d+)-(\d+)', 2) AS e2, regexp_extract_all(s, '[a-z]', 0) AS al
FROM t
