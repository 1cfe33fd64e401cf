-- VALUES in FROM with a column list, mixed integer/bigint/double rows widened to the common type (catalog §18).
-- expect: ok
SELECT a, b, a + b AS s
FROM (VALUES (1, 2e0), (BIGINT '3000000000', -0.5e0), (NULL, 0e0)) AS v(a, b)
