-- ARRAY[…] constructors: element type coercion (ARRAY[1, 1.2, 4] is array(decimal(11,1))), NULL elements, nesting, concatenation, contains, cardinality of empty/NULL (catalog §3, §13).
-- expect: ok
SELECT ARRAY[1, 2, NULL] AS with_null,
       ARRAY[1, 1.2, 4] AS coerced,
       ARRAY[ARRAY['a'], ARRAY[], NULL] AS nested,
       ARRAY['a'] || ARRAY['b', 'c'] AS concatenated,
       ARRAY[1, 2] || 3 AS appended,
       contains(ARRAY[1, 2, NULL], 2) AS has2,
       contains(ARRAY[1, NULL], 3) AS has3,
       cardinality(ARRAY[]) AS empty_card,
       cardinality(CAST(NULL AS ARRAY(integer))) AS null_card,
       array_position(ARRAY['x', 'y'], 'y') AS pos
