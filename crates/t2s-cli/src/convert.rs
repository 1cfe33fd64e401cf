//! `trino2spark convert`: a whole query repository (or query log) at once. The work is done
//! by the `t2s-batch` crate; this file parses the options, draws progress and prints the summary.

use crate::{exit_code, options, TargetArgs};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use t2s_batch::{Config, Event, LogFields, Record, Summary};
use trino2spark::Status;

/// The bundled example repository, converted when no input is given.
const EXAMPLE_REPO: &str = "examples/repo";
const EXAMPLE_SCHEMA: &str = "examples/schemas/tpch.json";

#[derive(clap::Args)]
pub struct ConvertArgs {
    /// Directories (walked recursively for .sql, .jsonl/.ndjson/.json and .csv files), files,
    /// or `-` for standard input. None: the bundled example repository (examples/repo, with
    /// the TPC-H schema), when run from the project root.
    inputs: Vec<String>,
    /// Output directory: a tree mirroring the inputs, plus spark-conf.json.
    /// [default: converted, or target/converted for the bundled example]
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Write nothing; only report (for CI). The exit code and --report still apply.
    #[arg(long)]
    check: bool,
    /// Write the machine-readable report (JSON, one record per statement) to this path.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Field (JSON lines; dotted paths reach into objects) or column (CSV) of a query log
    /// that holds the query text. [default: the first of query, sql, statement, query_text]
    #[arg(long)]
    query_field: Option<String>,
    /// Field or column holding the query id that names each logged query's output file.
    /// [default: the first of query_id, queryId, id]
    #[arg(long)]
    id_field: Option<String>,
    /// Worker threads [default: RAYON_NUM_THREADS, else one per core].
    #[arg(long)]
    jobs: Option<usize>,
    // Same target options as `transpile` (--spark, --ansi, --schema, --time-zone and whatever
    // is added to TargetArgs later, e.g. --udfs): `options()` turns them into the translation
    // Options for both commands.
    #[command(flatten)]
    target: TargetArgs,
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("trino2spark convert: {msg}");
    ExitCode::from(1)
}

pub fn run(mut args: ConvertArgs) -> ExitCode {
    let mut default_out = PathBuf::from("converted");
    if args.inputs.is_empty() {
        if !Path::new(EXAMPLE_REPO).is_dir() {
            return fail(format!(
                "no input given (and no bundled example at ./{EXAMPLE_REPO}); see --help"
            ));
        }
        eprintln!(
            "trino2spark convert: no input given: converting the bundled example {EXAMPLE_REPO}"
        );
        args.inputs.push(EXAMPLE_REPO.into());
        if args.target.schemas.is_empty() {
            args.target.schemas.push(EXAMPLE_SCHEMA.into());
        }
        default_out = PathBuf::from("target/converted");
    }
    let opts = match options(&args.target) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    let out = if args.check {
        None
    } else {
        Some(args.out.clone().unwrap_or(default_out))
    };
    let mut config = Config::new(args.inputs.clone(), opts.clone());
    config.out = out.clone();
    config.fields = LogFields {
        query: args.query_field.clone(),
        id: args.id_field.clone(),
    };
    config.threads = args.jobs;

    let mut report = match &args.report {
        Some(p) => match ReportWriter::create(p, &config) {
            Ok(r) => Some(r),
            Err(e) => return fail(format!("cannot write the report {}: {e}", p.display())),
        },
        None => None,
    };

    let tty = std::io::stderr().is_terminal();
    let bar = if tty {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} queries {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let stdin = || {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map(|_| b)
    };
    let on_record = |r: &Record| match report.as_mut() {
        Some(w) => w.record(r),
        None => Ok(()),
    };
    let on_event = |e: Event<'_>| match e {
        Event::Scanned {
            sources,
            units,
            definitions,
            edges,
            levels,
        } => {
            bar.set_length(units as u64);
            let msg =
                format!("{sources} files, {units} queries; {definitions} views/tables defined ({edges} dependencies, {levels} levels)");
            if tty {
                bar.println(msg);
            } else {
                eprintln!("{msg}");
            }
        }
        Event::Progress { done, .. } => bar.set_position(done as u64),
        Event::SourceDone {
            source,
            statements,
            worst,
        } => {
            if tty {
                bar.set_message(source.to_string());
            } else {
                eprintln!(
                    "{source}: {statements} statement(s), {}",
                    status_word(worst)
                );
            }
        }
    };
    let result = t2s_batch::run(&config, stdin, on_record, on_event);
    bar.finish_and_clear();
    let summary = match result {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    if let (Some(w), Some(p)) = (report.take(), &args.report) {
        if let Err(e) = w.finish(&summary) {
            return fail(format!("cannot write the report {}: {e}", p.display()));
        }
    }
    print_summary(&summary, out.as_deref(), args.report.as_deref());
    exit_code(summary.status())
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Ok => "ok",
        Status::Flagged => "flagged",
        Status::Error => "error",
    }
}

fn print_summary(s: &Summary, out: Option<&Path>, report: Option<&Path>) {
    let mut o = std::io::stdout().lock();
    let _ = writeln!(o, "files         {:>8}", s.files);
    let _ = writeln!(
        o,
        "queries       {:>8}   (a file, or a record of a query log)",
        s.units
    );
    let _ = writeln!(o, "statements    {:>8}", s.statements);
    let _ = writeln!(o, "  ok          {:>8}", s.ok);
    let _ = writeln!(o, "  flagged     {:>8}", s.flagged);
    let _ = writeln!(o, "  error       {:>8}", s.error);
    let _ = writeln!(
        o,
        "definitions   {:>8}   (views and CTAS tables, typed in dependency order)",
        s.definitions
    );
    match out {
        Some(dir) => {
            let _ = writeln!(
                o,
                "written       {:>8}   Spark files + {} in {}",
                s.written,
                t2s_batch::SPARK_CONF_FILE,
                dir.display()
            );
        }
        None => {
            let _ = writeln!(o, "written       {:>8}   (--check)", 0);
        }
    }
    if let Some(r) = report {
        let _ = writeln!(o, "report                   {}", r.display());
    }
    let top = s.top_codes(10);
    if !top.is_empty() {
        let _ = writeln!(o, "\ntop diagnostic codes                 statements");
        for (code, c) in top {
            let sev = match c.severity {
                Some(trino2spark::Severity::Error) => "error",
                Some(trino2spark::Severity::Warning) => "warning",
                _ => "info",
            };
            let _ = writeln!(o, "  {sev:<8} {code:<28} {:>8}", c.statements);
        }
    }
    let _ = writeln!(o, "\nresult: {}", status_word(s.status()));
}

/// Streams the report: `{"version": 1, "inputs": [...], "options": {...}, "records": [ … ],
/// "summary": {...}}`, one record per line, so memory does not grow with the repository.
struct ReportWriter {
    w: std::io::BufWriter<std::fs::File>,
    first: bool,
}

impl ReportWriter {
    fn create(path: &Path, config: &Config) -> std::io::Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
        let opts = &config.options;
        let head = serde_json::json!({
            "version": 1,
            "inputs": config.inputs,
            "options": {
                "spark": opts.target.version.as_str(),
                "ansi": opts.target.ansi,
                "time_zone": opts.time_zone,
            },
            "spark_conf": trino2spark::spark_conf(opts),
        });
        let head = serde_json::to_string(&head).map_err(std::io::Error::other)?;
        // Open the object without its closing brace, then the records array.
        write!(w, "{},\n\"records\": [", &head[..head.len() - 1])?;
        Ok(ReportWriter { w, first: true })
    }

    fn record(&mut self, r: &Record) -> std::io::Result<()> {
        let line = serde_json::to_string(r).map_err(std::io::Error::other)?;
        write!(self.w, "{}\n{line}", if self.first { "" } else { "," })?;
        self.first = false;
        Ok(())
    }

    fn finish(mut self, s: &Summary) -> std::io::Result<()> {
        let mut summary = serde_json::to_value(s).map_err(std::io::Error::other)?;
        summary["status"] = serde_json::to_value(s.status()).map_err(std::io::Error::other)?;
        writeln!(self.w, "\n],\n\"summary\": {summary}}}")?;
        self.w.flush()
    }
}
