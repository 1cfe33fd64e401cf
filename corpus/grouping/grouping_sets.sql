-- GROUPING SETS with multi-argument grouping() (a bitmask, first argument = high bit, BIGINT) telling the NULL of a rolled-up key from a NULL key (catalog §18).
-- expect: ok
WITH sales(region, product, amount) AS (VALUES
  ('east', 'a', 10), ('east', 'b', 20), ('east', 'b', 5),
  ('west', 'a', 5), ('west', NULL, 7), (NULL, 'b', 1))
SELECT region, product, sum(amount) AS total, grouping(region, product) AS g
FROM sales
GROUP BY GROUPING SETS ((region, product), (region), ())
