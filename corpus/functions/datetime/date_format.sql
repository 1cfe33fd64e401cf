-- date_format with MySQL specifiers: translated to Spark pattern letters with literal text quoted; %f prints milliseconds padded to six digits (catalog Appendix A).
-- expect: ok
WITH t(ts) AS (VALUES TIMESTAMP '2020-01-05 09:03:07.123', TIMESTAMP '2021-12-31 23:59:59.999', TIMESTAMP '0999-02-28 00:00:00.000', TIMESTAMP '2024-02-29 12:30:00.500', NULL)
SELECT ts, date_format(ts, '%Y-%m-%d %H:%i:%s') AS iso, date_format(ts, '%y/%c/%e %k %l %h %I %p') AS short,
       date_format(ts, '%a %W %b %M %j') AS names, date_format(ts, '%r | %T | %S.%f') AS times, date_format(ts, 'it''s %% [%q] T%Hh {x} #') AS lits,
       date_format(CAST(ts AS date), '%Y%m%d') AS dt
FROM t
