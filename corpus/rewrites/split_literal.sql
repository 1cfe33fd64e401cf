-- split(s, '.') splits on the literal delimiter (Spark's split takes a regex) and keeps trailing empty strings (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES 'a.b.c', 'a..b.', '', 'nodot', NULL)
SELECT s,
       split(s, '.') AS parts,
       split(s, '|') AS pipe_parts,
       cardinality(split(s, '.')) AS n
FROM t
