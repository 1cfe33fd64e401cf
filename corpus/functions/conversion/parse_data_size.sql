-- parse_data_size: 1024-based units, truncated to an integer, DECIMAL(38, 0).
-- expect: ok
WITH t(s) AS (VALUES ('1.7B'), ('1.5kB'), ('2MB'), ('0.0001kB'), ('3EB'), ('1.99999999B'), ('1.5YB'), ('.5kB'), (NULL), ('0B'))
SELECT s, parse_data_size(s) AS n FROM t
