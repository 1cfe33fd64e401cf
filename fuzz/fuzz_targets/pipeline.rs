//! Fuzz the whole pipeline: any bytes in, an answer out, never a panic.
//! Run: `cargo +nightly fuzz run pipeline -- -max_total_time=60` (from the repository root).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = trino2spark::Options::default();
    if let Ok(t) = trino2spark::transpile_bytes(data, &opts) {
        assert!(!t.diagnostics.iter().any(|d| d.code == "internal"), "internal error: {:?}", t.diagnostics);
    }
});
