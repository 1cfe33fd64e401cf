-- CASE (simple and searched), if, coalesce, nullif, try: NULL operands and a division by zero under TRY.
-- expect: ok
WITH t(id, x, s) AS (VALUES (1, 0, 'a'), (2, NULL, NULL), (3, -4, ''), (4, 2, 'é'))
SELECT id,
       CASE x WHEN 0 THEN 'zero' WHEN 2 THEN 'two' ELSE 'other' END AS simple_case,
       CASE WHEN x < 0 THEN 'neg' WHEN x IS NULL THEN 'null' END AS searched,
       if(x > 0, 'pos') AS if2, if(x > 0, 'pos', 'nonpos') AS if3,
       coalesce(s, 'dflt') AS co, nullif(s, '') AS nu,
       try(10 / x) AS tr
FROM t
