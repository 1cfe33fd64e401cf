-- Ranking with NULL sort keys: ASC puts NULLs last, DESC also last, NULLS FIRST explicitly first; percent_rank, cume_dist and ntile (catalog §6, §17).
-- expect: ok
WITH t(x) AS (VALUES 3, NULL, 1, 3, NULL, -2)
SELECT x,
       rank() OVER (ORDER BY x) AS r_asc,
       rank() OVER (ORDER BY x DESC) AS r_desc,
       rank() OVER (ORDER BY x NULLS FIRST) AS r_nf,
       percent_rank() OVER (ORDER BY x) AS pr,
       cume_dist() OVER (ORDER BY x) AS cd,
       ntile(2) OVER (ORDER BY x) AS tile
FROM t
