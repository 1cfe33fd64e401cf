//! Snapshot tests over the project's own corpus (`corpus/**/*.sql`): for every case, the
//! lowered IR, the rewritten IR, the Spark SQL for each target and the diagnostics. Adding a
//! case needs no Rust code: drop a `.sql` file in `corpus/<area>/` and run
//! `cargo insta test --review` (or `INSTA_UPDATE=always cargo test`).
//!
//! A case may start with `-- expect: ok` or `-- expect: flagged <code>` or `-- expect: error <code>`;
//! the test checks the status and that a diagnostic with that code is present.

use std::path::Path;
use std::sync::Arc;
use trino2spark::{Catalog, Options, SparkVersion, Status, Target};

fn catalog() -> Arc<Catalog> {
    let mut c = trino2spark::examples::tpch_catalog();
    c.merge(trino2spark::examples::tpcds_catalog());
    Arc::new(c)
}

fn render(path: &Path, sql: &str, cat: &Arc<Catalog>) -> String {
    let mut out = String::new();
    for (label, target) in [
        ("spark 4, ansi on", Target { version: SparkVersion::V4, ansi: true }),
        ("spark 3.5, ansi on", Target { version: SparkVersion::V3_5, ansi: true }),
    ] {
        let opts = Options { target, catalog: cat.clone(), time_zone: "UTC".into() };
        match trino2spark::transpile(sql, &opts) {
            Ok(t) => {
                if out.is_empty() {
                    out.push_str("=== IR (Trino semantics)\n");
                    out.push_str(&trino2spark::ir_text(&t, false));
                    out.push_str("\n=== IR (rewritten)\n");
                    out.push_str(&trino2spark::ir_text(&t, true));
                }
                out.push_str(&format!("\n=== {label}: {:?}\n{}\n", t.status, t.spark_sql));
                for d in &t.diagnostics {
                    let pos = d.span.map(|s| format!("{}:{}", s.line, s.column)).unwrap_or_default();
                    out.push_str(&format!("--- {:?} {} {pos}: {}\n", d.severity, d.code, d.message));
                }
                check_expectation(path, sql, t.status, &t.diagnostics.iter().map(|d| d.code.clone()).collect::<Vec<_>>());
            }
            Err(e) => {
                out.push_str(&format!("\n=== {label}: error\n{e}\n"));
                check_expectation(path, sql, Status::Error, &[e.to_diagnostic().code]);
            }
        }
    }
    out
}

fn check_expectation(path: &Path, sql: &str, status: Status, codes: &[String]) {
    let Some(line) = sql.lines().find_map(|l| l.trim().strip_prefix("-- expect:")) else { return };
    let mut words = line.split_whitespace();
    let want = words.next().unwrap_or("ok");
    let got = match status {
        Status::Ok => "ok",
        Status::Flagged => "flagged",
        Status::Error => "error",
    };
    assert_eq!(got, want, "{}: status", path.display());
    for code in words {
        assert!(codes.iter().any(|c| c == code), "{}: expected a `{code}` diagnostic, got {codes:?}", path.display());
    }
}

#[test]
fn corpus_cases() {
    let cat = catalog();
    insta::glob!("../../../corpus", "**/*.sql", |path| {
        let sql = std::fs::read_to_string(path).expect("read case");
        insta::assert_snapshot!(render(path, &sql, &cat));
    });
}
