-- split_to_map / split_to_multimap: literal delimiters, trailing entry delimiter ignored, '' → empty map (catalog §7).
-- expect: ok
WITH t(m, mm, p) AS (VALUES ('a=1,b=2,', 'a=1,b=2,a=3', 'x.1|y.2'), ('', '', ''), (NULL, NULL, NULL), ('k=', 'k=v,', 'é.ü'))
SELECT m, split_to_map(m, ',', '=') AS sm, split_to_multimap(mm, ',', '=') AS smm, split_to_map(p, '|', '.') AS sp FROM t
