//! Round trip: every statement we translate with status `ok` must come out as Spark SQL that a
//! Spark-like parser accepts (sqlparser's `DatabricksDialect`, bridged for the few Spark
//! constructs it lacks; the list is in `crates/trino2spark/tests/support/spark_parse.rs`).
//! Flagged statements are not checked: they are known not to be faithful, and may hold
//! constructs printed only to show what was meant.
//! Run: `cargo +nightly fuzz run roundtrip fuzz/corpus/roundtrip -- -max_total_time=600`.
#![no_main]

#[path = "../../crates/trino2spark/tests/support/spark_parse.rs"]
mod spark_parse;

use libfuzzer_sys::fuzz_target;
use trino2spark::Status;

mod common;
use common::options;

fuzz_target!(|data: &[u8]| {
    let Ok(sql) = std::str::from_utf8(data) else { return };
    for opts in options() {
        for s in trino2spark::transpile_statements(sql, opts).into_iter().flatten() {
            if s.status != Status::Ok || s.spark_sql.is_empty() {
                continue;
            }
            if let Err(e) = spark_parse::parse_spark_statement(&s.spark_sql) {
                panic!("emitted Spark SQL does not parse: {e}\n--- input\n{sql}\n--- output\n{}", s.spark_sql);
            }
        }
    }
});
