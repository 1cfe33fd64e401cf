-- A plain key combined with ROLLUP: GROUP BY region, ROLLUP(product) (the cross product of the grouping elements) (catalog §18).
-- expect: ok
WITH sales(region, product, amount) AS (VALUES
  ('east', 'a', 10), ('east', 'b', 20), ('east', 'b', 5),
  ('west', 'a', 5), ('west', NULL, 7), (NULL, 'b', 1))
SELECT region, product, sum(amount) AS total
FROM sales
GROUP BY region, ROLLUP (product)
