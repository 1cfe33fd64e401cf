-- parse_duration and human_readable_seconds (airlift formats) have no Spark counterpart, flagged.
-- expect: flagged non-mappable
SELECT parse_duration('3.5d') AS d, human_readable_seconds(3762.5) AS h
