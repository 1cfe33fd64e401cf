-- Spatial partitions of a KDB tree, Bing tiles and encoded polylines are refused: non-mappable.
-- Snapshot-only: the geospatial plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/geospatial.html.
-- expect: flagged non-mappable
WITH t(lat, lon, zoom) AS (VALUES (47.6062E0, -122.3321E0, 10), (0.0E0, 0.0E0, 1), (-33.87E0, 151.21E0, 23)),
  p(tree) AS (SELECT spatial_partitioning(ST_Point(lon, lat)) FROM t)
SELECT lat, lon, zoom,
  bing_tile_quadkey(bing_tile_at(lat, lon, zoom)) AS quadkey,
  bing_tile_zoom_level(bing_tile('0231')) AS quadkey_zoom,
  bing_tile_coordinates(bing_tile(3, 5, 4)).x AS tile_x,
  ST_AsText(bing_tile_polygon(bing_tile(3, 5, 4))) AS tile_polygon,
  cardinality(bing_tiles_around(lat, lon, zoom)) AS around,
  cardinality(bing_tiles_around(lat, lon, zoom, 5.0E0)) AS around_radius,
  cardinality(geometry_to_bing_tiles(ST_Point(lon, lat), zoom)) AS covering,
  to_encoded_polyline(ST_GeometryFromText('LINESTRING (-120.2 38.5, -120.95 40.7, -126.453 43.252)')) AS polyline,
  ST_AsText(from_encoded_polyline('_p~iF~ps|U_ulLnnqC_mqNvxq`@')) AS decoded,
  spatial_partitions(CAST(p.tree AS KdbTree), ST_Point(lon, lat)) AS partitions,
  spatial_partitions(CAST(p.tree AS KdbTree), ST_Point(lon, lat), 0.5E0) AS partitions_within
FROM t CROSS JOIN p
