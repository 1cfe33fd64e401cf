//! `t2s-trino`: the Trino front end.
//!
//! * [`dialect::TrinoDialect`] — sqlparser's `Dialect` for Trino, with parse hooks for what the
//!   generic dialect gets wrong (lambdas, ROW/ARRAY/MAP types, reserved words as bare aliases…).
//! * [`parse`] — splits a file into statements and parses each, with exact line/column errors.
//! * [`catalog`] — table schemas from JSON or CREATE TABLE files.
//! * [`lower`] — name resolution and Trino type inference: sqlparser AST → typed IR.
//!
//! Architecture invariant: nothing here knows about Spark.

pub mod catalog;
pub mod dialect;
#[doc(hidden)]
pub mod lex;
pub mod lower;
pub mod parse;
