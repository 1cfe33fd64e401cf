-- CAST of arrays and maps: element casts follow the scalar rules (decimal → integer rounds half away from zero; varchar → integer parses), NULL elements stay NULL (catalog §5, §13).
-- expect: ok
SELECT CAST(ARRAY[1, 2] AS ARRAY(double)) AS to_double,
       CAST(ARRAY['1', '-2', NULL] AS ARRAY(integer)) AS parsed,
       CAST(ARRAY[1.5, 2.5, -0.5] AS ARRAY(integer)) AS rounded,
       CAST(MAP(ARRAY['a', 'b'], ARRAY[1, 2]) AS MAP(varchar, bigint)) AS widened,
       CAST(MAP(ARRAY[1], ARRAY[2.5e0]) AS MAP(bigint, integer)) AS map_rounded
