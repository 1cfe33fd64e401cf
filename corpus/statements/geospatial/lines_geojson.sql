-- Geospatial line referencing, simplification, reprojection, great-circle distance and GeoJSON are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(wkt, f) AS (VALUES
  ('LINESTRING (0 0, 10 0)', 0.25E0),
  ('LINESTRING (0 0, 1 1, 2 0, 3 1)', 0.0E0),
  ('LINESTRING EMPTY', 1.0E0),
  (NULL, NULL))
SELECT wkt,
  ST_AsText(line_interpolate_point(ST_GeometryFromText(wkt), f)) AS interpolated,
  cardinality(line_interpolate_points(ST_GeometryFromText(wkt), f, true)) AS interpolated_count,
  line_locate_point(ST_GeometryFromText(wkt), ST_Point(5, 1)) AS located,
  ST_AsText(simplify_geometry(ST_GeometryFromText(wkt), 0.5E0)) AS simplified,
  ST_AsText(ST_Transform(ST_SetSRID(ST_GeometryFromText(wkt), 4326), 3857)) AS transformed,
  ST_AsText(ST_TransformXY(ST_SetSRID(ST_GeometryFromText(wkt), 4326), 3857)) AS transformed_xy,
  great_circle_distance(36.12E0, -86.67E0, 33.94E0, -118.40E0) AS great_circle_km,
  to_geojson_geometry(ST_GeometryFromText(wkt)) AS geojson,
  to_geojson_geometry(from_geojson_geometry('{"type":"Point","coordinates":[1.0,2.0]}')) AS geojson_round_trip
FROM t
