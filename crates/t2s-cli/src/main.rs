//! The `trino2spark` command line. The only crate that prints or touches the terminal.

mod convert;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::Arc;
use trino2spark::{Catalog, Diagnostic, Options, SparkVersion, Status, Target, UnknownFunctions};

mod functions;

mod verify;

/// mimalloc rather than the system allocator: the pipeline makes many small allocations
/// (ARCHITECTURE.md, Performance). The library leaves the choice to the program that links it.
#[global_allocator]
static GLOBAL: t2s_alloc::MiMalloc = t2s_alloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "trino2spark",
    version,
    about = "Translate Trino SQL into result-equal Spark SQL, or say exactly why not"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Translate one SQL file (or standard input) and print Spark SQL.
    Transpile {
        /// A .sql file; `-` or nothing reads standard input.
        file: Option<String>,
        #[command(flatten)]
        target: TargetArgs,
        /// `text` prints the Spark SQL (diagnostics on stderr); `json` prints exactly one JSON object.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// What to print in text format.
        #[arg(long, value_enum, default_value_t = Emit::Spark)]
        emit: Emit,
    },
    /// Print the coverage of Trino's function library: one entry per function with its status.
    Functions {
        /// `json`: an array of {name, kind, status, spark, reason, rules}; `md`: a Markdown table.
        #[arg(long, value_enum, default_value_t = FnFormat::Json)]
        format: FnFormat,
        /// Trino's function list (TSV with name, kind, topic, doc_page): also list the functions
        /// that have no rule (`unmapped`), in its order and with its topics.
        #[arg(long)]
        against: Option<String>,
        /// User mapping files to include (as with `transpile --udfs`).
        #[arg(long = "udfs")]
        udfs: Vec<String>,
    },
    /// Convert a query repository (directories of .sql files, query logs, stdin) into a tree
    /// of Spark SQL files, in dependency order, with a summary and an optional JSON report.
    Convert(convert::ConvertArgs),
    /// Translate the bundled example queries (TPC-H with its schema) and print the results.
    Demo {
        #[command(flatten)]
        target: TargetArgs,
    },
    /// Run each query on a real Trino and its translation on a real Spark, and classify it.
    Verify(verify::VerifyArgs),
}

#[derive(clap::Args)]
struct TargetArgs {
    /// Spark version the output is for.
    #[arg(long, default_value = "4", value_parser = parse_version)]
    spark: SparkVersion,
    /// Whether the output will run with spark.sql.ansi.enabled.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    ansi: bool,
    /// Table schemas: a JSON schema file or a file of CREATE TABLE statements (repeatable).
    #[arg(long = "schema")]
    schemas: Vec<String>,
    /// Trino session time zone (becomes spark.sql.session.timeZone).
    #[arg(long, default_value = "UTC")]
    time_zone: String,
    /// A mapping file for your own functions (UDFs) or overrides, in the language of
    /// mappings/ (repeatable; see mappings/udfs/example.map).
    #[arg(long = "udfs")]
    udfs: Vec<String>,
    /// A function no rule knows: `flag` it (an error, the default) or `warn` and pass it through.
    #[arg(long, value_enum, default_value_t = UnknownArg::Flag)]
    unknown_functions: UnknownArg,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum UnknownArg {
    Flag,
    Warn,
}

fn with_udfs(mut opts: Options, paths: &[String]) -> Result<Options, String> {
    for path in paths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read UDF mapping file {path}: {e}"))?;
        opts = opts.with_udfs(path, &text).map_err(|e| e.to_string())?;
    }
    Ok(opts)
}

fn parse_version(s: &str) -> Result<SparkVersion, String> {
    SparkVersion::parse(s).ok_or_else(|| format!("unknown Spark version `{s}` (use 4 or 3.5)"))
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum FnFormat {
    Json,
    Md,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Emit {
    /// Spark SQL.
    Spark,
    /// The typed IR as lowered from Trino.
    Ir,
    /// The IR after the rewrite passes.
    IrRewritten,
}

fn options(t: &TargetArgs) -> Result<Options, String> {
    let mut catalog = Catalog::new();
    for path in &t.schemas {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read schema {path}: {e}"))?;
        let c = trino2spark::catalog_from_file_text(&text)
            .map_err(|e| format!("schema {path}: {e}"))?;
        catalog.merge(c);
    }
    let opts = Options {
        target: Target {
            version: t.spark,
            ansi: t.ansi,
        },
        catalog: Arc::new(catalog),
        time_zone: t.time_zone.clone(),
        unknown_functions: match t.unknown_functions {
            UnknownArg::Flag => UnknownFunctions::Flag,
            UnknownArg::Warn => UnknownFunctions::Warn,
        },
        ..Options::default()
    };
    with_udfs(opts, &t.udfs)
}

fn render_diag(d: &Diagnostic, source_name: &str) -> String {
    let pos = d
        .span
        .map(|s| format!("{source_name}:{}:{}: ", s.line, s.column))
        .unwrap_or_else(|| format!("{source_name}: "));
    let sev = match d.severity {
        trino2spark::Severity::Error => "error",
        trino2spark::Severity::Warning => "warning",
        trino2spark::Severity::Info => "info",
    };
    format!("{pos}{sev}[{}]: {}", d.code, d.message)
}

fn exit_code(s: Status) -> ExitCode {
    match s {
        Status::Ok => ExitCode::from(0),
        Status::Error => ExitCode::from(1),
        Status::Flagged => ExitCode::from(2),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match cli.command {
        Command::Convert(args) => convert::run(args),
        Command::Transpile {
            file,
            target,
            format,
            emit,
        } => {
            let opts = match options(&target) {
                Ok(o) => Options {
                    keep_ir: matches!(emit, Emit::Ir),
                    ..o
                },
                Err(e) => {
                    eprintln!("trino2spark: {e}");
                    return ExitCode::from(1);
                }
            };
            let (name, bytes) = match file.as_deref() {
                None | Some("-") => {
                    let mut b = Vec::new();
                    if let Err(e) = std::io::stdin().read_to_end(&mut b) {
                        eprintln!("trino2spark: cannot read standard input: {e}");
                        return ExitCode::from(1);
                    }
                    ("<stdin>".to_string(), b)
                }
                Some(path) => match std::fs::read(path) {
                    Ok(b) => (path.to_string(), b),
                    Err(e) => {
                        eprintln!("trino2spark: cannot read {path}: {e}");
                        return ExitCode::from(1);
                    }
                },
            };
            let result = trino2spark::transpile_bytes(&bytes, &opts);
            match format {
                Format::Json => {
                    let v = trino2spark::contract::to_json(&result, &opts);
                    let _ = writeln!(stdout, "{v}");
                }
                Format::Text => match &result {
                    Ok(t) => {
                        let body = match emit {
                            Emit::Spark if !t.setup.is_empty() => {
                                format!("{};\n\n{}", t.setup.join(";\n"), t.spark_sql)
                            }
                            Emit::Spark => t.spark_sql.clone(),
                            Emit::Ir => trino2spark::ir_text(t, false),
                            Emit::IrRewritten => trino2spark::ir_text(t, true),
                        };
                        let _ = writeln!(stdout, "{}", body.trim_end());
                        for d in &t.diagnostics {
                            eprintln!("{}", render_diag(d, &name));
                        }
                    }
                    Err(e) => eprintln!("{}", render_diag(&e.to_diagnostic(), &name)),
                },
            }
            exit_code(match &result {
                Ok(t) => t.status,
                Err(_) => Status::Error,
            })
        }
        Command::Functions {
            format,
            against,
            udfs,
        } => match functions::run(format == FnFormat::Md, against.as_deref(), &udfs) {
            Ok(text) => {
                let _ = write!(stdout, "{text}");
                ExitCode::from(0)
            }
            Err(e) => {
                eprintln!("trino2spark: {e}");
                ExitCode::from(1)
            }
        },
        Command::Verify(args) => verify::run(&args),
        Command::Demo { target } => {
            let mut opts = match options(&target) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("trino2spark: {e}");
                    return ExitCode::from(1);
                }
            };
            if opts.catalog.is_empty() {
                opts.catalog = Arc::new(trino2spark::examples::tpch_catalog());
            }
            let mut worst = Status::Ok;
            for (name, sql) in trino2spark::examples::QUERIES {
                let _ = writeln!(stdout, "-- ===== {name} (Trino) =====\n{}\n", sql.trim());
                match trino2spark::transpile(sql, &opts) {
                    Ok(t) => {
                        let _ = writeln!(
                            stdout,
                            "-- ----- Spark {} (status: {:?}) -----\n{};\n",
                            opts.target.version.as_str(),
                            t.status,
                            t.spark_sql
                        );
                        for d in &t.diagnostics {
                            let _ = writeln!(stdout, "-- {}", render_diag(d, name));
                        }
                        if t.status != Status::Ok {
                            worst = Status::Flagged;
                        }
                    }
                    Err(e) => {
                        let _ = writeln!(stdout, "-- {}", render_diag(&e.to_diagnostic(), name));
                        worst = Status::Error;
                    }
                }
            }
            let _ = writeln!(stdout, "-- Spark settings the output relies on:");
            for (k, v) in trino2spark::spark_conf(&opts) {
                let _ = writeln!(stdout, "--   {k} = {v}");
            }
            exit_code(if worst == Status::Error {
                Status::Error
            } else {
                Status::Ok
            })
        }
    }
}
