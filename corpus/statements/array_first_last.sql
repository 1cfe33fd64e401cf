-- array_first / array_last are documented for newer Trino releases but not registered in Trino 476 (the engine CI records with), so this case is snapshot only: the first / last element, NULL for an empty array.
-- expect: ok
SELECT array_first(ARRAY[3, 1, 2]) AS f, array_last(ARRAY[3, 1, 2]) AS l, array_first(CAST(ARRAY[] AS array(integer))) AS e
