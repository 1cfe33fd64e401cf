//! `trino2spark._native`: the Rust side of the Python package (python/). Deliberately thin:
//! it builds [`trino2spark::Options`] from the Python arguments, translates with the GIL
//! released, and hands back the JSON contract of [`trino2spark::contract`] (the same object
//! `trino2spark transpile --format json` prints). The Python layer (python/trino2spark) turns
//! that into `Translation` objects and exceptions.
//!
//! [`transpile`] returns `(kind, payload, statements)`, where `statements` is a JSON list of
//! the Spark SQL of each statement (for running them one by one) and `payload` is:
//!
//! | kind | payload |
//! |---|---|
//! | `"ok"` | the contract JSON of a translation (status ok, flagged or error) |
//! | `"invalid"` | the contract JSON of an input that is not valid SQL (status error, one diagnostic with its position) |
//! | `"schema"` | why a schema text could not be read |
//! | `"options"` | why an option (Spark version, time zone) is not usable |
//! | `"internal"` | a bug: a panic caught at this boundary |

use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use trino2spark::{Catalog, Options, SparkVersion, Target};

/// mimalloc for the extension's own allocations (the pipeline makes many small ones;
/// ARCHITECTURE.md, Performance). Python's allocator is untouched.
#[global_allocator]
static GLOBAL: t2s_alloc::MiMalloc = t2s_alloc::MiMalloc;

type Outcome = (&'static str, String);
type TranspileOutcome = (&'static str, String, String);

/// Builds the options, or says which argument is wrong.
fn options(
    spark: &str,
    ansi: Option<bool>,
    schemas: &[String],
    time_zone: Option<String>,
    udfs: &[String],
) -> Result<Options, Outcome> {
    let version = SparkVersion::parse(spark).ok_or_else(|| {
        (
            "options",
            format!("unknown Spark version {spark:?} (use \"4\" or \"3.5\")"),
        )
    })?;
    let mut catalog = Catalog::new();
    for (i, text) in schemas.iter().enumerate() {
        let c = trino2spark::catalog_from_file_text(text)
            .map_err(|e| ("schema", format!("schema #{}: {e}", i + 1)))?;
        catalog.merge(c);
    }
    let defaults = Options::default();
    let time_zone = time_zone.unwrap_or(defaults.time_zone);
    if time_zone.trim().is_empty() {
        return Err(("options", "time_zone must not be empty".into()));
    }
    let mut opts = Options {
        target: Target {
            version,
            ansi: ansi.unwrap_or(defaults.target.ansi),
        },
        catalog: Arc::new(catalog),
        time_zone,
        ..Options::default()
    };
    for (i, text) in udfs.iter().enumerate() {
        opts = opts
            .with_udfs(&format!("udfs #{}", i + 1), text)
            .map_err(|e| ("options", format!("udfs: {e}")))?;
    }
    Ok(opts)
}

/// Runs `f`; a panic becomes `Err(message)` instead of a Python `PanicException`.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        format!("internal error: {what}")
    })
}

fn transpile_outcome(
    sql: &str,
    spark: &str,
    ansi: Option<bool>,
    schemas: &[String],
    time_zone: Option<String>,
    udfs: &[String],
) -> TranspileOutcome {
    let opts = match options(spark, ansi, schemas, time_zone, udfs) {
        Ok(opts) => opts,
        Err((kind, message)) => return (kind, message, "[]".into()),
    };
    let result = trino2spark::transpile(sql, &opts);
    let kind = if result.is_ok() { "ok" } else { "invalid" };
    let statements: Vec<&str> = result
        .iter()
        .flat_map(|t| t.statements.iter().map(|s| s.spark_sql.as_str()))
        .collect();
    let statements = serde_json::to_string(&statements).unwrap_or_else(|_| "[]".into());
    (
        kind,
        trino2spark::contract::to_json(&result, &opts).to_string(),
        statements,
    )
}

/// Translates `sql` (all its statements). `schemas` are schema texts (JSON or CREATE TABLE
/// statements), merged in order. The GIL is released while Rust works.
#[pyfunction]
#[pyo3(signature = (sql, spark = "4".to_string(), ansi = None, schemas = Vec::new(), time_zone = None, udfs = Vec::new()))]
fn transpile(
    py: Python<'_>,
    sql: String,
    spark: String,
    ansi: Option<bool>,
    schemas: Vec<String>,
    time_zone: Option<String>,
    udfs: Vec<String>,
) -> TranspileOutcome {
    // `udfs`: mapping-file texts (mappings/README.md), in front of the built-in rules.
    py.detach(move || {
        guarded(|| transpile_outcome(&sql, &spark, ansi, &schemas, time_zone, &udfs))
            .unwrap_or_else(|m| ("internal", m, "[]".into()))
    })
}

/// The Spark settings a translation for this target relies on, as a JSON object.
#[pyfunction]
#[pyo3(signature = (spark = "4".to_string(), ansi = None, time_zone = None))]
fn spark_conf(spark: String, ansi: Option<bool>, time_zone: Option<String>) -> Outcome {
    guarded(|| match options(&spark, ansi, &[], time_zone, &[]) {
        Ok(opts) => (
            "ok",
            serde_json::to_string(&trino2spark::spark_conf(&opts)).unwrap_or_default(),
        ),
        Err(e) => e,
    })
    .unwrap_or_else(|m| ("internal", m))
}

/// The canonical spelling (`"4"`, `"3.5"`) of a Spark version, or `None` if it is not a target.
#[pyfunction]
fn spark_version(spark: String) -> Option<&'static str> {
    SparkVersion::parse(&spark).map(SparkVersion::as_str)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(transpile, m)?)?;
    m.add_function(wrap_pyfunction!(spark_conf, m)?)?;
    m.add_function(wrap_pyfunction!(spark_version, m)?)?;
    Ok(())
}
