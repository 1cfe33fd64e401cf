-- map_agg(DISTINCT k, v): DISTINCT inside its composite Spark form is not proven equal, so flagged.
-- expect: flagged non-mappable
WITH t(k, v) AS (VALUES (1, 'a'), (1, 'a'), (2, 'b')) SELECT map_agg(DISTINCT k, v) FROM t
