//! Criterion benchmarks per pipeline stage, so a regression shows where it is:
//! `parse` (tokenize + split + sqlparser + our thin layer), `lower` (name resolution and typing),
//! `rewrite` (all passes, on a fresh copy of the lowered IR: the copy is not timed), `emit`
//! (printing Spark SQL), each over the whole TPC corpus of `../shared/corpus` (125 queries; skipped
//! with a note when absent) and over TPC-DS q64 alone.
//!
//! ```sh
//! cargo bench -p trino2spark --bench stages
//! cargo bench -p trino2spark --bench stages -- corpus/     # the corpus group only
//! ```
#![allow(clippy::print_stdout)]

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;
use t2s_trino::catalog::Catalog;
use t2s_trino::parse::ParsedStatement;

struct Case {
    sql: String,
    catalog: usize,
}

fn corpus() -> Vec<(String, Case)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut out = Vec::new();
    for (sub, catalog) in [("tpch", 0), ("tpcds", 1)] {
        let Ok(rd) = std::fs::read_dir(dir.join(sub)) else {
            println!(
                "note: {} not found: the stage benchmarks are skipped",
                dir.display()
            );
            return vec![];
        };
        let mut files: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        for f in files {
            let name = format!(
                "{sub}/{}",
                f.file_name().unwrap_or_default().to_string_lossy()
            );
            out.push((
                name,
                Case {
                    sql: std::fs::read_to_string(&f).expect("read"),
                    catalog,
                },
            ));
        }
    }
    out
}

fn parse_one(sql: &str) -> Vec<ParsedStatement> {
    t2s_trino::parse::parse_sql(sql)
        .into_iter()
        .filter_map(Result::ok)
        .collect()
}

/// Benchmarks the four stages over `cases` as one group.
fn stages(c: &mut Criterion, group: &str, cases: &[&Case], catalogs: &[Catalog; 2]) {
    let target = t2s_rewrite::Target::default();
    let bytes: usize = cases.iter().map(|k| k.sql.len()).sum();
    let parsed: Vec<(Vec<ParsedStatement>, usize)> = cases
        .iter()
        .map(|k| (parse_one(&k.sql), k.catalog))
        .collect();
    let lowered: Vec<t2s_ir::Statement> = parsed
        .iter()
        .flat_map(|(ps, cat)| {
            ps.iter()
                .filter_map(|p| t2s_trino::lower::lower_statement(p, &catalogs[*cat]).statement)
        })
        .collect();
    let rewritten: Vec<t2s_ir::Statement> = lowered
        .iter()
        .map(|s| {
            let mut s = s.clone();
            t2s_rewrite::rewrite_statement(&mut s, &target);
            s
        })
        .collect();

    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            cases
                .iter()
                .map(|k| parse_one(black_box(&k.sql)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("lower", |b| {
        b.iter(|| {
            parsed
                .iter()
                .flat_map(|(ps, cat)| ps.iter().map(move |p| (p, *cat)))
                .map(|(p, cat)| {
                    t2s_trino::lower::lower_statement(black_box(p), &catalogs[cat])
                        .diagnostics
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("rewrite", |b| {
        b.iter_batched(
            || lowered.clone(),
            |mut stmts| {
                stmts
                    .iter_mut()
                    .map(|s| t2s_rewrite::rewrite_statement(black_box(s), &target).len())
                    .sum::<usize>()
            },
            BatchSize::SmallInput,
        )
    });
    g.bench_function("emit", |b| {
        b.iter(|| {
            rewritten
                .iter()
                .map(|s| t2s_spark::emit_statement(black_box(s)).sql.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let corpus = corpus();
    if corpus.is_empty() {
        return;
    }
    let catalogs = [
        trino2spark::examples::tpch_catalog(),
        trino2spark::examples::tpcds_catalog(),
    ];
    let all: Vec<&Case> = corpus.iter().map(|(_, k)| k).collect();
    stages(c, "corpus", &all, &catalogs);
    if let Some((_, q64)) = corpus.iter().find(|(n, _)| n == "tpcds/q64.sql") {
        stages(c, "tpcds_q64", &[q64], &catalogs);
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3))
        .sample_size(30)
}

criterion_group! {
    name = stages_group;
    config = config();
    targets = benches
}
criterion_main!(stages_group);
