-- parse_duration (airlift Duration parsing) has no Spark counterpart, flagged.
-- expect: flagged non-mappable
SELECT parse_duration('3.5d') AS d
