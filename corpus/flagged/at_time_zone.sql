-- AT TIME ZONE keeps the instant and changes the zone of a timestamp with time zone: Spark has no per-value zone, so it is flagged (catalog §11).
-- expect: flagged non-mappable
SELECT TIMESTAMP '2020-01-01 00:00:00 UTC' AT TIME ZONE 'America/New_York' AS ny
