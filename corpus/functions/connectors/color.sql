-- Trino colour functions (bar, color, render, rgb: ANSI console rendering) are refused: non-mappable.
-- expect: flagged non-mappable
WITH t(x, n, b, s) AS (VALUES (0.0E0, 0, true, 'ok'), (0.5E0, 42, false, ''), (1.0E0, -7, NULL, 'ß'), (NULL, NULL, NULL, NULL))
SELECT x,
  bar(x, 10) AS plain_bar,
  bar(x, 10, rgb(255, 0, 0), color('#0f0')) AS coloured_bar,
  render(x, color(x, color('#f00'), rgb(0, 0, 255))) AS rendered_double,
  render(n, color(CAST(n AS double), -10.0E0, 50.0E0, color('#f00'), rgb(0, 0, 255))) AS rendered_bigint,
  render(s, color('cyan')) AS rendered_varchar,
  render(b) AS rendered_boolean
FROM t
