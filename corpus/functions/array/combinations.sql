-- combinations(array, n) with a constant n: Trino's order of groups (largest index outermost), n > size, n = 0, NULL elements, duplicates.
-- expect: ok
WITH t(id, a) AS (VALUES (1, ARRAY[1, 2, 3, 4]), (2, ARRAY[5, NULL, 5]), (3, ARRAY[]), (4, NULL), (5, ARRAY[7, 8, 9, 10, 11, 12]))
SELECT id, combinations(a, 0) AS c0, combinations(a, 1) AS c1, combinations(a, 2) AS c2, combinations(a, 3) AS c3,
       combinations(a, 4) AS c4, combinations(a, 5) AS c5
FROM t
