-- current_groups(): Spark has no groups of the session user: flagged.
-- expect: flagged non-mappable
SELECT cardinality(current_groups()) AS n
