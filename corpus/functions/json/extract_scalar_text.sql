-- json_extract_scalar keeps a string's text exactly, even when it looks like JSON or a number; integers and booleans; containers → NULL.
-- expect: ok
WITH t(j) AS (VALUES ('{"a": "[1, 2]"}'), ('{"a": "{\"b\":1}"}'), ('{"a": "[1,2]"}'), ('{"a": "1.50"}'), ('{"a": 100}'), ('{"a": -7}'),
     ('{"a": true}'), ('{"a": null}'), ('{"a": [1, 2]}'), ('{"a": {"b": 1}}'), ('{"a": []}'), ('{"a": "é\n"}'), ('{"b": 1}'), ('{"x": {"a": "[3]"}}'))
SELECT j, json_extract_scalar(j, '$.a') AS a, json_extract_scalar(j, '$.x.a') AS xa FROM t
