-- ln/log10/log2 follow Java Math.log: 0 → -Infinity, negative → NaN (Spark returns NULL) (catalog §10a).
-- expect: ok
WITH t(x) AS (VALUES 0e0, -1e0, 1e0, 100e0, NULL)
SELECT x,
       ln(x) AS ln_x,
       log10(x) AS log10_x,
       log2(x) AS log2_x,
       ln(0) AS ln_lit_zero
FROM t
