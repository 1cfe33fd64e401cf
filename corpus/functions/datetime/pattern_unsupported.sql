-- Pattern specifiers without a Spark letter (%v ISO week, Joda week-year xxxx) and non-constant patterns are flagged.
-- expect: flagged non-mappable
WITH t(ts, f) AS (VALUES (TIMESTAMP '2021-01-01 00:00:00', '%Y'))
SELECT date_format(ts, '%v') AS w, format_datetime(ts, 'xxxx') AS wy, date_format(ts, f) AS dyn FROM t
