//! Criterion benchmarks of the whole pipeline (`trino2spark::transpile`) and of parsing alone.
//!
//! ```sh
//! cargo bench -p trino2spark --bench transpile
//! cargo bench -p trino2spark --bench transpile -- tpcds_q64     # one benchmark
//! ```
//!
//! The TPC queries come from `../shared/corpus` (beside the repository); when it is absent those
//! benchmarks are skipped with a note. Defaults are short (1 s warm-up, 3 s measurement) because
//! the machines are small and shared: compare medians, and compare against SQLGlot in the same
//! run with `scripts/bench.sh` (see `docs/benchmarks.md`).
#![allow(clippy::print_stdout)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use trino2spark::{Catalog, Options};

/// A small query over the TPC-H schema (the README's tour query).
const SMALL: &str = "SELECT o_orderpriority, count(*) / 7 AS per_day, CAST(avg(o_totalprice) AS bigint) AS avg_price \
                     FROM orders GROUP BY 1 ORDER BY 1";

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn corpus_query(rel: &str) -> Option<String> {
    let path = corpus_dir().join(rel);
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(_) => {
            println!(
                "note: {} not found: its benchmark is skipped",
                path.display()
            );
            None
        }
    }
}

fn options(catalog: Catalog) -> Options {
    Options {
        catalog: Arc::new(catalog),
        ..Options::default()
    }
}

fn bench_transpile_one(c: &mut Criterion, name: &str, sql: &str, opts: &Options) {
    // Check once that the query translates, so the benchmark measures the real path.
    if let Err(e) = trino2spark::transpile(sql, opts) {
        println!("note: {name} does not translate ({e}); benchmarking the error path");
    }
    let mut group = c.benchmark_group("transpile");
    group.throughput(Throughput::Bytes(sql.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| trino2spark::transpile(black_box(sql), black_box(opts)))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let tpch = options(trino2spark::examples::tpch_catalog());
    let tpcds = options(trino2spark::examples::tpcds_catalog());

    bench_transpile_one(c, "small", SMALL, &tpch);
    if let Some(q1) = corpus_query("tpch/q1.sql") {
        bench_transpile_one(c, "tpch_q1", &q1, &tpch);
    }
    let q64 = corpus_query("tpcds/q64.sql");
    if let Some(q64) = &q64 {
        bench_transpile_one(c, "tpcds_q64", q64, &tpcds);
    }

    // Parsing alone (tokenize + sqlparser + our thin layer), on the biggest query we have.
    let (name, sql) = match &q64 {
        Some(q) => ("tpcds_q64", q.as_str()),
        None => ("small", SMALL),
    };
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(sql.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| t2s_trino::parse::parse_sql(black_box(sql)))
    });
    group.finish();

    // Loading the catalog is part of every CLI call (not of a library call that reuses Options).
    c.bench_function("catalog/tpcds_from_json", |b| {
        b.iter(trino2spark::examples::tpcds_catalog)
    });
}

/// Short defaults; command-line flags (`--measurement-time`, `--warm-up-time`, …) still win,
/// since `criterion_group!` applies them on top of this.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
}

criterion_group! {
    name = transpile;
    config = config();
    targets = benches
}
criterion_main!(transpile);
