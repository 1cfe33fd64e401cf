-- CAST rounds when narrowing to integers, TRY_CAST returns NULL on invalid input (catalog §5).
-- expect: ok
WITH t(d, s) AS (VALUES (2.5e0, '12'), (-2.5e0, 'x'), (NULL, NULL), (0.49e0, ' 7 '))
SELECT CAST(d AS bigint) AS b, CAST(CAST(d AS decimal(4, 2)) AS integer) AS i, TRY_CAST(s AS integer) AS ti,
       CAST(s AS varchar(1)) AS v1
FROM t
