-- Lambdas (->): transform, filter (NULL predicate drops), reduce, zip_with, any/all/none_match (3-valued), transform_keys/values, map_filter.
-- expect: ok
WITH t(id, a, m) AS (VALUES
  (1, ARRAY[1, NULL, 3], MAP(ARRAY['a', 'b'], ARRAY[1, NULL])),
  (2, ARRAY[], MAP()),
  (3, NULL, NULL),
  (4, ARRAY[-2, 0], MAP(ARRAY['é'], ARRAY[0])))
SELECT id, transform(a, x -> x * 2) AS t2, filter(a, x -> x > 0) AS f,
       reduce(a, 0, (s, x) -> s + coalesce(x, 0), s -> s) AS r,
       zip_with(a, ARRAY[10, 20], (x, y) -> coalesce(x, 0) + y) AS z,
       any_match(a, x -> x > 2) AS anym, all_match(a, x -> x > 0) AS allm, none_match(a, x -> x = 0) AS nonem,
       transform_keys(m, (k, v) -> upper(k)) AS tk, transform_values(m, (k, v) -> v + 1) AS tv,
       map_filter(m, (k, v) -> v IS NOT NULL) AS mf
FROM t
