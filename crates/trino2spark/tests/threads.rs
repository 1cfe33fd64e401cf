//! The API is thread-safe: one `Options` (one catalog) shared by `Arc` across 8 threads that
//! translate the TPC corpus at once gives exactly the verdicts of a single-threaded run.
//! Needs `../shared/corpus` beside the repository; without it the test says so and skips.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use trino2spark::{verdict, Options, Verdict};

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    dir.is_dir().then_some(dir)
}

fn queries(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "sql"))
                .map(|p| {
                    (
                        p.display().to_string(),
                        std::fs::read_to_string(&p).expect("read query"),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn check(name: &str, catalog: trino2spark::Catalog, queries: &[(String, String)]) {
    assert!(!queries.is_empty(), "no {name} queries found");
    let opts = Arc::new(Options {
        catalog: Arc::new(catalog),
        ..Options::default()
    });
    let single: Vec<Verdict> = queries.iter().map(|(_, q)| verdict(q, &opts)).collect();
    const THREADS: usize = 8;
    let per_thread: Vec<Vec<Verdict>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let opts = Arc::clone(&opts);
                s.spawn(move || {
                    // Each thread starts at a different query so that different queries
                    // really do run at the same time; results are put back in order.
                    let n = queries.len();
                    let mut out: Vec<Option<Verdict>> = vec![None; n];
                    for k in 0..n {
                        let i = (k + t * n / THREADS) % n;
                        out[i] = Some(verdict(&queries[i].1, &opts));
                    }
                    out.into_iter()
                        .map(|v| v.expect("every query translated"))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no thread panics"))
            .collect()
    });
    for (t, verdicts) in per_thread.iter().enumerate() {
        for (i, v) in verdicts.iter().enumerate() {
            assert_eq!(
                v, &single[i],
                "thread {t}, {}: differs from the single-threaded run",
                queries[i].0
            );
        }
    }
}

#[test]
fn eight_threads_sharing_one_catalog_agree_with_one_thread() {
    let Some(dir) = corpus() else {
        eprintln!("skipped: ../shared/corpus is absent (the TPC queries live there)");
        return;
    };
    check(
        "TPC-H",
        trino2spark::examples::tpch_catalog(),
        &queries(&dir.join("tpch")),
    );
    check(
        "TPC-DS",
        trino2spark::examples::tpcds_catalog(),
        &queries(&dir.join("tpcds")),
    );
}
