-- OVERLAY is not parsed by the transpiler yet: refused. (Snapshot only: Trino 476, the engine CI records with, does not run it.)
-- expect: flagged unsupported-syntax
SELECT overlay('abcdef' PLACING 'xy' FROM 2 FOR 3)
