-- cosine_similarity / cosine_distance on dense (array) and sparse (map) vectors, NULL elements and disjoint keys (catalog §10a).
-- expect: ok
WITH t(a, b, m1, m2) AS (VALUES
  (ARRAY[1e0, 2e0], ARRAY[2e0, 4e0], MAP(ARRAY['a', 'b'], ARRAY[1e0, 2e0]), MAP(ARRAY['a', 'c'], ARRAY[1e0, 5e0])),
  (ARRAY[1e0, 0e0], ARRAY[0e0, 1e0], MAP(ARRAY['a'], ARRAY[1e0]), MAP(ARRAY['b'], ARRAY[1e0])),
  (ARRAY[1e0, NULL], ARRAY[1e0, 2e0], MAP(ARRAY['a', 'b'], ARRAY[1e0, NULL]), MAP(ARRAY['a'], ARRAY[1e0])),
  (ARRAY[-3e0, 4e0, 0.5e0], ARRAY[1.5e0, -2e0, 7e0], MAP(ARRAY['a'], ARRAY[0e0]), MAP(ARRAY['a'], ARRAY[1e0])),
  (NULL, ARRAY[1e0], NULL, MAP(ARRAY['x'], ARRAY[2e0])),
  (ARRAY[1e0, 1e0], ARRAY[-1e0, -1e0], MAP(ARRAY['é', 'b'], ARRAY[3e0, -4e0]), MAP(ARRAY['é', 'b'], ARRAY[-3e0, 4e0])))
SELECT cosine_similarity(a, b) AS cs, cosine_distance(a, b) AS cd, cosine_similarity(m1, m2) AS csm FROM t
