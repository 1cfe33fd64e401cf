-- Geospatial relationship tests (DE-9IM predicates) are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(a, b) AS (VALUES
  ('POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))', 'POINT (1 1)'),
  ('LINESTRING (0 0, 2 2)', 'LINESTRING (0 2, 2 0)'),
  ('POINT (5 5)', 'POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))'),
  ('POLYGON EMPTY', 'POINT EMPTY'),
  (NULL, 'POINT (0 0)'))
SELECT a, b,
  ST_Contains(ST_GeometryFromText(a), ST_GeometryFromText(b)) AS contains,
  ST_Crosses(ST_GeometryFromText(a), ST_GeometryFromText(b)) AS crosses,
  ST_Disjoint(ST_GeometryFromText(a), ST_GeometryFromText(b)) AS disjoint,
  ST_Equals(ST_GeometryFromText(a), ST_GeometryFromText(b)) AS equals,
  ST_Intersects(ST_GeometryFromText(a), ST_GeometryFromText(b)) AS intersects,
  ST_Overlaps(ST_GeometryFromText(a), ST_GeometryFromText(b)) AS overlaps,
  ST_Relate(ST_GeometryFromText(a), ST_GeometryFromText(b), 'T*F**F***') AS relate,
  ST_Touches(ST_GeometryFromText(a), ST_GeometryFromText(b)) AS touches,
  ST_Within(ST_GeometryFromText(b), ST_GeometryFromText(a)) AS within
FROM t
