-- Geospatial shape operations (rings, merging, normalising, polygonizing, precision, Voronoi, 2D/3D) are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(wkt) AS (VALUES
  ('POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))'),
  ('MULTILINESTRING ((0 0, 1 1), (1 1, 2 2))'),
  ('POINT (1 2)'),
  (NULL))
SELECT wkt,
  ST_AsText(ST_ExteriorRing(ST_GeometryFromText(wkt))) AS exterior_ring,
  ST_AsText(ST_LineMerge(ST_GeometryFromText(wkt))) AS line_merge,
  ST_AsText(ST_Normalize(ST_GeometryFromText(wkt))) AS normalized,
  ST_AsText(ST_Polygonize(ARRAY[ST_GeometryFromText('LINESTRING (0 0, 1 0, 1 1, 0 0)'), ST_GeometryFromText(wkt)])) AS polygonized,
  ST_AsText(ST_ReducePrecision(ST_GeometryFromText(wkt), 0.5E0)) AS reduced,
  ST_AsText(ST_VoronoiPolygons(ST_GeometryFromText(wkt))) AS voronoi,
  ST_AsText(ST_VoronoiPolygons(ST_GeometryFromText(wkt), 0.1E0)) AS voronoi_tolerance,
  ST_AsText(ST_Force2D(ST_Point(1, 2, DOUBLE '3'))) AS forced_2d,
  ST_AsText(ST_Force3D(ST_GeometryFromText(wkt))) AS forced_3d,
  ST_AsText(ST_Force3D(ST_GeometryFromText(wkt), -1.5E0)) AS forced_3d_z
FROM t
