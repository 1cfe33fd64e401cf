-- human_readable_seconds: Trino's wording (weeks … seconds, singular/plural, zero units left out, rounded absolute value) rebuilt with concat_ws.
-- expect: ok
WITH t(x) AS (VALUES 0e0, 0.4e0, 1e0, 60e0, 604801e0, 1209600.5e0, -90061e0, 3762.5e0, 96e0, NULL)
SELECT x, human_readable_seconds(x) AS h, human_readable_seconds(CAST(x AS bigint)) AS hi FROM t
