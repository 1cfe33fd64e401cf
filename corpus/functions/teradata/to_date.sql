-- to_date / to_timestamp with a constant Teradata format: 1-2 digit fields read greedily, defaults 2000-01-01, yy = 20yy, to_date truncates toward 1970.
-- expect: ok
WITH t(s, f) AS (VALUES ('1988/04/08', 1), ('1988/4/8', 2), (NULL, 3), ('2024/02/29', 4), ('0001/12/31', 5))
SELECT f, to_date(s, 'yyyy/mm/dd') AS d, to_timestamp(s, 'yyyy/mm/dd') AS ts,
       to_date('19884', 'yyyymm') AS greedy, to_date('123', 'ddmm') AS ddmm, to_date('02/29', 'mm/dd') AS no_year,
       to_date('88/04/08', 'yy/mm/dd') AS yy, to_date('1969/12/31 12', 'yyyy/mm/dd hh24') AS toward_1970,
       to_date('1969/12/31', 'yyyy/mm/dd') AS before_1970, to_timestamp('1988/04/08 2:3:4', 'yyyy/mm/dd hh24:mi:ss') AS hms,
       to_timestamp('11:05', 'hh:mi') AS half_day, to_timestamp('15 7', 'dd hh24') AS day_hour, to_date('+1988.04,08', 'yyyy.mm,dd') AS signed, to_date('8 04 1988', 'dd mm yyyy') AS spaced
FROM t
