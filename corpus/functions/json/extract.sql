-- json_extract on Spark 4: objects/arrays/numbers via get_json_object, strings quoted and JSON null as 'null' via VARIANT (catalog §19).
-- expect: ok
-- expect@3.5: flagged non-mappable
WITH t(j) AS (VALUES ('{"a":{"y":1.50,"b":2},"s":"x\"y/é","n":null,"c":[1,"x",null],"t":true}'), ('bad'), (NULL), ('[1,{"k":"v"}]'), ('{}'))
SELECT j, json_extract(j, '$.a') AS a, json_extract(j, '$.s') AS s, json_extract(j, '$.n') AS n, json_extract(j, '$.c') AS c,
       json_extract(j, '$.t') AS t, json_extract(j, '$.zz') AS z, json_extract(j, '$[1]') AS i1, json_extract(j, '$[1].k') AS i1k
FROM t
