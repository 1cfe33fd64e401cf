-- split_part with an index beyond the number of fields returns NULL (Spark returns ''); an empty field is ''; a regex meta-character delimiter is literal (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES 'a.b.c', 'a..c', '', NULL)
SELECT s,
       split_part(s, '.', 1) AS p1,
       split_part(s, '.', 2) AS p2,
       split_part(s, '.', 4) AS p4,
       split_part(s, '.', 100) AS p100
FROM t
