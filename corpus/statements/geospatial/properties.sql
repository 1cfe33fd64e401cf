-- Geospatial property accessors (dimensions, type, validity, closedness, bounding box, SRID) are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(wkt) AS (VALUES
  ('POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))'),
  ('LINESTRING (0 0, 1 1, 1 0, 0 1)'),
  ('POLYGON ((0 0, 2 2, 0 2, 2 0, 0 0))'),
  ('GEOMETRYCOLLECTION EMPTY'),
  (NULL))
SELECT wkt,
  ST_CoordDim(ST_GeometryFromText(wkt)) AS coord_dim,
  ST_Dimension(ST_GeometryFromText(wkt)) AS dimension,
  ST_GeometryType(ST_GeometryFromText(wkt)) AS geometry_type,
  ST_IsClosed(ST_GeometryFromText(wkt)) AS is_closed,
  ST_IsEmpty(ST_GeometryFromText(wkt)) AS is_empty,
  ST_IsSimple(ST_GeometryFromText(wkt)) AS is_simple,
  ST_IsRing(ST_GeometryFromText(wkt)) AS is_ring,
  ST_IsValid(ST_GeometryFromText(wkt)) AS is_valid,
  geometry_invalid_reason(ST_GeometryFromText(wkt)) AS invalid_reason,
  ST_XMin(ST_GeometryFromText(wkt)) AS x_min,
  ST_XMax(ST_GeometryFromText(wkt)) AS x_max,
  ST_YMin(ST_GeometryFromText(wkt)) AS y_min,
  ST_YMax(ST_GeometryFromText(wkt)) AS y_max,
  ST_SRID(ST_SetSRID(ST_GeometryFromText(wkt), 4326)) AS srid
FROM t
