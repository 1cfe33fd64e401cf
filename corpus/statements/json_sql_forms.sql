-- json_table (a table function) and json_scalar (documented for newer Trino releases, not registered in Trino 476) have non_mappable rules; snapshot only.
-- covers: json_table
-- expect: flagged non-mappable
SELECT json_scalar('1') AS j
