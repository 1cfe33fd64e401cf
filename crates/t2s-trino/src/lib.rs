//! `t2s-trino`: the Trino front end.
//!
//! * [`dialect::TrinoDialect`] — sqlparser's `Dialect` for Trino, with parse hooks for what the
//!   generic dialect gets wrong (lambdas, ROW/ARRAY/MAP types, reserved words as bare aliases…).
//! * [`parse`] — splits a file into statements and parses each, with exact line/column errors.
//! * [`catalog`] — table schemas from JSON or CREATE TABLE files.
//! * [`lower`] — name resolution and Trino type inference: sqlparser AST → typed IR.
//!
//! Architecture invariant: nothing here knows about Spark.

pub mod catalog;
pub mod dialect;
mod fast;
#[doc(hidden)]
pub mod lex;
pub mod lower;
pub mod parse;

/// The `.sql` files of the repository's corpus, and of the TPC queries in `../shared` when
/// they are present (a user's clone may lack them; CI has them), sorted.
#[cfg(test)]
pub(crate) fn corpus_files() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    let mut stack = vec![root.join("corpus"), root.join("../shared/corpus")];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "sql") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(
        files.len() > 200,
        "corpus not found under {}",
        root.display()
    );
    files
}
