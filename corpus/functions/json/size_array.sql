-- json_size (null → 0, missing → NULL), json_array_length, json_array_get with negative indexes (catalog §19).
-- expect: ok
WITH t(j) AS (VALUES ('{"a":{"b":1,"c":2},"c":[10,20,30],"e":null,"s":"x"}'), ('[1,"a",[2]]'), ('[]'), (NULL), ('{}'))
SELECT j, json_size(j, '$.a') AS sa, json_size(j, '$.c') AS sc, json_size(j, '$.e') AS se, json_size(j, '$.s') AS ss,
       json_size(j, '$.zz') AS sz, json_size(j, '$') AS s0, json_size(j, '$[2]') AS s2, json_array_length(j) AS l,
       json_array_get(j, 0) AS g0, json_array_get(j, 1) AS g1, json_array_get(j, -1) AS gm1, json_array_get(j, 5) AS g5
FROM t
