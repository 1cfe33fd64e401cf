//! Bundled examples: the TPC-H schema and a few queries that show what the translation does.

use t2s_trino::catalog::Catalog;

/// The TPC-H schema as Trino's `tpch` connector exposes it.
pub const TPCH_SCHEMA_JSON: &str = include_str!("../../../examples/schemas/tpch.json");
/// The TPC-DS schema as Trino's `tpcds` connector exposes it.
pub const TPCDS_SCHEMA_JSON: &str = include_str!("../../../examples/schemas/tpcds.json");

pub const QUERIES: &[(&str, &str)] = &[
    (
        "revenue_by_priority.sql",
        include_str!("../../../examples/queries/revenue_by_priority.sql"),
    ),
    (
        "unnest_ordinality.sql",
        include_str!("../../../examples/queries/unnest_ordinality.sql"),
    ),
    (
        "not_translatable.sql",
        include_str!("../../../examples/queries/not_translatable.sql"),
    ),
];

pub fn tpch_catalog() -> Catalog {
    Catalog::from_json(TPCH_SCHEMA_JSON).expect("bundled TPC-H schema is valid")
}

pub fn tpcds_catalog() -> Catalog {
    Catalog::from_json(TPCDS_SCHEMA_JSON).expect("bundled TPC-DS schema is valid")
}
