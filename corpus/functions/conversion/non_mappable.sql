-- format_number, parse_data_size, typeof and format of a date are refused (catalog §7, §21).
-- expect: flagged non-mappable
SELECT format_number(123456), parse_data_size('1.5kB'), typeof(1), format('%s', DATE '2020-01-01')
