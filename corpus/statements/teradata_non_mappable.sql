-- Teradata date functions with formats Trino rejects (upper case, unknown letters) or non-constant formats are refused. (Snapshot only.)
-- expect: flagged non-mappable
SELECT to_char(TIMESTAMP '2020-12-18 15:20:05', 'YYYY/MMDD'), to_date('2020/12/04', 'yyyy/mm/dd q'), to_timestamp('2020-12-18 15:20:05', concat('yyyy', '-mm'))
