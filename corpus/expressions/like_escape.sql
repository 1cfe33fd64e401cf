-- LIKE with ESCAPE (a literal % and _), and a pattern containing a backslash, which is an ordinary character in Trino (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES 'a%c', 'abc', 'a\b', 'a\bc', 'x_y', 'xzy', '', NULL)
SELECT s,
       s LIKE 'a!%%' ESCAPE '!' AS pct_escaped,
       s LIKE 'x#_y' ESCAPE '#' AS underscore_escaped,
       s LIKE 'a\b' AS backslash_exact,
       s LIKE '%\_' AS backslash_then_any,
       s LIKE 'a_c' AS any_char,
       s NOT LIKE '%' AS not_like_all
FROM t
