//! `t2s-ir`: the relational IR of trino2spark.
//!
//! * [`types::Type`] — Trino's type system; every expression carries one.
//! * [`rel::Rel`] — plan operators (scan, project, filter, join, aggregate, sort, limit, set
//!   operations, values, unnest, CTEs).
//! * [`expr::Expr`] — typed scalar expressions.
//! * [`Statement`] — what a query repository holds: queries, CTAS, INSERT, views.
//! * [`Diagnostic`] — every finding has a severity, a stable code and a source position.
//!
//! Architecture invariant: this crate knows nothing of SQL text — no parser, no printer of
//! Spark SQL. It only defines data, its traversal ([`visit`]) and its stable display ([`display`]).

pub mod display;
pub mod expr;
pub mod rel;
pub mod types;
pub mod visit;

pub use expr::*;
pub use rel::*;
pub use types::*;

use serde::{Deserialize, Serialize};

/// A position in the input: 1-based line and column (in characters), and a byte offset range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational: an assumption that does not change results (e.g. a setting relied upon).
    Info,
    /// The translation is faithful under a stated assumption (unknown column type, …).
    Warning,
    /// The construct cannot be translated faithfully: the output must not be trusted.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `unknown-table`, `non-mappable`, `parse-error`.
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        code: &str,
        message: impl Into<String>,
        span: Option<Span>,
    ) -> Self {
        Diagnostic {
            severity,
            code: code.to_string(),
            message: message.into(),
            span,
        }
    }
    pub fn error(code: &str, message: impl Into<String>, span: Option<Span>) -> Self {
        Self::new(Severity::Error, code, message, span)
    }
    pub fn warning(code: &str, message: impl Into<String>, span: Option<Span>) -> Self {
        Self::new(Severity::Warning, code, message, span)
    }
    pub fn info(code: &str, message: impl Into<String>, span: Option<Span>) -> Self {
        Self::new(Severity::Info, code, message, span)
    }
}

/// A top-level statement of a query repository, lowered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "statement")]
pub enum Statement {
    Query {
        rel: Rel,
    },
    CreateTableAs {
        table: TableName,
        or_replace: bool,
        if_not_exists: bool,
        /// `WITH (k = v, …)` table properties, as written.
        properties: Vec<(String, String)>,
        rel: Rel,
    },
    Insert {
        table: TableName,
        columns: Vec<String>,
        overwrite: bool,
        rel: Rel,
    },
    CreateView {
        name: TableName,
        or_replace: bool,
        columns: Vec<String>,
        rel: Rel,
    },
}

impl Statement {
    pub fn rel(&self) -> &Rel {
        match self {
            Statement::Query { rel }
            | Statement::CreateTableAs { rel, .. }
            | Statement::Insert { rel, .. }
            | Statement::CreateView { rel, .. } => rel,
        }
    }
    pub fn rel_mut(&mut self) -> &mut Rel {
        match self {
            Statement::Query { rel }
            | Statement::CreateTableAs { rel, .. }
            | Statement::Insert { rel, .. }
            | Statement::CreateView { rel, .. } => rel,
        }
    }
}
