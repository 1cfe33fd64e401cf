-- Teradata index (alias for strpos) and char2hexint (hex of UTF-16BE) (functions/teradata.html). (Snapshot only: Trino 476, the engine CI records with, does not run it.)
-- expect: ok
WITH t(s) AS (VALUES ('abc'), (''), (NULL), ('a€'))
SELECT s, index(s, 'c') AS i, index(s, '') AS ie, char2hexint(s) AS h FROM t
