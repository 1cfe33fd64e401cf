-- array_join over doubles: Spark prints doubles differently from Trino (catalog §5), so it is refused.
-- expect: flagged non-mappable
SELECT array_join(ARRAY[1.5e0, 1e7], ',')
