-- The special forms POSITION(… IN …), SUBSTRING(… FROM … FOR …), TRIM(BOTH|LEADING|TRAILING … FROM …) (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES ('xxhelloxx'), (''), (NULL), ('  é  '))
SELECT s, position('l' IN s) AS p, substring(s FROM 3 FOR 2) AS sub, substring(s FROM 0) AS sub0,
       trim(BOTH 'x' FROM s) AS tb, trim(LEADING 'x' FROM s) AS tl, trim(TRAILING FROM s) AS tt
FROM t
