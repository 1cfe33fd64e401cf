-- IF with two arguments (NULL when false or unknown) and with three arguments (the else branch also for an unknown condition) (catalog §5).
-- expect: ok
WITH t(x) AS (VALUES 5, 0, -3, NULL)
SELECT x,
       IF(x > 0, 'pos') AS two_arg,
       IF(x > 0, 'pos', 'not pos') AS three_arg,
       IF(x IS NULL, -1, x * 2) AS numeric_branches
FROM t
