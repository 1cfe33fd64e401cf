-- substr with start 0 gives '' and a negative start beyond the length gives '' (Spark treats 0 as 1 and clamps) (catalog §7).
-- expect: ok
WITH t(s) AS (VALUES 'hello', '', NULL)
SELECT s,
       substr(s, 0) AS from0,
       substr(s, 0, 2) AS from0_len2,
       substr(s, -10) AS far_negative,
       substr(s, -7, 4) AS far_negative_len,
       substr(s, -3, 2) AS negative,
       substr(s, 2) AS from2,
       substr(s, 2, 0) AS len0
FROM t
