//! Snapshot tests over the project's own corpus (`corpus/**/*.sql`): for every case, the
//! lowered IR, the rewritten IR, the Spark SQL for each target and the diagnostics. Adding a
//! case needs no Rust code: drop a `.sql` file in `corpus/<area>/` and run
//! `cargo insta test --review` (or `INSTA_UPDATE=always cargo test`).
//!
//! A case may start with `-- expect: ok` or `-- expect: flagged <code>` or `-- expect: error <code>`
//! (and `-- expect@3.5: …` to override it for one Spark version); the test checks the status and
//! that a diagnostic with that code is present.

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;
use trino2spark::{Catalog, Options, SparkVersion, Status, Target};

/// The cases use inline tables, and the TPC-H schema where they read a table (as the Spark
/// runner does: `--schema examples/schemas/tpch.json`).
fn catalog() -> Arc<Catalog> {
    Arc::new(trino2spark::examples::tpch_catalog())
}

thread_local! {
    static MISMATCHES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn render(path: &Path, sql: &str, cat: &Arc<Catalog>) -> String {
    let mut out = String::new();
    for (label, version, target) in [
        (
            "spark 4, ansi on",
            "4",
            Target {
                version: SparkVersion::V4,
                ansi: true,
            },
        ),
        (
            "spark 3.5, ansi on",
            "3.5",
            Target {
                version: SparkVersion::V3_5,
                ansi: true,
            },
        ),
    ] {
        let opts = Options {
            target,
            catalog: cat.clone(),
            time_zone: "UTC".into(),
            keep_ir: true,
            ..Options::default()
        };
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
                    let pos = d
                        .span
                        .map(|s| format!("{}:{}", s.line, s.column))
                        .unwrap_or_default();
                    out.push_str(&format!(
                        "--- {:?} {} {pos}: {}\n",
                        d.severity, d.code, d.message
                    ));
                }
                check_expectation(
                    path,
                    sql,
                    version,
                    t.status,
                    &t.diagnostics
                        .iter()
                        .map(|d| d.code.clone())
                        .collect::<Vec<_>>(),
                );
            }
            Err(e) => {
                out.push_str(&format!("\n=== {label}: error\n{e}\n"));
                check_expectation(path, sql, version, Status::Error, &[e.to_diagnostic().code]);
            }
        }
    }
    out
}

fn check_expectation(path: &Path, sql: &str, version: &str, status: Status, codes: &[String]) {
    // `-- expect@3.5: …` overrides `-- expect: …` for that Spark version.
    let versioned = format!("-- expect@{version}:");
    let line = sql
        .lines()
        .find_map(|l| l.trim().strip_prefix(versioned.as_str()))
        .or_else(|| {
            sql.lines()
                .find_map(|l| l.trim().strip_prefix("-- expect:"))
        });
    let Some(line) = line else { return };
    let mut words = line.split_whitespace();
    let want = words.next().unwrap_or("ok");
    let got = match status {
        Status::Ok => "ok",
        Status::Flagged => "flagged",
        Status::Error => "error",
    };
    let name = path.display().to_string();
    let mut problems = Vec::new();
    if got != want {
        problems.push(format!(
            "{name} [spark {version}]: status {got}, expected {want} ({codes:?})"
        ));
    }
    for code in words {
        if !codes.iter().any(|c| c == code) {
            problems.push(format!(
                "{name} [spark {version}]: expected a `{code}` diagnostic, got {codes:?}"
            ));
        }
    }
    MISMATCHES.with(|m| m.borrow_mut().extend(problems));
}

#[test]
fn corpus_cases() {
    let cat = catalog();
    insta::glob!("../../../corpus", "**/*.sql", |path| {
        let sql = std::fs::read_to_string(path).expect("read case");
        insta::assert_snapshot!(render(path, &sql, &cat));
    });
    let problems = MISMATCHES.with(|m| m.borrow().clone());
    assert!(
        problems.is_empty(),
        "cases whose `-- expect:` does not hold:\n{}",
        problems.join("\n")
    );
}
