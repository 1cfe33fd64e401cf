-- listagg … WITHIN GROUP: refused today (ordered aggregates are not translated).
-- expect: flagged non-mappable
WITH t(x) AS (VALUES 'a', 'b') SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x) FROM t
