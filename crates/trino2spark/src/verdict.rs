//! The verdict: the documented JSON contract of one translation (docs/api.md). The gateway,
//! `trino2spark transpile --format json` and the records of `trino2spark convert --report`
//! all use this shape.

use crate::{
    spark_conf, transpile, Diagnostic, Error, Options, Severity, StatementOutput, Status,
    Transpiled,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The structured result of translating a query: what the gateway stores and shows.
///
/// ```
/// use trino2spark::{verdict, Options, Status};
/// let v = verdict("SELECT approx_distinct(x) FROM t", &Options::default());
/// assert_eq!(v.status, Status::Flagged);
/// let d = v.diagnostics.iter().find(|d| d.code == "approximate").unwrap();
/// assert_eq!((d.line, d.column), (Some(1), Some(8)));
/// let json = serde_json::to_value(&v).unwrap();
/// assert_eq!(json["status"], "flagged");
/// assert_eq!(json["spark_conf"]["spark.sql.ansi.enabled"], "true");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// `ok` (result-equal Spark SQL), `flagged` (valid Trino that cannot be translated
    /// faithfully) or `error` (not valid SQL, or not a valid Trino query).
    pub status: Status,
    /// The Spark SQL; statements separated by `;` and a blank line. Empty when nothing could
    /// be translated.
    pub spark_sql: String,
    /// The Spark settings the text relies on: set them on the session that runs it.
    pub spark_conf: BTreeMap<String, String>,
    /// Statements Spark must run before `spark_sql` (`CREATE TEMPORARY FUNCTION … USING JAR …`
    /// for UDF rules), in order.
    pub setup: Vec<String>,
    /// Findings, ordered by position.
    pub diagnostics: Vec<DiagnosticRecord>,
    /// Provenance: the mapping rules applied, as `name@mappings/file.map:line`.
    pub rules: Vec<String>,
}

/// One finding, flat: `line` / `column` are 1-based positions in the input (`null` when the
/// finding has no position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosticRecord {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

impl From<&Diagnostic> for DiagnosticRecord {
    fn from(d: &Diagnostic) -> Self {
        DiagnosticRecord {
            severity: d.severity,
            code: d.code.clone(),
            message: d.message.clone(),
            line: d.span.map(|s| s.line),
            column: d.span.map(|s| s.column),
        }
    }
}

impl Verdict {
    /// The verdict of a whole translation ([`transpile`] / [`crate::transpile_bytes`]); an
    /// [`Error`] becomes status `error` with one diagnostic.
    pub fn from_result(result: &Result<Transpiled, Error>, opts: &Options) -> Verdict {
        match result {
            Ok(t) => Verdict {
                status: t.status,
                spark_sql: t.spark_sql.clone(),
                spark_conf: t.spark_conf.clone(),
                setup: t.setup.clone(),
                diagnostics: t.diagnostics.iter().map(DiagnosticRecord::from).collect(),
                rules: t.rules.clone(),
            },
            Err(e) => Verdict::from_error(e, opts),
        }
    }

    /// The verdict of one statement (batch conversion reports one per statement).
    pub fn from_statement(s: &StatementOutput, opts: &Options) -> Verdict {
        Verdict {
            status: s.status,
            spark_sql: s.spark_sql.clone(),
            spark_conf: spark_conf(opts),
            setup: s.setup.clone(),
            diagnostics: s.diagnostics.iter().map(DiagnosticRecord::from).collect(),
            rules: s.rules.clone(),
        }
    }

    /// The verdict for an input that could not be translated at all.
    pub fn from_error(e: &Error, opts: &Options) -> Verdict {
        Verdict {
            status: Status::Error,
            spark_sql: String::new(),
            spark_conf: spark_conf(opts),
            setup: vec![],
            diagnostics: vec![DiagnosticRecord::from(&e.to_diagnostic())],
            rules: vec![],
        }
    }
}

/// Translates `sql` and returns its [`Verdict`]; never fails (errors are verdicts too).
pub fn verdict(sql: &str, opts: &Options) -> Verdict {
    Verdict::from_result(&transpile(sql, opts), opts)
}
