-- JOIN … USING: the key appears once; in a FULL JOIN it is coalesce(l.k, r.k) (catalog §18).
-- expect: ok
WITH l(k, a) AS (VALUES (1, 'l1'), (2, 'l2'), (2, 'l2b'), (NULL, 'lnull'), (4, 'l4')),
     r(k, b) AS (VALUES (2, 'r2'), (3, 'r3'), (NULL, 'rnull'), (4, 'r4'), (4, 'r4b'))
SELECT k, a, b FROM l FULL JOIN r USING (k)
