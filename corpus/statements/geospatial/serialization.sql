-- Geospatial WKT/WKB/EWKT/KML/Hadoop-shape parsers and serializers are refused: non-mappable (no geometry type in Spark 3.5/4.0; Sedona not verified).
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(wkt, wkb, shape) AS (VALUES
  ('POINT (1 2)', from_hex('0101000000000000000000F03F0000000000000040'), from_hex('00000000010100000000000000000000F03F0000000000000040')),
  ('LINESTRING (0 0, 1 1, 1 2)', NULL, NULL),
  ('POLYGON EMPTY', from_hex(''), from_hex('')),
  (NULL, NULL, NULL))
SELECT
  ST_AsText(ST_GeometryFromText(wkt)) AS as_text,
  to_hex(ST_AsBinary(ST_GeometryFromText(wkt))) AS as_wkb,
  to_hex(ST_AsEWKB(ST_GeomFromEWKT('SRID=4326;' || wkt))) AS as_ewkb,
  ST_AsEWKT(ST_GeomFromEWKT('SRID=4326;POINT (-71.06 42.36)')) AS as_ewkt,
  ST_AsText(ST_GeomFromBinary(wkb)) AS from_wkb,
  ST_AsText(ST_GeomFromKML('<Point><coordinates>-71.06,42.36</coordinates></Point>')) AS from_kml,
  ST_AsText(geometry_from_hadoop_shape(shape)) AS from_hadoop_shape,
  ST_AsText(ST_LineFromText('LINESTRING (0 0, 3 4)')) AS line_from_text
FROM t
