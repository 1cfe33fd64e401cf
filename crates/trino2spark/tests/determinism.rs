//! Deterministic output: the same input gives byte-identical output (Spark SQL, status,
//! diagnostics, settings, IR text) across runs and across thread counts. Inputs: the project's
//! corpus (`corpus/**/*.sql`, always present) and, when `../shared/corpus` is present beside
//! the repository, its 125 TPC-H / TPC-DS queries (skipped with a note when absent). Each input
//! is translated for Spark 4 and Spark 3.5 with the TPC-H + TPC-DS catalogs.

#![allow(clippy::print_stdout)]

mod support;

use trino2spark::Options;

/// Everything a caller can observe about one translation, as text.
fn render(sql: &str, opts: &Options) -> String {
    match trino2spark::transpile(sql, opts) {
        Ok(t) => format!(
            "{:?}\n{}\n{}\n{}\n{}\n{}",
            t.status,
            t.spark_sql,
            serde_json::to_string(&t.diagnostics).expect("json"),
            serde_json::to_string(&t.spark_conf).expect("json"),
            trino2spark::ir_text(&t, false),
            trino2spark::ir_text(&t, true)
        ),
        Err(e) => format!("error: {e}"),
    }
}

/// Renders every (input, options) pair on `threads` threads (item i on thread i % threads).
fn render_all(inputs: &[(String, String)], opts: &[Options], threads: usize) -> Vec<String> {
    let jobs: Vec<(usize, usize)> = (0..inputs.len())
        .flat_map(|i| (0..opts.len()).map(move |o| (i, o)))
        .collect();
    let mut out = vec![String::new(); jobs.len()];
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let jobs = &jobs;
                s.spawn(move || {
                    (t..jobs.len())
                        .step_by(threads)
                        .map(|j| (j, render(&inputs[jobs[j].0].1, &opts[jobs[j].1])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for (j, text) in h.join().expect("no panic") {
                out[j] = text;
            }
        }
    });
    out
}

#[test]
fn same_input_same_bytes_across_runs_and_thread_counts() {
    let inputs = support::corpus_and_tpc();
    let opts = support::both_targets();
    assert!(
        inputs.len() > 50,
        "the project corpus should be found ({} inputs)",
        inputs.len()
    );
    let first = render_all(&inputs, &opts, 1);
    let second = render_all(&inputs, &opts, 1);
    let eight = render_all(&inputs, &opts, 8);
    for (j, text) in first.iter().enumerate() {
        let name = &inputs[j / opts.len()].0;
        assert_eq!(text, &second[j], "{name}: two single-threaded runs differ");
        assert_eq!(text, &eight[j], "{name}: 1 thread and 8 threads differ");
    }
    println!(
        "{} inputs × {} targets: identical across 2 runs on 1 thread and 1 run on 8 threads",
        inputs.len(),
        opts.len()
    );
}
