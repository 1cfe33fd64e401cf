-- Quoted identifiers with upper case: Trino folds names to lower case, so "MyCol", mycol and "MYCOL" are one column; a quoted name with a space (catalog §1).
-- expect: ok
WITH "Data"("MyCol", "Other Col") AS (VALUES (1, 'a'), (2, 'b'), (NULL, ''))
SELECT "MYCOL" + 1 AS "Next", mycol, "Other Col" AS "Label"
FROM data
ORDER BY MyCol
