-- VALUES as a whole query: the column type is the common super type (integer and decimal(2,1) → decimal(11,1)); NULLs and an empty string (catalog §18).
-- expect: ok
VALUES (1, 'a'), (2.5, 'bb'), (-3, NULL), (0, '')
