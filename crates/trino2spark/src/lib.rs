//! `trino2spark`: translate Trino SQL into Spark SQL that returns the same results, or say
//! exactly why it cannot.
//!
//! ```
//! use trino2spark::{transpile, Options, Status};
//! let out = transpile("SELECT 7 / 2 AS q", &Options::default()).unwrap();
//! assert_eq!(out.status, Status::Ok);
//! assert!(out.spark_sql.contains("7 div 2"));
//! ```
//!
//! This crate is the API boundary: the CLI, the Python binding and the query gateway call
//! [`transpile`] (one input) or [`transpile_statements`] (per statement, for batches). It is
//! pure and thread-safe: [`Options`] is `Send + Sync` and shares its catalog by `Arc`.

pub mod contract;
pub mod examples;

use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

pub use t2s_ir::{Diagnostic, Severity, Span, Statement as IrStatement};
pub use t2s_rewrite::{SparkVersion, Target};
pub use t2s_trino::catalog::{catalog_from_ddl, catalog_from_file_text, Catalog, CatalogError};

/// How to translate.
#[derive(Debug, Clone)]
pub struct Options {
    pub target: Target,
    /// Table schemas for name resolution and typing. Unknown tables still translate, with a
    /// diagnostic stating the assumption.
    pub catalog: Arc<Catalog>,
    /// Trino's session time zone; reported as `spark.sql.session.timeZone`.
    pub time_zone: String,
}

impl Default for Options {
    fn default() -> Self {
        Options { target: Target::default(), catalog: Arc::new(Catalog::new()), time_zone: "UTC".into() }
    }
}

/// Outcome of a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Result-equal Spark SQL.
    Ok,
    /// Valid Trino that cannot be translated faithfully: the diagnostics say why.
    Flagged,
    /// The input is not valid SQL (or not a valid Trino query).
    Error,
}

/// One translated statement.
#[derive(Debug, Clone, Serialize)]
pub struct StatementOutput {
    pub status: Status,
    pub spark_sql: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the statement starts in the input.
    pub span: Span,
    /// The lowered (Trino-semantics) IR and the rewritten (Spark-semantics) IR.
    #[serde(skip)]
    pub ir: Option<IrStatement>,
    #[serde(skip)]
    pub rewritten_ir: Option<IrStatement>,
}

/// The translation of a whole input (one or more statements).
#[derive(Debug, Clone, Serialize)]
pub struct Transpiled {
    pub status: Status,
    /// Spark SQL of every statement, separated by `;` and a blank line.
    pub spark_sql: String,
    /// The Spark settings the text relies on.
    pub spark_conf: BTreeMap<String, String>,
    pub diagnostics: Vec<Diagnostic>,
    #[serde(skip)]
    pub statements: Vec<StatementOutput>,
}

/// Why an input could not be translated at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("syntax error at line {line}, column {column}: {message}")]
    Syntax { message: String, line: u32, column: u32 },
    #[error("input is not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 { offset: usize },
    #[error("input holds no SQL statement")]
    Empty,
}

impl Error {
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            Error::Syntax { message, line, column } => {
                Diagnostic::error("syntax-error", message.clone(), Some(Span { line: *line, column: *column }))
            }
            Error::InvalidUtf8 { .. } => Diagnostic::error("invalid-utf8", self.to_string(), None),
            Error::Empty => Diagnostic::error("empty-input", self.to_string(), None),
        }
    }
}

/// Codes of lowering diagnostics that mean the input is not a valid Trino query (→ `Error`),
/// rather than valid Trino we cannot translate (→ `Flagged`).
const INVALID_QUERY_CODES: &[&str] = &[
    "unresolved-column",
    "ambiguous-column",
    "unresolved-field",
    "column-count-mismatch",
    "type-mismatch",
    "invalid-literal",
    "ordinal-out-of-range",
    "aggregate-in-where",
    "window-without-over",
    "unknown-window",
    "unresolved-relation",
];

/// The Spark settings every translation relies on (catalog §0).
pub fn spark_conf(opts: &Options) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    m.insert("spark.sql.ansi.enabled".into(), opts.target.ansi.to_string());
    m.insert("spark.sql.session.timeZone".into(), opts.time_zone.clone());
    m.insert("spark.sql.timestampType".into(), "TIMESTAMP_NTZ".into());
    m.insert("spark.sql.legacy.timeParserPolicy".into(), "CORRECTED".into());
    m.insert("spark.sql.caseSensitive".into(), "false".into());
    m
}

/// Translates every statement of `sql`. Fails only if a statement is not valid SQL (the
/// first such error is returned) or there is no statement.
pub fn transpile(sql: &str, opts: &Options) -> Result<Transpiled, Error> {
    let results = transpile_statements(sql, opts);
    if results.is_empty() {
        return Err(Error::Empty);
    }
    let mut statements = Vec::new();
    for r in results {
        statements.push(r?);
    }
    Ok(combine(statements, opts))
}

/// Like [`transpile`] for raw bytes: invalid UTF-8 is an error, not a panic.
pub fn transpile_bytes(bytes: &[u8], opts: &Options) -> Result<Transpiled, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() })?;
    transpile(text, opts)
}

/// Joins per-statement outputs into one [`Transpiled`].
pub fn combine(statements: Vec<StatementOutput>, opts: &Options) -> Transpiled {
    let status = statements.iter().map(|s| s.status).max_by_key(|s| match s {
        Status::Ok => 0,
        Status::Flagged => 1,
        Status::Error => 2,
    });
    let spark_sql = statements.iter().map(|s| s.spark_sql.as_str()).collect::<Vec<_>>().join(";\n\n");
    let diagnostics = statements.iter().flat_map(|s| s.diagnostics.iter().cloned()).collect();
    Transpiled { status: status.unwrap_or(Status::Ok), spark_sql, spark_conf: spark_conf(opts), diagnostics, statements }
}

/// Translates each statement on its own: one bad statement does not lose the others.
pub fn transpile_statements(sql: &str, opts: &Options) -> Vec<Result<StatementOutput, Error>> {
    t2s_trino::parse::parse_sql(sql)
        .into_iter()
        .map(|parsed| match parsed {
            Err(e) => Err(Error::Syntax { message: e.message, line: e.line, column: e.column }),
            Ok(ps) => Ok(translate_one(&ps, opts)),
        })
        .collect()
}

fn translate_one(ps: &t2s_trino::parse::ParsedStatement, opts: &Options) -> StatementOutput {
    // Any panic below is our bug: report it as an internal error instead of unwinding into the caller.
    let run = std::panic::AssertUnwindSafe(|| {
        let lowered = t2s_trino::lower::lower_statement(ps, &opts.catalog);
        let mut diagnostics = lowered.diagnostics;
        let Some(ir) = lowered.statement else {
            return (None, None, String::new(), diagnostics);
        };
        let mut rewritten = ir.clone();
        diagnostics.extend(t2s_rewrite::rewrite_statement(&mut rewritten, &opts.target));
        let emitted = t2s_spark::emit_statement(&rewritten);
        diagnostics.extend(emitted.diagnostics);
        (Some(ir), Some(rewritten), emitted.sql, diagnostics)
    });
    let (ir, rewritten_ir, spark_sql, mut diagnostics) = match std::panic::catch_unwind(run) {
        Ok(r) => r,
        Err(p) => {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            (None, None, String::new(), vec![Diagnostic::error("internal", format!("internal error: {what}"), Some(ps.span))])
        }
    };
    diagnostics.sort_by_key(|d| (d.span.map(|s| (s.line, s.column)), d.severity));
    diagnostics.dedup();
    let status = if diagnostics.iter().any(|d| d.severity == Severity::Error && INVALID_QUERY_CODES.contains(&d.code.as_str())) {
        Status::Error
    } else if diagnostics.iter().any(|d| d.severity == Severity::Error) || ir.is_none() {
        Status::Flagged
    } else {
        Status::Ok
    };
    StatementOutput { status, spark_sql, diagnostics, span: ps.span, ir, rewritten_ir }
}

/// The lowered IR of every statement, in its stable text form (`--emit ir`).
pub fn ir_text(out: &Transpiled, rewritten: bool) -> String {
    out.statements
        .iter()
        .filter_map(|s| if rewritten { s.rewritten_ir.as_ref() } else { s.ir.as_ref() })
        .map(t2s_ir::display::statement_to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn options_and_results_are_thread_safe() {
        assert_send_sync::<Options>();
        assert_send_sync::<Transpiled>();
    }
}
