-- Several statements in one file: a CTAS, then queries over it.
CREATE TABLE big_customers AS
SELECT c_custkey, c_name, revenue
FROM customer_revenue
WHERE revenue > 500000;

SELECT o_orderpriority, count(*) / 7 AS per_day
FROM orders
WHERE o_orderdate >= DATE '1995-01-01'
GROUP BY o_orderpriority
ORDER BY o_orderpriority;

SELECT b.c_name, element_at(split(b.c_name, '#'), 2) AS customer_number, b.revenue / 1000 AS revenue_k
FROM big_customers b
ORDER BY b.revenue DESC
LIMIT 5;
