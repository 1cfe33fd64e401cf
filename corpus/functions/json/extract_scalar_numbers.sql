-- json_extract_scalar returns a number's source text (1.50, 1e2, -0, -1.25E+3), which Spark re-spells: read from the document where the key occurs once; also nested paths and a key quoted inside a string.
-- expect: ok
WITH t(j) AS (VALUES ('{"a": 1.50}'), ('{"a": 1.5}'), ('{"a":2}'), ('{"a": 1e2}'), ('{"a": -0}'), ('{"a": -0.0}'), ('{"a":-1.25E+3,"c":1}'),
     ('{"a" : 0.10 }'), ('{"b": "say \"a\": 2.0", "a": 1.50}'), ('{"x": {"a": 19.990}}'), ('{"x": {"b": 0.5}}'), (NULL))
SELECT j, json_extract_scalar(j, '$.a') AS a, json_extract_scalar(j, '$.x.a') AS xa FROM t
