-- format → format_string (java.util.Formatter on both); integers widened to BIGINT like Trino (catalog §7).
-- expect: ok
WITH t(s, i, d, m) AS (VALUES ('a', -1, 1.5e0, DECIMAL '1.25'), ('', 0, -0.125e0, DECIMAL '-2.50'), (NULL, NULL, NULL, NULL), ('é', 255, 1e10, DECIMAL '0.05'))
SELECT s, format('%s|%d|%x|%5.2f|%b|%s', s, i, i, d, i > 0, m) AS f, format('%,d', 1234567) AS g FROM t
