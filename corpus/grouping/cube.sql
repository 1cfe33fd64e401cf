-- CUBE: every subset of the keys, with grouping(region, product) (catalog §18).
-- expect: ok
WITH sales(region, product, amount) AS (VALUES
  ('east', 'a', 10), ('east', 'b', 20), ('east', 'b', 5),
  ('west', 'a', 5), ('west', NULL, 7), (NULL, 'b', 1))
SELECT region, product, sum(amount) AS total, grouping(product, region) AS g
FROM sales
GROUP BY CUBE (region, product)
