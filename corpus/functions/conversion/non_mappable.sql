-- typeof of NULL and format of a date are refused (catalog §7, §21).
-- expect: flagged non-mappable
SELECT typeof(NULL), format('%s', DATE '2020-01-01')
