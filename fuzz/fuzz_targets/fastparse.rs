//! Differential fuzzing of our parser (`crates/t2s-trino/src/fast.rs`) against sqlparser: for
//! any text, every statement our parser takes must give exactly sqlparser's AST, spans
//! included, and nothing sqlparser rejects. A difference would change the translation
//! depending on which parser ran. Run: `bash fuzz/run.sh 600 fastparse`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sql) = std::str::from_utf8(data) else { return };
    if let Err(m) = t2s_trino::parse::check_fast_parser(sql) {
        panic!("{m}");
    }
});
