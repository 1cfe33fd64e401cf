-- ngrams (shorter arrays give themselves), repeat (0 → empty, NULL element), trim_array, shuffle kept deterministic by sorting.
-- expect: ok
WITH t(id, a, n) AS (VALUES
  (1, ARRAY[1, 2, 3], 2),
  (2, ARRAY[1, 2], 3),
  (3, ARRAY[1, NULL], 1),
  (4, ARRAY[5], 1))
SELECT id, ngrams(a, n) AS g, repeat(a[1], n) AS r, repeat(CAST(NULL AS varchar), n) AS rn, repeat('x', 0) AS r0,
       trim_array(a, 1) AS tr, array_sort(shuffle(a)) AS sh, cardinality(shuffle(a)) AS c
FROM t
