-- position(… IN …), substring(… FROM … FOR …), trim(BOTH/LEADING/TRAILING … FROM …), strpos, length, upper/lower, concat with NULL (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES 'xxhello worldxx', 'abc', '', NULL)
SELECT s,
       position('o' IN s) AS pos_o,
       strpos(s, 'zz') AS pos_missing,
       position('' IN s) AS pos_empty,
       substring(s FROM 3 FOR 4) AS sub_3_4,
       substring(s FROM 2) AS sub_from_2,
       trim(BOTH 'x' FROM s) AS trim_both,
       trim(LEADING 'x' FROM s) AS trim_leading,
       trim(TRAILING 'x' FROM s) AS trim_trailing,
       length(s) AS len,
       upper(s) AS up,
       s || '!' AS bang,
       concat(s, CAST(NULL AS varchar)) AS with_null
FROM t
