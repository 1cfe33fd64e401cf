-- Elementary functions (sqrt, cbrt, exp, power, trigonometric and hyperbolic, degrees/radians, sign, is_infinite/is_finite/is_nan, abs, pi, e) with NaN, ±Infinity, zero and negative inputs (catalog §10a).
-- expect: ok
WITH t(x) AS (VALUES 0e0, -0e0, 1e0, -2.5e0, 27e0, -27e0, 710e0, nan(), infinity(), -infinity(), NULL)
SELECT x, sqrt(x) AS sq, cbrt(x) AS cb, exp(x) AS ex, power(x, 2) AS p2, pow(2, x) AS p2x, power(x, 0.5e0) AS ph,
       sin(x) AS s, cos(x) AS c, tan(x) AS t, asin(x / 1000) AS asn, acos(x / 1000) AS acs, atan(x) AS at, atan2(x, -1e0) AS at2,
       sinh(x / 100) AS sh, cosh(x / 100) AS ch, tanh(x) AS th, degrees(x) AS deg, radians(x) AS rad,
       sign(x) AS sg, abs(x) AS ab, is_infinite(x) AS inf, is_finite(x) AS fin, is_nan(x) AS nn, pi() AS pi, e() AS e,
       sign(CAST(CASE WHEN is_finite(x) AND abs(x) < 1000 THEN round(x) END AS integer)) AS sgi, sign(CAST(CASE WHEN is_finite(x) AND abs(x) < 1000 THEN x END AS decimal(10, 2))) AS sgd, sqrt(CAST(x AS real)) AS sqr
FROM t
