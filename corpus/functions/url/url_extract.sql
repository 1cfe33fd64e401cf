-- url_extract_*: decoded parts, '' for a missing part, NULL input → NULL; url_encode/url_decode (catalog §9).
-- expect: ok
WITH t(u) AS (VALUES ('http://user:pw@Host.com:8080/p%20q+r/x?a=1+2&b=%41&k#frag%20x'), ('https://h/'), ('//h/p'), ('mailto:x@y'), ('/rel/path?q'), (NULL), ('http://[::1]/v6'))
SELECT u, url_extract_protocol(u) AS pr, url_extract_host(u) AS h, url_extract_port(u) AS po, url_extract_path(u) AS pa,
       url_extract_query(u) AS q, url_extract_fragment(u) AS f, url_encode(u) AS e, url_decode(url_encode(u)) AS d
FROM t
