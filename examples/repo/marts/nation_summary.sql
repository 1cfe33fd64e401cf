-- A view over a view: typed after customer_revenue, whatever the file order.
CREATE OR REPLACE VIEW nation_summary AS
SELECT
  n.n_name AS nation,
  count(*) AS customers,
  sum(r.order_count) / count(*) AS orders_per_customer,
  avg(r.revenue) AS avg_revenue
FROM customer_revenue r
JOIN nation n ON n.n_nationkey = r.c_nationkey
GROUP BY n.n_name;
