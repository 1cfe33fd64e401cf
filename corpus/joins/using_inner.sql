-- INNER JOIN … USING with SELECT *: the USING column comes first, once (catalog §18).
-- expect: ok
WITH l(k, a) AS (VALUES (1, 'l1'), (2, 'l2'), (2, 'l2b'), (NULL, 'lnull'), (4, 'l4')),
     r(k, b) AS (VALUES (2, 'r2'), (3, 'r3'), (NULL, 'rnull'), (4, 'r4'), (4, 'r4b'))
SELECT * FROM l JOIN r USING (k)
