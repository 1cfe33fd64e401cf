-- GROUP BY and ORDER BY by ordinal position (catalog §18).
-- expect: ok
WITH sales(region, product, amount) AS (VALUES
  ('east', 'a', 10), ('east', 'b', 20), ('east', 'b', 5),
  ('west', 'a', 5), ('west', NULL, 7), (NULL, 'b', 1))
SELECT region, count(*) AS n, max(amount) AS top
FROM sales
GROUP BY 1
ORDER BY 2 DESC, 1
