-- Average order size per priority, with the traps Trino users never see:
-- integer division, exact decimal literals, NULLS LAST by default, rounding casts.
SELECT
  o_orderpriority,
  count(*) / 7                                   AS orders_per_weekday,
  CAST(avg(o_totalprice) AS bigint)              AS avg_price_rounded,
  sum(o_totalprice * DECIMAL '0.06')             AS tax,
  max(o_orderdate) + INTERVAL '30' DAY           AS due
FROM orders
WHERE o_comment NOT LIKE '%special%requests%'
  AND o_orderdate >= DATE '1995-01-01'
GROUP BY o_orderpriority
ORDER BY o_orderpriority
