-- format_datetime / parse_datetime with Joda patterns: YYYY, ZZ, fractions beyond milliseconds and quoted text translated; lenient numeric widths when parsing (catalog Appendix B).
-- expect: ok
WITH t(ts) AS (VALUES TIMESTAMP '2020-12-31 17:05:09.123 UTC', TIMESTAMP '2021-01-01 00:00:00.000 UTC', TIMESTAMP '1970-06-15 08:00:00.007 UTC', NULL)
SELECT ts, format_datetime(ts, 'yyyy-MM-dd''T''HH:mm:ss.SSS') AS f1, format_datetime(ts, 'YYYY yy y MMM MMMM E EEEE D DDD d') AS f2,
       format_datetime(ts, 'h:mm a K k H S SS SSSSSS G') AS f3, format_datetime(ts, 'Z ZZ ''o''''clock'' [#] {}') AS f4,
       parse_datetime('2020-1-5 7:08', 'yyyy-MM-dd HH:mm') AS p1, parse_datetime('2020-01-05 07:08:09.1234 +0530', 'yyyy-MM-dd HH:mm:ss.SSSS Z') AS p2,
       parse_datetime('05 Mar 2021', 'dd MMM yyyy') AS p3
FROM t
