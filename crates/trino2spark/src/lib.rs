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
    #[error("input is not valid UTF-8 (first bad byte at line {line}, column {column}, byte offset {offset})")]
    InvalidUtf8 { offset: usize, line: u32, column: u32 },
    #[error("input holds no SQL statement")]
    Empty,
}

impl Error {
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            Error::Syntax { message, line, column } => {
                Diagnostic::error("syntax-error", message.clone(), Some(Span { line: *line, column: *column }))
            }
            Error::InvalidUtf8 { line, column, .. } => {
                Diagnostic::error("invalid-utf8", self.to_string(), Some(Span { line: *line, column: *column }))
            }
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
    "invalid-extract-field",
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
    let text = std::str::from_utf8(bytes).map_err(|e| invalid_utf8(bytes, e.valid_up_to()))?;
    transpile(text, opts)
}

/// The error for the first bad byte at `offset`: its line and column (1-based, in characters,
/// counted over the valid text before it).
fn invalid_utf8(bytes: &[u8], offset: usize) -> Error {
    // Everything before `offset` is valid UTF-8, by `Utf8Error::valid_up_to`.
    let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    Error::InvalidUtf8 { offset, line: line as u32, column: column as u32 }
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

/// Statements whose lowering went deeper than this many levels (expressions, query blocks, set
/// operations, join chains) run the later passes on a stack of their own, and keep no IR in
/// their [`StatementOutput`]. The TPC queries stay below 20.
pub const DEEP_STATEMENT: usize = 64;

/// The stack a deep statement's passes run on: lowering caps the depth at 2,000 levels and the
/// passes need at most a few KiB per level (debug builds included). Only the pages touched are
/// ever committed.
const DEEP_STACK: usize = 128 * 1024 * 1024;

/// Stack lowering needs free on entry (for its few recursions over a whole subtree, such as the
/// aggregate check of a WHERE clause); with less, it runs on a stack of its own.
const LOWER_RED_ZONE: usize = 1024 * 1024;

fn translate_one(ps: &t2s_trino::parse::ParsedStatement, opts: &Options) -> StatementOutput {
    // Any panic below is our bug: report it as an internal error instead of unwinding into the caller.
    let run = std::panic::AssertUnwindSafe(|| {
        let lowered = stacker::maybe_grow(LOWER_RED_ZONE, DEEP_STACK, || t2s_trino::lower::lower_statement(ps, &opts.catalog));
        let deep = lowered.depth > DEEP_STATEMENT;
        // Deep input recurses deeply in the passes and in the IR's derived `Clone`/`Drop`: all
        // of that happens on a stack sized for it, and the IR is not handed back (the caller
        // would drop it on its own, maybe small, stack).
        let passes = move || {
            let mut diagnostics = lowered.diagnostics;
            let Some(ir) = lowered.statement else {
                return (None, None, String::new(), diagnostics, false);
            };
            let mut rewritten = ir.clone();
            diagnostics.extend(t2s_rewrite::rewrite_statement(&mut rewritten, &opts.target));
            let emitted = t2s_spark::emit_statement(&rewritten);
            diagnostics.extend(emitted.diagnostics);
            if deep {
                diagnostics.push(Diagnostic::info(
                    "ir-not-kept",
                    format!("statement nested more than {DEEP_STATEMENT} levels deep: its IR is not kept (`--emit ir` shows nothing for it)"),
                    Some(ps.span),
                ));
                (None, None, emitted.sql, diagnostics, true)
            } else {
                (Some(ir), Some(rewritten), emitted.sql, diagnostics, true)
            }
        };
        if deep {
            stacker::grow(DEEP_STACK, passes)
        } else {
            passes()
        }
    });
    let (ir, rewritten_ir, spark_sql, mut diagnostics, lowered) = match std::panic::catch_unwind(run) {
        Ok(r) => r,
        Err(p) => {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            (None, None, String::new(), vec![Diagnostic::error("internal", format!("internal error: {what}"), Some(ps.span))], false)
        }
    };
    diagnostics.sort_by_key(|d| (d.span.map(|s| (s.line, s.column)), d.severity));
    diagnostics.dedup();
    let status = if diagnostics.iter().any(|d| d.severity == Severity::Error && INVALID_QUERY_CODES.contains(&d.code.as_str())) {
        Status::Error
    } else if diagnostics.iter().any(|d| d.severity == Severity::Error) || !lowered {
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
