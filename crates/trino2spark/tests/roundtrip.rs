//! Round trip: the Spark SQL we emit must parse with a Spark-like parser (sqlparser's
//! `DatabricksDialect`, bridged for the few Spark constructs it lacks: see
//! `tests/support/spark_parse.rs`). Checked for every statement of the project corpus and, when
//! `../shared/corpus` is present, of the TPC queries (skipped with a note when absent), for
//! Spark 4 and 3.5, whatever the statement's status. The `roundtrip` fuzz target checks the
//! same property on generated input.

#![allow(clippy::print_stdout)]

mod support;

#[test]
fn emitted_spark_sql_parses() {
    let inputs = support::corpus_and_tpc();
    let mut checked = 0;
    let mut failures = Vec::new();
    for opts in support::both_targets() {
        for (name, sql) in &inputs {
            for s in trino2spark::transpile_statements(sql, &opts)
                .into_iter()
                .flatten()
            {
                if s.spark_sql.is_empty() {
                    continue;
                }
                checked += 1;
                if let Err(e) = support::spark_parse::parse_spark_statement(&s.spark_sql) {
                    failures.push(format!(
                        "{name} (Spark {}): {e}\n{}",
                        opts.target.version.as_str(),
                        s.spark_sql
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} emitted statements do not parse:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    println!("{checked} emitted statements parse");
}
