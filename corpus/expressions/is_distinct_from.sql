-- IS [NOT] DISTINCT FROM is null-safe: NULL vs NULL is not distinct, NULL vs 1 is distinct; = gives NULL (catalog §4).
-- expect: ok
WITH t(a, b) AS (VALUES (1, 1), (1, 2), (NULL, 1), (1, NULL), (NULL, NULL))
SELECT a, b,
       a IS DISTINCT FROM b AS dist,
       a IS NOT DISTINCT FROM b AS not_dist,
       a = b AS eq
FROM t
