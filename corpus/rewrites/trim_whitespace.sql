-- trim/ltrim/rtrim strip all whitespace, including TAB and newline (Spark strips only spaces) (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES '	x	', ' y ', '
z
', 'in side', '	', NULL)
SELECT s,
       trim(s) AS t,
       ltrim(s) AS lt,
       rtrim(s) AS rt,
       length(trim(s)) AS len
FROM t
