//! Statement splitting and parsing with exact positions. (Being written: see ARCHITECTURE.md.)

use sqlparser::ast::Statement as AstStatement;
use t2s_ir::Span;

/// Trino syntax that sqlparser has no node for, recorded beside the AST by our thin layer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    /// `GROUP BY DISTINCT …` was written (for the query block at this position).
    pub group_by_distinct: Vec<Span>,
}

/// One parsed statement of a file.
#[derive(Debug, Clone)]
pub struct ParsedStatement {
    pub ast: AstStatement,
    /// Position of the statement's first token in the whole input.
    pub span: Span,
    /// Byte range of the statement's text in the whole input (without the `;`).
    pub range: std::ops::Range<usize>,
    pub extras: Extras,
}

/// A syntax error with its exact position in the whole input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at line {line}, column {column}")]
pub struct ParseError {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

/// Parses every statement of `sql`. Each statement succeeds or fails on its own, so one bad
/// statement in a file does not lose the others.
pub fn parse_sql(_sql: &str) -> Vec<Result<ParsedStatement, ParseError>> {
    unimplemented!("being written")
}
