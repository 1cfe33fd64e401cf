-- IN list with NULLs evaluated in the select list: true / false / NULL (catalog §18).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, 5, NULL)
SELECT x, x IN (1, 2) AS in_plain, x IN (1, NULL) AS in_with_null, x NOT IN (1, NULL) AS not_in_with_null
FROM t
