-- Geospatial aggregates (convex hull, collect, union, KDB-tree spatial partitioning) are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(g, wkt) AS (VALUES
  (1, 'POINT (0 0)'), (1, 'POINT (4 0)'), (1, 'POINT (0 4)'),
  (2, 'POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))'), (2, 'POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))'),
  (3, NULL))
SELECT g,
  ST_AsText(convex_hull_agg(ST_GeometryFromText(wkt))) AS hull,
  ST_AsText(geometry_collect_agg(ST_GeometryFromText(wkt))) AS collected,
  ST_AsText(geometry_union_agg(ST_GeometryFromText(wkt))) AS unioned,
  spatial_partitioning(ST_GeometryFromText(wkt)) AS kdb_tree,
  spatial_partitioning(ST_GeometryFromText(wkt), 4) AS kdb_tree_4
FROM t
GROUP BY g
