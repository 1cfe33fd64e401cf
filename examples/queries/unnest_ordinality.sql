-- Trino arrays are 1-based: the ordinality and the subscript must stay that way on Spark.
SELECT n_name, part, pos, split(n_comment, ' ')[1] AS first_word
FROM nation
CROSS JOIN UNNEST(split(n_comment, ' ')) WITH ORDINALITY AS t(part, pos)
WHERE n_regionkey = 1 AND pos <= 2
ORDER BY n_name, pos
