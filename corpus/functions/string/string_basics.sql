-- starts_with, lpad / rpad (truncating when the target is shorter), reverse, soundex, levenshtein_distance, translate (deleting unmatched characters) and substring with negative starts, over NULLs, empty and non-ASCII strings.
-- expect: ok
WITH t(s, u) AS (VALUES ('hello', 'help'), ('', ''), ('héllo wörld', 'hello world'), (CAST(NULL AS varchar), 'x'), ('Robert', 'Rupert'))
SELECT s,
       starts_with(s, 'he') AS sw,
       lpad(s, 7, '*') AS lp, rpad(s, 3, '-=') AS rp,
       reverse(s) AS rev, soundex(u) AS sx,
       levenshtein_distance(s, u) AS lev,
       translate(s, 'lo', 'L') AS tr,
       substring(s, -3) AS last3, substring(s, 2, 3) AS mid
FROM t
