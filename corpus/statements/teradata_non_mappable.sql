-- Teradata date functions with Teradata format strings are refused. (Snapshot only: Trino 476, the engine CI records with, does not run it.)
-- expect: flagged non-mappable
SELECT to_char(TIMESTAMP '2020-12-18 15:20:05', 'yyyy/mmdd hh24:mi:ss'), to_date('2020/12/04', 'yyyy/mm/dd'), to_timestamp('2020-12-18 15:20:05', 'yyyy-mm-dd hh24:mi:ss')
