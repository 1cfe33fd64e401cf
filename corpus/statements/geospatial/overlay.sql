-- Geospatial overlay operations (union, intersection, difference, nearest points, buffers) are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(a, b) AS (VALUES
  ('POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))', 'POLYGON ((2 2, 6 2, 6 6, 2 6, 2 2))'),
  ('POINT (1 1)', 'LINESTRING (3 0, 3 5)'),
  ('POINT EMPTY', 'POINT (0 0)'),
  (NULL, NULL))
SELECT a, b,
  geometry_nearest_points(ST_GeometryFromText(a), ST_GeometryFromText(b)) IS NULL AS no_nearest,
  ST_AsText(geometry_union(ARRAY[ST_GeometryFromText(a), ST_GeometryFromText(b)])) AS union_all,
  ST_AsText(ST_Union(ST_GeometryFromText(a), ST_GeometryFromText(b))) AS union_two,
  ST_AsText(ST_Intersection(ST_GeometryFromText(a), ST_GeometryFromText(b))) AS intersection,
  ST_AsText(ST_Difference(ST_GeometryFromText(a), ST_GeometryFromText(b))) AS difference,
  ST_AsText(ST_SymDifference(ST_GeometryFromText(a), ST_GeometryFromText(b))) AS sym_difference,
  ST_Area(ST_Buffer(ST_GeometryFromText(a), 0.5E0)) AS buffer_area,
  ST_AsText(ST_Boundary(ST_GeometryFromText(a))) AS boundary,
  ST_AsText(ST_Envelope(ST_GeometryFromText(b))) AS envelope,
  cardinality(ST_EnvelopeAsPts(ST_GeometryFromText(b))) AS envelope_points
FROM t
