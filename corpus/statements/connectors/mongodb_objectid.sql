-- MongoDB ObjectId functions (objectid, objectid_timestamp, timestamp_objectid) are refused: non-mappable.
-- Snapshot-only: the mongodb connector is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/objectid.html.
-- expect: flagged non-mappable
WITH t(hex, ts) AS (VALUES
  ('507f1f77bcf86cd799439011', TIMESTAMP '2021-08-07 17:51:36 UTC'),
  ('000000000000000000000000', TIMESTAMP '1970-01-01 00:00:00 UTC'),
  (NULL, NULL))
SELECT hex,
  objectid_timestamp(objectid(hex)) AS created_at,
  objectid_timestamp(timestamp_objectid(ts)) AS round_trip,
  objectid() IS NOT NULL AS fresh_id
FROM t
