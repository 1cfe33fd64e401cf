-- RANGE frames: numeric offset frame and the default frame (RANGE UNBOUNDED PRECEDING, peers included) with ties and a NULL sort key that sorts LAST by default (catalog §6, §17).
-- expect: ok
WITH t(k, v) AS (VALUES (1, 1), (2, 10), (2, 100), (4, 1000), (NULL, 10000), (-1, 100000))
SELECT k, v,
       sum(v) OVER (ORDER BY k) AS running,
       sum(v) OVER (ORDER BY k RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS near,
       sum(v) OVER (ORDER BY k DESC RANGE BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING) AS desc_frame,
       count(*) OVER (ORDER BY k RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING) AS ahead
FROM t
