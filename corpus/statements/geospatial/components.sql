-- Geospatial component accessors (points, rings, sub-geometries, coordinates) are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(wkt, n) AS (VALUES
  ('LINESTRING (0 0, 1 1, 2 4)', 2),
  ('MULTIPOINT (0 0, 1 2)', 1),
  ('POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))', 1),
  ('POINT EMPTY', 0),
  (NULL, NULL))
SELECT wkt,
  ST_NumPoints(ST_GeometryFromText(wkt)) AS num_points,
  ST_AsText(ST_PointN(ST_GeometryFromText(wkt), n)) AS nth_point,
  cardinality(ST_Points(ST_GeometryFromText(wkt))) AS point_count,
  ST_X(ST_StartPoint(ST_GeometryFromText(wkt))) AS start_x,
  ST_Y(ST_EndPoint(ST_GeometryFromText(wkt))) AS end_y,
  ST_Z(ST_Point(1, 2, DOUBLE '3')) AS z,
  ST_NumGeometries(ST_GeometryFromText(wkt)) AS num_geometries,
  ST_AsText(ST_GeometryN(ST_GeometryFromText(wkt), n)) AS nth_geometry,
  cardinality(ST_Geometries(ST_GeometryFromText(wkt))) AS geometry_count,
  ST_NumInteriorRing(ST_GeometryFromText(wkt)) AS num_interior_rings,
  ST_AsText(ST_InteriorRingN(ST_GeometryFromText(wkt), n)) AS nth_interior_ring,
  cardinality(ST_InteriorRings(ST_GeometryFromText(wkt))) AS interior_ring_count
FROM t
