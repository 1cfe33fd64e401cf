-- width_bucket over bounds and over a sorted bin array: same buckets as Trino, ±Infinity operands included (catalog §10a).
-- expect: ok
WITH t(x) AS (VALUES 5.3e0, -1e0, 11e0, 10e0, 0e0, 6e0, infinity(), -infinity(), NULL, 3e0)
SELECT x, width_bucket(x, 0.2e0, 10.6e0, 5) AS wb, width_bucket(x, 10, 0, 4) AS wb_desc, width_bucket(x, 0, 10, 10) AS wb10,
       width_bucket(x, ARRAY[1e0, 3e0, 6e0]) AS wa, width_bucket(x, ARRAY[0e0]) AS wa1
FROM t
