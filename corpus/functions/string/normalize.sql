-- normalize(s[, NFC|NFD|NFKC|NFKD]) (forms upper-case: Trino rejects nfkc): composed and decomposed accents, ligatures, compatibility digits, the Angstrom sign, Hangul syllables, '' and NULL (Spark 4: ICU4J's Normalizer through reflect; Spark 3.5 has none).
-- expect: ok
-- expect@3.5: flagged non-mappable
WITH t(s) AS (VALUES (U&'\00E9'), (U&'e\0301'), (U&'\FB01ance'), (U&'\2460\00B2'), (U&'\212B'), (U&'\D55C\AE00'), (U&'A\030A\0323'), (''), ('plain'), (NULL))
SELECT s,
       to_hex(to_utf8(normalize(s))) AS nfc_default,
       to_hex(to_utf8(normalize(s, NFC))) AS nfc,
       to_hex(to_utf8(normalize(s, NFD))) AS nfd,
       to_hex(to_utf8(normalize(s, NFKC))) AS nfkc,
       to_hex(to_utf8(normalize(s, NFKD))) AS nfkd,
       length(normalize(s, NFD)) AS nfd_length
FROM t
