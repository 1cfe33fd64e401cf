//! What the pipeline and roundtrip targets share.

use std::sync::{Arc, OnceLock};
use trino2spark::{Options, SparkVersion, Target};

/// Spark 4 and Spark 3.5 (ANSI on) with the TPC-H + TPC-DS catalogs, built once.
pub fn options() -> &'static [Options; 2] {
    static OPTS: OnceLock<[Options; 2]> = OnceLock::new();
    OPTS.get_or_init(|| {
        let mut cat = trino2spark::examples::tpch_catalog();
        cat.merge(trino2spark::examples::tpcds_catalog());
        let cat = Arc::new(cat);
        [SparkVersion::V4, SparkVersion::V3_5]
            .map(|version| Options { target: Target { version, ansi: true }, catalog: cat.clone(), time_zone: "UTC".into(), ..Options::default() })
    })
}
