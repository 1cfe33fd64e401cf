-- hamming_distance emulated per code point (error on unequal lengths), luhn_check on digit strings (catalog §7).
-- expect: ok
WITH t(a, b, d) AS (VALUES ('abc', 'abd', '79927398713'), ('', '', '0'), (NULL, 'x', NULL), ('héllo', 'hallo', '79927398710'), ('x', NULL, ''))
SELECT a, hamming_distance(a, b) AS h, luhn_check(d) AS l FROM t
