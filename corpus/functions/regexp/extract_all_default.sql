-- regexp_extract_all(s, p) (default group 0, [] on no match): mapped with an explicit group 0 (catalog §8).
-- expect: ok
WITH t(s) AS (VALUES 'a12b34', 'abc', '', NULL)
SELECT s, regexp_extract_all(s, '\d') AS all_digits
FROM t
