-- variant_is_null (Trino's VARIANT type) is refused: non-mappable (Spark 4's is_variant_null returns false, not NULL, for SQL NULL; Spark 3.5 has no VARIANT).
-- Snapshot-only: Trino 476 has neither the VARIANT type nor variant_is_null ("Unknown type: VARIANT"), so this Trino cannot analyze it; argument types follow functions/variant.html of later releases.
-- expect: flagged non-mappable
WITH t(j) AS (VALUES (JSON 'null'), (JSON '42'), (JSON '{"a":[1,null]}'), (CAST(NULL AS JSON)))
SELECT
  variant_is_null(CAST(j AS VARIANT)) AS is_variant_null,
  variant_is_null(CAST(42 AS VARIANT)) AS forty_two,
  variant_is_null(NULL) AS sql_null
FROM t
