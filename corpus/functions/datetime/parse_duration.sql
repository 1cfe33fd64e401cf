-- parse_duration: airlift Duration (ns us ms s m h d, fractions, blanks), rounded half up to milliseconds.
-- expect: ok
WITH t(s) AS (VALUES ('1.5s'), (' 3.5 d '), ('100ms'), ('1ns'), ('999999ns'), ('1500us'), ('0.0005s'), ('0.0015s'), ('2.5m'), ('1h'),
     ('00001.25h'), ('1.0000004s'), ('0.5ms'), ('2.5ms'), ('12345678.123456d'), ('0s'), (NULL))
SELECT s, parse_duration(s) AS d FROM t
