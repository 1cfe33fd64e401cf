-- A quoted name holding a line break keeps it exactly, in nested queries too (catalog §1).
-- expect: ok
WITH t(k) AS (VALUES 1, 2)
SELECT u."two
lines", u.k FROM (SELECT s.k AS "two
lines", s.k FROM (SELECT k FROM t) s) u
