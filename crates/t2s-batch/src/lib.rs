//! `t2s-batch`: converts query repositories and query logs — the engine of
//! `trino2spark convert`.
//!
//! A run has three phases:
//!
//! 1. **Scan**: read every input (directories of `.sql` files, multi-statement files, JSON-lines
//!    and CSV query logs, standard input — see [`source`]) and find the statements that define
//!    relations (`CREATE VIEW`, `CREATE TABLE … AS`) with the names they read.
//! 2. **Graph**: build the dependency graph of those definitions ([`graph`]), report cycles
//!    and duplicates, and type the definitions in dependency order so that the catalog holds
//!    every view's columns and Trino types.
//! 3. **Convert**: translate every statement against that catalog, in parallel (rayon) over
//!    batches of units, write one Spark `.sql` per input file (one per logged query), and
//!    hand one [`Record`] per statement to the caller in a fixed order.
//!
//! Output is deterministic whatever the number of threads: units are read in a fixed order,
//! each batch's results are collected in order, and nothing depends on timing. Memory stays
//! bounded: the scan keeps only the defining statements, and the conversion holds one batch.

pub mod graph;
pub mod names;
pub mod source;

use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use trino2spark::{Diagnostic, Options, Severity, Status, Verdict};

pub use source::LogFields;

/// Name of the file, at the output root, that holds the Spark settings as JSON.
pub const SPARK_CONF_FILE: &str = "spark-conf.json";

/// What to convert and how.
#[derive(Clone)]
pub struct Config {
    /// Paths of directories or files; `-` is standard input.
    pub inputs: Vec<String>,
    /// Where to write the Spark files; `None` writes nothing (`--check`).
    pub out: Option<PathBuf>,
    pub fields: LogFields,
    /// Translation options (target, catalog from `--schema`, time zone). The repository's own
    /// definitions are added to a copy of the catalog.
    pub options: Options,
    /// Worker threads; `None` = rayon's default (`RAYON_NUM_THREADS`, else one per core).
    pub threads: Option<usize>,
    /// Units per parallel batch.
    pub batch_units: usize,
}

impl Config {
    pub fn new(inputs: Vec<String>, options: Options) -> Self {
        Config {
            inputs,
            out: None,
            fields: LogFields::default(),
            options,
            threads: None,
            batch_units: 512,
        }
    }
}

/// The report's record for one statement (or for an input that yielded none). The verdict's
/// fields (`status`, `spark_sql`, `spark_conf`, `diagnostics`) are those of
/// `trino2spark transpile --format json`, flattened into the record.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// The input file, as reached from the input argument (`<stdin>` for standard input).
    pub source: String,
    /// For a query log: the line of the record in the log file.
    pub log_line: Option<u64>,
    /// For a query log: the record's query id.
    pub query_id: Option<String>,
    /// 1-based index of the statement in its file (or logged query); `null` when the input
    /// could not be read or split at all.
    pub statement: Option<usize>,
    /// Where the statement (or the error) starts: in the file for a `.sql` input, in the
    /// query text for a log record.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The Spark file the statement went to (`null` with `--check` or when nothing was written).
    pub output: Option<String>,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Progress, reported on the calling thread.
#[derive(Debug, Clone)]
pub enum Event<'a> {
    /// The scan is done.
    Scanned {
        sources: usize,
        units: usize,
        definitions: usize,
        edges: usize,
        levels: usize,
    },
    /// `done` of `total` units converted.
    Progress { done: usize, total: usize },
    /// Every unit of a source is converted.
    SourceDone {
        source: &'a str,
        statements: usize,
        worst: Status,
    },
}

/// Totals of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub units: usize,
    pub statements: usize,
    pub ok: usize,
    pub flagged: usize,
    pub error: usize,
    pub definitions: usize,
    /// Error- and warning-severity diagnostic codes and how many statements carry each.
    pub codes: BTreeMap<String, CodeCount>,
    pub written: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CodeCount {
    pub severity: Option<Severity>,
    pub statements: usize,
}

impl Summary {
    fn add(&mut self, r: &Record) {
        self.statements += 1;
        match r.verdict.status {
            Status::Ok => self.ok += 1,
            Status::Flagged => self.flagged += 1,
            Status::Error => self.error += 1,
        }
        let mut seen = HashSet::new();
        for d in &r.verdict.diagnostics {
            if d.severity != Severity::Info && seen.insert(d.code.as_str()) {
                let c = self.codes.entry(d.code.clone()).or_default();
                c.severity = c.severity.max(Some(d.severity));
                c.statements += 1;
            }
        }
    }

    /// The overall status: error if anything is invalid, else flagged if anything is.
    pub fn status(&self) -> Status {
        if self.error > 0 {
            Status::Error
        } else if self.flagged > 0 {
            Status::Flagged
        } else {
            Status::Ok
        }
    }

    /// The most frequent codes, errors first, then by count.
    pub fn top_codes(&self, n: usize) -> Vec<(&str, &CodeCount)> {
        let mut v: Vec<(&str, &CodeCount)> =
            self.codes.iter().map(|(k, c)| (k.as_str(), c)).collect();
        v.sort_by(|a, b| {
            b.1.severity
                .cmp(&a.1.severity)
                .then(b.1.statements.cmp(&a.1.statements))
                .then(a.0.cmp(b.0))
        });
        v.truncate(n);
        v
    }
}

/// Why a run could not start.
#[derive(Debug)]
pub enum RunError {
    Io(String),
}

impl std::error::Error for RunError {}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Io(s) => f.write_str(s),
        }
    }
}

/// Converts everything `config` names. `records` receives one record per statement in a
/// fixed order (stream it to the report); `events` receives progress. Both run on the
/// calling thread.
pub fn run(
    config: &Config,
    stdin: impl Fn() -> std::io::Result<Vec<u8>>,
    mut records: impl FnMut(&Record) -> std::io::Result<()>,
    mut events: impl FnMut(Event<'_>),
) -> Result<Summary, RunError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.unwrap_or(0))
        // The syntax-tree visitor recurses; deep queries need more than rayon's default stack.
        .stack_size(16 << 20)
        .build()
        .map_err(|e| RunError::Io(format!("cannot start worker threads: {e}")))?;
    let sources = source::discover(&config.inputs, stdin);

    // Phase 1: scan for definitions. The sources are read in parallel (reading is most of
    // this phase), each by one worker a unit at a time; the order of the definitions is the
    // order of the sources whatever the threads.
    let scanned: Vec<(usize, Vec<graph::Definition>)> = pool.install(|| {
        sources
            .par_iter()
            .enumerate()
            .map(|(si, src)| {
                let mut units = 0usize;
                let mut defs = Vec::new();
                source::for_each_unit_of(si, src, &config.fields, |u| {
                    units += 1;
                    defs.extend(scan_unit(&u, &sources));
                });
                (units, defs)
            })
            .collect()
    });
    let total_units = scanned.iter().map(|(n, _)| n).sum();
    let defs: Vec<graph::Definition> = scanned.into_iter().flat_map(|(_, d)| d).collect();
    let resolved = pool.install(|| graph::resolve(defs, &config.options));
    events(Event::Scanned {
        sources: sources.len(),
        units: total_units,
        definitions: resolved.definitions,
        edges: resolved.edges,
        levels: resolved.levels,
    });

    // Phase 2: convert.
    let schema_given = !config.options.catalog.is_empty();
    let opts = Options {
        catalog: Arc::new(resolved.catalog),
        ..config.options.clone()
    };
    let mut summary = Summary {
        files: sources.len(),
        units: total_units,
        definitions: resolved.definitions,
        ..Default::default()
    };
    if let Some(out) = &config.out {
        write_file(&out.join(SPARK_CONF_FILE), &spark_conf_json(&opts))?;
    }
    let cx = UnitCx {
        sources: &sources,
        opts: &opts,
        graph_diags: &resolved.diagnostics,
        schema_given,
        out: config.out.as_deref(),
    };
    let mut done = 0usize;
    let mut per_source: (usize, Status) = (0, Status::Ok);
    let mut failure: Option<RunError> = None;
    // The records of one converted batch, in order, to the caller; `Some` stops the run.
    let mut handle_batch = |batch: &[source::Unit], results: Vec<UnitResult>| {
        for (u, r) in batch.iter().zip(results) {
            if let Some(e) = r.write_error {
                return Some(e);
            }
            if r.written {
                summary.written += 1;
            }
            for rec in &r.records {
                summary.add(rec);
                per_source.0 += 1;
                per_source.1 = worst(per_source.1, rec.verdict.status);
                if let Err(e) = records(rec) {
                    return Some(RunError::Io(format!("cannot write the report: {e}")));
                }
            }
            if u.last {
                events(Event::SourceDone {
                    source: &sources[u.source].name,
                    statements: per_source.0,
                    worst: per_source.1,
                });
                per_source = (0, Status::Ok);
            }
        }
        done += batch.len();
        events(Event::Progress {
            done,
            total: total_units,
        });
        None
    };
    // Three stages run at once: a thread reads the next batch, the workers convert the
    // current one, and this thread hands the previous one's records to the caller (so the
    // workers do not wait for the records, nor the records for the workers).
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::sync_channel::<(Vec<source::Unit>, Vec<UnitResult>)>(1);
    std::thread::scope(|s| {
        let (cx, pool, stop) = (&cx, &pool, &stop);
        let (sources, fields) = (&sources, &config.fields);
        s.spawn(move || {
            for_each_batch_prefetched(sources, fields, config.batch_units, |batch| {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    return;
                }
                let results: Vec<UnitResult> =
                    pool.install(|| batch.par_iter().map(|u| convert_unit(u, cx)).collect());
                if tx.send((batch, results)).is_err() {
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            });
        });
        // (`rx` is consumed: on a failure it is dropped, and the sender stops.)
        for (batch, results) in rx {
            if let Some(e) = handle_batch(&batch, results) {
                failure = Some(e);
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
                break;
            }
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// [`source::for_each_batch`] with the next batch read on its own thread while `f` works on
/// the current one: reading is serial and converting is parallel, so without this the workers
/// wait for every batch's files (a third of the wall time on 100,000 small files, 2 cores).
fn for_each_batch_prefetched(
    sources: &[source::Source],
    fields: &source::LogFields,
    batch_units: usize,
    mut f: impl FnMut(Vec<source::Unit>),
) {
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<source::Unit>>(1);
        s.spawn(move || {
            source::for_each_batch(sources, fields, batch_units, |batch| {
                // The receiver only goes away once every batch is consumed.
                let _ = tx.send(batch);
            });
        });
        for batch in rx {
            f(batch);
        }
    });
}

fn worst(a: Status, b: Status) -> Status {
    let rank = |s: Status| match s {
        Status::Ok => 0,
        Status::Flagged => 1,
        Status::Error => 2,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

fn location(src: &source::Source, unit: &source::Unit, span: Option<trino2spark::Span>) -> String {
    let mut s = src.name.clone();
    if let Some(id) = &unit.query_id {
        s.push_str(&format!(" (query {id})"));
    } else if let Some(l) = unit.log_line {
        s.push_str(&format!(" (line {l})"));
    }
    if let Some(sp) = span {
        s.push_str(&format!(":{}:{}", sp.line, sp.column));
    }
    s
}

fn scan_unit(u: &source::Unit, sources: &[source::Source]) -> Vec<graph::Definition> {
    let Ok(text) = &u.text else { return vec![] };
    if !names::may_define(text) {
        return vec![];
    }
    let mut defs = Vec::new();
    for (i, ps) in trino2spark::parse_statements(text).into_iter().enumerate() {
        let Ok(ps) = ps else { continue };
        let n = names::statement_names(&ps);
        if let Some(name) = n.defines {
            defs.push(graph::Definition {
                key: (u.source, u.index, i),
                location: location(&sources[u.source], u, name.span),
                name,
                text: text[ps.range.clone()].to_string(),
                references: n.references,
            });
        }
    }
    defs
}

struct UnitCx<'a> {
    sources: &'a [source::Source],
    opts: &'a Options,
    graph_diags: &'a HashMap<graph::StmtKey, Vec<Diagnostic>>,
    schema_given: bool,
    out: Option<&'a Path>,
}

struct UnitResult {
    records: Vec<Record>,
    written: bool,
    write_error: Option<RunError>,
}

fn convert_unit(u: &source::Unit, cx: &UnitCx<'_>) -> UnitResult {
    let src = &cx.sources[u.source];
    let out_path = cx.out.and_then(|root| u.out.as_ref().map(|p| root.join(p)));
    let record = |statement: Option<usize>,
                  verdict: Verdict,
                  span: Option<trino2spark::Span>,
                  output: bool| Record {
        source: src.name.clone(),
        log_line: u.log_line,
        query_id: u.query_id.clone(),
        statement,
        line: span.map(|s| s.line),
        column: span.map(|s| s.column),
        output: if output {
            out_path.as_ref().map(|p| p.to_string_lossy().into_owned())
        } else {
            None
        },
        verdict,
    };
    let text = match &u.text {
        Ok(t) => t,
        Err(d) => {
            let status = if d.severity == Severity::Error {
                Status::Error
            } else {
                Status::Ok
            };
            let v = verdict_of(
                status,
                String::new(),
                vec![d.clone()],
                (vec![], vec![]),
                cx.opts,
            );
            return UnitResult {
                records: vec![record(None, v, d.span, false)],
                written: false,
                write_error: None,
            };
        }
    };
    let parsed = trino2spark::parse_statements(text);
    let mut records = Vec::new();
    let mut body = String::new();
    if parsed.is_empty() {
        let d = Diagnostic::warning("empty-input", "the input holds no SQL statement", None);
        records.push(record(
            None,
            verdict_of(
                Status::Ok,
                String::new(),
                vec![d],
                (vec![], vec![]),
                cx.opts,
            ),
            None,
            true,
        ));
    }
    for (i, ps) in parsed.into_iter().enumerate() {
        let (status, spark_sql, diagnostics, span, provenance) = match ps {
            Err(e) => {
                let d = e.to_diagnostic();
                (
                    Status::Error,
                    String::new(),
                    vec![d.clone()],
                    d.span,
                    (vec![], vec![]),
                )
            }
            Ok(ps) => {
                let mut s = trino2spark::transpile_parsed(&ps, cx.opts);
                let mut extra: Vec<Diagnostic> = cx
                    .graph_diags
                    .get(&(u.source, u.index, i))
                    .cloned()
                    .unwrap_or_default();
                if cx.schema_given {
                    for r in names::statement_names(&ps).references {
                        if cx.opts.catalog.lookup(&r.parts).is_none() {
                            extra.push(Diagnostic::warning(
                                "missing-definition",
                                format!(
                                    "`{}` is defined by no CREATE VIEW / CREATE TABLE AS of the inputs and is not in the --schema catalog",
                                    r.dotted()
                                ),
                                r.span,
                            ));
                        }
                    }
                }
                if !extra.is_empty() {
                    s.diagnostics.extend(extra);
                    s.diagnostics
                        .sort_by_key(|d| (d.span.map(|s| (s.line, s.column)), d.severity));
                    if s.status == Status::Ok
                        && s.diagnostics.iter().any(|d| d.severity == Severity::Error)
                    {
                        s.status = Status::Flagged;
                    }
                }
                (
                    s.status,
                    s.spark_sql,
                    s.diagnostics,
                    Some(ps.span),
                    (s.setup, s.rules),
                )
            }
        };
        // The Spark file (not with --check): UDF registrations the statement needs come
        // first (once per file).
        if out_path.is_some() {
            for stmt in &provenance.0 {
                let line = format!("{stmt};\n");
                if !body.contains(&line) {
                    body.push_str(&line);
                }
            }
            render_statement(&mut body, status, &spark_sql, &diagnostics);
        }
        records.push(record(
            Some(i + 1),
            verdict_of(status, spark_sql, diagnostics, provenance, cx.opts),
            span,
            true,
        ));
    }
    let mut written = false;
    let mut write_error = None;
    if let Some(path) = &out_path {
        let mut content = header(src, u, cx.opts);
        content.push_str(&body);
        match write_file(path, &content) {
            Ok(()) => written = true,
            Err(e) => write_error = Some(e),
        }
    }
    if !written {
        for r in &mut records {
            r.output = None;
        }
    }
    UnitResult {
        records,
        written,
        write_error,
    }
}

/// `provenance`: the statement's setup statements and the mapping rules applied.
fn verdict_of(
    status: Status,
    spark_sql: String,
    diagnostics: Vec<Diagnostic>,
    provenance: (Vec<String>, Vec<String>),
    opts: &Options,
) -> Verdict {
    Verdict {
        status,
        spark_sql,
        spark_conf: trino2spark::spark_conf(opts),
        setup: provenance.0,
        diagnostics: diagnostics
            .into_iter()
            .map(|d| trino2spark::DiagnosticRecord {
                severity: d.severity,
                line: d.span.map(|s| s.line),
                column: d.span.map(|s| s.column),
                code: d.code,
                message: d.message,
            })
            .collect(),
        rules: provenance.1,
    }
}

/// The head of every Spark file: where it comes from and the settings it relies on, as
/// `SET` statements (the same settings are in `spark-conf.json` at the output root).
fn header(src: &source::Source, u: &source::Unit, opts: &Options) -> String {
    let mut h = format!("-- Spark SQL translated by trino2spark from {}", src.name);
    if let Some(id) = &u.query_id {
        h.push_str(&format!(", query {id}"));
    } else if let Some(l) = u.log_line {
        h.push_str(&format!(", line {l}"));
    }
    h.push_str(&format!(
        " (Spark {}, ANSI {}).\n-- The translation relies on these Spark settings (also in {SPARK_CONF_FILE} at the output root):\n",
        opts.target.version.as_str(),
        if opts.target.ansi { "on" } else { "off" }
    ));
    for (k, v) in trino2spark::spark_conf(opts) {
        h.push_str(&format!("SET {k}={v};\n"));
    }
    h.push('\n');
    h
}

/// One statement in a Spark file. Flagged statements are written commented out, after the
/// reasons, so that running the file never runs a translation that may answer differently;
/// statements in error leave only their diagnostics.
fn render_statement(
    body: &mut String,
    status: Status,
    spark_sql: &str,
    diagnostics: &[Diagnostic],
) {
    let severe: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .collect();
    match status {
        Status::Ok => {}
        Status::Flagged => {
            body.push_str("-- FLAGGED by trino2spark: this translation may not return what Trino returns; it is commented out.\n")
        }
        Status::Error => body.push_str("-- ERROR: trino2spark could not translate this statement.\n"),
    }
    for d in severe {
        body.push_str("-- ");
        if let Some(s) = d.span {
            let _ = write!(body, "{}:{}: ", s.line, s.column);
        }
        let sev = if d.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        let _ = write!(body, "{sev}[{}]: ", d.code);
        for (i, l) in d.message.split('\n').enumerate() {
            if i > 0 {
                body.push(' ');
            }
            body.push_str(l);
        }
        body.push('\n');
    }
    if spark_sql.is_empty() {
        body.push('\n');
        return;
    }
    match status {
        Status::Ok => {
            body.push_str(spark_sql.trim_end());
            body.push_str(";\n\n");
        }
        _ => {
            for l in spark_sql.trim_end().lines() {
                body.push_str("-- ");
                body.push_str(l);
                body.push('\n');
            }
            body.push_str("-- ;\n\n");
        }
    }
}

/// The Spark settings as a JSON object, pretty-printed.
pub fn spark_conf_json(opts: &Options) -> String {
    let mut s = serde_json::to_string_pretty(&trino2spark::spark_conf(opts)).unwrap_or_default();
    s.push('\n');
    s
}

fn write_file(path: &Path, content: &str) -> Result<(), RunError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| RunError::Io(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::write(path, content)
        .map_err(|e| RunError::Io(format!("cannot write {}: {e}", path.display())))
}
