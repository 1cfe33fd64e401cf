-- ends_with is documented for newer Trino releases but not registered in Trino 476 (the engine CI records with): snapshot only.
-- expect: ok
SELECT ends_with('hello', 'lo') AS a, ends_with('hello', '') AS b
