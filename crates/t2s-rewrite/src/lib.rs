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
        Target {
            version: SparkVersion::V4,
            ansi: true,
        }
    }
}

pub use scalar::{natives, UnknownFunctions};
pub use t2s_mappings::{LoadError, MappingFile, Registry};

/// The registry of the mapping files embedded at build time (`mappings/*.map`), checked
/// against the native hooks this crate implements. A test loads it, so an invalid
/// embedded file cannot ship; should it still fail, the error names `file:line`.
pub fn builtin_registry() -> Result<&'static Registry, &'static [LoadError]> {
    t2s_mappings::builtin(natives())
}

/// Reads a user mapping file (UDFs, overrides) in the same language.
pub fn load_mapping_file(path: &str, text: &str) -> Result<MappingFile, Vec<LoadError>> {
    t2s_mappings::load_file(path, text, natives())
}

/// How the rewrite runs.
#[derive(Debug, Clone, Copy)]
pub struct RewriteContext<'r> {
    pub target: Target,
    pub registry: &'r Registry,
    pub unknown_functions: UnknownFunctions,
}

/// What the passes produced besides the rewritten plan.
#[derive(Debug, Default)]
pub struct RewriteOutput {
    pub diagnostics: Vec<Diagnostic>,
    /// Statements to run before the query (`CREATE TEMPORARY FUNCTION …`).
    pub setup: Vec<String>,
    /// Mapping rules applied (`name@file:line`): the provenance of the translation.
    pub rules: Vec<String>,
}

/// Runs every pass over `stmt` with the built-in registry; returns the diagnostics.
pub fn rewrite_statement(stmt: &mut Statement, target: &Target) -> Vec<Diagnostic> {
    match builtin_registry() {
        Ok(registry) => {
            rewrite_statement_with(
                stmt,
                &RewriteContext {
                    target: *target,
                    registry,
                    unknown_functions: UnknownFunctions::Flag,
                },
            )
            .diagnostics
        }
        Err(errors) => errors
            .iter()
            .map(|e| Diagnostic::error("internal", format!("mapping file error: {e}"), None))
            .collect(),
    }
}

/// Runs every pass over `stmt`.
pub fn rewrite_statement_with(stmt: &mut Statement, cx: &RewriteContext) -> RewriteOutput {
    let mut diagnostics = Vec::new();
    // Pass 1 is done within the walks of passes 2 (sort keys) and 3 (windows, aggregates).
    let found =
        relational::rewrite_with_sort_null_order(stmt.rel_mut(), &cx.target, &mut diagnostics);
    let s = scalar::rewrite_plan(
        stmt.rel_mut(),
        &cx.target,
        cx.registry,
        cx.unknown_functions,
        &mut diagnostics,
        found.subplans,
        true,
    );
    RewriteOutput {
        diagnostics,
        setup: s.setup,
        rules: s.applied,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_mapping_files_load() {
        if let Err(errors) = builtin_registry() {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("mapping files have errors:\n{}", list.join("\n"));
        }
    }
}
