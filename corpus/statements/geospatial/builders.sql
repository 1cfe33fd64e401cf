-- Geospatial builders (points, lines, polygons, multi-geometries, geography conversion) are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(x, y, z) AS (VALUES (1.5E0, 2.0E0, 3.0E0), (-71.06E0, 42.36E0, 0.0E0), (0.0E0, 0.0E0, -1.0E0), (NULL, NULL, NULL))
SELECT
  ST_AsText(ST_Point(x, y)) AS point_2d,
  ST_AsText(ST_Point(x, y, z)) AS point_3d,
  ST_AsText(ST_Point(x, y, 4326)) AS point_srid,
  ST_AsText(ST_LineString(ARRAY[ST_Point(0, 0), ST_Point(x, y)])) AS line,
  ST_AsText(ST_MakeLine(ARRAY[ST_Point(0, 0), ST_GeometryFromText('LINESTRING (1 1, 2 2)')])) AS made_line,
  ST_AsText(ST_MakePolygon(ST_LineFromText('LINESTRING (0 0, 4 0, 4 4, 0 0)'))) AS made_polygon,
  ST_AsText(ST_MultiPoint(ARRAY[ST_Point(x, y), ST_Point(1, 1)])) AS multipoint,
  ST_AsText(ST_Collect(ARRAY[ST_Point(x, y), ST_GeometryFromText('LINESTRING (0 0, 1 1)')])) AS collected,
  ST_AsText(ST_Multi(ST_Point(x, y))) AS multi,
  ST_AsText(ST_Polygon('POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))')) AS polygon,
  ST_AsText(to_geometry(to_spherical_geography(ST_Point(x, y)))) AS round_trip
FROM t
