-- UNNEST of a computed array (sequence) filtered on the element and the ordinality in WHERE (catalog §13, §15).
-- expect: ok
WITH t(id, lo, hi) AS (VALUES (1, 1, 5), (2, 3, 3), (3, 5, 4))
SELECT id, x, n
FROM t CROSS JOIN UNNEST(sequence(lo, hi)) WITH ORDINALITY AS u(x, n)
WHERE x % 2 = 1 AND n <= 3
