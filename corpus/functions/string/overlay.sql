-- OVERLAY is not parsed by the transpiler yet: refused.
-- expect: flagged unsupported-syntax
SELECT overlay('abcdef' PLACING 'xy' FROM 2 FOR 3)
