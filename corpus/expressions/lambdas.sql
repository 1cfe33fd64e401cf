-- Lambdas: transform, filter (a NULL predicate drops the element), reduce with an input and an output function; NULL elements and an empty array (catalog §13, §20).
-- expect: ok
WITH t(id, arr) AS (VALUES (1, ARRAY[1, -2, 3]), (2, ARRAY[]), (3, ARRAY[4, NULL]), (4, NULL))
SELECT id,
       transform(arr, x -> x * 2) AS doubled,
       filter(arr, x -> x > 0) AS positive,
       reduce(arr, 0, (s, x) -> s + x, s -> s) AS total,
       reduce(arr, 0, (s, x) -> s + coalesce(x, 0), s -> s * 10) AS total_x10,
       transform(arr, x -> x + id) AS captured
FROM t
