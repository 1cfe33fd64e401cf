//! `trino2spark verify`: runs the equivalence harness (the Python package `trino2spark.verify`:
//! the checkout's `python/` when run from a checkout, else the installed package) with an
//! interpreter that has pyspark, and passes its exit code through
//! (0 every case equal / approximate / flagged as expected, 2 differences, 1 errors).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Run each query on a real Trino and its translation on a real Spark over the same data, and
/// classify it (equal, different, spark_error, trino_error, flagged, approximate).
///
/// Needs Python with pyspark (`--python`, `$TRINO2SPARK_PYTHON`, or the checkout's
/// `.venv-spark4/bin/python`); Trino is reached over HTTP.
#[derive(clap::Args)]
pub struct VerifyArgs {
    /// Case files (.sql) or folders of cases; with --sql, query text.
    #[arg(required = true)]
    cases: Vec<String>,
    /// The arguments are SQL text, not files.
    #[arg(long)]
    sql: bool,
    /// The Trino server (default: the local one if it answers, else the recorded results).
    #[arg(long, value_name = "URL", conflicts_with = "no_trino")]
    trino: Option<String>,
    /// Use the recorded results only (`<case>.trino.json`).
    #[arg(long)]
    no_trino: bool,
    /// Write Trino's results beside each case (`<case>.trino.json`).
    #[arg(long)]
    record: bool,
    /// Re-run the cases on the live Trino and compare with their recorded results (no Spark).
    #[arg(long)]
    check_recorded: bool,
    /// Write a report: a single HTML file, or JSON when the name ends in .json.
    #[arg(long, value_name = "PATH")]
    report: Option<String>,
    /// `text` prints the differences and a summary line; `json` prints one JSON report.
    #[arg(long, value_name = "text|json")]
    format: Option<String>,
    /// Tables as a JSON catalog or a file of CREATE TABLE statements (repeatable).
    #[arg(long = "schema", value_name = "S")]
    schemas: Vec<String>,
    /// Fill the --schema tables with synthesised rows on both engines.
    #[arg(long)]
    synthesize: bool,
    /// Seed of the synthesised rows.
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Random rows per synthesised table.
    #[arg(long, value_name = "N")]
    rows: Option<u64>,
    /// The Spark line; must match the interpreter's pyspark.
    #[arg(long, value_name = "4|3.5")]
    spark: Option<String>,
    /// Run this Spark SQL file instead of the translation (one case).
    #[arg(long, value_name = "FILE")]
    spark_sql: Option<String>,
    /// The Python interpreter (default: $TRINO2SPARK_PYTHON, the checkout's .venv-spark4, python3).
    #[arg(long, value_name = "PY")]
    python: Option<String>,
}

impl VerifyArgs {
    fn harness_args(&self) -> Vec<OsString> {
        let mut a: Vec<OsString> = Vec::new();
        let flag = |a: &mut Vec<OsString>, on: bool, name: &str| {
            if on {
                a.push(name.into());
            }
        };
        let opt = |a: &mut Vec<OsString>, v: &Option<String>, name: &str| {
            if let Some(v) = v {
                a.push(name.into());
                a.push(v.into());
            }
        };
        flag(&mut a, self.sql, "--sql");
        opt(&mut a, &self.trino, "--trino");
        flag(&mut a, self.no_trino, "--no-trino");
        flag(&mut a, self.record, "--record");
        flag(&mut a, self.check_recorded, "--check-recorded");
        opt(&mut a, &self.report, "--report");
        opt(&mut a, &self.format, "--format");
        for s in &self.schemas {
            a.push("--schema".into());
            a.push(s.into());
        }
        flag(&mut a, self.synthesize, "--synthesize");
        opt(&mut a, &self.seed.map(|n| n.to_string()), "--seed");
        opt(&mut a, &self.rows.map(|n| n.to_string()), "--rows");
        opt(&mut a, &self.spark, "--spark");
        opt(&mut a, &self.spark_sql, "--spark-sql");
        a.push("--".into());
        a.extend(self.cases.iter().map(OsString::from));
        a
    }
}

/// The repository checkout this binary runs from (or the current directory is in): the folder
/// holding `python/trino2spark/verify`.
fn checkout() -> Option<PathBuf> {
    let is_root = |p: &Path| {
        p.join("python")
            .join("trino2spark")
            .join("verify")
            .join("__init__.py")
            .is_file()
    };
    let from_exe = std::env::current_exe()
        .ok()
        .and_then(|e| e.ancestors().find(|p| is_root(p)).map(Path::to_path_buf));
    from_exe.or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|d| d.ancestors().find(|p| is_root(p)).map(Path::to_path_buf))
    })
}

fn interpreter(args: &VerifyArgs, root: Option<&Path>) -> OsString {
    if let Some(p) = &args.python {
        return p.into();
    }
    if let Some(p) = std::env::var_os("TRINO2SPARK_PYTHON").filter(|p| !p.is_empty()) {
        return p;
    }
    if let Some(venv) = root
        .map(|r| r.join(".venv-spark4").join("bin").join("python"))
        .filter(|p| p.exists())
    {
        return venv.into_os_string();
    }
    "python3".into()
}

/// From a checkout: the checkout's `python/trino2spark/verify` comes first, also where a wheel
/// of trino2spark is installed (its path gets the checkout's subpackage) or where the checkout's
/// package does not import (no native module built: the harness then translates with this binary).
const BOOTSTRAP: &str = r#"import os, sys, types
d = os.environ["T2S_PYTHON_DIR"]
sys.path.insert(0, d)
try:
    import trino2spark
except ImportError:
    sys.modules.pop("trino2spark", None)
    trino2spark = types.ModuleType("trino2spark")
    trino2spark.__path__ = []
    sys.modules["trino2spark"] = trino2spark
p = os.path.join(d, "trino2spark")
if p not in list(trino2spark.__path__):
    trino2spark.__path__.insert(0, p)
from trino2spark.verify.cli import main
sys.exit(main(sys.argv[1:]))
"#;

pub fn run(args: &VerifyArgs) -> ExitCode {
    let root = checkout();
    let python = interpreter(args, root.as_deref());
    let mut cmd = Command::new(&python);
    match &root {
        Some(root) => {
            cmd.arg("-c")
                .arg(BOOTSTRAP)
                .env("T2S_PYTHON_DIR", root.join("python"));
        }
        None => {
            cmd.arg("-m").arg("trino2spark.verify");
        }
    }
    cmd.args(args.harness_args());
    // The harness translates with this very binary unless told otherwise.
    if std::env::var_os("TRINO2SPARK_BIN").is_none() {
        if let Ok(exe) = std::env::current_exe() {
            cmd.env("TRINO2SPARK_BIN", exe);
        }
    }
    match cmd.status() {
        Ok(status) => match status.code() {
            Some(c) => ExitCode::from(u8::try_from(c).unwrap_or(1)),
            None => ExitCode::from(1),
        },
        Err(e) => {
            eprintln!(
                "trino2spark verify: cannot run {} ({e}): it needs Python with pyspark (--python, TRINO2SPARK_PYTHON, or .venv-spark4)",
                python.to_string_lossy()
            );
            ExitCode::from(1)
        }
    }
}
