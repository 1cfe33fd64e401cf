//! Statement splitting and parsing with exact positions.
//!
//! [`parse_sql`] tokenizes the whole input once with [`TrinoDialect`], splits it on top-level
//! `;` tokens (a `;` inside a string, comment or quoted identifier is part of that token, so it
//! never splits), and parses every statement on its own, so one bad statement does not lose the
//! others. Tokens keep their positions in the whole input, so every position in the AST
//! (`Ident::span`, `Select::select_token`, …) and in errors is a position in the whole input.
//!
//! A thin layer over the token stream handles the Trino syntax sqlparser has no node or hook
//! for; what it finds is recorded in [`Extras`] (never silently dropped):
//!
//! * `U&'…'` literals, with optional `UESCAPE '<char>'`, become
//!   `Value::UnicodeStringLiteral(<decoded text>)` (see [`decode_unicode_literal`]).
//! * `GROUP BY DISTINCT …` / `GROUP BY ALL …`: the quantifier is removed and the query block is
//!   recorded in [`Extras::group_by_distinct`] / [`Extras::group_by_all`] (by the position of
//!   its `SELECT` keyword, which is `Select::select_token.0.span.start` in the AST).
//! * `<table> FOR TIMESTAMP AS OF <expr>` / `<table> FOR VERSION AS OF <expr>`: parsed, put
//!   into the AST as `TableFactor::Table { version: Some(TableVersion::TimestampAsOf(expr) |
//!   TableVersion::VersionAsOf(expr)) }` and recorded in [`Extras::table_versions`].
//! * Integer literals in Trino's other spellings become plain decimal `Value::Number`s:
//!   `0x1F`, `0X1F`, `0b1010`, `0o17` (sqlparser alone reads `0x1F` as the binary string
//!   `X'1F'`) and `1_000_000`.
//! * An identifier that starts with a digit (`SELECT 1a`) is an error, as in Trino (instead of
//!   `1 AS a`).
//! * `VALUES 1, 2` (rows that are single expressions) parses as `VALUES (1), (2)`, and a
//!   `ROW(a, b)` row as `(a, b)` (Trino expands a row constructor into columns).
//!
//! After parsing, one walk over the AST:
//!
//! * turns `UNNEST(…)` in `FROM`/`JOIN` (a table function for sqlparser outside its own few
//!   dialects) into `TableFactor::UNNEST { array_exprs, with_ordinality, alias, .. }`;
//! * rejects what sqlparser accepts but Trino does not: a join other than `CROSS`/`NATURAL`
//!   without `ON`/`USING`, `SEMI`/`ANTI`/`APPLY`/`ASOF` joins, a reserved word as table name.
//!
//! Limits (each a clean [`ParseError`], never a stack overflow): sqlparser's recursion limit
//! (nesting of parentheses, `NOT`, function calls, subqueries, …), at most
//! [`dialect::MAX_CHAINED_OPERATORS`] operators in one chain (`a + b + …`) and
//! [`dialect::MAX_OPERATORS_PER_STATEMENT`] operators and set operations per statement. Every
//! AST returned is therefore shallow enough to be cloned, printed, compared and dropped
//! recursively on an 8 MB stack.
//!
//! Errors carry the exact line and column (1-based, in characters) of the offending token in
//! the whole input and a message of the form `expected an expression, found FROM`.

use std::ops::Range;

use sqlparser::ast::{
    Expr, FunctionArg, FunctionArgExpr, JoinConstraint, JoinOperator, Query, SetExpr, Spanned,
    Statement as AstStatement, TableFactor, TableVersion, TableWithJoins, VisitMut, VisitorMut,
};
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Location, Token, TokenWithSpan, Tokenizer, Whitespace, Word};
use t2s_ir::Span;

use crate::dialect::{self, TrinoDialect};
use crate::lex::{Tok, Tw};

/// Trino syntax that sqlparser has no node for, recorded beside the AST by our thin layer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    /// `GROUP BY DISTINCT …` was written (for the query block at this position: the position of
    /// its `SELECT` keyword, equal to `Select::select_token.0.span.start` in the AST).
    pub group_by_distinct: Vec<Span>,
    /// `GROUP BY ALL …` was written (same positions as `group_by_distinct`). `ALL` is Trino's
    /// default set quantifier, so the AST without it means the same.
    pub group_by_all: Vec<Span>,
    /// `FOR TIMESTAMP AS OF …` / `FOR VERSION AS OF …` clauses, in source order. The same
    /// expression is also in the AST (`TableFactor::Table::version`).
    pub table_versions: Vec<TableVersionClause>,
}

/// Which kind of `FOR … AS OF` clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableVersionKind {
    /// `FOR TIMESTAMP AS OF <expr>`
    Timestamp,
    /// `FOR VERSION AS OF <expr>`
    Version,
}

/// A `<table> FOR TIMESTAMP|VERSION AS OF <expr>` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct TableVersionClause {
    /// Position of the table name's first part (`Ident::span.start` of the name in the AST).
    pub table: Span,
    /// The table name as written.
    pub table_name: String,
    pub kind: TableVersionKind,
    /// Position of the `FOR` keyword.
    pub span: Span,
    /// The expression's text as written.
    pub expr_text: String,
    /// The expression, parsed.
    pub expr: Expr,
}

/// One parsed statement of a file.
#[derive(Debug, Clone)]
pub struct ParsedStatement {
    pub ast: AstStatement,
    /// Position of the statement's first token in the whole input.
    pub span: Span,
    /// Byte range of the statement's text in the whole input (without the `;`).
    pub range: Range<usize>,
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

impl ParseError {
    fn at(message: impl Into<String>, loc: Location) -> Self {
        ParseError {
            message: message.into(),
            line: loc.line as u32,
            column: loc.column as u32,
        }
    }
}

/// Parses every statement of `sql`. Each statement succeeds or fails on its own, so one bad
/// statement in a file does not lose the others.
pub fn parse_sql(sql: &str) -> Vec<Result<ParsedStatement, ParseError>> {
    // Our byte-level tokenizer takes the common case; sqlparser's takes the rest (and reports
    // the errors). Both give the same tokens, but for plain whitespace, which only ours leaves
    // out and nothing below depends on (lex.rs). Ours borrows the tokens' text from `sql`:
    // sqlparser's owned tokens are made only for the statements that need them.
    {
        // Reserving up front saves the doublings, each a copy of every token so far (the TPC
        // queries have about one token per 7 bytes, whitespace left out). The buffer is the
        // last call's: a new one, tens of KiB, costs the allocator a fresh page each time.
        let mut tokens: Vec<Tw> = TOKEN_BUFFER.take();
        tokens.reserve(sql.len() / 3 + 16);
        let mut lines = crate::lex::Lines::default();
        let taken = crate::lex::tokenize_borrowed(sql, &mut tokens, &mut lines);
        let out = taken.then(|| {
            // The tokenizer found the lines on its way.
            let index = LineIndex {
                src: sql,
                starts: lines.starts,
                ascii: lines.ascii,
            };
            statements(&tokens, &lines.marks)
                .filter_map(|(chunk, base, marks)| {
                    parse_chunk_borrowed(sql, &index, chunk, base, marks)
                })
                .collect()
        });
        keep_token_buffer(tokens);
        if let Some(out) = out {
            return out;
        }
    }
    let dialect = TrinoDialect;
    let mut tokens: Vec<TokenWithSpan> = Vec::with_capacity(sql.len() / 3 + 16);
    let tokenize_error = Tokenizer::new(&dialect, sql)
        .tokenize_with_location_into_buf(&mut tokens)
        .err();
    let index = LineIndex::new(sql);
    // The failing token (on a tokenizer error) starts right after the last token produced.
    let token_start = tokens
        .last()
        .map(|t| t.span.end)
        .unwrap_or(Location { line: 1, column: 1 });

    // Statements are split at `;` from the back: each split copies only its own statement's
    // tokens, once, and a file of one statement is not copied at all.
    let mut chunks = Vec::new();
    while let Some(p) = tokens
        .iter()
        .rposition(|t| matches!(t.token, Token::SemiColon))
    {
        let tail = tokens.split_off(p + 1);
        tokens.truncate(p);
        chunks.push(tail);
    }
    chunks.push(tokens);
    chunks.reverse();
    let last = chunks.pop().unwrap_or_default();
    let mut out = Vec::with_capacity(chunks.len() + 1);
    for chunk in chunks {
        if let Some(r) = parse_chunk(sql, &index, chunk) {
            out.push(r);
        }
    }
    match tokenize_error {
        None => {
            if let Some(r) = parse_chunk(sql, &index, last) {
                out.push(r);
            }
        }
        Some(e) => {
            let points_at_start = e.message.contains("Unterminated")
                || e.message.contains("EOF")
                || e.location.line == 0;
            let loc = if points_at_start {
                token_start
            } else {
                e.location
            };
            let message = if e.message.starts_with("Expected close delimiter") {
                "unterminated quoted identifier".to_string()
            } else if e.message.contains("multi-line comment") {
                "unterminated comment".to_string()
            } else {
                lowercase_first(&e.message)
            };
            out.push(Err(ParseError::at(message, loc)));
        }
    }
    out
}

fn is_trivia(t: &TokenWithSpan) -> bool {
    matches!(t.token, Token::Whitespace(_))
}

fn span_of(loc: Location) -> Span {
    Span {
        line: loc.line as u32,
        column: loc.column as u32,
    }
}

fn blank(t: &mut TokenWithSpan) {
    t.token = Token::Whitespace(Whitespace::Space);
}

/// Our tokenizer's tokens split at `;` (found among the marked tokens, `lex::Lines::marks`):
/// each statement's tokens, the index of its first token and its marks.
fn statements<'t, 'a>(
    tokens: &'t [Tw<'a>],
    marks: &'t [usize],
) -> impl Iterator<Item = (&'t [Tw<'a>], usize, &'t [usize])> {
    let (mut start, mut first_mark, mut k) = (0, 0, 0);
    let mut done = false;
    std::iter::from_fn(move || {
        while let Some(&i) = marks.get(k) {
            k += 1;
            if tokens
                .get(i)
                .is_some_and(|t| matches!(t.token, Tok::SemiColon))
            {
                let statement = (
                    tokens.get(start..i).unwrap_or_default(),
                    start,
                    marks.get(first_mark..k - 1).unwrap_or_default(),
                );
                (start, first_mark) = (i + 1, k);
                return Some(statement);
            }
        }
        if done {
            return None;
        }
        done = true;
        Some((
            tokens.get(start..).unwrap_or_default(),
            start,
            marks.get(first_mark..).unwrap_or_default(),
        ))
    })
}

/// [`parse_chunk`] of our tokenizer's tokens: `tokens[0]` is token `base` of the input, and
/// `marks` are the marks among them.
fn parse_chunk_borrowed(
    sql: &str,
    index: &LineIndex,
    tokens: &[Tw],
    base: usize,
    marks: &[usize],
) -> Option<Result<ParsedStatement, ParseError>> {
    let first = tokens.iter().position(|t| !t.is_trivia())?;
    let last = tokens.iter().rposition(|t| !t.is_trivia())?;
    let tokens = &tokens[first..=last];
    // The marks, as indices into `tokens` (those before it come out too large: skipped).
    let from = base + first;
    let marks = marks.iter().map(|&k| k.wrapping_sub(from));
    let start = tokens[0].span.start;
    let end = tokens[tokens.len() - 1].span.end;
    let range = index.byte(start)..index.byte(end);
    let span = span_of(start);
    Some(
        parse_statement_borrowed(sql, index, tokens, marks, end).map(|(ast, extras)| {
            ParsedStatement {
                ast,
                span,
                range,
                extras,
            }
        }),
    )
}

/// [`parse_statement_tokens`] of our tokenizer's tokens, for the common case: when the
/// pre-scan would change nothing and our parser takes the statement, no owned token is made.
/// Otherwise the statement goes the way of sqlparser's tokens, from its start.
fn parse_statement_borrowed(
    sql: &str,
    index: &LineIndex,
    tokens: &[Tw],
    marks: impl Iterator<Item = usize>,
    end: Location,
) -> Result<(AstStatement, Extras), ParseError> {
    let owned = || tokens.iter().map(Tw::to_owned_token).collect::<Vec<_>>();
    let Some(pre) = prescan_plain(tokens, marks) else {
        return parse_statement_tokens(sql, index, owned(), end, true);
    };
    dialect::reset_furthest();
    dialect::precharge_operators(pre.set_operations);
    // Our parser wants no comments.
    let uncommented: Vec<Tw>;
    let real = if pre.comments {
        uncommented = tokens.iter().filter(|t| !t.is_trivia()).cloned().collect();
        &uncommented[..]
    } else {
        tokens
    };
    let Some(q) = crate::fast::parse_statement(real) else {
        return parse_statement_tokens(sql, index, owned(), end, false);
    };
    // Built in the return value (a statement is large). Our parser's ASTs need no fix-up
    // (`fixup_ast`): it builds `UNNEST` as the fix-up leaves it, and leaves what the fix-up
    // reports to sqlparser.
    let res = Ok((AstStatement::Query(q), Extras::default()));
    if cfg!(debug_assertions) || VERIFY_FAST.with(|v| v.borrow().is_some()) {
        if let Ok((ast, _)) = &res {
            let real_owned: Vec<TokenWithSpan> = real.iter().map(Tw::to_owned_token).collect();
            verify_fast_parse(ast, &real_owned, end);
        }
    }
    res
}

/// Parses one statement's tokens; `None` for an empty statement (only whitespace/comments).
fn parse_chunk(
    sql: &str,
    index: &LineIndex,
    mut tokens: Vec<TokenWithSpan>,
) -> Option<Result<ParsedStatement, ParseError>> {
    let first = tokens.iter().position(|t| !is_trivia(t))?;
    let last = tokens.iter().rposition(|t| !is_trivia(t))?;
    tokens.truncate(last + 1);
    tokens.drain(..first);
    let start = tokens[0].span.start;
    let end = tokens[tokens.len() - 1].span.end;
    let range = index.byte(start)..index.byte(end);
    let span = span_of(start);
    Some(
        parse_statement_tokens(sql, index, tokens, end, true).map(|(ast, extras)| {
            ParsedStatement {
                ast,
                span,
                range,
                extras,
            }
        }),
    )
}

/// `try_fast`: whether our parser may take it (false when it has already given up on the
/// same tokens).
fn parse_statement_tokens(
    sql: &str,
    index: &LineIndex,
    mut tokens: Vec<TokenWithSpan>,
    end: Location,
    try_fast: bool,
) -> Result<(AstStatement, Extras), ParseError> {
    let mut extras = Extras::default();
    let pre = prescan(sql, index, &mut tokens, &mut extras)?;

    dialect::reset_furthest();
    dialect::precharge_operators(pre.set_operations);
    // Whitespace and comments are dropped: sqlparser skips them on every peek, and our parser
    // wants none. The AST fix-up reads only the other tokens.
    tokens.retain(|t| !is_trivia(t));
    let fixup = !extras.table_versions.is_empty() || pre.unnest || pre.join;

    // Our parser takes the common case (fast.rs); it gives sqlparser's AST or nothing.
    if try_fast && pre.deferred.is_none() && extras.table_versions.is_empty() {
        let borrowed: Vec<Tw> = tokens.iter().map(Tw::borrow).collect();
        if let Some(q) = crate::fast::parse_statement(&borrowed) {
            // No fix-up needed (see `parse_statement_borrowed`; no table versions here).
            let ast = AstStatement::Query(q);
            if cfg!(debug_assertions) || VERIFY_FAST.with(|v| v.borrow().is_some()) {
                verify_fast_parse(&ast, &tokens, end);
            }
            return Ok((ast, extras));
        }
    }

    // The AST fix-up needs the tokens afterwards only for these constructs; otherwise they
    // move into the parser.
    let parser_tokens = if fixup {
        tokens.clone()
    } else {
        std::mem::take(&mut tokens)
    };
    let mut ast = match sqlparser_statement(parser_tokens, end) {
        Ok(ast) => ast,
        Err(e) => {
            return Err(match pre.deferred {
                Some(d) if (d.line, d.column) < (e.line, e.column) => d,
                _ => e,
            });
        }
    };
    if let Some(d) = pre.deferred {
        return Err(d);
    }
    if fixup {
        let borrowed: Vec<Tw> = tokens.iter().map(Tw::borrow).collect();
        fixup_ast(&mut ast, &extras.table_versions, &borrowed)?;
    }
    Ok((ast, extras))
}

/// Parses one statement (no whitespace tokens) with sqlparser.
fn sqlparser_statement(
    tokens: Vec<TokenWithSpan>,
    end: Location,
) -> Result<AstStatement, ParseError> {
    let dialect = TrinoDialect;
    let mut parser = Parser::new(&dialect).with_tokens_with_locations(tokens);
    let result = parser.parse_statement().and_then(|stmt| {
        let next = parser.peek_token();
        if matches!(next.token, Token::EOF) {
            Ok(stmt)
        } else {
            parser.expected("end of statement", next)
        }
    });
    result.map_err(|e| convert_error(e, &parser, end))
}

thread_local! {
    /// [`parse_sql`]'s token buffer, empty, between calls.
    static TOKEN_BUFFER: std::cell::Cell<Vec<Tw<'static>>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Largest token buffer kept for the next [`parse_sql`], in tokens (2 MiB: inputs up to about
/// 100 KB reuse it).
const KEPT_TOKEN_BUFFER: usize = 1 << 15;

/// Keeps `tokens`' allocation (not too large) for the next [`parse_sql`] on this thread.
fn keep_token_buffer(mut tokens: Vec<Tw<'_>>) {
    if tokens.capacity() > KEPT_TOKEN_BUFFER {
        return;
    }
    tokens.clear();
    // An empty vector of borrowed tokens becomes one of `'static` tokens by an in-place
    // collect (same layout, so the allocation is kept; the closure never runs).
    let empty: Vec<Tw<'static>> = tokens
        .into_iter()
        .map(|t| Tw {
            token: Tok::EOF,
            span: t.span,
        })
        .collect();
    TOKEN_BUFFER.set(empty);
}

thread_local! {
    /// While [`check_fast_parser`] runs: statements our parser took, and the first
    /// disagreement with sqlparser.
    static VERIFY_FAST: std::cell::RefCell<Option<(usize, Option<String>)>> =
        const { std::cell::RefCell::new(None) };
}

/// Compares a statement our parser took with sqlparser's AST after the AST fix-up, spans
/// included (`Debug` shows them; `PartialEq` does not compare spans): our parser's ASTs skip
/// the fix-up, so they must be what it makes of sqlparser's. Debug builds do it for every
/// statement and panic on a difference; [`check_fast_parser`] records it.
fn verify_fast_parse(ast: &AstStatement, tokens: &[TokenWithSpan], end: Location) {
    dialect::reset_furthest();
    dialect::reset_operators();
    let borrowed: Vec<Tw> = tokens.iter().map(Tw::borrow).collect();
    let reference = sqlparser_statement(tokens.to_vec(), end)
        .and_then(|mut r| fixup_ast(&mut r, &[], &borrowed).map(|()| r));
    let mismatch = match reference {
        Ok(reference) => {
            let (ours, theirs) = (format!("{ast:#?}"), format!("{reference:#?}"));
            (ours != theirs).then(|| {
                format!("our parser and sqlparser disagree on `{ast}`:\nours: {ours}\nsqlparser: {theirs}")
            })
        }
        Err(e) => Some(format!(
            "our parser took `{ast}`, which sqlparser and the AST fix-up reject: {e}"
        )),
    };
    let recorded = VERIFY_FAST.with(|v| match v.borrow_mut().as_mut() {
        Some((taken, first)) => {
            *taken += 1;
            if first.is_none() {
                *first = mismatch.clone();
            }
            true
        }
        None => false,
    });
    if let (false, Some(m)) = (recorded, mismatch) {
        panic!("{m}");
    }
}

/// Parses `sql` and checks every statement our own parser (`fast.rs`) takes against
/// sqlparser's AST. `Ok((parsed, taken))`: statements parsed without error, and how many of
/// them our parser took; `Err`: the first disagreement. For tests and fuzzing.
#[doc(hidden)]
pub fn check_fast_parser(sql: &str) -> Result<(usize, usize), String> {
    VERIFY_FAST.with(|v| *v.borrow_mut() = Some((0, None)));
    let parsed = parse_sql(sql).iter().filter(|r| r.is_ok()).count();
    let (taken, first) = VERIFY_FAST
        .with(|v| v.borrow_mut().take())
        .unwrap_or_default();
    match first {
        Some(m) => Err(m),
        None => Ok((parsed, taken)),
    }
}

/// Like [`convert_error`] for a parser that is gone: `at` is where it stopped.
fn convert_error_at(e: ParserError, at: Location, end: Location) -> ParseError {
    let raw = match e {
        ParserError::ParserError(s) | ParserError::TokenizerError(s) => s,
        ParserError::RecursionLimitExceeded => {
            return ParseError::at(
                "expression nested too deeply (recursion limit exceeded)",
                at,
            );
        }
    };
    let (body, loc) = split_location(&raw);
    let (message, found_eof) = normalize_message(body);
    let loc = if found_eof {
        end
    } else {
        loc.filter(|l| l.line > 0).unwrap_or(at)
    };
    ParseError::at(message, loc)
}

/// Turns a sqlparser error into our message and exact position.
fn convert_error(e: ParserError, parser: &Parser, end: Location) -> ParseError {
    let raw = match e {
        ParserError::ParserError(s) | ParserError::TokenizerError(s) => s,
        ParserError::RecursionLimitExceeded => {
            let loc = dialect::furthest().unwrap_or_else(|| parser.get_current_token().span.start);
            return ParseError::at(
                "expression nested too deeply (recursion limit exceeded)",
                loc,
            );
        }
    };
    let (body, loc) = split_location(&raw);
    let (message, found_eof) = normalize_message(body);
    let loc = if found_eof {
        end
    } else if let Some(loc) = loc.filter(|l| l.line > 0) {
        loc
    } else {
        let cur = parser.get_current_token();
        if matches!(cur.token, Token::EOF) || cur.span.start.line == 0 {
            dialect::furthest().unwrap_or(end)
        } else {
            cur.span.start
        }
    };
    ParseError::at(message, loc)
}

/// Splits sqlparser's ` at Line: X, Column: Y` suffix off a message.
fn split_location(raw: &str) -> (&str, Option<Location>) {
    if let Some(pos) = raw.rfind(" at Line: ") {
        let tail = &raw[pos + " at Line: ".len()..];
        let mut parts = tail.split(", Column: ");
        let line = parts.next().and_then(|s| s.trim().parse::<u64>().ok());
        let column = parts.next().and_then(|s| s.trim().parse::<u64>().ok());
        if let (Some(line), Some(column)) = (line, column) {
            return (&raw[..pos], Some(Location { line, column }));
        }
    }
    (raw, None)
}

/// `Expected: X, found: Y` → `expected X, found Y`; returns whether Y was the end of input.
fn normalize_message(body: &str) -> (String, bool) {
    let body = body.trim();
    if let Some(rest) = body.strip_prefix("Expected: ") {
        if let Some(pos) = rest.rfind(", found: ") {
            let what = quote_symbol(&rest[..pos]);
            let found = rest[pos + ", found: ".len()..].trim();
            if found == "EOF" {
                return (format!("expected {what}, found end of input"), true);
            }
            return (
                format!("expected {what}, found {}", quote_symbol(found)),
                false,
            );
        }
        return (format!("expected {rest}"), false);
    }
    (lowercase_first(body), false)
}

/// Quotes a token that is only punctuation (`,` → `','`), so messages stay readable.
fn quote_symbol(s: &str) -> String {
    if !s.is_empty()
        && !s
            .chars()
            .any(|c| c.is_alphanumeric() || c == '\'' || c == '"' || c == ' ')
    {
        format!("'{s}'")
    } else {
        s.to_string()
    }
}

/// `Unterminated string` → `unterminated string`, but keeps words in capitals (`INTERVAL …`).
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().collect::<String>() + &s[a.len_utf8()..]
        }
        _ => s.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// The thin layer over the token stream
// ---------------------------------------------------------------------------------------------

#[derive(Debug, PartialEq)]
struct Prescan {
    set_operations: usize,
    /// An unquoted `UNNEST` occurs.
    unnest: bool,
    /// An unquoted `JOIN` occurs.
    join: bool,
    /// A comment occurs ([`prescan_plain`] only: the full pre-scan's caller drops whitespace
    /// and comments itself).
    comments: bool,
    /// An error sqlparser might not report itself (a reserved word as a table name); reported
    /// unless parsing fails at an earlier position.
    deferred: Option<ParseError>,
}

fn unquoted_word(t: &Token) -> Option<&Word> {
    match t {
        Token::Word(w) if w.quote_style.is_none() => Some(w),
        _ => None,
    }
}

fn is_word(t: &Token, upper: &str) -> bool {
    unquoted_word(t).is_some_and(|w| w.value.eq_ignore_ascii_case(upper))
}

/// Index of the next non-trivia token at or after `i`.
fn next_real(tokens: &[TokenWithSpan], mut i: usize) -> Option<usize> {
    while i < tokens.len() {
        if !is_trivia(&tokens[i]) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Index of the previous non-trivia token before `i`.
fn prev_real(tokens: &[TokenWithSpan], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !is_trivia(&tokens[j]))
}

fn prescan(
    sql: &str,
    index: &LineIndex,
    tokens: &mut Vec<TokenWithSpan>,
    extras: &mut Extras,
) -> Result<Prescan, ParseError> {
    let mut set_operations = 0;
    let mut unnest = false;
    let mut join = false;
    let mut deferred: Option<ParseError> = None;
    // Whether an unquoted `VALUES` was seen: without one, `parenthesize_values_rows` has
    // nothing to do (nothing here makes new words).
    let mut values = false;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i].token {
            // U&'…' [UESCAPE '<c>']
            Token::Word(w)
                if w.quote_style.is_none()
                    && w.value.eq_ignore_ascii_case("U")
                    && i + 2 < tokens.len()
                    && matches!(tokens[i + 1].token, Token::Ampersand)
                    && tokens[i + 1].span.start == tokens[i].span.end
                    && tokens[i + 2].span.start == tokens[i + 1].span.end
                    && matches!(tokens[i + 2].token, Token::SingleQuotedString(_)) =>
            {
                let Token::SingleQuotedString(body) = tokens[i + 2].token.clone() else {
                    unreachable!()
                };
                let start = tokens[i].span.start;
                let mut end = tokens[i + 2].span.end;
                let mut escape = '\\';
                let mut consumed = vec![i + 1, i + 2];
                if let Some(u) = next_real(tokens, i + 3) {
                    if is_word(&tokens[u].token, "UESCAPE") {
                        let Some(e) = next_real(tokens, u + 1) else {
                            return Err(ParseError::at(
                                "expected an escape character string after UESCAPE, found end of input",
                                tokens[u].span.end,
                            ));
                        };
                        let esc = match &tokens[e].token {
                            Token::SingleQuotedString(s) if s.chars().count() == 1 => {
                                s.chars().next().unwrap()
                            }
                            other => {
                                return Err(ParseError::at(
                                    format!(
                                        "expected a single-character string after UESCAPE, found {other}"
                                    ),
                                    tokens[e].span.start,
                                ))
                            }
                        };
                        if esc.is_ascii_hexdigit()
                            || matches!(esc, '+' | '\'' | '"')
                            || esc.is_whitespace()
                        {
                            return Err(ParseError::at(
                                format!("invalid Unicode escape character '{esc}'"),
                                tokens[e].span.start,
                            ));
                        }
                        escape = esc;
                        end = tokens[e].span.end;
                        consumed.extend((i + 3)..=e);
                    }
                }
                let decoded =
                    decode_unicode_literal(&body, escape).map_err(|m| ParseError::at(m, start))?;
                tokens[i].token = Token::UnicodeStringLiteral(decoded);
                tokens[i].span = sqlparser::tokenizer::Span::new(start, end);
                for j in consumed {
                    blank(&mut tokens[j]);
                }
            }
            // Trino's `0x1F` is an integer (sqlparser reads MySQL's `0x…` binary string).
            Token::HexStringLiteral(h)
                if sql[index.byte(tokens[i].span.start)..].starts_with('0') =>
            {
                let value = radix_literal(h, 16, tokens[i].span.start)?;
                tokens[i].token = Token::Number(value, false);
            }
            // `0X1F`, `0b1010`, `0o17`.
            Token::Number(n, _)
                if n == "0"
                    && i + 1 < tokens.len()
                    && tokens[i + 1].span.start == tokens[i].span.end
                    && matches!(&tokens[i + 1].token, Token::Word(w) if w.quote_style.is_none()
                        && matches!(w.value.chars().next(), Some('x' | 'X' | 'b' | 'B' | 'o' | 'O'))) =>
            {
                let Token::Word(w) = tokens[i + 1].token.clone() else {
                    unreachable!()
                };
                let radix = match w.value.chars().next() {
                    Some('x' | 'X') => 16,
                    Some('b' | 'B') => 2,
                    _ => 8,
                };
                let value = radix_literal(&w.value[1..], radix, tokens[i].span.start)?;
                tokens[i].token = Token::Number(value, false);
                tokens[i].span.end = tokens[i + 1].span.end;
                blank(&mut tokens[i + 1]);
            }
            // `1_000_000`
            Token::Number(n, long) if n.contains('_') => {
                tokens[i].token = Token::Number(n.replace('_', ""), *long);
            }
            // `1a`: an identifier may not start with a digit.
            Token::Number(..)
                if i + 1 < tokens.len()
                    && matches!(tokens[i + 1].token, Token::Word(ref w) if w.quote_style.is_none())
                    && tokens[i + 1].span.start == tokens[i].span.end =>
            {
                return Err(ParseError::at(
                    "identifiers must not start with a digit; surround the identifier with double quotes",
                    tokens[i].span.start,
                ));
            }
            Token::Word(w) if w.quote_style.is_none() => {
                // Unquoted words carry their keyword: no need to upper-case every word.
                match w.keyword {
                    Keyword::UNION | Keyword::INTERSECT | Keyword::EXCEPT => {
                        // Set operations build a left-deep tree too: they share the budget.
                        set_operations += 1;
                        if set_operations > dialect::MAX_OPERATORS_PER_STATEMENT {
                            return Err(ParseError::at(
                                format!(
                                    "statement too complex: more than {} operators",
                                    dialect::MAX_OPERATORS_PER_STATEMENT
                                ),
                                tokens[i].span.start,
                            ));
                        }
                    }
                    Keyword::GROUP => group_by_quantifier(tokens, i, extras)?,
                    Keyword::UNNEST => unnest = true,
                    Keyword::VALUES => values = true,
                    Keyword::JOIN => {
                        join = true;
                        if deferred.is_none() {
                            deferred = reserved_table_name(tokens, i).err();
                        }
                    }
                    Keyword::FOR => table_version(sql, index, tokens, i, extras)?,
                    Keyword::FROM | Keyword::INTO if deferred.is_none() => {
                        deferred = reserved_table_name(tokens, i).err();
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    if values {
        parenthesize_values_rows(tokens);
    }
    Ok(Prescan {
        set_operations,
        unnest,
        join,
        comments: false,
        deferred,
    })
}

/// Trino's `VALUES 1, 2` rows are expressions; sqlparser wants every row in parentheses.
/// Rows that are not already `( … )` get parentheses (zero-width tokens), and a `ROW(a, b)` row
/// becomes `(a, b)` (Trino expands a row constructor into the row's columns).
fn parenthesize_values_rows(tokens: &mut Vec<TokenWithSpan>) {
    let values: Vec<usize> = (0..tokens.len())
        .filter(|&i| is_word(&tokens[i].token, "VALUES"))
        .collect();
    for &v in values.iter().rev() {
        let Some(first) = next_real(tokens, v + 1) else {
            continue;
        };
        // (start, end exclusive, is `ROW(…)`) of every row that needs rewriting.
        let parsed = sub_parse(tokens, first, |parser| {
            let mut rows: Vec<(usize, usize, bool)> = Vec::new();
            loop {
                let start = parser.index();
                let expr = parser.parse_expr()?;
                let end = parser.index();
                let is_row_call = matches!(&expr, Expr::Function(f)
                    if f.name.0.len() == 1
                        && f.name.0[0].as_ident().is_some_and(|i| {
                            i.quote_style.is_none() && i.value.eq_ignore_ascii_case("ROW")
                        })
                        && f.over.is_none()
                        && f.filter.is_none());
                if !matches!(expr, Expr::Tuple(_) | Expr::Nested(_)) {
                    rows.push((first + start, first + end, is_row_call));
                }
                if !parser.consume_token(&Token::Comma) {
                    return Ok(rows);
                }
            }
        });
        let Ok((rows, _)) = parsed else { continue };
        for &(start, end, is_row_call) in rows.iter().rev() {
            let Some(s) = next_real(tokens, start) else {
                continue;
            };
            if is_row_call {
                blank(&mut tokens[s]);
                continue;
            }
            let e = prev_real(tokens, end).unwrap_or(s);
            let close = tokens[e].span.end;
            let open = tokens[s].span.start;
            let zero = |loc: Location| sqlparser::tokenizer::Span::new(loc, loc);
            tokens.insert(
                e + 1,
                TokenWithSpan {
                    token: Token::RParen,
                    span: zero(close),
                },
            );
            tokens.insert(
                s,
                TokenWithSpan {
                    token: Token::LParen,
                    span: zero(open),
                },
            );
        }
    }
}

/// The value of a `0x…`/`0b…`/`0o…` integer literal's digits, in decimal.
fn radix_literal(digits: &str, radix: u32, at: Location) -> Result<String, ParseError> {
    let digits = digits.replace('_', "");
    if digits.is_empty() {
        return Err(ParseError::at("invalid numeric literal", at));
    }
    u128::from_str_radix(&digits, radix)
        .map(|v| v.to_string())
        .map_err(|_| ParseError::at("invalid numeric literal", at))
}

/// `FROM select` & co.: a reserved word cannot be a table name.
fn reserved_table_name(tokens: &[TokenWithSpan], i: usize) -> Result<(), ParseError> {
    let Some(n) = next_real(tokens, i + 1) else {
        return Ok(());
    };
    if let Some(w) = unquoted_word(&tokens[n].token) {
        if not_a_table_name(&w.value) {
            return Err(ParseError::at(
                format!("expected a table name, found {}", w.value),
                tokens[n].span.start,
            ));
        }
    }
    Ok(())
}

/// Whether an unquoted word after `FROM`, `JOIN` or `INTO` is a reserved word that cannot
/// name a table. `FROM` also appears inside expressions (`EXTRACT(YEAR FROM CAST(…))`,
/// `IS DISTINCT FROM NULL`), so words that start an expression are left to the parser.
fn not_a_table_name(word: &str) -> bool {
    dialect::is_reserved_word(word)
        && !dialect::is_expression_reserved_word(word)
        && !["UNNEST", "TABLE", "JSON_TABLE"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(word))
}

/// [`prescan`] of our tokenizer's tokens when it has nothing to rewrite, record or report:
/// set operations counted, `UNNEST` and `JOIN` noted. `None` when it might do more (`VALUES`,
/// `FOR`, `GROUP BY DISTINCT|ALL`, a reserved word as a table name, a literal it rewrites,
/// too many set operations …): the statement then takes the way of sqlparser's tokens.
///
/// It reads the tokens at `at` (indices, in order; those out of range are skipped): all of
/// them, or only the marked ones (`lex::Lines::marks`), which it tells apart from the others
/// (its test checks that both give the same).
fn prescan_plain(tokens: &[Tw], at: impl IntoIterator<Item = usize>) -> Option<Prescan> {
    let next_real = |i: usize| -> Option<(usize, &Tw)> {
        (i..tokens.len())
            .map(|j| (j, &tokens[j]))
            .find(|(_, t)| !t.is_trivia())
    };
    let unquoted = |t: Option<(usize, &Tw)>, upper: &str| -> bool {
        matches!(t, Some((_, Tw { token: Tok::Word(w), .. }))
            if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(upper))
    };
    let table_name_reserved = |i: usize| -> bool {
        matches!(next_real(i + 1), Some((_, Tw { token: Tok::Word(w), .. }))
            if w.quote_style.is_none() && not_a_table_name(w.value))
    };
    let mut set_operations = 0;
    let mut unnest = false;
    let mut join = false;
    let mut comments = false;
    for i in at {
        let Some(t) = tokens.get(i) else {
            continue;
        };
        match &t.token {
            Tok::Word(w) if w.quote_style.is_none() => match w.keyword {
                Keyword::UNION | Keyword::INTERSECT | Keyword::EXCEPT => {
                    set_operations += 1;
                    if set_operations > dialect::MAX_OPERATORS_PER_STATEMENT {
                        return None;
                    }
                }
                Keyword::GROUP => {
                    let by = next_real(i + 1);
                    if let (true, Some((b, _))) = (unquoted(by, "BY"), by) {
                        let q = next_real(b + 1);
                        if unquoted(q, "DISTINCT") || unquoted(q, "ALL") {
                            return None;
                        }
                    }
                }
                Keyword::UNNEST => unnest = true,
                Keyword::VALUES | Keyword::FOR => return None,
                Keyword::JOIN => {
                    join = true;
                    if table_name_reserved(i) {
                        return None;
                    }
                }
                Keyword::FROM | Keyword::INTO if table_name_reserved(i) => return None,
                _ => {}
            },
            // Our tokenizer leaves the literals the pre-scan rewrites or rejects to sqlparser's
            // (`0x1F`, `1_000`, `1a`, `U&'…'`); should one occur, the full pre-scan sees it.
            Tok::Number(n, _)
                if n.contains('_')
                    || tokens.get(i + 1).is_some_and(|u| {
                        u.span.start == t.span.end && matches!(u.token, Tok::Word(_))
                    }) =>
            {
                return None
            }
            Tok::HexStringLiteral(_) | Tok::Other(_) => return None,
            Tok::LineComment(_) | Tok::BlockComment(_) => comments = true,
            _ => {}
        }
    }
    Some(Prescan {
        set_operations,
        unnest,
        join,
        comments,
        deferred: None,
    })
}

/// `GROUP BY DISTINCT|ALL`: record the owning query block and remove the quantifier.
fn group_by_quantifier(
    tokens: &mut [TokenWithSpan],
    i: usize,
    extras: &mut Extras,
) -> Result<(), ParseError> {
    let Some(by) = next_real(tokens, i + 1) else {
        return Ok(());
    };
    if !is_word(&tokens[by].token, "BY") {
        return Ok(());
    }
    let Some(q) = next_real(tokens, by + 1) else {
        return Ok(());
    };
    let distinct = is_word(&tokens[q].token, "DISTINCT");
    let all = is_word(&tokens[q].token, "ALL");
    if !distinct && !all {
        return Ok(());
    }
    // `GROUP BY ALL` must be followed by grouping elements (Trino has no DuckDB-style
    // `GROUP BY ALL`).
    let after = next_real(tokens, q + 1);
    let ends = match after {
        None => true,
        Some(a) => match &tokens[a].token {
            Token::RParen | Token::Comma => true,
            Token::Word(w) if w.quote_style.is_none() => matches!(
                w.value.to_ascii_uppercase().as_str(),
                "HAVING"
                    | "ORDER"
                    | "LIMIT"
                    | "OFFSET"
                    | "FETCH"
                    | "WINDOW"
                    | "UNION"
                    | "INTERSECT"
                    | "EXCEPT"
            ),
            _ => false,
        },
    };
    if ends {
        let found = after
            .map(|a| tokens[a].token.to_string())
            .unwrap_or("end of input".into());
        let loc = after
            .map(|a| tokens[a].span.start)
            .unwrap_or(tokens[q].span.end);
        return Err(ParseError::at(
            format!(
                "expected a grouping element after GROUP BY {}, found {found}",
                tokens[q].token
            ),
            loc,
        ));
    }
    // The owning SELECT: the nearest preceding SELECT at the same parenthesis depth.
    let mut depth = 0i32;
    let mut select = None;
    for j in (0..i).rev() {
        match &tokens[j].token {
            Token::RParen => depth += 1,
            Token::LParen => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            t if depth == 0 && is_word(t, "SELECT") => {
                select = Some(tokens[j].span.start);
                break;
            }
            _ => {}
        }
    }
    let at = span_of(select.unwrap_or(tokens[i].span.start));
    if distinct {
        extras.group_by_distinct.push(at);
    } else {
        extras.group_by_all.push(at);
    }
    blank(&mut tokens[q]);
    Ok(())
}

/// `<table> FOR TIMESTAMP|VERSION AS OF <expr>`: parse the expression, record it, and remove
/// the clause from the token stream (it is put back into the AST after parsing).
fn table_version(
    sql: &str,
    index: &LineIndex,
    tokens: &mut [TokenWithSpan],
    i: usize,
    extras: &mut Extras,
) -> Result<(), ParseError> {
    let Some(k) = next_real(tokens, i + 1) else {
        return Ok(());
    };
    let kind = if is_word(&tokens[k].token, "TIMESTAMP") {
        TableVersionKind::Timestamp
    } else if is_word(&tokens[k].token, "VERSION") {
        TableVersionKind::Version
    } else {
        return Ok(());
    };
    let Some(a) = next_real(tokens, k + 1) else {
        return Ok(());
    };
    if !is_word(&tokens[a].token, "AS") {
        return Ok(());
    }
    let Some(o) = next_real(tokens, a + 1) else {
        return Ok(());
    };
    if !is_word(&tokens[o].token, "OF") {
        return Ok(());
    }
    // The table name: Word (. Word)* right before FOR.
    let mut name_start = None;
    let mut j = prev_real(tokens, i);
    while let Some(w) = j {
        if !matches!(tokens[w].token, Token::Word(_)) {
            break;
        }
        name_start = Some(w);
        match prev_real(tokens, w) {
            Some(p) if matches!(tokens[p].token, Token::Period) => j = prev_real(tokens, p),
            _ => break,
        }
    }
    let Some(name_start) = name_start else {
        return Err(ParseError::at(
            "FOR TIMESTAMP/VERSION AS OF must follow a table name",
            tokens[i].span.start,
        ));
    };
    let name_end = prev_real(tokens, i).unwrap_or(name_start);
    let table_name = sql
        [index.byte(tokens[name_start].span.start)..index.byte(tokens[name_end].span.end)]
        .to_string();

    // Parse the expression on its own.
    let (expr, consumed) = match sub_parse(tokens, o + 1, |p| p.parse_expr()) {
        Ok(r) => r,
        Err((e, at)) => {
            let end = tokens
                .last()
                .map(|t| t.span.end)
                .unwrap_or(tokens[o].span.end);
            return Err(convert_error_at(e, at, end));
        }
    };
    let expr_end = o + 1 + consumed; // exclusive index into `tokens`
    let Some(expr_first) = next_real(tokens, o + 1).filter(|&f| f < expr_end) else {
        return Err(ParseError::at(
            "expected an expression after AS OF",
            tokens[o].span.end,
        ));
    };
    let expr_last = prev_real(tokens, expr_end).unwrap_or(expr_first);
    let expr_text = sql
        [index.byte(tokens[expr_first].span.start)..index.byte(tokens[expr_last].span.end)]
        .to_string();
    extras.table_versions.push(TableVersionClause {
        table: span_of(tokens[name_start].span.start),
        table_name,
        kind,
        span: span_of(tokens[i].span.start),
        expr_text,
        expr,
    });
    for t in tokens.iter_mut().take(expr_end).skip(i) {
        blank(t);
    }
    Ok(())
}

/// Runs `f` on a parser over `tokens[first..]` and returns its result and how many tokens it
/// consumed. To stay linear on inputs with many such sub-parses, the parser sees a window of
/// tokens that is doubled while the parse gets near its end.
fn sub_parse<T>(
    tokens: &[TokenWithSpan],
    first: usize,
    mut f: impl FnMut(&mut Parser) -> Result<T, ParserError>,
) -> Result<(T, usize), (ParserError, Location)> {
    let rest = tokens.len().saturating_sub(first);
    let mut window = 256.min(rest);
    loop {
        let dialect = TrinoDialect;
        dialect::reset_furthest();
        dialect::reset_operators();
        let mut parser = Parser::new(&dialect)
            .with_tokens_with_locations(tokens[first..first + window].to_vec());
        let result = f(&mut parser);
        // Did the parse look at the last tokens of the window? Then it may have stopped only
        // because the window ended.
        let guard = window.saturating_sub(16);
        let near_end = parser.index() >= guard
            || (guard < window
                && dialect::furthest().is_some_and(|l| l >= tokens[first + guard].span.start));
        if window < rest && near_end {
            window = (window * 2).min(rest);
            continue;
        }
        return match result {
            Ok(t) => Ok((t, parser.index())),
            Err(e) => {
                let at = dialect::furthest().unwrap_or(parser.get_current_token().span.start);
                Err((e, at))
            }
        };
    }
}

/// Fixes up and checks the AST after parsing, in one walk over its queries and table factors:
///
/// * puts the recorded `FOR … AS OF` expressions into their tables' `version`;
/// * turns `UNNEST(a, …)`, which sqlparser parses as a table function for dialects other than
///   its own few, into `TableFactor::UNNEST { array_exprs, with_ordinality, alias, .. }`;
/// * rejects joins Trino does not have: `[INNER|LEFT|RIGHT|FULL] JOIN` without `ON`/`USING`,
///   `SEMI`/`ANTI`/`APPLY`/`ASOF`/`STRAIGHT_JOIN`/`ARRAY JOIN`.
///
/// Only sqlparser's ASTs need it: our parser (fast.rs) builds `UNNEST` as the fix-up leaves
/// it, and leaves to sqlparser the joins and `UNNEST` arguments the fix-up rejects (which
/// `verify_fast_parse` checks).
///
/// The walk recurses through the whole AST, so big statements are walked on a thread with a
/// large stack.
fn fixup_ast(
    ast: &mut AstStatement,
    versions: &[TableVersionClause],
    tokens: &[Tw],
) -> Result<(), ParseError> {
    let mut v = Fixup {
        versions,
        tokens,
        done: vec![false; versions.len()],
        error: None,
    };
    if tokens.len() > INLINE_WALK_TOKENS {
        // A big statement may hold long operator chains: walk it with a deep stack at hand,
        // switching to a stack of our own only when the caller's has less left (a thread per
        // statement, as before, cost more than the walk itself).
        let need = tokens
            .len()
            .saturating_mul(FIXUP_STACK_PER_TOKEN)
            .min(FIXUP_STACK);
        stacker::maybe_grow(need, FIXUP_STACK, || {
            let _ = ast.visit(&mut v);
        });
    } else {
        // Small statement: sqlparser's limits keep the AST shallow.
        let _ = ast.visit(&mut v);
    }
    if let Some(e) = v.error {
        return Err(e);
    }
    if let Some(k) = v.done.iter().position(|d| !d) {
        let s = versions[k].span;
        return Err(ParseError {
            message: "FOR TIMESTAMP/VERSION AS OF must follow a table name in FROM".to_string(),
            line: s.line,
            column: s.column,
        });
    }
    Ok(())
}

struct Fixup<'a> {
    versions: &'a [TableVersionClause],
    tokens: &'a [Tw<'a>],
    done: Vec<bool>,
    error: Option<ParseError>,
}

impl<'a> Fixup<'a> {
    /// The first token at or after `loc`.
    fn token_at_or_after(&self, loc: Location) -> Option<&Tw<'a>> {
        self.tokens
            .iter()
            .find(|t| !t.is_trivia() && t.span.start >= loc)
    }

    fn check_joins(&mut self, twj: &TableWithJoins) {
        for j in &twj.joins {
            let missing = match &j.join_operator {
                JoinOperator::Join(c)
                | JoinOperator::Inner(c)
                | JoinOperator::Left(c)
                | JoinOperator::LeftOuter(c)
                | JoinOperator::Right(c)
                | JoinOperator::RightOuter(c)
                | JoinOperator::FullOuter(c) => *c == JoinConstraint::None,
                JoinOperator::CrossJoin(JoinConstraint::None) => false,
                _ => {
                    let at = j.relation.span().start;
                    self.fail("this kind of join is not Trino syntax".to_string(), at);
                    return;
                }
            };
            if missing {
                let end = j.relation.span().end;
                let (found, at) = match self.token_at_or_after(end) {
                    Some(t) => (quote_symbol(&t.token.to_string()), t.span.start),
                    None => (
                        "end of input".to_string(),
                        self.tokens.last().map(|t| t.span.end).unwrap_or(end),
                    ),
                };
                self.fail(
                    format!("expected ON or USING after the joined relation, found {found}"),
                    at,
                );
                return;
            }
        }
    }

    fn fail(&mut self, message: String, at: Location) {
        if self.error.is_none() {
            let at = if at.line == 0 {
                self.tokens
                    .first()
                    .map(|t| t.span.start)
                    .unwrap_or(Location { line: 1, column: 1 })
            } else {
                at
            };
            self.error = Some(ParseError::at(message, at));
        }
    }
}

impl VisitorMut for Fixup<'_> {
    type Break = ();

    fn pre_visit_query(&mut self, query: &mut Query) -> std::ops::ControlFlow<Self::Break> {
        // The query's own SELECT blocks (set operations walked without recursion).
        let mut stack: Vec<&SetExpr> = vec![query.body.as_ref()];
        while let Some(body) = stack.pop() {
            match body {
                SetExpr::Select(s) => {
                    for twj in &s.from {
                        self.check_joins(twj);
                    }
                }
                SetExpr::SetOperation { left, right, .. } => {
                    stack.push(left);
                    stack.push(right);
                }
                _ => {}
            }
        }
        if self.error.is_some() {
            return std::ops::ControlFlow::Break(());
        }
        std::ops::ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(
        &mut self,
        tf: &mut TableFactor,
    ) -> std::ops::ControlFlow<Self::Break> {
        if let TableFactor::NestedJoin {
            table_with_joins, ..
        } = tf
        {
            self.check_joins(table_with_joins);
        }
        let TableFactor::Table {
            name,
            version,
            args,
            alias,
            with_ordinality,
            ..
        } = tf
        else {
            return self.flow();
        };
        if let Some(first) = name.0.first().and_then(|p| p.as_ident()) {
            let at = span_of(first.span.start);
            for (k, v) in self.versions.iter().enumerate() {
                if !self.done[k] && v.table == at {
                    *version = Some(match v.kind {
                        TableVersionKind::Timestamp => TableVersion::TimestampAsOf(v.expr.clone()),
                        TableVersionKind::Version => TableVersion::VersionAsOf(v.expr.clone()),
                    });
                    self.done[k] = true;
                }
            }
        }
        let unnest_at = match name.0.as_slice() {
            [part] => part
                .as_ident()
                .filter(|i| i.quote_style.is_none() && i.value.eq_ignore_ascii_case("UNNEST")),
            _ => None,
        }
        .map(|i| i.span.start);
        if let (Some(at), None) = (unnest_at, &version) {
            if let Some(a) = args.take() {
                let mut array_exprs = Vec::with_capacity(a.args.len());
                for arg in a.args {
                    match arg {
                        FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => array_exprs.push(e),
                        other => {
                            self.fail(
                                format!("expected an array expression in UNNEST, found {other}"),
                                at,
                            );
                            return self.flow();
                        }
                    }
                }
                *tf = TableFactor::UNNEST {
                    alias: alias.take(),
                    array_exprs,
                    with_offset: false,
                    with_offset_alias: None,
                    with_ordinality: *with_ordinality,
                };
            }
        }
        self.flow()
    }
}

impl Fixup<'_> {
    fn flow(&self) -> std::ops::ControlFlow<()> {
        if self.error.is_some() {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    }
}

/// Statements with at most this many tokens are walked on the caller's thread.
const INLINE_WALK_TOKENS: usize = 2_000;

/// Stack of the thread that walks an AST after parsing (reserved, not committed, memory).
const FIXUP_STACK: usize = 256 << 20;

/// Stack a big statement's AST walk wants free, per token, before it runs on the caller's
/// stack: every level of nesting takes at least two tokens, and a level of sqlparser's visitor
/// takes well under 2 KiB even in debug builds.
const FIXUP_STACK_PER_TOKEN: usize = 1024;

/// Decodes the body of a `U&'…'` literal (after `''` → `'`): `<esc>XXXX` (4 hex digits),
/// `<esc>+XXXXXX` (6 hex digits) and `<esc><esc>` (the escape character itself). The escape
/// character is `\` unless `UESCAPE '<c>'` says otherwise.
pub fn decode_unicode_literal(body: &str, escape: char) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != escape {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&escape) {
            chars.next();
            out.push(escape);
            continue;
        }
        let digits = if chars.peek() == Some(&'+') {
            chars.next();
            6
        } else {
            4
        };
        let mut value = 0u32;
        for _ in 0..digits {
            match chars.next().and_then(|d| d.to_digit(16)) {
                Some(d) => value = value * 16 + d,
                None => {
                    return Err(format!(
                        "invalid Unicode escape: expected {digits} hex digits after '{escape}'"
                    ))
                }
            }
        }
        match char::from_u32(value) {
            Some(ch) => out.push(ch),
            None => return Err(format!("invalid Unicode code point {value:X}")),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------------------------

/// Maps tokenizer locations (1-based line, 1-based column in characters) to byte offsets.
struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
    ascii: Vec<bool>,
}

/// [`LineIndex::new`]'s byte-at-a-time step, for `bytes` at offset `base` of the source.
fn line_index_bytes(
    bytes: &[u8],
    base: usize,
    starts: &mut Vec<usize>,
    ascii: &mut Vec<bool>,
    line_ascii: &mut bool,
) {
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            starts.push(base + i + 1);
            ascii.push(*line_ascii);
            *line_ascii = true;
        } else if b >= 0x80 {
            *line_ascii = false;
        }
    }
}

impl<'a> LineIndex<'a> {
    fn new(src: &'a str) -> Self {
        // One pass over the bytes: where each line starts, and whether it is ASCII. Eight
        // bytes at a time: most words of eight hold neither a newline nor a non-ASCII byte.
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let bytes = src.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 2);
        starts.push(0);
        let mut ascii = Vec::with_capacity(bytes.len() / 32 + 2);
        let mut line_ascii = true;
        let mut chunks = bytes.chunks_exact(8);
        let mut base = 0;
        for chunk in &mut chunks {
            let w = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            let nl = w ^ (ONES * u64::from(b'\n'));
            // A zero byte in `nl` (a newline in `w`) or a high bit in `w`.
            if (nl.wrapping_sub(ONES) & !nl | w) & HIGH != 0 {
                line_index_bytes(chunk, base, &mut starts, &mut ascii, &mut line_ascii);
            }
            base += 8;
        }
        line_index_bytes(
            chunks.remainder(),
            base,
            &mut starts,
            &mut ascii,
            &mut line_ascii,
        );
        ascii.push(line_ascii);
        LineIndex { src, starts, ascii }
    }

    fn byte(&self, loc: Location) -> usize {
        let line = (loc.line as usize).max(1);
        let Some(&start) = self.starts.get(line - 1) else {
            return self.src.len();
        };
        let end = self.starts.get(line).copied().unwrap_or(self.src.len());
        let text = &self.src[start..end];
        let col = (loc.column as usize).max(1) - 1;
        if self.ascii[line - 1] {
            return start + col.min(text.len());
        }
        match text.char_indices().nth(col) {
            Some((i, _)) => start + i,
            None => end,
        }
    }
}

#[cfg(test)]
mod line_index_tests {
    use super::LineIndex;

    /// `n` strings of up to 63 random `pieces` each.
    pub(super) fn random_inputs(pieces: &[&str], mut seed: u64, n: usize) -> Vec<String> {
        (0..n)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (0..seed >> 58)
                    .map(|k| pieces[((seed >> (k % 40)) as usize) % pieces.len()])
                    .collect()
            })
            .collect()
    }

    /// The word-at-a-time scan finds the lines (and their ASCII-ness) a byte-at-a-time one
    /// finds, wherever the newlines and non-ASCII characters fall.
    #[test]
    fn agrees_with_a_byte_scan() {
        let pieces = ["a", "\n", "é", "\u{1F600}", "bcdefgh", "\n\n", " ", "x\ny"];
        for s in random_inputs(&pieces, 7, 2_000) {
            let index = LineIndex::new(&s);
            let mut starts = vec![0];
            let mut ascii = vec![];
            for line in s.split('\n') {
                ascii.push(line.is_ascii());
                starts.push(starts.last().unwrap() + line.len() + 1);
            }
            starts.pop();
            assert_eq!((index.starts, index.ascii), (starts, ascii), "{s:?}");
        }
    }

    /// The lines our tokenizer notes on its way are the line index's, on the corpus and on
    /// random inputs with newlines and non-ASCII characters in strings, names and comments.
    #[test]
    fn tokenizer_finds_the_same_lines() {
        let same = |s: &str| -> bool {
            let mut lines = crate::lex::Lines::default();
            if !crate::lex::tokenize_borrowed(s, &mut Vec::new(), &mut lines) {
                return false;
            }
            let index = LineIndex::new(s);
            assert_eq!(
                (index.starts, index.ascii),
                (lines.starts, lines.ascii),
                "{s:?}"
            );
            true
        };
        let mut taken = 0;
        for f in crate::corpus_files() {
            taken += usize::from(same(&std::fs::read_to_string(f).unwrap()));
        }
        assert!(taken > 200, "{taken} corpus files tokenized");
        let pieces = [
            "a",
            "\n",
            " ",
            "'é'",
            "'x\ny'",
            "'ü\n'",
            "\"\u{1F600}\"",
            "\"a\nb\"",
            "-- é\n",
            "/* \n ß */",
            "/* x */",
            "''",
            "\t",
            "12",
            ",",
        ];
        for s in random_inputs(&pieces, 11, 4_000) {
            taken += usize::from(same(&s));
        }
        assert!(taken > 2_000, "{taken} inputs tokenized");
    }
}

#[cfg(test)]
mod prescan_tests {
    use super::*;

    /// Checks every statement of `sql` our tokenizer takes: where [`prescan_plain`] finds
    /// nothing to do, the full [`prescan`] must agree (no error, nothing deferred, no extras,
    /// no token changed, the same counts). Returns (statements it took, statements it left).
    fn check(sql: &str) -> (usize, usize) {
        let mut tokens = Vec::new();
        let mut lines = crate::lex::Lines::default();
        if !crate::lex::tokenize_borrowed(sql, &mut tokens, &mut lines) {
            return (0, 0);
        }
        let index = LineIndex::new(sql);
        let (mut took, mut left) = (0, 0);
        let by_split: Vec<&[Tw]> = tokens
            .split(|t| matches!(t.token, Tok::SemiColon))
            .collect();
        let by_marks: Vec<_> = statements(&tokens, &lines.marks).collect();
        assert_eq!(by_split.len(), by_marks.len(), "{sql:?}");
        for (chunk, (marked, base, marks)) in by_split.into_iter().zip(by_marks) {
            assert!(chunk == marked, "{sql:?}");
            let (Some(first), Some(last)) = (
                chunk.iter().position(|t| !t.is_trivia()),
                chunk.iter().rposition(|t| !t.is_trivia()),
            ) else {
                continue;
            };
            let chunk = &chunk[first..=last];
            // Reading only the marked tokens changes nothing.
            let from_marks = marks.iter().map(|&k| k.wrapping_sub(base + first));
            assert_eq!(
                prescan_plain(chunk, 0..chunk.len()),
                prescan_plain(chunk, from_marks),
                "{sql:?}"
            );
            let Some(plain) = prescan_plain(chunk, 0..chunk.len()) else {
                left += 1;
                continue;
            };
            took += 1;
            let before: Vec<TokenWithSpan> = chunk.iter().map(Tw::to_owned_token).collect();
            let mut owned = before.clone();
            let mut extras = Extras::default();
            let full = prescan(sql, &index, &mut owned, &mut extras)
                .unwrap_or_else(|e| panic!("{sql:?}: the full pre-scan fails: {e:?}"));
            assert!(
                full.deferred.is_none(),
                "{sql:?}: the full pre-scan defers an error"
            );
            assert_eq!(extras, Extras::default(), "{sql:?}");
            assert!(owned == before, "{sql:?}: the full pre-scan changes tokens");
            assert_eq!(
                (full.set_operations, full.unnest, full.join),
                (plain.set_operations, plain.unnest, plain.join),
                "{sql:?}"
            );
        }
        (took, left)
    }

    /// The token buffer's allocation outlives the call (in-place collect into `'static`
    /// tokens); a huge one does not.
    #[test]
    fn token_buffer_is_kept() {
        parse_sql("SELECT a FROM t");
        let kept = TOKEN_BUFFER.take();
        assert!(kept.is_empty() && kept.capacity() > 0);
        parse_sql(&"SELECT 1 ".repeat(KEPT_TOKEN_BUFFER));
        assert_eq!(TOKEN_BUFFER.take().capacity(), 0);
    }

    /// [`prescan_plain`] (the pre-scan of borrowed tokens, which lets a statement skip
    /// sqlparser's owned tokens) claims "nothing to do" only where the full pre-scan does
    /// nothing: on the corpus and on random statements made of the words it reacts to.
    #[test]
    fn plain_prescan_agrees_with_the_full_one() {
        let (mut took, mut left) = (0, 0);
        for f in crate::corpus_files() {
            let (t, l) = check(&std::fs::read_to_string(f).unwrap());
            took += t;
            left += l;
        }
        assert!(took > 100, "{took} corpus statements taken");
        let pieces = [
            " SELECT ",
            " FROM ",
            " JOIN ",
            " VALUES ",
            " UNION ",
            " INTERSECT ",
            " EXCEPT ",
            " GROUP BY ",
            " DISTINCT ",
            " ALL ",
            " FOR ",
            " INTO ",
            " UNNEST ",
            " TABLE ",
            " select ",
            " from t ",
            " join u ",
            " order ",
            " limit ",
            " x ",
            " \"q\" ",
            " 0x1F ",
            " 0",
            "x1",
            " 1_000 ",
            " 1a ",
            " 12 ",
            " 'a''b' ",
            " 's' ",
            "(",
            ")",
            ",",
            ";",
            " -- c\n",
            " /* c */ ",
            "\n",
            " AS ",
            " ON ",
            " group ",
            " by ",
            " all ",
        ];
        for s in super::line_index_tests::random_inputs(&pieces, 13, 50_000) {
            let (t, l) = check(&s);
            took += t;
            left += l;
        }
        assert!(took > 3_000 && left > 3_000, "{took} taken, {left} left");
    }
}
