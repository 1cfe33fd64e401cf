//! Fuzz the parser alone (tokenizer, statement splitting, the thin Trino layer, sqlparser):
//! any text in, per-statement results out, never a panic; every error has a position.
//! Run: `cargo +nightly fuzz run parse fuzz/corpus/parse -- -max_total_time=600` (from the
//! repository root, after `bash fuzz/seed.sh`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sql) = std::str::from_utf8(data) else { return };
    for r in t2s_trino::parse::parse_sql(sql) {
        if let Err(e) = r {
            assert!(e.line >= 1 && e.column >= 1, "error without a position: {e:?}");
        }
    }
});
