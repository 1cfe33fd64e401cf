-- url_extract_parameter: first argument with the name, URL-decoded, '' without '=', NULL when absent (catalog §9).
-- expect: ok
WITH t(u) AS (VALUES ('http://h/p?k&k=1'), ('http://h/p?a.b=1&ab=2&x=1+2%41'), ('http://h/p'), (NULL), ('http://h/p?k=v&k=w#k=z'), ('http://h/?=1&k='))
SELECT u, url_extract_parameter(u, 'k') AS k, url_extract_parameter(u, 'a.b') AS ab, url_extract_parameter(u, 'x') AS x FROM t
