-- current_user, current_catalog and current_schema translate to Spark's session functions (values depend on the deployment, so only their presence is compared).
-- expect: ok
SELECT current_user IS NOT NULL AS has_user, length(current_user) > 0 AS user_nonempty,
       coalesce(current_catalog, 'none') <> '' AS has_catalog, coalesce(current_schema, 'none') <> '' AS has_schema
