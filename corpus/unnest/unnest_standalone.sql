-- UNNEST as the only FROM item (no lateral reference), with ordinality (catalog §15).
-- expect: ok
SELECT x, n
FROM UNNEST(ARRAY[3, NULL, -1, 3]) WITH ORDINALITY AS t(x, n)
