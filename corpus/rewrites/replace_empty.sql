-- replace(s, '', r) inserts r before every character and at the end (Spark returns s unchanged); replacement text with $ and \ is literal; two-argument replace deletes (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES 'abc', '', 'a$b', NULL)
SELECT s,
       replace(s, '', 'x') AS empty_search,
       replace(s, '', '$1\') AS special_replacement,
       replace(s, 'b') AS deleted,
       replace(s, 'b', 'BB') AS replaced
FROM t
