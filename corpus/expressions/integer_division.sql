-- Integer division truncates toward zero and stays integer (7/2 = 3, -7/2 = -3); % takes the sign of the dividend; bigint and mixed integer/bigint operands (catalog §4).
-- expect: ok
WITH t(a, b) AS (VALUES (7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (1, 3), (NULL, 2))
SELECT a, b,
       a / b AS q,
       a % b AS r,
       mod(a, b) AS m,
       CAST(a AS bigint) / b AS q_big,
       a / 2 * 2 AS roundtrip
FROM t
