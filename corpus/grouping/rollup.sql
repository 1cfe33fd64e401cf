-- ROLLUP with single-argument grouping() per key (catalog §18).
-- expect: ok
WITH sales(region, product, amount) AS (VALUES
  ('east', 'a', 10), ('east', 'b', 20), ('east', 'b', 5),
  ('west', 'a', 5), ('west', NULL, 7), (NULL, 'b', 1))
SELECT region, product, count(*) AS n, sum(amount) AS total, grouping(region) AS gr, grouping(product) AS gp
FROM sales
GROUP BY ROLLUP (region, product)
