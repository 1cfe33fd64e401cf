-- listagg … ON OVERFLOW TRUNCATE: Trino cuts a result over 1 MB and appends the filler and count; not emulated, so flagged.
-- expect: flagged non-mappable
WITH t(x) AS (VALUES 'a', 'b') SELECT listagg(x, ',' ON OVERFLOW TRUNCATE '...' WITH COUNT) WITHIN GROUP (ORDER BY x) FROM t
