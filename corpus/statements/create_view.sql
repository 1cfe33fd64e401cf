-- CREATE OR REPLACE VIEW over a join with an aggregate (snapshot only, not run).
-- expect: ok
CREATE OR REPLACE VIEW region_customer_count AS
SELECT r.r_name, count(*) AS customers, avg(c.c_acctbal) AS avg_balance
FROM customer c
JOIN nation n ON c.c_nationkey = n.n_nationkey
JOIN region r ON n.n_regionkey = r.r_regionkey
GROUP BY r.r_name
