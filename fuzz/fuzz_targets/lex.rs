//! Differential fuzzing of our tokenizer (`t2s_trino::lex`) against sqlparser's: for any text,
//! ours either gives up (sqlparser then tokenizes) or returns exactly sqlparser's tokens and
//! spans, less plain whitespace. A difference would change what the parser sees depending on
//! which tokenizer ran. Run: `bash fuzz/run.sh 600 lex`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sql) = std::str::from_utf8(data) else { return };
    let mut fast = Vec::new();
    if !t2s_trino::lex::tokenize(sql, &mut fast) {
        return;
    }
    let slow = t2s_trino::lex::reference_tokens(sql)
        .unwrap_or_else(|| panic!("our tokenizer accepted what sqlparser rejects: {sql:?}"));
    assert_eq!(fast.len(), slow.len(), "token count for {sql:?}");
    for (f, s) in fast.iter().zip(&slow) {
        assert_eq!(f.token, s.token, "token in {sql:?}");
        assert_eq!(f.span, s.span, "span of {:?} in {sql:?}", f.token);
    }
});
