-- Higher-order functions: any_match / all_match / none_match (three-valued), zip_with padding with NULL, transform producing strings (catalog §13, §20).
-- expect: ok
WITH t(id, a, b) AS (VALUES (1, ARRAY[1, 2, 3], ARRAY[10, 20]), (2, ARRAY[], ARRAY[]), (3, ARRAY[NULL, -1], ARRAY[5, 5]))
SELECT id,
       any_match(a, x -> x > 2) AS any_gt2,
       all_match(a, x -> x > 0) AS all_pos,
       none_match(a, x -> x < 0) AS none_neg,
       zip_with(a, b, (x, y) -> x + y) AS sums,
       transform(a, x -> CAST(x AS varchar)) AS strs
FROM t
