-- regexp_extract_all(s, p) (default group 0, [] on no match): valid Trino with no Spark mapping yet; regexp_extract_all(s, p, 0) would map it (catalog §8).
-- expect: flagged unmapped-function
WITH t(s) AS (VALUES 'a12b34', 'abc', '', NULL)
SELECT s, regexp_extract_all(s, '\d') AS all_digits
FROM t
