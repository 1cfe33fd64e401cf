-- AND / OR / NOT follow the same three-valued logic in both engines.
-- expect: ok
WITH t(a, b) AS (VALUES (true, true), (true, false), (true, NULL), (false, NULL), (NULL, NULL), (false, false))
SELECT a, b, a AND b AS a_and_b, a OR b AS a_or_b, NOT a AS not_a, NOT (a AND b) OR b AS mix FROM t
