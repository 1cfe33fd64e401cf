-- Geospatial measures and hulls (area, length, distance, centroid, bounding shapes) on Geometry and SphericalGeography are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(wkt) AS (VALUES
  ('POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))'),
  ('LINESTRING (-71.06 42.36, -74.01 40.71)'),
  ('MULTIPOINT (0 0, 1 2, 3 1)'),
  ('POINT EMPTY'),
  (NULL))
SELECT wkt,
  ST_Area(ST_GeometryFromText(wkt)) AS area,
  ST_Area(to_spherical_geography(ST_GeometryFromText(wkt))) AS sphere_area_m2,
  ST_Length(ST_GeometryFromText(wkt)) AS length,
  ST_Length(to_spherical_geography(ST_GeometryFromText(wkt))) AS sphere_length_m,
  ST_Distance(ST_GeometryFromText(wkt), ST_Point(0, 0)) AS distance,
  ST_Distance(to_spherical_geography(ST_Point(-71.0882, 42.3607)), to_spherical_geography(ST_Point(-74.1197, 40.6976))) AS sphere_distance_m,
  ST_AsText(ST_Centroid(ST_GeometryFromText(wkt))) AS centroid,
  ST_AsText(ST_ConvexHull(ST_GeometryFromText(wkt))) AS convex_hull,
  ST_AsText(ST_MinimumBoundingCircle(ST_GeometryFromText(wkt))) AS bounding_circle,
  ST_AsText(ST_OrientedEnvelope(ST_GeometryFromText(wkt))) AS oriented_envelope,
  ST_AsText(ST_PointOnSurface(ST_GeometryFromText(wkt))) AS point_on_surface
FROM t
