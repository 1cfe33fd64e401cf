-- HAVING on an aggregate that is not in the select list, and on a grouping key (catalog §18).
-- expect: ok
WITH sales(region, product, amount) AS (VALUES
  ('east', 'a', 10), ('east', 'b', 20), ('east', 'b', 5),
  ('west', 'a', 5), ('west', NULL, 7), (NULL, 'b', 1))
SELECT region, sum(amount) AS total
FROM sales
GROUP BY region
HAVING count(*) >= 2 AND (region IS NULL OR region <> 'nowhere')
