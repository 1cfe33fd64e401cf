-- geometric_mean: exp(avg(ln x)) with 0 → 0 and negatives → NaN as in Java; real stays real.
-- expect: ok
WITH t(g, x, r) AS (VALUES (1, 2e0, REAL '2'), (1, 8e0, REAL '8'), (2, 0e0, REAL '1'), (2, 5e0, NULL), (3, -1e0, REAL '3'), (3, 2e0, REAL '3'), (4, NULL, NULL))
SELECT g, geometric_mean(x) AS gm, geometric_mean(r) AS gr FROM t GROUP BY g
