-- regexp_extract returns the whole match (group 0) by default and NULL when there is no match (Spark: group 1 and '') (catalog §8).
-- expect: ok
WITH t(s) AS (VALUES 'a12b34', 'abc', '', NULL)
SELECT s,
       regexp_extract(s, '\d+') AS whole,
       regexp_extract(s, '(\d)(\d)', 2) AS grp2,
       regexp_extract(s, '[a-z]+') AS letters
FROM t
