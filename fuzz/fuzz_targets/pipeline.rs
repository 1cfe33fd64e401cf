//! Fuzz the whole pipeline (parse, lower, rewrite, emit) for Spark 4 and Spark 3.5, with the
//! TPC-H + TPC-DS catalogs: any bytes in, an answer out, never a panic, never an `internal`
//! diagnostic, and a status that agrees with the diagnostics.
//! Run: `cargo +nightly fuzz run pipeline fuzz/corpus/pipeline -- -max_total_time=600`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trino2spark::{Severity, Status};

mod common;
use common::options;

fuzz_target!(|data: &[u8]| {
    for opts in options() {
        match trino2spark::transpile_bytes(data, opts) {
            Ok(t) => {
                assert!(!t.diagnostics.iter().any(|d| d.code == "internal"), "internal error: {:?}", t.diagnostics);
                let has_error = t.diagnostics.iter().any(|d| d.severity == Severity::Error);
                assert_eq!(t.status == Status::Ok, !has_error, "status {:?} vs {:?}", t.status, t.diagnostics);
            }
            Err(e) => {
                let _ = e.to_diagnostic();
            }
        }
    }
});
