-- Correlated EXISTS: a NULL key never finds a match (catalog §18).
-- expect: ok
WITH t(id, v) AS (VALUES (1, 10), (2, 20), (3, NULL), (4, -1)),
     s(id, w) AS (VALUES (1, 5), (1, 6), (2, 7), (NULL, 8))
SELECT id, v FROM t WHERE EXISTS (SELECT 1 FROM s WHERE s.id = t.id)
