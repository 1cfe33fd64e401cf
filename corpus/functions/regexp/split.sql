-- regexp_split keeps trailing empties and the leading empty string of a zero-width match (catalog §8).
-- expect: ok
WITH t(s) AS (VALUES ('a,b,'), (''), (NULL), (' a  b'), ('abc'))
SELECT s, regexp_split(s, ',') AS c, regexp_split(s, 'x*') AS z, regexp_split(s, '\s+') AS w, regexp_split(s, '') AS e FROM t
