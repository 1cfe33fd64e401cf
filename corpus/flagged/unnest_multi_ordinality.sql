-- UNNEST of two arrays WITH ORDINALITY (the ordinal runs over the longer array): valid Trino that is flagged today; posexplode(arrays_zip(a, b)) would map it (catalog §15).
-- expect: flagged non-mappable
WITH t(id, a, b) AS (VALUES (1, ARRAY[10, 20, 30], ARRAY['x', 'y']), (2, ARRAY[5], ARRAY[]))
SELECT id, x, y, n
FROM t CROSS JOIN UNNEST(a, b) WITH ORDINALITY AS u(x, y, n)
