-- concat_ws skips NULL arguments and array elements; || and concat return NULL when any argument is NULL (catalog §7).
-- expect: ok
WITH t(a, b) AS (VALUES ('x', 'y'), ('x', NULL), (NULL, NULL), ('', ''))
SELECT a, b,
       concat_ws('-', a, b) AS ws,
       concat_ws(',', ARRAY[a, b, 'z']) AS ws_array,
       a || b AS pipes,
       concat(a, '/', b) AS fn
FROM t
