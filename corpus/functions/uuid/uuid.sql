-- uuid() gives a random UUID in both; its canonical text is 36 characters with dashes at fixed places.
-- expect: ok
WITH t(u) AS (SELECT CAST(uuid() AS varchar))
SELECT length(u) AS len, substr(u, 9, 1) AS dash1, substr(u, 24, 1) AS dash4, u = lower(u) AS lower_case, u <> CAST(uuid() AS varchar) AS differs
FROM t
