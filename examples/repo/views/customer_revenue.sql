-- Revenue per customer: the view the reports build on.
CREATE OR REPLACE VIEW customer_revenue AS
SELECT
  c.c_custkey,
  c.c_name,
  c.c_mktsegment,
  c.c_nationkey,
  count(*) AS order_count,
  sum(o.o_totalprice) AS revenue
FROM customer c
JOIN orders o ON o.o_custkey = c.c_custkey
GROUP BY c.c_custkey, c.c_name, c.c_mktsegment, c.c_nationkey;
