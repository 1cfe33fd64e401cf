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
mod relation;
mod verdict;

pub use relation::DefinedRelation;
pub use verdict::{verdict, DiagnosticRecord, Verdict};

use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

pub use t2s_ir::Type;
pub use t2s_ir::{Diagnostic, Severity, Span, Statement as IrStatement};
pub use t2s_mappings::{Coverage, Kind as RuleKind, Status as RuleStatus};
pub use t2s_rewrite::{LoadError, Registry, SparkVersion, Target, UnknownFunctions};
pub use t2s_trino::catalog::{
    catalog_from_ddl, catalog_from_file_text, parse_type, Catalog, CatalogError,
};
pub use t2s_trino::parse::ParsedStatement;

/// How to translate. Build it once and share it (it is `Send + Sync`; the catalog is behind
/// an `Arc`, so clones are cheap and translation never mutates it).
///
/// ```
/// use std::sync::Arc;
/// use trino2spark::{catalog_from_file_text, transpile, Options, SparkVersion, Target};
/// let catalog = catalog_from_file_text("CREATE TABLE t (id bigint, price decimal(12,2))").unwrap();
/// let opts = Options {
///     target: Target { version: SparkVersion::parse("3.5").unwrap(), ansi: false },
///     catalog: Arc::new(catalog),
///     time_zone: "Europe/Berlin".into(),
///     ..Options::default() // the built-in mapping rules; unknown functions flagged
/// };
/// let out = transpile("SELECT id / 2 AS half FROM t", &opts).unwrap();
/// assert!(out.spark_sql.contains("id div 2"));
/// assert_eq!(out.spark_conf["spark.sql.session.timeZone"], "Europe/Berlin");
/// assert_eq!(out.spark_conf["spark.sql.ansi.enabled"], "false");
/// ```
#[derive(Debug, Clone)]
pub struct Options {
    pub target: Target,
    /// Table schemas for name resolution and typing. Unknown tables still translate, with a
    /// diagnostic stating the assumption.
    pub catalog: Arc<Catalog>,
    /// Trino's session time zone; reported as `spark.sql.session.timeZone`.
    pub time_zone: String,
    /// The mapping rules with the user's files (UDFs, overrides) in front of the built-in ones;
    /// `None`: the built-in rules only. Build it with [`Options::with_udfs`].
    pub mappings: Option<Arc<Registry>>,
    /// What to do with a function no rule knows: flag it (default) or pass it through with a warning.
    pub unknown_functions: UnknownFunctions,
    /// Keep every statement's lowered (Trino-semantics) IR in [`StatementOutput::ir`]
    /// (`--emit ir`). It costs a copy of the plan, so by default only statements that define
    /// a relation (`CREATE VIEW`, `CREATE TABLE … AS`) keep it, for
    /// [`StatementOutput::defined_relation`]. The rewritten IR is always kept.
    pub keep_ir: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            target: Target::default(),
            catalog: Arc::new(Catalog::new()),
            time_zone: "UTC".into(),
            mappings: None,
            unknown_functions: UnknownFunctions::Flag,
            keep_ir: false,
        }
    }
}

/// Why a mapping file (`--udfs`) was refused: every error with its `file:line:column`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct MappingError(pub Vec<LoadError>);

impl Options {
    /// Adds a user mapping file (the language of `mappings/`): its rules take precedence over
    /// the built-in ones. `path` is used in error messages.
    pub fn with_udfs(mut self, path: &str, text: &str) -> Result<Options, MappingError> {
        let file = t2s_rewrite::load_mapping_file(path, text).map_err(MappingError)?;
        let base = self
            .registry()
            .map_err(|e| MappingError(e.to_vec()))?
            .clone();
        self.mappings = Some(Arc::new(base.with_overrides(vec![file])));
        Ok(self)
    }

    /// The registry translations use.
    pub fn registry(&self) -> Result<&Registry, &'static [LoadError]> {
        match &self.mappings {
            Some(r) => Ok(r),
            None => t2s_rewrite::builtin_registry(),
        }
    }
}

/// Function result types from the mapping rules (`-> type`), for lowering.
struct RuleSignatures<'a>(&'a Registry);

impl t2s_trino::lower::FunctionSignatures for RuleSignatures<'_> {
    fn result_type(
        &self,
        name: &str,
        aggregate: bool,
        args: &[t2s_ir::Type],
        consts: &[Option<String>],
    ) -> Option<t2s_ir::Type> {
        self.0
            .rules_for(name)
            .filter(|r| (r.kind == t2s_mappings::Kind::Aggregate) == aggregate)
            .filter(|r| r.returns.is_some() && r.accepts(args, consts))
            .find_map(|r| r.result_type(args))
    }
    fn is_aggregate(&self, name: &str) -> bool {
        self.0
            .rules_for(name)
            .any(|r| r.kind == t2s_mappings::Kind::Aggregate)
    }
}

/// Outcome of a translation; serialised as `"ok"`, `"flagged"`, `"error"`.
///
/// ```
/// use trino2spark::{transpile, Options, Status};
/// let opts = Options::default();
/// assert_eq!(transpile("SELECT 1", &opts).unwrap().status, Status::Ok);
/// assert_eq!(transpile("SELECT approx_distinct(x) FROM t", &opts).unwrap().status, Status::Flagged);
/// assert_eq!(serde_json::to_string(&Status::Flagged).unwrap(), "\"flagged\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
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
    /// Statements Spark must run first (`CREATE TEMPORARY FUNCTION … USING JAR …` for UDFs).
    pub setup: Vec<String>,
    /// The mapping rules applied (`name@file:line`): the provenance of the translation.
    pub rules: Vec<String>,
    /// The lowered (Trino-semantics) IR — kept when [`Options::keep_ir`] asks for it, and for
    /// statements that define a relation — and the rewritten (Spark-semantics) IR.
    #[serde(skip)]
    pub ir: Option<IrStatement>,
    #[serde(skip)]
    pub rewritten_ir: Option<IrStatement>,
}

/// The translation of a whole input (one or more statements). Its JSON contract is
/// [`Verdict`] (`Verdict::from_result`).
///
/// ```
/// use trino2spark::{transpile, Options, Status};
/// let out = transpile("SELECT 1; SELECT approx_distinct(x) FROM t", &Options::default()).unwrap();
/// assert_eq!(out.statements.len(), 2);
/// assert_eq!(out.status, Status::Flagged); // the worst statement decides
/// assert!(out.spark_sql.contains(";\n\n"));
/// assert_eq!(out.diagnostics.iter().filter(|d| d.code == "approximate").count(), 1);
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct Transpiled {
    pub status: Status,
    /// Spark SQL of every statement, separated by `;` and a blank line.
    pub spark_sql: String,
    /// The Spark settings the text relies on.
    pub spark_conf: BTreeMap<String, String>,
    /// Statements to run before `spark_sql` (UDF registrations), deduplicated.
    pub setup: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// The mapping rules applied, deduplicated (`name@file:line`).
    pub rules: Vec<String>,
    #[serde(skip)]
    pub statements: Vec<StatementOutput>,
}

/// Why an input could not be translated at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("syntax error at line {line}, column {column}: {message}")]
    Syntax {
        message: String,
        line: u32,
        column: u32,
    },
    #[error("input is not valid UTF-8 (first bad byte at line {line}, column {column}, byte offset {offset})")]
    InvalidUtf8 {
        offset: usize,
        line: u32,
        column: u32,
    },
    #[error("input holds no SQL statement")]
    Empty,
}

impl Error {
    /// The error as a diagnostic (code `syntax-error`, `invalid-utf8` or `empty-input`).
    ///
    /// ```
    /// use trino2spark::{transpile, Options};
    /// let err = transpile("SELECT a,\n  b +\nFROM t", &Options::default()).unwrap_err();
    /// let d = err.to_diagnostic();
    /// assert_eq!(d.code, "syntax-error");
    /// assert_eq!(d.span.map(|s| (s.line, s.column)), Some((3, 1)));
    /// ```
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            Error::Syntax {
                message,
                line,
                column,
            } => Diagnostic::error(
                "syntax-error",
                message.clone(),
                Some(Span {
                    line: *line,
                    column: *column,
                }),
            ),
            Error::InvalidUtf8 { line, column, .. } => Diagnostic::error(
                "invalid-utf8",
                self.to_string(),
                Some(Span {
                    line: *line,
                    column: *column,
                }),
            ),
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
///
/// ```
/// let conf = trino2spark::spark_conf(&trino2spark::Options::default());
/// assert_eq!(conf["spark.sql.ansi.enabled"], "true");
/// assert_eq!(conf["spark.sql.timestampType"], "TIMESTAMP_NTZ");
/// ```
pub fn spark_conf(opts: &Options) -> BTreeMap<String, String> {
    /// Settings built, with what they were built from.
    type Built = (Target, String, BTreeMap<String, String>);
    thread_local! {
        /// The last settings built: a clone costs less than building the map again.
        static LAST: std::cell::RefCell<Option<Built>> = const { std::cell::RefCell::new(None) };
    }
    LAST.with_borrow_mut(|last| match last {
        Some((target, tz, m)) if *target == opts.target && *tz == opts.time_zone => m.clone(),
        _ => {
            let m = build_spark_conf(opts.target, &opts.time_zone);
            *last = Some((opts.target, opts.time_zone.clone(), m.clone()));
            m
        }
    })
}

/// [`spark_conf`], built. It reads only its arguments, which are the cache key above.
fn build_spark_conf(target: Target, time_zone: &str) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    m.insert("spark.sql.ansi.enabled".into(), target.ansi.to_string());
    m.insert("spark.sql.session.timeZone".into(), time_zone.to_string());
    m.insert("spark.sql.timestampType".into(), "TIMESTAMP_NTZ".into());
    m.insert(
        "spark.sql.legacy.timeParserPolicy".into(),
        "CORRECTED".into(),
    );
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
///
/// ```
/// use trino2spark::{transpile_bytes, Error, Options};
/// let err = transpile_bytes(b"SELECT '\xff'", &Options::default()).unwrap_err();
/// assert!(matches!(err, Error::InvalidUtf8 { offset: 8, line: 1, .. }));
/// ```
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
    Error::InvalidUtf8 {
        offset,
        line: line as u32,
        column: column as u32,
    }
}

/// Joins per-statement outputs into one [`Transpiled`].
pub fn combine(statements: Vec<StatementOutput>, opts: &Options) -> Transpiled {
    let status = statements.iter().map(|s| s.status).max_by_key(|s| match s {
        Status::Ok => 0,
        Status::Flagged => 1,
        Status::Error => 2,
    });
    let spark_sql = match statements.as_slice() {
        [one] => one.spark_sql.clone(),
        _ => statements
            .iter()
            .map(|s| s.spark_sql.as_str())
            .collect::<Vec<_>>()
            .join(";\n\n"),
    };
    let diagnostics = statements
        .iter()
        .flat_map(|s| s.diagnostics.iter().cloned())
        .collect();
    let mut setup: Vec<String> = Vec::new();
    let mut rules: Vec<String> = Vec::new();
    for s in &statements {
        for x in &s.setup {
            if !setup.contains(x) {
                setup.push(x.clone());
            }
        }
        for x in &s.rules {
            if !rules.contains(x) {
                rules.push(x.clone());
            }
        }
    }
    Transpiled {
        status: status.unwrap_or(Status::Ok),
        spark_sql,
        spark_conf: spark_conf(opts),
        setup,
        diagnostics,
        rules,
        statements,
    }
}

/// Translates each statement on its own: one bad statement does not lose the others.
///
/// ```
/// use trino2spark::{transpile_statements, Options, Status};
/// let results = transpile_statements("SELECT 1;\nSELECT FROM;\nSELECT 2", &Options::default());
/// assert_eq!(results.len(), 3);
/// assert_eq!(results[0].as_ref().unwrap().status, Status::Ok);
/// assert!(results[1].is_err());
/// assert_eq!(results[2].as_ref().unwrap().span.line, 3);
/// ```
pub fn transpile_statements(sql: &str, opts: &Options) -> Vec<Result<StatementOutput, Error>> {
    t2s_trino::parse::parse_sql(sql)
        .into_iter()
        .map(|parsed| match parsed {
            Err(e) => Err(Error::Syntax {
                message: e.message,
                line: e.line,
                column: e.column,
            }),
            Ok(ps) => Ok(translate_one(&ps, opts)),
        })
        .collect()
}

/// Splits `sql` into statements and parses each one, without translating: one bad
/// statement does not lose the others. Positions are positions in the whole of `sql`.
///
/// ```
/// let parsed = trino2spark::parse_statements("SELECT 1; SELEC 2; SELECT 3");
/// assert_eq!(parsed.len(), 3);
/// assert!(parsed[0].is_ok() && parsed[1].is_err() && parsed[2].is_ok());
/// ```
pub fn parse_statements(sql: &str) -> Vec<Result<ParsedStatement, Error>> {
    t2s_trino::parse::parse_sql(sql)
        .into_iter()
        .map(|parsed| {
            parsed.map_err(|e| Error::Syntax {
                message: e.message,
                line: e.line,
                column: e.column,
            })
        })
        .collect()
}

/// Translates one statement parsed by [`parse_statements`] (batch tools parse once, look at
/// the syntax tree, then translate).
///
/// ```
/// use trino2spark::{parse_statements, transpile_parsed, Options, Status};
/// let parsed = parse_statements("SELECT 7 / 2 AS q");
/// let out = transpile_parsed(parsed[0].as_ref().unwrap(), &Options::default());
/// assert_eq!(out.status, Status::Ok);
/// assert_eq!((out.span.line, out.span.column), (1, 1));
/// ```
pub fn transpile_parsed(ps: &ParsedStatement, opts: &Options) -> StatementOutput {
    translate_one(ps, opts)
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
        let registry = match opts.registry() {
            Ok(r) => r,
            Err(errors) => {
                let diags = errors
                    .iter()
                    .map(|e| {
                        Diagnostic::error("internal", format!("mapping file error: {e}"), None)
                    })
                    .collect();
                return (None, None, String::new(), diags, false, vec![], vec![]);
            }
        };
        let sigs = RuleSignatures(registry);
        let lowered = stacker::maybe_grow(LOWER_RED_ZONE, DEEP_STACK, || {
            t2s_trino::lower::lower_statement_with(ps, &opts.catalog, Some(&sigs))
        });
        let deep = lowered.depth > DEEP_STATEMENT;
        // Deep input recurses deeply in the passes and in the IR's derived `Clone`/`Drop`: all
        // of that happens on a stack sized for it, and the IR is not handed back (the caller
        // would drop it on its own, maybe small, stack).
        let passes = move || {
            let mut diagnostics = lowered.diagnostics;
            let Some(ir) = lowered.statement else {
                return (
                    None,
                    None,
                    String::new(),
                    diagnostics,
                    false,
                    vec![],
                    vec![],
                );
            };
            let keep_ir = opts.keep_ir
                || matches!(
                    ir,
                    IrStatement::CreateView { .. } | IrStatement::CreateTableAs { .. }
                );
            let (ir, mut rewritten) = if keep_ir {
                (Some(ir.clone()), ir)
            } else {
                (None, ir)
            };
            let cx = t2s_rewrite::RewriteContext {
                target: opts.target,
                registry,
                unknown_functions: opts.unknown_functions,
            };
            let out = t2s_rewrite::rewrite_statement_with(&mut rewritten, &cx);
            diagnostics.extend(out.diagnostics);
            let emitted = t2s_spark::emit_statement(&rewritten);
            diagnostics.extend(emitted.diagnostics);
            if deep {
                diagnostics.push(Diagnostic::info(
                    "ir-not-kept",
                    format!("statement nested more than {DEEP_STATEMENT} levels deep: its IR is not kept (`--emit ir` shows nothing for it)"),
                    Some(ps.span),
                ));
                (
                    None,
                    None,
                    emitted.sql,
                    diagnostics,
                    true,
                    out.setup,
                    out.rules,
                )
            } else {
                (
                    ir,
                    Some(rewritten),
                    emitted.sql,
                    diagnostics,
                    true,
                    out.setup,
                    out.rules,
                )
            }
        };
        if deep {
            stacker::grow(DEEP_STACK, passes)
        } else {
            passes()
        }
    });
    let (ir, rewritten_ir, spark_sql, mut diagnostics, lowered, setup, rules) =
        match std::panic::catch_unwind(run) {
            Ok(r) => r,
            Err(p) => {
                let what = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into());
                (
                    None,
                    None,
                    String::new(),
                    vec![Diagnostic::error(
                        "internal",
                        format!("internal error: {what}"),
                        Some(ps.span),
                    )],
                    false,
                    vec![],
                    vec![],
                )
            }
        };
    diagnostics.sort_by_key(|d| (d.span.map(|s| (s.line, s.column)), d.severity));
    diagnostics.dedup();
    let status = if diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && INVALID_QUERY_CODES.contains(&d.code.as_str()))
    {
        Status::Error
    } else if diagnostics.iter().any(|d| d.severity == Severity::Error) || !lowered {
        Status::Flagged
    } else {
        Status::Ok
    };
    StatementOutput {
        status,
        spark_sql,
        diagnostics,
        span: ps.span,
        setup,
        rules,
        ir,
        rewritten_ir,
    }
}

/// The lowered IR of every statement, in its stable text form (`--emit ir`).
///
/// ```
/// use trino2spark::{ir_text, transpile, Options};
/// let opts = Options { keep_ir: true, ..Options::default() };
/// let out = transpile("SELECT 7 / 2 AS q", &opts).unwrap();
/// assert!(!ir_text(&out, false).is_empty());
/// assert!(!ir_text(&out, true).is_empty());
/// ```
pub fn ir_text(out: &Transpiled, rewritten: bool) -> String {
    out.statements
        .iter()
        .filter_map(|s| {
            if rewritten {
                s.rewritten_ir.as_ref()
            } else {
                s.ir.as_ref()
            }
        })
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

    /// The settings kept from the last call are handed out only for the same options.
    #[test]
    fn spark_conf_follows_the_options() {
        let mut opts = Options::default();
        for (ansi, tz) in [
            (true, "UTC"),
            (true, "UTC"),
            (false, "UTC"),
            (false, "Asia/Tokyo"),
        ] {
            opts.target.ansi = ansi;
            opts.time_zone = tz.into();
            assert_eq!(
                spark_conf(&opts),
                build_spark_conf(opts.target, &opts.time_zone)
            );
            assert_eq!(
                spark_conf(&opts)["spark.sql.ansi.enabled"],
                ansi.to_string()
            );
            assert_eq!(spark_conf(&opts)["spark.sql.session.timeZone"], tz);
        }
    }

    /// The lowered IR is copied only when asked for or when a statement defines a relation;
    /// the Spark SQL is the same either way.
    #[test]
    fn lowered_ir_is_kept_on_request_and_for_defined_relations() {
        let sql = "SELECT 7 / 2 AS q; CREATE VIEW v AS SELECT 1 AS one";
        let lean = transpile(sql, &Options::default()).unwrap();
        let full = transpile(
            sql,
            &Options {
                keep_ir: true,
                ..Options::default()
            },
        )
        .unwrap();
        let kept = |t: &Transpiled| {
            t.statements
                .iter()
                .map(|s| s.ir.is_some())
                .collect::<Vec<_>>()
        };
        assert_eq!(kept(&lean), [false, true]);
        assert_eq!(kept(&full), [true, true]);
        for (a, b) in lean.statements.iter().zip(&full.statements) {
            assert_eq!(a.spark_sql, b.spark_sql);
            assert!(a.rewritten_ir.is_some());
        }
        let view = lean.statements[1].defined_relation().expect("view");
        assert_eq!(view.name, "v");
    }
}
