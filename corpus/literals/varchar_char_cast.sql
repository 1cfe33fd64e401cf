-- CAST to VARCHAR(n) truncates; CAST to CHAR(n) pads with blanks, and CHAR values compare with trailing blanks ignored (catalog §2).
-- expect: ok
SELECT CAST('abcd' AS varchar(3)) AS v3,
       CAST('ab' AS char(4)) AS c4,
       length(CAST('ab' AS char(4))) AS c4_len,
       CAST('ab' AS char(4)) = CAST('ab' AS char(2)) AS char_eq,
       CAST(12 AS varchar) AS int_str,
       CAST(DECIMAL '1.50' AS varchar) AS dec_str,
       CAST(true AS varchar) AS bool_str,
       CAST(DATE '2020-01-02' AS varchar) AS date_str
