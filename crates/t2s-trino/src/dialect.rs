//! The Trino dialect for sqlparser.
//!
//! [`TrinoDialect`] starts from what sqlparser's generic/ANSI dialects accept and overrides what
//! Trino does differently:
//!
//! * **Lexical**: identifiers are `"double quoted"` (`""` inside is one quote; backticks are not
//!   identifiers); string literals have no backslash escapes (`'a\b'` is three characters, `''`
//!   is one quote); `X'…'` is a binary literal (`Value::HexStringLiteral`); `U&'…'` literals
//!   (with optional `UESCAPE '…'`) are decoded by the statement layer in [`crate::parse`] into
//!   `Value::UnicodeStringLiteral(decoded text)`; `--` and non-nested `/* */` comments.
//! * **Reserved words** ([`RESERVED_WORDS`], from Trino's documentation) are never taken as an
//!   unquoted identifier, column alias or table alias: `SELECT a, b + FROM t` is an error
//!   ("expected an expression, found FROM") where every built-in sqlparser dialect reads
//!   `b + "FROM" AS t`. Quoted, they are ordinary identifiers (`"from"`).
//! * **Lambdas** `x -> x + 1` and `(x, y) -> x + y` parse as `Expr::Lambda` (never as the JSON
//!   `->` operator, which Trino does not have).
//! * **Operators**: `||` binds looser than `+`/`-` (as in Trino's grammar: `'a' || 1 + 2` is
//!   `'a' || (1 + 2)`); operators that Trino does not have (`::`, `^`, `&`, `|`, `->>`, `#>`,
//!   `ILIKE`, `RLIKE`, `REGEXP`, `SIMILAR TO`, `DIV`, `XOR`, …) end the expression, so they are
//!   reported as syntax errors instead of being given another dialect's meaning.
//! * **Types** are parsed by our own recursive type parser ([`parse_type`]) wherever a type
//!   appears: `CAST`/`TRY_CAST`, typed literals, `CREATE TABLE` column definitions.
//! * **`MATCH_RECOGNIZE`** is accepted (`TableFactor::MatchRecognize`).
//! * **Limits**: an operator chain (`a + b + …`) longer than [`MAX_CHAINED_OPERATORS`], more
//!   than [`MAX_OPERATORS_PER_STATEMENT`] operators in a statement, or types nested deeper than
//!   [`MAX_TYPE_DEPTH`] are clean errors; sqlparser's recursion limit bounds all other nesting.
//! * **`CREATE TABLE`** (with columns, or `AS` query with optional column aliases, `COMMENT`,
//!   `WITH (properties)`, `WITH [NO] DATA`) is parsed by this dialect (see
//!   [`TrinoDialect::parse_statement`]): `Statement::CreateTable` with `table_options =
//!   CreateTableOptions::With(..)`. CTAS column aliases `CREATE TABLE t (a, b) AS …` become
//!   `ColumnDef`s whose `data_type` is `DataType::Unspecified`. A column's `NOT NULL` is
//!   `ColumnOption::NotNull`, its `COMMENT 'x'` is `ColumnOption::Comment`, its
//!   `WITH (…)` is `ColumnOption::Options`.
//!
//! # Trino type → sqlparser `DataType`
//!
//! The lowering reads types through this table. Type names are matched case-insensitively
//! (quoted or not); parameters must be integer literals where shown.
//!
//! | Trino type                          | sqlparser `DataType`                                                  |
//! |-------------------------------------|-----------------------------------------------------------------------|
//! | `BOOLEAN`                           | `Boolean`                                                             |
//! | `TINYINT`                           | `TinyInt(None)`                                                       |
//! | `SMALLINT`                          | `SmallInt(None)`                                                      |
//! | `INTEGER`, `INT`                    | `Integer(None)`                                                       |
//! | `BIGINT`                            | `BigInt(None)`                                                        |
//! | `REAL`                              | `Real`                                                                |
//! | `DOUBLE`, `DOUBLE PRECISION`        | `Double(ExactNumberInfo::None)`                                       |
//! | `DECIMAL`                           | `Decimal(ExactNumberInfo::None)`                                      |
//! | `DECIMAL(p)`                        | `Decimal(ExactNumberInfo::Precision(p))`                              |
//! | `DECIMAL(p, s)`                     | `Decimal(ExactNumberInfo::PrecisionAndScale(p, s))`                   |
//! | `VARCHAR`                           | `Varchar(None)`                                                       |
//! | `VARCHAR(n)`                        | `Varchar(Some(CharacterLength::IntegerLength { length: n, unit: None }))` |
//! | `CHAR`                              | `Char(None)`                                                          |
//! | `CHAR(n)`                           | `Char(Some(CharacterLength::IntegerLength { length: n, unit: None }))` |
//! | `VARBINARY`                         | `Varbinary(None)`                                                     |
//! | `JSON`                              | `JSON`                                                                |
//! | `DATE`                              | `Date`                                                                |
//! | `TIME[(p)]`                         | `Time(p, TimezoneInfo::None)`                                         |
//! | `TIME[(p)] WITHOUT TIME ZONE`       | `Time(p, TimezoneInfo::WithoutTimeZone)` (same meaning as `None`)     |
//! | `TIME[(p)] WITH TIME ZONE`          | `Time(p, TimezoneInfo::WithTimeZone)`                                 |
//! | `TIMESTAMP[(p)]`                    | `Timestamp(p, TimezoneInfo::None)`                                    |
//! | `TIMESTAMP[(p)] WITHOUT TIME ZONE`  | `Timestamp(p, TimezoneInfo::WithoutTimeZone)` (same meaning as `None`)|
//! | `TIMESTAMP[(p)] WITH TIME ZONE`     | `Timestamp(p, TimezoneInfo::WithTimeZone)`                            |
//! | `INTERVAL YEAR TO MONTH`            | `Interval { fields: Some(IntervalFields::YearToMonth), precision: None }` |
//! | `INTERVAL DAY TO SECOND`            | `Interval { fields: Some(IntervalFields::DayToSecond), precision: None }` |
//! | `INTERVAL <f>` / `INTERVAL <f> TO <g>` (other fields) | `Interval { fields: Some(IntervalFields::…), precision: None }` |
//! | `ARRAY(T)`, `ARRAY<T>`, `T ARRAY`   | `Array(ArrayElemTypeDef::Parenthesis(Box<T>))`                        |
//! | `MAP(K, V)`, `MAP<K, V>`            | `Map(Box<K>, Box<V>, MapBracketKind::Parentheses)`                    |
//! | `ROW(a T, b U)`                     | `Struct(vec![StructField { field_name: Some(a), field_type: T, options: None }, …], StructBracketKind::Parentheses)` |
//! | `ROW(T, U)`                         | `Struct(vec![StructField { field_name: None, field_type: T, options: None }, …], StructBracketKind::Parentheses)` |
//! | anything else, e.g. `UUID`, `IPADDRESS`, `HyperLogLog`, `qdigest(bigint)`, `varchar(10)` written with an unknown name | `Custom(ObjectName([name as written]), params)` where each parameter is an integer literal's text or a nested type printed by [`format_type`] (e.g. `["BIGINT"]`) |
//!
//! Typed literals `<type name> '<string>'` (`DATE '2001-01-01'`, `DECIMAL '1.2'`,
//! `TIMESTAMP '2001-01-01 00:00:00 UTC'`, `BIGINT '1'`, `IPADDRESS '10.0.0.1'`, …) become
//! `Expr::TypedString { data_type, value }` with the `data_type` of the table above for the bare
//! name (so `DECIMAL '1.2'` is `Decimal(ExactNumberInfo::None)` and `TIMESTAMP '… UTC'` is
//! `Timestamp(None, TimezoneInfo::None)`: whether it carries a zone is in the string, as in
//! Trino). `INTERVAL [+|-] '<string>' <field> [TO <field>]` becomes `Expr::Interval` whose
//! `value` is the string literal, wrapped in `Expr::UnaryOp { op: Minus | Plus }` when a sign
//! was written before the string.
//!
//! Expressions Trino has as special forms come out as: `CAST`/`TRY_CAST` → `Expr::Cast { kind:
//! Cast | TryCast }`; `CURRENT_USER`, `CURRENT_CATALOG`, `CURRENT_SCHEMA`, `CURRENT_PATH`,
//! `CURRENT_ROLE` → `Expr::Function` with `FunctionArguments::None`; `ROW(1, 'a')`,
//! `MAP(k, v)`, `TRY(x)`, `IF(c, a, b)` → `Expr::Function`; `ARRAY[…]` → `Expr::Array`.

use std::cell::Cell;

use sqlparser::ast::helpers::stmt_create_table::CreateTableBuilder;
use sqlparser::ast::{
    ArrayElemTypeDef, CastKind, CharacterLength, ColumnDef, ColumnOption, ColumnOptionDef,
    CommentDef, CreateTableOptions, DataType, DateTimeField, ExactNumberInfo, Expr, Function,
    FunctionArguments, Ident, IntervalFields, MapBracketKind, ObjectName, Statement,
    StructBracketKind, StructField, TimezoneInfo, TypedString, UnaryOperator, WithData,
};
use sqlparser::dialect::Dialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Location, Token, TokenWithSpan, Word};

/// Trino's reserved words (documentation, "Reserved keywords"), upper case, sorted.
pub const RESERVED_WORDS: &[&str] = &[
    "ALTER",
    "AND",
    "AS",
    "BETWEEN",
    "BY",
    "CASE",
    "CAST",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "CUBE",
    "CURRENT_CATALOG",
    "CURRENT_DATE",
    "CURRENT_PATH",
    "CURRENT_ROLE",
    "CURRENT_SCHEMA",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "CURRENT_USER",
    "DEALLOCATE",
    "DELETE",
    "DESCRIBE",
    "DISTINCT",
    "DROP",
    "ELSE",
    "END",
    "ESCAPE",
    "EXCEPT",
    "EXECUTE",
    "EXISTS",
    "EXTRACT",
    "FALSE",
    "FOR",
    "FROM",
    "FULL",
    "GROUP",
    "GROUPING",
    "HAVING",
    "IN",
    "INNER",
    "INSERT",
    "INTERSECT",
    "INTO",
    "IS",
    "JOIN",
    "JSON_ARRAY",
    "JSON_EXISTS",
    "JSON_OBJECT",
    "JSON_QUERY",
    "JSON_TABLE",
    "JSON_VALUE",
    "LEFT",
    "LIKE",
    "LISTAGG",
    "LOCALTIME",
    "LOCALTIMESTAMP",
    "NATURAL",
    "NORMALIZE",
    "NOT",
    "NULL",
    "ON",
    "OR",
    "ORDER",
    "OUTER",
    "PREPARE",
    "RECURSIVE",
    "RIGHT",
    "ROLLUP",
    "SELECT",
    "SKIP",
    "TABLE",
    "THEN",
    "TRIM",
    "TRUE",
    "UESCAPE",
    "UNION",
    "UNNEST",
    "USING",
    "VALUES",
    "WHEN",
    "WHERE",
    "WITH",
];

/// Reserved words that nevertheless start an expression (`CASE …`, `CAST(…)`, `NOT x`, `TRUE`,
/// `CURRENT_DATE`, `EXTRACT(…)`, `GROUPING(…)`, …).
const EXPRESSION_RESERVED: &[&str] = &[
    "CASE",
    "CAST",
    "CURRENT_CATALOG",
    "CURRENT_DATE",
    "CURRENT_PATH",
    "CURRENT_ROLE",
    "CURRENT_SCHEMA",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "CURRENT_USER",
    "EXISTS",
    "EXTRACT",
    "FALSE",
    "GROUPING",
    "JSON_ARRAY",
    "JSON_EXISTS",
    "JSON_OBJECT",
    "JSON_QUERY",
    "JSON_VALUE",
    "LISTAGG",
    "LOCALTIME",
    "LOCALTIMESTAMP",
    "NORMALIZE",
    "NOT",
    "NULL",
    "TRIM",
    "TRUE",
];

/// Non-reserved words that still cannot be an implicit (no `AS`) column alias, because a clause
/// can start there: `SELECT 1 LIMIT 1`.
pub(crate) const IMPLICIT_COLUMN_ALIAS_STOP: &[Keyword] =
    &[Keyword::LIMIT, Keyword::OFFSET, Keyword::FETCH];

/// Non-reserved words that cannot be an implicit table alias: `FROM t LIMIT 1`,
/// `FROM t TABLESAMPLE …`, `FROM t WINDOW w AS (…)`, `UPDATE t SET …`.
pub(crate) const IMPLICIT_TABLE_ALIAS_STOP: &[Keyword] = &[
    Keyword::SET,
    Keyword::LIMIT,
    Keyword::OFFSET,
    Keyword::FETCH,
    Keyword::WINDOW,
    Keyword::TABLESAMPLE,
    Keyword::MATCH_RECOGNIZE,
    Keyword::LATERAL,
];

/// At most this many infix operators (binary operators, `IS`, `BETWEEN`, `LIKE`, `IN`,
/// `AT TIME ZONE`, …) per statement. Long operator chains are built iteratively by sqlparser
/// into left-deep trees; this bound keeps every AST shallow enough to be dropped, printed and
/// walked recursively on a 2 MB stack.
pub const MAX_OPERATORS_PER_STATEMENT: usize = 10_000;

/// At most this many operators chained one after the other (`a + b + c …`, `x = 1 OR x = 2 OR
/// …`): sqlparser builds such chains iteratively into left-deep trees, and derived `Clone`,
/// `Debug` and `Drop` of sqlparser's `Expr` need about 4 KB of stack per level in debug builds.
/// Together with sqlparser's recursion limit this keeps every expression shallow enough for
/// an 8 MB stack.
pub const MAX_CHAINED_OPERATORS: usize = 1_000;

/// Deepest nesting of types (`ARRAY(ARRAY(…))`) accepted by [`parse_type`].
pub const MAX_TYPE_DEPTH: usize = 64;

thread_local! {
    static OPERATORS_USED: Cell<usize> = const { Cell::new(0) };
    static OPERATORS_BASE: Cell<usize> = const { Cell::new(0) };
    static FURTHEST: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// Charges `n` operators to the budget of the next statement parsed on this thread (used by the
/// statement layer for set operations, which build left-deep trees without an infix hook).
pub(crate) fn precharge_operators(n: usize) {
    OPERATORS_BASE.with(|b| b.set(n));
}

/// Starts a fresh operator budget (for sub-parses outside `parse_statement`).
pub(crate) fn reset_operators() {
    OPERATORS_USED.with(|u| u.set(0));
}

/// Forgets the furthest position reached (start of a statement).
pub(crate) fn reset_furthest() {
    FURTHEST.with(|f| f.set((0, 0)));
}

/// The furthest token start any expression parse reached in the current statement.
pub(crate) fn furthest() -> Option<Location> {
    let (line, column) = FURTHEST.with(|f| f.get());
    (line > 0).then_some(Location { line, column })
}

fn note_position(loc: Location) {
    if loc.line == 0 {
        return;
    }
    FURTHEST.with(|f| {
        if (loc.line, loc.column) > f.get() {
            f.set((loc.line, loc.column));
        }
    });
}

/// Is `word` (any case) one of Trino's reserved words?
pub fn is_reserved_word(word: &str) -> bool {
    RESERVED_WORDS
        .binary_search_by(|probe| cmp_upper(probe, word))
        .is_ok()
}

/// Orders an upper-case list entry against `word` as if `word` were upper-cased, without
/// allocating (these checks run for every word the parser looks at).
fn cmp_upper(upper: &str, word: &str) -> std::cmp::Ordering {
    upper
        .bytes()
        .cmp(word.bytes().map(|b| b.to_ascii_uppercase()))
}

/// An unquoted reserved word.
pub(crate) fn is_reserved(w: &Word) -> bool {
    is_reserved_parts(w.quote_style, w.keyword, &w.value)
}

/// [`is_reserved`] of a word given by its parts (our parser's words borrow their text).
pub(crate) fn is_reserved_parts(quote_style: Option<char>, keyword: Keyword, value: &str) -> bool {
    // A word's keyword is its upper-cased text when sqlparser knows it: the table answers.
    quote_style.is_none()
        && if keyword == Keyword::NoKeyword {
            // A word without a keyword is none of the reserved words that are sqlparser
            // keywords (both tokenizers give an unquoted word the keyword its upper-cased text
            // is): only the others (`JSON_VALUE`, `LISTAGG`, …) need comparing.
            static NOT_KEYWORDS: std::sync::OnceLock<Vec<&'static str>> =
                std::sync::OnceLock::new();
            NOT_KEYWORDS
                .get_or_init(|| {
                    RESERVED_WORDS
                        .iter()
                        .copied()
                        .filter(|r| {
                            matches!(Token::make_word(r, None),
                                Token::Word(w) if w.keyword == Keyword::NoKeyword)
                        })
                        .collect()
                })
                .iter()
                .any(|r| r.eq_ignore_ascii_case(value))
        } else {
            keyword_reserved(keyword)
        }
}

fn is_expression_reserved(w: &Word) -> bool {
    is_expression_reserved_word(&w.value)
}

/// Is `word` a reserved word that starts an expression (`CASE`, `CAST`, `NULL`, `NOT`, …)?
pub fn is_expression_reserved_word(word: &str) -> bool {
    EXPRESSION_RESERVED
        .iter()
        .any(|e| e.eq_ignore_ascii_case(word))
}

/// Is the keyword (or, for reserved words that are not sqlparser keywords, the word the parser
/// just consumed) reserved?
fn keyword_is_reserved(kw: &Keyword, parser: &Parser) -> bool {
    if *kw == Keyword::NoKeyword {
        if let Token::Word(w) = &parser.get_current_token().token {
            return w.keyword == Keyword::NoKeyword && is_reserved(w);
        }
        return false;
    }
    keyword_reserved(*kw)
}

/// Is this sqlparser keyword one of Trino's reserved words? A table built once (the alias
/// checks ask for every word the parser meets).
fn keyword_reserved(kw: Keyword) -> bool {
    static TABLE: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        sqlparser::keywords::ALL_KEYWORDS_INDEX
            .iter()
            .map(|k| is_reserved_word(&format!("{k:?}")))
            .collect()
    });
    // `NoKeyword` is the enum's first variant; ALL_KEYWORDS_INDEX lists the others in order.
    (kw as usize)
        .checked_sub(1)
        .and_then(|i| table.get(i))
        .copied()
        .unwrap_or(false)
}

fn err_at<T>(message: impl AsRef<str>, loc: Location) -> Result<T, ParserError> {
    Err(ParserError::ParserError(format!(
        "{} at Line: {}, Column: {}",
        message.as_ref(),
        loc.line,
        loc.column
    )))
}

fn expected<T>(what: &str, found: &TokenWithSpan) -> Result<T, ParserError> {
    err_at(
        format!("Expected: {what}, found: {found}"),
        found.span.start,
    )
}

/// Does the word at the parser's position stand alone as a name (see `parse_prefix`)?
fn plain_name_ends_at(parser: &Parser) -> bool {
    match &parser.peek_nth_token_ref(1).token {
        Token::LParen
        | Token::SingleQuotedString(_)
        | Token::DoubleQuotedString(_)
        | Token::HexStringLiteral(_)
        | Token::Arrow => false,
        Token::Word(_) => parser.peek_nth_token_ref(2).token != Token::Arrow,
        _ => true,
    }
}

fn word_is(tok: &Token, upper: &str) -> bool {
    matches!(tok, Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(upper))
}

/// Trino's SQL dialect. See the [module documentation](self).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TrinoDialect;

impl Dialect for TrinoDialect {
    fn is_delimited_identifier_start(&self, ch: char) -> bool {
        ch == '"'
    }

    fn is_identifier_start(&self, ch: char) -> bool {
        ch.is_alphabetic() || ch == '_'
    }

    fn is_identifier_part(&self, ch: char) -> bool {
        ch.is_alphabetic() || ch.is_ascii_digit() || ch == '_'
    }

    fn identifier_quote_style(&self, _identifier: &str) -> Option<char> {
        Some('"')
    }

    fn supports_string_literal_backslash_escape(&self) -> bool {
        false
    }

    /// `U&'…'` is recognised by the statement layer (it also handles `UESCAPE`), so the
    /// tokenizer must not decode it with a fixed backslash escape.
    fn supports_unicode_string_literal(&self) -> bool {
        false
    }

    fn supports_filter_during_aggregation(&self) -> bool {
        true
    }

    /// Trino has `MATCH_RECOGNIZE` (row pattern recognition in `FROM`).
    fn supports_match_recognize(&self) -> bool {
        true
    }

    fn supports_window_clause_named_window_reference(&self) -> bool {
        true
    }

    fn supports_group_by_expr(&self) -> bool {
        true
    }

    fn supports_lambda_functions(&self) -> bool {
        true
    }

    fn supports_window_function_null_treatment_arg(&self) -> bool {
        true
    }

    fn allow_extract_custom(&self) -> bool {
        true
    }

    fn supports_numeric_literal_underscores(&self) -> bool {
        true
    }

    fn supports_left_associative_joins_without_parens(&self) -> bool {
        true
    }

    fn supports_named_fn_args_with_rarrow_operator(&self) -> bool {
        true
    }

    fn supports_named_fn_args_with_eq_operator(&self) -> bool {
        false
    }

    fn supports_in_empty_list(&self) -> bool {
        false
    }

    fn supports_nested_comments(&self) -> bool {
        false
    }

    fn is_column_alias(&self, kw: &Keyword, parser: &mut Parser) -> bool {
        !keyword_is_reserved(kw, parser) && !IMPLICIT_COLUMN_ALIAS_STOP.contains(kw)
    }

    fn is_select_item_alias(&self, explicit: bool, kw: &Keyword, parser: &mut Parser) -> bool {
        if keyword_is_reserved(kw, parser) {
            return false;
        }
        explicit || !IMPLICIT_COLUMN_ALIAS_STOP.contains(kw)
    }

    fn is_table_alias(&self, kw: &Keyword, parser: &mut Parser) -> bool {
        !keyword_is_reserved(kw, parser) && !IMPLICIT_TABLE_ALIAS_STOP.contains(kw)
    }

    fn is_table_factor_alias(&self, explicit: bool, kw: &Keyword, parser: &mut Parser) -> bool {
        if keyword_is_reserved(kw, parser) {
            return false;
        }
        explicit || !IMPLICIT_TABLE_ALIAS_STOP.contains(kw)
    }

    fn is_reserved_for_identifier(&self, kw: Keyword) -> bool {
        keyword_reserved(kw)
    }

    fn parse_prefix(&self, parser: &mut Parser) -> Option<Result<Expr, ParserError>> {
        let tok = parser.peek_token_ref();
        note_position(tok.span.start);
        let Token::Word(w) = &tok.token else {
            return None;
        };
        // Fast path for the most common prefix, a plain column or alias name: sqlparser would
        // first try it as a type name (`<type> '<string>'`), fail, and format an error message
        // it then throws away — a tenth of all parsing time on the TPC corpus. The result is
        // the one sqlparser gives (`Expr::Identifier`; `.field` and `[i]` follow in
        // `parse_compound_expr`). Not taken before `(` (call), a string (typed literal or
        // introducer), `->` (lambda) or `<type> ->` (typed lambda parameter).
        if w.keyword == Keyword::NoKeyword
            && (w.quote_style.is_some() || !is_reserved_word(&w.value))
            && plain_name_ends_at(parser)
        {
            let ident = w.to_ident(tok.span);
            parser.advance_token();
            return Some(Ok(Expr::Identifier(ident)));
        }
        if w.quote_style.is_some() {
            return None;
        }
        let tok = tok.clone();
        let Token::Word(w) = &tok.token else {
            return None;
        };
        let upper = w.value.to_ascii_uppercase();
        let next = parser.peek_nth_token_ref(1).token.clone();
        match upper.as_str() {
            "CAST" | "TRY_CAST" if next == Token::LParen => {
                let kind = if upper == "CAST" {
                    CastKind::Cast
                } else {
                    CastKind::TryCast
                };
                return Some(parse_cast(parser, kind));
            }
            "TRIM" if next == Token::LParen => return Some(parse_trim(parser)),
            "INTERVAL" => match next {
                Token::SingleQuotedString(_) | Token::Plus | Token::Minus => {
                    return Some(parse_interval_literal(parser));
                }
                Token::Number(..) => {
                    let num = parser.peek_nth_token(1);
                    return Some(expected(
                        "a quoted string after INTERVAL (INTERVAL '3' DAY)",
                        &num,
                    ));
                }
                _ => return None,
            },
            "CURRENT_USER" | "CURRENT_CATALOG" | "CURRENT_SCHEMA" | "CURRENT_PATH"
            | "CURRENT_ROLE" => {
                parser.advance_token();
                return Some(Ok(Expr::Function(Function {
                    name: ObjectName::from(vec![Ident::with_span(tok.span, w.value.clone())]),
                    uses_odbc_syntax: false,
                    parameters: FunctionArguments::None,
                    args: FunctionArguments::None,
                    filter: None,
                    null_treatment: None,
                    over: None,
                    within_group: vec![],
                })));
            }
            _ => {}
        }
        if is_reserved(w) {
            if !is_expression_reserved(w) {
                return Some(expected("an expression", &tok));
            }
            // Function-like reserved words need their parenthesis.
            if matches!(
                upper.as_str(),
                "GROUPING"
                    | "JSON_ARRAY"
                    | "JSON_EXISTS"
                    | "JSON_OBJECT"
                    | "JSON_QUERY"
                    | "JSON_VALUE"
                    | "LISTAGG"
                    | "NORMALIZE"
                    | "EXTRACT"
                    | "TRIM"
                    | "EXISTS"
            ) && next != Token::LParen
            {
                return Some(expected("an expression", &tok));
            }
            return None;
        }
        // Typed literal: `<type name> '<string>'`, and `DOUBLE PRECISION '<string>'`.
        if matches!(next, Token::SingleQuotedString(_)) {
            parser.advance_token();
            let data_type = type_from_name(w, tok.span, vec![]);
            return Some(data_type.and_then(|data_type| {
                Ok(Expr::TypedString(TypedString {
                    data_type,
                    value: parser.parse_value()?,
                    uses_odbc_syntax: false,
                }))
            }));
        }
        if upper == "DOUBLE"
            && word_is(&next, "PRECISION")
            && matches!(
                parser.peek_nth_token_ref(2).token,
                Token::SingleQuotedString(_)
            )
        {
            parser.advance_token();
            parser.advance_token();
            return Some(parser.parse_value().map(|value| {
                Expr::TypedString(TypedString {
                    data_type: DataType::Double(ExactNumberInfo::None),
                    value,
                    uses_odbc_syntax: false,
                })
            }));
        }
        None
    }

    fn parse_infix(
        &self,
        parser: &mut Parser,
        expr: &Expr,
        _precedence: u8,
    ) -> Option<Result<Expr, ParserError>> {
        let loc = parser.peek_token_ref().span.start;
        note_position(loc);
        if left_spine_len(expr, MAX_CHAINED_OPERATORS) >= MAX_CHAINED_OPERATORS {
            return Some(err_at(
                format!(
                    "expression too complex: more than {MAX_CHAINED_OPERATORS} chained operators"
                ),
                loc,
            ));
        }
        let used = OPERATORS_USED.with(|u| {
            let n = u.get() + 1;
            u.set(n);
            n
        });
        if used > MAX_OPERATORS_PER_STATEMENT {
            return Some(err_at(
                format!("statement too complex: more than {MAX_OPERATORS_PER_STATEMENT} operators"),
                loc,
            ));
        }
        None
    }

    fn get_next_precedence(&self, parser: &Parser) -> Option<Result<u8, ParserError>> {
        use sqlparser::dialect::Precedence;
        let tok = &parser.peek_token_ref().token;
        let unknown = Some(Ok(self.prec_unknown()));
        match tok {
            Token::StringConcat => {
                Some(Ok(self.prec_value(Precedence::PlusMinus).saturating_sub(1)))
            }
            Token::Eq
            | Token::Neq
            | Token::Lt
            | Token::LtEq
            | Token::Gt
            | Token::GtEq
            | Token::Plus
            | Token::Minus
            | Token::Mul
            | Token::Div
            | Token::Mod
            | Token::Period
            | Token::LBracket => None,
            Token::Word(w) => {
                if foreign_operator(w.keyword) {
                    return unknown;
                }
                if w.keyword == Keyword::NOT {
                    if let Token::Word(w2) = &parser.peek_nth_token_ref(1).token {
                        if foreign_operator(w2.keyword) {
                            return unknown;
                        }
                    }
                }
                None
            }
            Token::Whitespace(_) | Token::EOF => None,
            _ => unknown,
        }
    }

    fn parse_statement(&self, parser: &mut Parser) -> Option<Result<Statement, ParserError>> {
        let base = OPERATORS_BASE.with(|b| b.replace(0));
        OPERATORS_USED.with(|u| u.set(base));
        let [t0, t1, t2, t3] = parser.peek_tokens_ref::<4>().map(|t| t.token.clone());
        let is_create_table = word_is(&t0, "CREATE")
            && (word_is(&t1, "TABLE")
                || (word_is(&t1, "OR") && word_is(&t2, "REPLACE") && word_is(&t3, "TABLE")));
        if is_create_table {
            return Some(parse_create_table(parser));
        }
        None
    }
}

/// Infix operators of other dialects, which sqlparser would read but Trino does not have.
pub(crate) fn foreign_operator(k: Keyword) -> bool {
    matches!(
        k,
        Keyword::XOR
            | Keyword::ILIKE
            | Keyword::RLIKE
            | Keyword::REGEXP
            | Keyword::MATCH
            | Keyword::GLOB
            | Keyword::SIMILAR
            | Keyword::MEMBER
            | Keyword::OVERLAPS
            | Keyword::OPERATOR
            | Keyword::DIV
            | Keyword::NOTNULL
    )
}

/// How many infix-built nodes are stacked on the left operand's left spine (at most `limit`).
fn left_spine_len(expr: &Expr, limit: usize) -> usize {
    let mut e = expr;
    let mut n = 0;
    while n < limit {
        e = match e {
            Expr::BinaryOp { left, .. } => left,
            Expr::IsNull(x)
            | Expr::IsNotNull(x)
            | Expr::IsTrue(x)
            | Expr::IsNotTrue(x)
            | Expr::IsFalse(x)
            | Expr::IsNotFalse(x)
            | Expr::IsUnknown(x)
            | Expr::IsNotUnknown(x)
            | Expr::IsDistinctFrom(x, _)
            | Expr::IsNotDistinctFrom(x, _) => x,
            Expr::Between { expr, .. }
            | Expr::Like { expr, .. }
            | Expr::ILike { expr, .. }
            | Expr::SimilarTo { expr, .. }
            | Expr::RLike { expr, .. }
            | Expr::InList { expr, .. }
            | Expr::InSubquery { expr, .. }
            | Expr::InUnnest { expr, .. }
            | Expr::Cast { expr, .. }
            | Expr::Collate { expr, .. }
            | Expr::IsNormalized { expr, .. } => expr,
            Expr::AtTimeZone { timestamp, .. } => timestamp,
            Expr::AnyOp { left, .. } | Expr::AllOp { left, .. } => left,
            Expr::CompoundFieldAccess { root, .. } => root,
            _ => return n,
        };
        n += 1;
    }
    n
}

fn parse_cast(parser: &mut Parser, kind: CastKind) -> Result<Expr, ParserError> {
    parser.advance_token(); // CAST / TRY_CAST
    parser.expect_token(&Token::LParen)?;
    let expr = parser.parse_expr()?;
    parser.expect_keyword_is(Keyword::AS)?;
    let data_type = parse_type(parser)?;
    parser.expect_token(&Token::RParen)?;
    Ok(Expr::Cast {
        kind,
        expr: Box::new(expr),
        data_type,
        format: None,
    })
}

/// `TRIM([BOTH|LEADING|TRAILING] [chars] FROM source)` and `TRIM(source [, chars])`.
fn parse_trim(parser: &mut Parser) -> Result<Expr, ParserError> {
    use sqlparser::ast::TrimWhereField;
    parser.advance_token(); // TRIM
    parser.expect_token(&Token::LParen)?;
    let trim_where =
        match parser.parse_one_of_keywords(&[Keyword::BOTH, Keyword::LEADING, Keyword::TRAILING]) {
            Some(Keyword::BOTH) => Some(TrimWhereField::Both),
            Some(Keyword::LEADING) => Some(TrimWhereField::Leading),
            Some(Keyword::TRAILING) => Some(TrimWhereField::Trailing),
            _ => None,
        };
    let expr = if parser.parse_keyword(Keyword::FROM) {
        let source = parser.parse_expr()?;
        Expr::Trim {
            expr: Box::new(source),
            trim_where,
            trim_what: None,
            trim_characters: None,
        }
    } else {
        let first = parser.parse_expr()?;
        if parser.parse_keyword(Keyword::FROM) {
            let source = parser.parse_expr()?;
            Expr::Trim {
                expr: Box::new(source),
                trim_where,
                trim_what: Some(Box::new(first)),
                trim_characters: None,
            }
        } else if trim_where.is_some() {
            let tok = parser.peek_token();
            return expected("FROM", &tok);
        } else if parser.consume_token(&Token::Comma) {
            let chars = parser.parse_expr()?;
            Expr::Trim {
                expr: Box::new(first),
                trim_where: None,
                trim_what: None,
                trim_characters: Some(vec![chars]),
            }
        } else {
            Expr::Trim {
                expr: Box::new(first),
                trim_where: None,
                trim_what: None,
                trim_characters: None,
            }
        }
    };
    parser.expect_token(&Token::RParen)?;
    Ok(expr)
}

/// `<field> [TO <field>]` of an interval literal or type.
fn parse_interval_fields(
    parser: &mut Parser,
) -> Result<(DateTimeField, Option<DateTimeField>), ParserError> {
    let tok = parser.peek_token();
    let Some(from) = interval_field(&tok) else {
        return expected("YEAR, MONTH, DAY, HOUR, MINUTE or SECOND", &tok);
    };
    parser.advance_token();
    if !parser.parse_keyword(Keyword::TO) {
        return Ok((from, None));
    }
    let tok = parser.peek_token();
    let Some(to) = interval_field(&tok) else {
        return expected("YEAR, MONTH, DAY, HOUR, MINUTE or SECOND", &tok);
    };
    parser.advance_token();
    Ok((from, Some(to)))
}

fn interval_field(tok: &TokenWithSpan) -> Option<DateTimeField> {
    let Token::Word(w) = &tok.token else {
        return None;
    };
    if w.quote_style.is_some() {
        return None;
    }
    Some(match w.value.to_ascii_uppercase().as_str() {
        "YEAR" => DateTimeField::Year,
        "MONTH" => DateTimeField::Month,
        "DAY" => DateTimeField::Day,
        "HOUR" => DateTimeField::Hour,
        "MINUTE" => DateTimeField::Minute,
        "SECOND" => DateTimeField::Second,
        _ => return None,
    })
}

/// `INTERVAL [+|-] '<string>' <field> [TO <field>]`
fn parse_interval_literal(parser: &mut Parser) -> Result<Expr, ParserError> {
    parser.advance_token(); // INTERVAL
    let sign = match parser.peek_token_ref().token {
        Token::Minus => Some(UnaryOperator::Minus),
        Token::Plus => Some(UnaryOperator::Plus),
        _ => None,
    };
    if sign.is_some() {
        parser.advance_token();
    }
    let tok = parser.peek_token();
    if !matches!(tok.token, Token::SingleQuotedString(_)) {
        return expected("a quoted string after INTERVAL (INTERVAL '3' DAY)", &tok);
    }
    let mut value = Expr::Value(parser.parse_value()?);
    if let Some(op) = sign {
        value = Expr::UnaryOp {
            op,
            expr: Box::new(value),
        };
    }
    let (leading, last_field) = parse_interval_fields(parser)?;
    Ok(Expr::Interval(sqlparser::ast::Interval {
        value: Box::new(value),
        leading_field: Some(leading),
        leading_precision: None,
        last_field,
        fractional_seconds_precision: None,
    }))
}

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/// Parses a Trino type at the parser's position (see the mapping table in the
/// [module documentation](self)).
pub fn parse_type(parser: &mut Parser) -> Result<DataType, ParserError> {
    let mut tp = TypeParser { pending_gt: 0 };
    let ty = tp.parse(parser, 0)?;
    if tp.pending_gt > 0 {
        let tok = parser.peek_token();
        return expected("a type", &tok);
    }
    Ok(ty)
}

struct TypeParser {
    /// A `>>` closed two legacy `ARRAY<…>`/`MAP<…>` brackets at once: the outer one is pending.
    pending_gt: usize,
}

pub(crate) enum TypeParam {
    Number(u64, String),
    Type(DataType),
}

impl TypeParser {
    fn expect_gt(&mut self, parser: &mut Parser) -> Result<(), ParserError> {
        if self.pending_gt > 0 {
            self.pending_gt -= 1;
            return Ok(());
        }
        let tok = parser.next_token();
        match tok.token {
            Token::Gt => Ok(()),
            Token::ShiftRight => {
                self.pending_gt += 1;
                Ok(())
            }
            _ => expected("'>'", &tok),
        }
    }

    fn parse(&mut self, parser: &mut Parser, depth: usize) -> Result<DataType, ParserError> {
        let tok = parser.next_token();
        if depth > MAX_TYPE_DEPTH {
            return err_at(
                format!("type nested more than {MAX_TYPE_DEPTH} levels deep"),
                tok.span.start,
            );
        }
        let w = match &tok.token {
            Token::Word(w) if !is_reserved(w) => w.clone(),
            _ => return expected("a type", &tok),
        };
        let upper = w.value.to_ascii_uppercase();
        let mut ty = match upper.as_str() {
            "ROW" if parser.peek_token_ref().token == Token::LParen => {
                parser.advance_token();
                let fields = parser.parse_comma_separated(|p| self.parse_row_field(p, depth))?;
                parser.expect_token(&Token::RParen)?;
                DataType::Struct(fields, StructBracketKind::Parentheses)
            }
            "ARRAY" if parser.peek_token_ref().token == Token::LParen => {
                parser.advance_token();
                let elem = self.parse(parser, depth + 1)?;
                parser.expect_token(&Token::RParen)?;
                DataType::Array(ArrayElemTypeDef::Parenthesis(Box::new(elem)))
            }
            "ARRAY" if parser.peek_token_ref().token == Token::Lt => {
                parser.advance_token();
                let elem = self.parse(parser, depth + 1)?;
                self.expect_gt(parser)?;
                DataType::Array(ArrayElemTypeDef::Parenthesis(Box::new(elem)))
            }
            "MAP" if parser.peek_token_ref().token == Token::LParen => {
                parser.advance_token();
                let key = self.parse(parser, depth + 1)?;
                parser.expect_token(&Token::Comma)?;
                let value = self.parse(parser, depth + 1)?;
                parser.expect_token(&Token::RParen)?;
                DataType::Map(Box::new(key), Box::new(value), MapBracketKind::Parentheses)
            }
            "MAP" if parser.peek_token_ref().token == Token::Lt => {
                parser.advance_token();
                let key = self.parse(parser, depth + 1)?;
                parser.expect_token(&Token::Comma)?;
                let value = self.parse(parser, depth + 1)?;
                self.expect_gt(parser)?;
                DataType::Map(Box::new(key), Box::new(value), MapBracketKind::Parentheses)
            }
            "INTERVAL" => {
                let (from, to) = parse_interval_fields(parser)?;
                use DateTimeField as F;
                let fields = match (&from, &to) {
                    (F::Year, None) => IntervalFields::Year,
                    (F::Month, None) => IntervalFields::Month,
                    (F::Day, None) => IntervalFields::Day,
                    (F::Hour, None) => IntervalFields::Hour,
                    (F::Minute, None) => IntervalFields::Minute,
                    (F::Second, None) => IntervalFields::Second,
                    (F::Year, Some(F::Month)) => IntervalFields::YearToMonth,
                    (F::Day, Some(F::Hour)) => IntervalFields::DayToHour,
                    (F::Day, Some(F::Minute)) => IntervalFields::DayToMinute,
                    (F::Day, Some(F::Second)) => IntervalFields::DayToSecond,
                    (F::Hour, Some(F::Minute)) => IntervalFields::HourToMinute,
                    (F::Hour, Some(F::Second)) => IntervalFields::HourToSecond,
                    (F::Minute, Some(F::Second)) => IntervalFields::MinuteToSecond,
                    _ => {
                        return err_at(
                            format!(
                                "unsupported interval type INTERVAL {from} TO {}",
                                to.map(|t| t.to_string()).unwrap_or_default()
                            ),
                            tok.span.start,
                        )
                    }
                };
                DataType::Interval {
                    fields: Some(fields),
                    precision: None,
                }
            }
            "TIMESTAMP" | "TIME" => {
                let precision = self.parse_optional_precision(parser)?;
                let tz = if parser.parse_keywords(&[Keyword::WITH, Keyword::TIME, Keyword::ZONE]) {
                    TimezoneInfo::WithTimeZone
                } else if parser.parse_keywords(&[Keyword::WITHOUT, Keyword::TIME, Keyword::ZONE]) {
                    TimezoneInfo::WithoutTimeZone
                } else {
                    TimezoneInfo::None
                };
                if upper == "TIME" {
                    DataType::Time(precision, tz)
                } else {
                    DataType::Timestamp(precision, tz)
                }
            }
            "DOUBLE" if word_is(&parser.peek_token_ref().token, "PRECISION") => {
                parser.advance_token();
                DataType::Double(ExactNumberInfo::None)
            }
            _ => {
                let params = if parser.peek_token_ref().token == Token::LParen {
                    parser.advance_token();
                    let params =
                        parser.parse_comma_separated(|p| self.parse_type_param(p, depth))?;
                    parser.expect_token(&Token::RParen)?;
                    params
                } else {
                    vec![]
                };
                type_from_name(&w, tok.span, params)?
            }
        };
        // Postfix array: `INTEGER ARRAY`, `INTEGER ARRAY[3]`.
        while word_is(&parser.peek_token_ref().token, "ARRAY")
            && parser.peek_nth_token_ref(1).token != Token::LParen
            && parser.peek_nth_token_ref(1).token != Token::Lt
        {
            parser.advance_token();
            if parser.consume_token(&Token::LBracket) {
                parser.parse_literal_uint()?;
                parser.expect_token(&Token::RBracket)?;
            }
            ty = DataType::Array(ArrayElemTypeDef::Parenthesis(Box::new(ty)));
        }
        Ok(ty)
    }

    fn parse_optional_precision(
        &mut self,
        parser: &mut Parser,
    ) -> Result<Option<u64>, ParserError> {
        if parser.consume_token(&Token::LParen) {
            let p = parser.parse_literal_uint()?;
            parser.expect_token(&Token::RParen)?;
            Ok(Some(p))
        } else {
            Ok(None)
        }
    }

    fn parse_type_param(
        &mut self,
        parser: &mut Parser,
        depth: usize,
    ) -> Result<TypeParam, ParserError> {
        let tok = parser.peek_token();
        match &tok.token {
            Token::Number(s, _) => {
                parser.advance_token();
                match s.parse::<u64>() {
                    Ok(n) => Ok(TypeParam::Number(n, s.clone())),
                    Err(_) => expected("an integer type parameter", &tok),
                }
            }
            _ => Ok(TypeParam::Type(self.parse(parser, depth + 1)?)),
        }
    }

    fn parse_row_field(
        &mut self,
        parser: &mut Parser,
        depth: usize,
    ) -> Result<StructField, ParserError> {
        let [t0, t1, t2] = parser.peek_tokens_ref::<3>().map(|t| t.token.clone());
        let named = match (&t0, &t1) {
            (Token::Word(w0), Token::Word(w1)) => {
                let u0 = w0.value.to_ascii_uppercase();
                let two_word_type = (w0.quote_style.is_none()
                    && ((u0 == "DOUBLE" && word_is(&t1, "PRECISION"))
                        || (u0 == "INTERVAL"
                            && interval_field(&TokenWithSpan::wrap(t1.clone())).is_some())
                        || ((u0 == "TIMESTAMP" || u0 == "TIME")
                            && (word_is(&t1, "WITH") || word_is(&t1, "WITHOUT")))))
                    || (w1.quote_style.is_none()
                        && w1.value.eq_ignore_ascii_case("ARRAY")
                        && t2 != Token::LParen
                        && t2 != Token::Lt);
                !two_word_type
            }
            _ => false,
        };
        let field_name = if named {
            let tok = parser.next_token();
            match tok.token {
                Token::Word(w) if !is_reserved(&w) => Some(Ident {
                    value: w.value,
                    quote_style: w.quote_style,
                    span: tok.span,
                }),
                _ => return expected("a field name", &tok),
            }
        } else {
            None
        };
        let field_type = self.parse(parser, depth + 1)?;
        Ok(StructField {
            field_name,
            field_type,
            options: None,
        })
    }
}

fn char_length(n: u64) -> Option<CharacterLength> {
    Some(CharacterLength::IntegerLength {
        length: n,
        unit: None,
    })
}

/// Maps a type name (with its parameters) to a `DataType`.
pub(crate) fn type_from_name(
    w: &Word,
    span: sqlparser::tokenizer::Span,
    params: Vec<TypeParam>,
) -> Result<DataType, ParserError> {
    let loc = span.start;
    let upper = w.value.to_ascii_uppercase();
    let nums: Option<Vec<u64>> = params
        .iter()
        .map(|p| match p {
            TypeParam::Number(n, _) => Some(*n),
            TypeParam::Type(_) => None,
        })
        .collect();
    let simple = |dt: DataType| -> Option<DataType> { params.is_empty().then_some(dt) };
    let known = match (upper.as_str(), nums.as_deref()) {
        ("BOOLEAN", _) => simple(DataType::Boolean),
        ("TINYINT", _) => simple(DataType::TinyInt(None)),
        ("SMALLINT", _) => simple(DataType::SmallInt(None)),
        ("INTEGER" | "INT", _) => simple(DataType::Integer(None)),
        ("BIGINT", _) => simple(DataType::BigInt(None)),
        ("REAL", _) => simple(DataType::Real),
        ("DOUBLE", _) => simple(DataType::Double(ExactNumberInfo::None)),
        ("DATE", _) => simple(DataType::Date),
        ("JSON", _) => simple(DataType::JSON),
        ("VARBINARY", _) => simple(DataType::Varbinary(None)),
        ("TIMESTAMP", _) => simple(DataType::Timestamp(None, TimezoneInfo::None)),
        ("TIME", _) => simple(DataType::Time(None, TimezoneInfo::None)),
        ("DECIMAL", Some([])) => Some(DataType::Decimal(ExactNumberInfo::None)),
        ("DECIMAL", Some([p])) => Some(DataType::Decimal(ExactNumberInfo::Precision(*p))),
        ("DECIMAL", Some([p, s])) => Some(DataType::Decimal(ExactNumberInfo::PrecisionAndScale(
            *p, *s as i64,
        ))),
        ("VARCHAR", Some([])) => Some(DataType::Varchar(None)),
        ("VARCHAR", Some([n])) => Some(DataType::Varchar(char_length(*n))),
        ("CHAR", Some([])) => Some(DataType::Char(None)),
        ("CHAR", Some([n])) => Some(DataType::Char(char_length(*n))),
        _ => None,
    };
    if let Some(dt) = known {
        return Ok(dt);
    }
    if matches!(
        upper.as_str(),
        "BOOLEAN"
            | "TINYINT"
            | "SMALLINT"
            | "INTEGER"
            | "INT"
            | "BIGINT"
            | "REAL"
            | "DOUBLE"
            | "DATE"
            | "JSON"
            | "VARBINARY"
            | "DECIMAL"
            | "VARCHAR"
            | "CHAR"
    ) {
        return err_at(format!("invalid parameters for type {upper}"), loc);
    }
    let params = params
        .into_iter()
        .map(|p| match p {
            TypeParam::Number(_, s) => s,
            TypeParam::Type(t) => format_type(&t),
        })
        .collect();
    let ident = Ident {
        value: w.value.clone(),
        quote_style: w.quote_style,
        span,
    };
    Ok(DataType::Custom(ObjectName::from(vec![ident]), params))
}

/// Prints a `DataType` produced by [`parse_type`] in Trino syntax (`ROW(a BIGINT)`,
/// `ARRAY(INTEGER)`, `MAP(VARCHAR, DOUBLE)`, `TIMESTAMP(3) WITH TIME ZONE`, …).
pub fn format_type(dt: &DataType) -> String {
    match dt {
        DataType::Struct(fields, _) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| match &f.field_name {
                    Some(n) => format!("{n} {}", format_type(&f.field_type)),
                    None => format_type(&f.field_type),
                })
                .collect();
            format!("ROW({})", fields.join(", "))
        }
        DataType::Array(ArrayElemTypeDef::Parenthesis(t))
        | DataType::Array(ArrayElemTypeDef::AngleBracket(t))
        | DataType::Array(ArrayElemTypeDef::SquareBracket(t, _))
        | DataType::Array(ArrayElemTypeDef::Qualified(t, _)) => {
            format!("ARRAY({})", format_type(t))
        }
        DataType::Map(k, v, _) => format!("MAP({}, {})", format_type(k), format_type(v)),
        DataType::Double(_) | DataType::DoublePrecision => "DOUBLE".to_string(),
        DataType::Integer(_) | DataType::Int(_) => "INTEGER".to_string(),
        DataType::Custom(name, params) if !params.is_empty() => {
            format!("{name}({})", params.join(", "))
        }
        other => other.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// CREATE TABLE
// ---------------------------------------------------------------------------------------------

fn check_name_not_reserved(name: &ObjectName) -> Result<(), ParserError> {
    for part in &name.0 {
        if let Some(ident) = part.as_ident() {
            if ident.quote_style.is_none() && is_reserved_word(&ident.value) {
                return err_at(
                    format!("Expected: an identifier, found: {}", ident.value),
                    ident.span.start,
                );
            }
        }
    }
    Ok(())
}

fn parse_identifier_not_reserved(parser: &mut Parser) -> Result<Ident, ParserError> {
    let tok = parser.peek_token();
    if let Token::Word(w) = &tok.token {
        if is_reserved(w) {
            return expected("an identifier", &tok);
        }
    }
    parser.parse_identifier()
}

/// `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name …` in Trino's two forms.
fn parse_create_table(parser: &mut Parser) -> Result<Statement, ParserError> {
    parser.expect_keyword_is(Keyword::CREATE)?;
    let or_replace = parser.parse_keywords(&[Keyword::OR, Keyword::REPLACE]);
    parser.expect_keyword_is(Keyword::TABLE)?;
    let if_not_exists = parser.parse_keywords(&[Keyword::IF, Keyword::NOT, Keyword::EXISTS]);
    let name = parser.parse_object_name(false)?;
    check_name_not_reserved(&name)?;

    let mut columns = vec![];
    let mut aliases_only = false;
    if parser.consume_token(&Token::LParen) {
        // Column aliases of CTAS: `(a, b)`; otherwise column definitions.
        aliases_only = matches!(parser.peek_token_ref().token, Token::Word(_))
            && matches!(
                parser.peek_nth_token_ref(1).token,
                Token::Comma | Token::RParen
            );
        loop {
            if aliases_only {
                let name = parse_identifier_not_reserved(parser)?;
                columns.push(ColumnDef {
                    name,
                    data_type: DataType::Unspecified,
                    options: vec![],
                });
            } else {
                if parser.peek_keyword(Keyword::LIKE) {
                    let tok = parser.peek_token();
                    return err_at("CREATE TABLE … (LIKE …) is not supported", tok.span.start);
                }
                columns.push(parse_column_def(parser)?);
            }
            if !parser.consume_token(&Token::Comma) {
                break;
            }
        }
        parser.expect_token(&Token::RParen)?;
    }
    let comment = if parser.parse_keyword(Keyword::COMMENT) {
        Some(CommentDef::WithoutEq(parser.parse_literal_string()?))
    } else {
        None
    };
    let properties = if parser.peek_keyword(Keyword::WITH)
        && parser.peek_nth_token_ref(1).token == Token::LParen
    {
        parser.parse_options(Keyword::WITH)?
    } else {
        vec![]
    };
    let has_column_definitions = !aliases_only && !columns.is_empty();
    if has_column_definitions && parser.peek_keyword(Keyword::AS) {
        let tok = parser.peek_token();
        return expected(
            "end of statement (a table with column definitions has no AS query)",
            &tok,
        );
    }
    let (query, with_data) = if parser.parse_keyword(Keyword::AS) {
        let query = parser.parse_query()?;
        let with_data = if parser.parse_keywords(&[Keyword::WITH, Keyword::NO, Keyword::DATA]) {
            Some(WithData {
                data: false,
                statistics: None,
            })
        } else if parser.parse_keywords(&[Keyword::WITH, Keyword::DATA]) {
            Some(WithData {
                data: true,
                statistics: None,
            })
        } else {
            None
        };
        (Some(query), with_data)
    } else {
        if aliases_only || columns.is_empty() {
            let tok = parser.peek_token();
            return expected(
                if columns.is_empty() {
                    "'(' or AS"
                } else {
                    "AS"
                },
                &tok,
            );
        }
        (None, None)
    };
    let mut builder = CreateTableBuilder::new(name)
        .or_replace(or_replace)
        .if_not_exists(if_not_exists)
        .columns(columns)
        .query(query)
        .with_data(with_data);
    builder.comment = comment;
    if !properties.is_empty() {
        builder = builder.table_options(CreateTableOptions::With(properties));
    }
    Ok(Statement::CreateTable(builder.build()))
}

fn parse_column_def(parser: &mut Parser) -> Result<ColumnDef, ParserError> {
    let name = parse_identifier_not_reserved(parser)?;
    let data_type = parse_type(parser)?;
    let mut options = vec![];
    if parser.parse_keywords(&[Keyword::NOT, Keyword::NULL]) {
        options.push(ColumnOptionDef {
            name: None,
            option: ColumnOption::NotNull,
        });
    }
    if parser.parse_keyword(Keyword::COMMENT) {
        options.push(ColumnOptionDef {
            name: None,
            option: ColumnOption::Comment(parser.parse_literal_string()?),
        });
    }
    if parser.peek_keyword(Keyword::WITH) && parser.peek_nth_token_ref(1).token == Token::LParen {
        options.push(ColumnOptionDef {
            name: None,
            option: ColumnOption::Options(parser.parse_options(Keyword::WITH)?),
        });
    }
    Ok(ColumnDef {
        name,
        data_type,
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keyword table is indexed by the enum's discriminant: it must agree with the word
    /// list for every keyword sqlparser knows.
    #[test]
    fn keyword_table_matches_reserved_words() {
        let mut reserved = 0;
        for k in sqlparser::keywords::ALL_KEYWORDS_INDEX {
            let by_name = is_reserved_word(&format!("{k:?}"));
            assert_eq!(keyword_reserved(*k), by_name, "{k:?}");
            reserved += usize::from(by_name);
        }
        assert!(reserved > 50, "only {reserved} reserved keywords found");
        assert!(!keyword_reserved(Keyword::NoKeyword));
        assert!(keyword_reserved(Keyword::SELECT) && !keyword_reserved(Keyword::YEAR));
    }
}
