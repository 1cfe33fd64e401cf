-- regexp_position with a start, lambda replacements and optional groups are refused (catalog §8).
-- expect: flagged non-mappable
WITH t(s) AS (VALUES ('abc'))
SELECT regexp_position(s, 'b', 2), regexp_position(s, 'b', 1, 2), regexp_replace(s, '(b)', x -> upper(x[1])),
       regexp_extract(s, '(a)|(b)', 2), regexp_extract_all(s, '(x)?b', 1)
FROM t
