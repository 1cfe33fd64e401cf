-- json_extract_scalar via get_json_object: paths $.a.b, $[n], $["k"]; objects/arrays/null → NULL; malformed → NULL (catalog §19).
-- expect: ok
WITH t(j) AS (VALUES ('{"a":{"b":"x"},"c":[10,20],"d":true,"e":null,"f":"ü"}'), ('{"a":1}'), ('not json'), (NULL), ('[1,[2,"z"]]'))
SELECT j, json_extract_scalar(j, '$.a.b') AS ab, json_extract_scalar(j, '$.c[1]') AS c1, json_extract_scalar(j, '$["d"]') AS d,
       json_extract_scalar(j, '$.c') AS c, json_extract_scalar(j, '$.e') AS e, json_extract_scalar(j, '$[1][1]') AS i11,
       json_extract_scalar(j, '$.a') AS a, json_extract_scalar(j, '$.f') AS f
FROM t
