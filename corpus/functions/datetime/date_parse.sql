-- date_parse with MySQL specifiers: numeric fields accept fewer digits as Joda does, two-digit years pivot to 1970–2069, fractions keep milliseconds (catalog §11, Appendix A).
-- expect: ok
WITH t(s, f) AS (VALUES ('2022-01-05 07:08:09', 1), ('2022-1-5 7:8:9', 1), (NULL, 1), ('1999-12-31 23:59:59', 1))
SELECT s, date_parse(s, '%Y-%m-%d %H:%i:%s') AS p1,
       date_parse('05/01/69 10:11 PM', '%d/%m/%y %h:%i %p') AS p69, date_parse('05/01/70', '%d/%m/%y') AS p70,
       date_parse('2020-03-04 05:06:07.123456', '%Y-%m-%d %H:%i:%s.%f') AS pf, date_parse('20200304', '%Y%m%d') AS compact,
       date_parse('Mar 4 2020', '%b %e %Y') AS names, date_parse('2020-066', '%Y-%j') AS doy
FROM t
