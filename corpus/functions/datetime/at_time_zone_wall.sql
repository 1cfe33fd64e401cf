-- AT TIME ZONE changes the zone of the value; hour() then reads the new wall clock: Spark has no per-value zone, flagged (catalog §11).
-- expect: flagged non-mappable
SELECT hour(TIMESTAMP '2020-01-01 12:00:00 UTC' AT TIME ZONE 'Asia/Kolkata') AS h
