-- date_diff('month'|'quarter'|'year') is end-of-month aware (2020-01-31 → 2020-02-29 is 1 month; 2020-02-29 → 2021-02-28 is 1 year) (catalog §11).
-- expect: ok
WITH t(a, b) AS (VALUES
  (DATE '2020-01-31', DATE '2020-02-29'),
  (DATE '2020-02-29', DATE '2021-02-28'),
  (DATE '2020-02-29', DATE '2020-01-31'),
  (DATE '2021-01-30', DATE '2021-02-28'),
  (DATE '2020-01-31', DATE '2020-04-30'),
  (DATE '2020-01-15', DATE '2020-02-14'),
  (DATE '2019-12-31', DATE '2020-12-30'))
SELECT a, b,
       date_diff('month', a, b) AS months,
       date_diff('quarter', a, b) AS quarters,
       date_diff('year', a, b) AS years,
       date_diff('day', a, b) AS days,
       date_diff('week', a, b) AS weeks
FROM t
