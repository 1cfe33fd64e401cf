//! Corpus benchmark: transpiles every TPC-H and TPC-DS query of `../shared/corpus` N times,
//! single-threaded, and reports the wall time of each whole-corpus run (median, p10, p90),
//! queries per second, the input size and the peak RSS (`VmHWM`).
//!
//! ```sh
//! cargo run --release -p trino2spark --example bench_corpus -- [--iterations N] [--json PATH]
//! ```
//!
//! Other flags: `--corpus DIR` (default: `../shared/corpus` beside the repository), `--warmup N`
//! (untimed runs first, default 1), and `--serve`, used by `scripts/bench_vs_sqlglot.py` to
//! interleave runs with SQLGlot's in one measurement: the corpus is loaded once, then each line
//! `run` on stdin does one timed corpus run and answers one JSON line on stdout; `quit` or end
//! of input stops. See `docs/benchmarks.md`.
//!
//! `--generated N` measures a generated repository instead: N queries (TPC variants and
//! synthesized TPC-H queries, see `generate.rs`; `--seed S`) written to `--gen-dir DIR` (default
//! a folder in the system's temp dir), each translated once after a warm-up over the first
//! 1,000: throughput (MB/s, queries/s) and per-query median / p99 latency. `--json PATH` writes
//! the figures, `--list PATH` the files in order (for `scripts/bench_vs_sqlglot.py`).
#![allow(clippy::print_stdout)]

mod generate;

/// mimalloc rather than the system allocator: the pipeline makes many small allocations
/// (ARCHITECTURE.md, Performance). Measured as the CLI and the Python extension run it.
#[global_allocator]
static GLOBAL: t2s_alloc::MiMalloc = t2s_alloc::MiMalloc;

use serde_json::json;
use std::hint::black_box;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
use trino2spark::{Options, Status};

struct Query {
    name: String,
    sql: String,
    /// Index into the options (0 = TPC-H catalog, 1 = TPC-DS catalog).
    opts: usize,
}

struct Args {
    iterations: usize,
    warmup: usize,
    json: Option<PathBuf>,
    corpus: PathBuf,
    serve: bool,
    generated: Option<usize>,
    gen_dir: Option<PathBuf>,
    seed: u64,
    list: Option<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: bench_corpus [--iterations N] [--warmup N] [--json PATH] [--corpus DIR] [--serve]"
    );
    eprintln!("       bench_corpus --generated N [--gen-dir DIR] [--seed S] [--json PATH] [--list PATH] [--corpus DIR]");
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut args = Args {
        iterations: 20,
        warmup: 1,
        json: None,
        corpus: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
        serve: false,
        generated: None,
        gen_dir: None,
        seed: 0x7E57_5EED,
        list: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--iterations" | "-n" => args.iterations = value().parse().unwrap_or_else(|_| usage()),
            "--warmup" => args.warmup = value().parse().unwrap_or_else(|_| usage()),
            "--json" => args.json = Some(PathBuf::from(value())),
            "--corpus" => args.corpus = PathBuf::from(value()),
            "--serve" => args.serve = true,
            "--generated" => args.generated = Some(value().parse().unwrap_or_else(|_| usage())),
            "--gen-dir" => args.gen_dir = Some(PathBuf::from(value())),
            "--seed" => args.seed = value().parse().unwrap_or_else(|_| usage()),
            "--list" => args.list = Some(PathBuf::from(value())),
            "-h" | "--help" => usage(),
            _ => usage(),
        }
    }
    if args.iterations == 0 {
        usage()
    }
    args
}

/// `q*.sql` of one corpus folder, in a stable order (q1, q2, …, q14_1, q14_2, …).
fn load_folder(dir: &Path, opts: usize, out: &mut Vec<Query>) {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", dir.display());
            std::process::exit(1)
        }
    };
    files.retain(|p| p.extension().is_some_and(|e| e == "sql") && p.is_file());
    let key = |p: &PathBuf| {
        let stem = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .trim_start_matches('q')
            .to_string();
        let mut parts = stem.splitn(2, '_');
        let n: u32 = parts
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(u32::MAX);
        let sub: u32 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        (n, sub, p.clone())
    };
    files.sort_by_key(key);
    let folder = dir
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    for p in files {
        let sql = std::fs::read_to_string(&p).unwrap_or_else(|e| {
            eprintln!("error: cannot read {}: {e}", p.display());
            std::process::exit(1)
        });
        let name = format!(
            "{folder}/{}",
            p.file_name().unwrap_or_default().to_string_lossy()
        );
        out.push(Query { name, sql, opts });
    }
}

/// Peak resident set size of this process in KiB (`VmHWM` of /proc/self/status), if known.
fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Linear-interpolated quantile of sorted values (numpy's default method).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// One whole-corpus run; returns its wall time in seconds and adds each query's time to `per_query`.
fn run_once(queries: &[Query], opts: &[Options], per_query: &mut [Vec<f64>]) -> f64 {
    let start = Instant::now();
    let mut out_bytes = 0usize;
    for (i, q) in queries.iter().enumerate() {
        let t = Instant::now();
        let r = trino2spark::transpile(black_box(&q.sql), &opts[q.opts]);
        out_bytes += r.map(|t| t.spark_sql.len()).unwrap_or(0);
        per_query[i].push(t.elapsed().as_secs_f64());
    }
    black_box(out_bytes);
    start.elapsed().as_secs_f64()
}

fn main() {
    let mut args = parse_args();
    if let Ok(p) = std::fs::canonicalize(&args.corpus) {
        args.corpus = p;
    }
    let tpch = args.corpus.join("tpch");
    let tpcds = args.corpus.join("tpcds");
    if !tpch.is_dir() || !tpcds.is_dir() {
        eprintln!(
            "error: corpus not found at {} (expected tpch/ and tpcds/ in it; pass --corpus DIR)",
            args.corpus.display()
        );
        std::process::exit(1)
    }
    let opts = [
        Options {
            catalog: Arc::new(trino2spark::examples::tpch_catalog()),
            ..Options::default()
        },
        Options {
            catalog: Arc::new(trino2spark::examples::tpcds_catalog()),
            ..Options::default()
        },
    ];
    let mut queries = Vec::new();
    load_folder(&tpch, 0, &mut queries);
    load_folder(&tpcds, 1, &mut queries);
    if let Some(n) = args.generated {
        run_generated(&args, n, &queries, &opts);
        return;
    }
    let input_bytes: usize = queries.iter().map(|q| q.sql.len()).sum();
    let rss_loaded = vm_hwm_kib();

    // Outcome of every query (untimed), as a correctness count beside the speed.
    let (mut ok, mut flagged, mut error) = (0, 0, 0);
    let mut not_ok = Vec::new();
    for q in &queries {
        let status = match trino2spark::transpile(&q.sql, &opts[q.opts]) {
            Ok(t) => t.status,
            Err(_) => Status::Error,
        };
        match status {
            Status::Ok => ok += 1,
            Status::Flagged => flagged += 1,
            Status::Error => error += 1,
        }
        if status != Status::Ok {
            not_ok.push(json!({"query": q.name, "status": status}));
        }
    }
    let outcomes = json!({"ok": ok, "flagged": flagged, "error": error, "not_ok": not_ok});

    let mut per_query: Vec<Vec<f64>> = vec![Vec::new(); queries.len()];
    if args.serve {
        serve(
            &queries,
            &opts,
            input_bytes,
            &outcomes,
            rss_loaded,
            &mut per_query,
        );
        return;
    }

    for _ in 0..args.warmup {
        run_once(&queries, &opts, &mut per_query);
    }
    per_query.iter_mut().for_each(Vec::clear);
    let mut runs: Vec<f64> = (0..args.iterations)
        .map(|_| run_once(&queries, &opts, &mut per_query))
        .collect();
    let rss_peak = vm_hwm_kib();
    let runs_in_order = runs.clone();
    runs.sort_by(f64::total_cmp);
    let (median, p10, p90) = (
        quantile(&runs, 0.5),
        quantile(&runs, 0.1),
        quantile(&runs, 0.9),
    );
    let qps = queries.len() as f64 / median;

    // Per-query latency over every (query, run) sample.
    let mut samples: Vec<f64> = per_query.iter().flatten().copied().collect();
    samples.sort_by(f64::total_cmp);
    let (lat_median, lat_p99) = (quantile(&samples, 0.5), quantile(&samples, 0.99));

    // The slowest queries, by their median time over the runs.
    let mut slowest: Vec<(f64, &Query)> = per_query
        .iter_mut()
        .zip(&queries)
        .map(|(ts, q)| {
            ts.sort_by(f64::total_cmp);
            (quantile(ts, 0.5), q)
        })
        .collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.truncate(5);

    println!("trino2spark corpus benchmark ({})", args.corpus.display());
    println!(
        "  queries          {} ({} TPC-H, {} TPC-DS), {} bytes of SQL",
        queries.len(),
        count(&queries, 0),
        count(&queries, 1),
        input_bytes
    );
    println!("  outcome          {ok} ok, {flagged} flagged, {error} error");
    println!(
        "  runs             {} timed (+{} warm-up), single thread",
        args.iterations, args.warmup
    );
    println!(
        "  per corpus run   median {:.2} ms   p10 {:.2} ms   p90 {:.2} ms",
        median * 1e3,
        p10 * 1e3,
        p90 * 1e3
    );
    println!(
        "  throughput       {qps:.0} queries/s, {:.1} MB/s of SQL (at the median)",
        input_bytes as f64 / median / 1e6
    );
    println!(
        "  per query        median {:.1} µs   p99 {:.1} µs (all query × run samples)",
        lat_median * 1e6,
        lat_p99 * 1e6
    );
    println!(
        "  peak RSS         {} (after loading corpus + catalogs: {})",
        fmt_kib(rss_peak),
        fmt_kib(rss_loaded)
    );
    println!(
        "  slowest queries  {}",
        slowest
            .iter()
            .map(|(t, q)| format!("{} {:.2} ms", q.name, t * 1e3))
            .collect::<Vec<_>>()
            .join(", ")
    );

    if let Some(path) = &args.json {
        let doc = json!({
            "tool": "trino2spark",
            "corpus": args.corpus.display().to_string(),
            "queries": queries.len(),
            "input_bytes": input_bytes,
            "iterations": args.iterations,
            "warmup": args.warmup,
            "run_seconds": {"median": median, "p10": p10, "p90": p90, "min": runs[0], "max": runs[runs.len() - 1], "all": runs_in_order},
            "queries_per_second": qps,
            "mb_per_second": input_bytes as f64 / median / 1e6,
            "per_query_seconds": {"median": lat_median, "p99": lat_p99},
            "peak_rss_kib": rss_peak,
            "rss_after_load_kib": rss_loaded,
            "outcomes": outcomes,
            "slowest_queries": slowest.iter().map(|(t, q)| json!({"query": q.name, "median_seconds": t})).collect::<Vec<_>>(),
        });
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let text = serde_json::to_string_pretty(&doc).expect("JSON");
        if let Err(e) = std::fs::write(path, text + "\n") {
            eprintln!("error: cannot write {}: {e}", path.display());
            std::process::exit(1)
        }
        println!("  wrote            {}", path.display());
    }
}

/// `--serve`: one timed corpus run per `run` line on stdin, one JSON line per run on stdout.
fn serve(
    queries: &[Query],
    opts: &[Options],
    input_bytes: usize,
    outcomes: &serde_json::Value,
    rss_loaded: Option<u64>,
    per_query: &mut [Vec<f64>],
) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let hello = json!({"ready": true, "queries": queries.len(), "input_bytes": input_bytes, "outcomes": outcomes, "rss_after_load_kib": rss_loaded});
    let _ = writeln!(out, "{hello}");
    let _ = out.flush();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        match line.trim() {
            "run" => {
                let secs = run_once(queries, opts, per_query);
                let each: Vec<f64> = per_query
                    .iter()
                    .filter_map(|ts| ts.last().copied())
                    .collect();
                per_query.iter_mut().for_each(Vec::clear);
                let _ = writeln!(
                    out,
                    "{}",
                    json!({"seconds": secs, "per_query_seconds": each, "peak_rss_kib": vm_hwm_kib()})
                );
                let _ = out.flush();
            }
            "quit" => break,
            "" => {}
            other => {
                let _ = writeln!(
                    out,
                    "{}",
                    json!({"error": format!("unknown command {other:?}")})
                );
                let _ = out.flush();
            }
        }
    }
}

fn count(queries: &[Query], opts: usize) -> usize {
    queries.iter().filter(|q| q.opts == opts).count()
}

fn fmt_kib(k: Option<u64>) -> String {
    match k {
        Some(k) => format!("{:.1} MiB", k as f64 / 1024.0),
        None => "unknown".into(),
    }
}

/// Table and column names of both bundled schemas: aliases with these names are not renamed.
fn schema_names() -> std::collections::HashSet<String> {
    let mut names = std::collections::HashSet::new();
    for text in [
        trino2spark::examples::TPCH_SCHEMA_JSON,
        trino2spark::examples::TPCDS_SCHEMA_JSON,
    ] {
        let v: serde_json::Value = serde_json::from_str(text).expect("bundled schema");
        for t in v["tables"].as_array().into_iter().flatten() {
            names.extend(t["name"].as_str().map(str::to_ascii_lowercase));
            for c in t["columns"].as_array().into_iter().flatten() {
                names.extend(c["name"].as_str().map(str::to_ascii_lowercase));
            }
        }
    }
    names
}

/// `--generated N`: writes the repository, reads it back, translates each file once.
fn run_generated(args: &Args, n: usize, tpc: &[Query], opts: &[Options]) {
    let dir = args.gen_dir.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("t2s-bench-generated-{n}-{}", args.seed))
    });
    let templates: Vec<(String, usize)> = tpc.iter().map(|q| (q.sql.clone(), q.opts)).collect();
    let generated = generate::generate(n, args.seed, &templates, &schema_names());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| {
        eprintln!("error: cannot create {}: {e}", dir.display());
        std::process::exit(1)
    });
    let mut files = Vec::with_capacity(n);
    for (i, g) in generated.iter().enumerate() {
        let path = dir.join(format!(
            "q{i:06}_{}.sql",
            if g.catalog == 0 { "h" } else { "ds" }
        ));
        if let Err(e) = std::fs::write(&path, &g.sql) {
            eprintln!("error: cannot write {}: {e}", path.display());
            std::process::exit(1)
        }
        files.push((path, g.catalog));
    }
    drop(generated);
    if let Some(list) = &args.list {
        let text: String = files
            .iter()
            .map(|(p, _)| format!("{}\n", p.display()))
            .collect();
        let _ = std::fs::write(list, text);
    }
    // Read back, as a tool over a repository would (reading is not timed).
    let inputs: Vec<(String, usize)> = files
        .iter()
        .map(|(p, c)| (std::fs::read_to_string(p).expect("read back"), *c))
        .collect();
    let input_bytes: usize = inputs.iter().map(|q| q.0.len()).sum();
    for (sql, c) in inputs.iter().take(1000) {
        black_box(
            trino2spark::transpile(sql, &opts[*c])
                .map(|t| t.spark_sql.len())
                .ok(),
        );
    }
    let (mut ok, mut flagged, mut error) = (0usize, 0usize, 0usize);
    let mut lat = Vec::with_capacity(inputs.len());
    let mut not_ok: Vec<String> = Vec::new();
    let start = Instant::now();
    for (i, (sql, c)) in inputs.iter().enumerate() {
        let t = Instant::now();
        let (status, first_error) = match trino2spark::transpile(black_box(sql), &opts[*c]) {
            Ok(t) => (
                t.status,
                t.diagnostics
                    .iter()
                    .find(|d| d.severity == trino2spark::Severity::Error)
                    .map(|d| d.message.clone()),
            ),
            Err(e) => (Status::Error, Some(e.to_string())),
        };
        lat.push(t.elapsed().as_secs_f64());
        match status {
            Status::Ok => ok += 1,
            Status::Flagged => flagged += 1,
            Status::Error => error += 1,
        }
        if status != Status::Ok && not_ok.len() < 5 {
            not_ok.push(format!(
                "{}: {}",
                files[i].0.display(),
                first_error.unwrap_or_default()
            ));
        }
    }
    let total = start.elapsed().as_secs_f64();
    let mut slowest: Vec<(f64, usize)> = lat.iter().copied().zip(0..).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.truncate(5);
    lat.sort_by(f64::total_cmp);
    let (median, p99) = (quantile(&lat, 0.5), quantile(&lat, 0.99));
    let rss_peak = vm_hwm_kib();
    println!(
        "trino2spark generated-repository benchmark ({})",
        dir.display()
    );
    println!(
        "  queries          {n} (seed {}), {input_bytes} bytes of SQL",
        args.seed
    );
    println!("  outcome          {ok} ok, {flagged} flagged, {error} error");
    println!(
        "  one pass         {total:.2} s, single thread (after a warm-up over the first 1,000)"
    );
    println!(
        "  throughput       {:.0} queries/s, {:.2} MB/s of SQL",
        n as f64 / total,
        input_bytes as f64 / total / 1e6
    );
    println!(
        "  per query        median {:.1} µs   p99 {:.1} µs   max {:.1} µs",
        median * 1e6,
        p99 * 1e6,
        lat.last().copied().unwrap_or(0.0) * 1e6
    );
    println!("  peak RSS         {}", fmt_kib(rss_peak));
    println!(
        "  slowest          {}",
        slowest
            .iter()
            .map(|(t, i)| format!(
                "{} {:.2} ms",
                files[*i]
                    .0
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy(),
                t * 1e3
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for line in &not_ok {
        println!("  not ok           {line}");
    }
    if let Some(path) = &args.json {
        let doc = json!({
            "tool": "trino2spark",
            "generated": {"dir": dir.display().to_string(), "queries": n, "seed": args.seed, "input_bytes": input_bytes},
            "seconds": total,
            "queries_per_second": n as f64 / total,
            "mb_per_second": input_bytes as f64 / total / 1e6,
            "per_query_seconds": {"median": median, "p99": p99, "max": lat.last()},
            "outcomes": {"ok": ok, "flagged": flagged, "error": error},
            "peak_rss_kib": rss_peak,
        });
        if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(d);
        }
        let _ = std::fs::write(
            path,
            serde_json::to_string_pretty(&doc).expect("JSON") + "\n",
        );
        println!("  wrote            {}", path.display());
    }
}
