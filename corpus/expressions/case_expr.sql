-- CASE simple (WHEN NULL never matches) and searched (first true branch wins; no ELSE gives NULL); branch types widen integer/decimal (catalog §4, §5).
-- expect: ok
WITH t(x) AS (VALUES 1, 2, 3, NULL, -1)
SELECT x,
       CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' WHEN NULL THEN 'null' ELSE 'other' END AS simple,
       CASE WHEN x < 0 THEN 'neg' WHEN x < 3 THEN 'small' WHEN x < 2 THEN 'unreachable' END AS searched,
       CASE WHEN x IS NULL THEN 0.5 ELSE x END AS widened,
       coalesce(x, 100) AS coalesced,
       nullif(x, 2) AS nullified
FROM t
