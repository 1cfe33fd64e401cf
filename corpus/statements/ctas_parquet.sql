-- CREATE TABLE … WITH (format = 'PARQUET') AS SELECT: the table property becomes USING PARQUET; the query keeps Trino semantics (snapshot only, not run).
-- expect: ok
CREATE TABLE big_orders WITH (format = 'PARQUET') AS
SELECT o_orderkey, o_totalprice, o_orderdate, o_totalprice / 2 AS half_price
FROM orders
WHERE o_totalprice > 1000
ORDER BY o_orderdate
