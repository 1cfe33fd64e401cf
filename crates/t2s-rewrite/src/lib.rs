//! `t2s-rewrite`: the passes that turn Trino semantics into Spark semantics.
//!
//! This is the only crate that decides meaning. After [`rewrite_statement`], every expression
//! node whose meaning differs between the engines has been replaced by a `Spark*` node (or
//! flagged with an error diagnostic); what remains in Trino form is, by this crate's decision,
//! identical on Spark for the target. The emitter then only prints.
//!
//! Passes, in order:
//! 1. [`nulls`] — Trino's implicit NULLS LAST made explicit in ORDER BY, OVER and aggregate ORDER BY.
//! 2. [`relational`] — plan-level rewrites (UNNEST ordinality, WITH TIES, GROUP BY DISTINCT, …).
//! 3. [`scalar`] — literals, operators, casts and function calls, bottom-up.

pub mod nulls;
pub mod relational;
pub mod scalar;
pub mod spark_types;

use serde::{Deserialize, Serialize};
use t2s_ir::{Diagnostic, Statement};

/// The Spark the output is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SparkVersion {
    #[serde(rename = "3.5")]
    V3_5,
    #[serde(rename = "4")]
    V4,
}

impl SparkVersion {
    pub fn parse(s: &str) -> Option<SparkVersion> {
        match s.trim() {
            "3.5" | "3.5.x" | "3" => Some(SparkVersion::V3_5),
            "4" | "4.0" | "4.x" | "4.1" | "4.2" | "4.3" => Some(SparkVersion::V4),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            SparkVersion::V3_5 => "3.5",
            SparkVersion::V4 => "4",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Target {
    pub version: SparkVersion,
    /// `spark.sql.ansi.enabled` the output will run with.
    pub ansi: bool,
}

impl Default for Target {
    fn default() -> Self {
        Target { version: SparkVersion::V4, ansi: true }
    }
}

/// Runs every pass over `stmt`; returns the diagnostics the passes raised.
pub fn rewrite_statement(stmt: &mut Statement, target: &Target) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    nulls::make_null_order_explicit(stmt.rel_mut());
    relational::rewrite(stmt.rel_mut(), target, &mut diags);
    scalar::rewrite(stmt.rel_mut(), target, &mut diags);
    diags
}
