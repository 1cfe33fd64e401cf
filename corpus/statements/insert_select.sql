-- INSERT INTO … SELECT with integer division and a NULL-ordered LIMIT in the source query (snapshot only, not run).
-- expect: ok
INSERT INTO nation
SELECT n_nationkey + 100, upper(n_name), n_regionkey / 2, n_comment
FROM nation
ORDER BY n_name
LIMIT 5
