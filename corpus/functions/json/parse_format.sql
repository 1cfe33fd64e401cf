-- json_parse (keys sorted, minified) then json_format; is_json_scalar: Spark 4 through VARIANT (catalog §19).
-- expect: ok
-- expect@3.5: flagged non-mappable
WITH t(s) AS (VALUES ('{"b":1, "a":[true,null,"x"]}'), ('"x"'), ('1'), (NULL), ('[ ]'))
SELECT s, json_format(json_parse(s)) AS f, is_json_scalar(s) AS sc FROM t
