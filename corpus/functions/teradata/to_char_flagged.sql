-- Teradata formats Trino rejects (upper case, unknown letters) and non-constant formats are refused (NULL inputs: Trino does not call the function).
-- expect: flagged non-mappable
WITH t(s, ts, f) AS (VALUES (CAST(NULL AS varchar), CAST(NULL AS timestamp), 'yyyy'))
SELECT to_date(s, f) AS a, to_date(s, 'YYYY') AS b, to_char(ts, 'yyyy-mm-dd"T"') AS c
FROM t
