-- Valid Trino that Spark cannot reproduce exactly: flagged, never silently wrong.
SELECT approx_distinct(c_custkey) AS customers, CAST(CAST(avg(c_acctbal) AS double) AS varchar) AS label
FROM customer
