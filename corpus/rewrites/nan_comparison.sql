-- NaN compares unequal to everything, itself included (Spark: NaN = NaN is true and NaN sorts above +Infinity) (catalog §4).
-- expect: ok
WITH t(x) AS (VALUES nan(), 1e0, infinity(), NULL)
SELECT x,
       x = nan() AS eq_nan,
       x <> x AS ne_self,
       x > 0e0 AS gt_zero,
       is_nan(x) AS isnan_x
FROM t
