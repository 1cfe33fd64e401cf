-- Sorts before views/ and marts/, but reads both: converted after them.
SELECT c_name, revenue, order_count / 3 AS orders_per_quarter
FROM customer_revenue
WHERE c_mktsegment = 'BUILDING'
ORDER BY revenue DESC
LIMIT 10;

SELECT nation, orders_per_customer, CAST(avg_revenue AS bigint) AS avg_revenue
FROM nation_summary
ORDER BY nation;
