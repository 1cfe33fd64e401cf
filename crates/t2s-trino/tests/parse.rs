//! Tests of the Trino parser layer: `t2s_trino::dialect` and `t2s_trino::parse`.

use sqlparser::ast::{
    AccessExpr, ArrayElemTypeDef, BinaryOperator, CastKind, CharacterLength, ColumnOption,
    CreateTableOptions, DataType, DateTimeField, DuplicateTreatment, ExactNumberInfo, Expr,
    Function, FunctionArg, FunctionArgExpr, FunctionArgumentClause, FunctionArguments, GroupByExpr,
    IntervalFields, JoinConstraint, JoinOperator, LambdaFunction, LimitClause, OneOrManyWithParens,
    OrderByKind, OrderBySort, Query, Select, SelectItem, SetExpr, SetOperator, SetQuantifier,
    Statement, StructBracketKind, Subscript, TableFactor, TableSampleKind, TableSampleMethod,
    TableVersion, TableWithJoins, TimezoneInfo, TrimWhereField, UnaryOperator, Value,
    WindowFrameBound, WindowFrameUnits, WindowType,
};
use t2s_ir::Span;
use t2s_trino::dialect::{self, TrinoDialect};
use t2s_trino::parse::{
    decode_unicode_literal, parse_sql, ParseError, ParsedStatement, TableVersionKind,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Parses `sql`, which must be exactly one valid statement.
fn one(sql: &str) -> ParsedStatement {
    let mut all = parse_sql(sql);
    assert_eq!(
        all.len(),
        1,
        "expected one statement in {sql:?}, got {all:?}"
    );
    match all.remove(0) {
        Ok(p) => p,
        Err(e) => panic!("{sql:?} failed to parse: {e}"),
    }
}

/// Parses `sql`, which must be exactly one invalid statement.
fn err(sql: &str) -> ParseError {
    let mut all = parse_sql(sql);
    assert_eq!(
        all.len(),
        1,
        "expected one statement in {sql:?}, got {all:?}"
    );
    match all.remove(0) {
        Ok(p) => panic!("{sql:?} should not parse, got {}", p.ast),
        Err(e) => e,
    }
}

fn query(sql: &str) -> Box<Query> {
    match one(sql).ast {
        Statement::Query(q) => q,
        other => panic!("not a query: {other:?}"),
    }
}

fn select_of(q: &Query) -> &Select {
    match q.body.as_ref() {
        SetExpr::Select(s) => s,
        other => panic!("not a SELECT: {other:?}"),
    }
}

fn select(sql: &str) -> Select {
    let q = query(sql);
    select_of(&q).clone()
}

fn item_expr(item: &SelectItem) -> &Expr {
    match item {
        SelectItem::UnnamedExpr(e) => e,
        SelectItem::ExprWithAlias { expr, .. } => expr,
        other => panic!("not an expression item: {other:?}"),
    }
}

/// The expressions of `SELECT <list>`.
fn exprs(list: &str) -> Vec<Expr> {
    select(&format!("SELECT {list}"))
        .projection
        .iter()
        .map(|i| item_expr(i).clone())
        .collect()
}

/// The expression of `SELECT <e>`.
fn expr(e: &str) -> Expr {
    let mut v = exprs(e);
    assert_eq!(v.len(), 1, "{e}");
    v.remove(0)
}

/// The type of `CAST(x AS <ty>)`.
fn cast_type(ty: &str) -> DataType {
    match expr(&format!("CAST(x AS {ty})")) {
        Expr::Cast {
            kind: CastKind::Cast,
            data_type,
            ..
        } => data_type,
        other => panic!("not a cast: {other:?}"),
    }
}

fn function(e: &Expr) -> &Function {
    match e {
        Expr::Function(f) => f,
        other => panic!("not a function call: {other:?}"),
    }
}

fn fn_name(e: &Expr) -> String {
    function(e).name.to_string()
}

fn args(e: &Expr) -> Vec<Expr> {
    match &function(e).args {
        FunctionArguments::List(l) => l
            .args
            .iter()
            .map(|a| match a {
                FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => e.clone(),
                other => panic!("unexpected argument {other:?}"),
            })
            .collect(),
        other => panic!("no argument list: {other:?}"),
    }
}

fn lambda(e: &Expr) -> &LambdaFunction {
    match e {
        Expr::Lambda(l) => l,
        other => panic!("not a lambda: {other:?}"),
    }
}

fn lambda_params(l: &LambdaFunction) -> Vec<String> {
    match &l.params {
        OneOrManyWithParens::One(p) => vec![p.name.value.clone()],
        OneOrManyWithParens::Many(ps) => ps.iter().map(|p| p.name.value.clone()).collect(),
    }
}

fn ident(e: &Expr) -> String {
    match e {
        Expr::Identifier(i) => i.value.clone(),
        other => panic!("not an identifier: {other:?}"),
    }
}

fn string(e: &Expr) -> String {
    match e {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) => s.clone(),
            other => panic!("not a string: {other:?}"),
        },
        other => panic!("not a value: {other:?}"),
    }
}

fn number(e: &Expr) -> String {
    match e {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => n.clone(),
            other => panic!("not a number: {other:?}"),
        },
        other => panic!("not a value: {other:?}"),
    }
}

fn binop(e: &Expr) -> (Expr, BinaryOperator, Expr) {
    match e {
        Expr::BinaryOp { left, op, right } => ((**left).clone(), op.clone(), (**right).clone()),
        other => panic!("not a binary operation: {other:?}"),
    }
}

fn from_of(s: &Select) -> &TableWithJoins {
    assert!(!s.from.is_empty(), "no FROM");
    &s.from[0]
}

fn pos(line: u32, column: u32) -> Span {
    Span { line, column }
}

fn assert_err(sql: &str, line: u32, column: u32, message: &str) {
    let e = err(sql);
    assert_eq!(
        (e.line, e.column),
        (line, column),
        "position of {e:?} for {sql:?}"
    );
    assert!(
        e.message.contains(message),
        "message {:?} should contain {message:?}",
        e.message
    );
}

/// Runs `f` on a thread with a normal 8 MB stack.
fn on_8mb_stack<F: FnOnce() + Send + 'static>(f: F) {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// Reserved words
// ---------------------------------------------------------------------------------------------

#[test]
fn reserved_word_is_not_an_operand() {
    assert_err(
        "SELECT a, b + FROM t",
        1,
        15,
        "expected an expression, found FROM",
    );
}

#[test]
fn reserved_words_list_is_sorted_and_complete() {
    let mut sorted = dialect::RESERVED_WORDS.to_vec();
    sorted.sort_unstable();
    assert_eq!(sorted, dialect::RESERVED_WORDS);
    assert_eq!(dialect::RESERVED_WORDS.len(), 82);
    for w in [
        "select",
        "From",
        "UESCAPE",
        "listagg",
        "json_table",
        "current_path",
        "skip",
    ] {
        assert!(dialect::is_reserved_word(w), "{w}");
    }
    for w in [
        "year", "date", "position", "first", "last", "data", "value", "comment", "zone",
    ] {
        assert!(!dialect::is_reserved_word(w), "{w}");
    }
}

#[test]
fn reserved_word_is_not_an_identifier_or_alias() {
    // As a column reference.
    assert_err(
        "SELECT select FROM t",
        1,
        8,
        "expected an expression, found select",
    );
    assert_err(
        "SELECT a FROM t WHERE (in)",
        1,
        24,
        "expected an expression, found in",
    );
    // As a column alias, implicit or explicit.
    assert_err("SELECT a AS from FROM t", 1, 13, "found from");
    assert!(err("SELECT a table FROM t").message.contains("table"));
    // As a table alias, implicit or explicit.
    assert_err("SELECT a FROM t AS select", 1, 20, "found select");
    assert_err("SELECT * FROM t AS listagg", 1, 20, "found listagg");
    // As a table name.
    assert_err("SELECT * FROM from", 1, 15, "found from");
    assert_err("SELECT * FROM t JOIN where ON true", 1, 22, "found where");
}

#[test]
fn quoted_reserved_words_are_identifiers() {
    let s = select(r#"SELECT "from", "select" AS "table" FROM "order" AS "join""#);
    assert_eq!(ident(item_expr(&s.projection[0])), "from");
    match &s.projection[1] {
        SelectItem::ExprWithAlias { expr, alias } => {
            assert_eq!(ident(expr), "select");
            assert_eq!(alias.value, "table");
            assert_eq!(alias.quote_style, Some('"'));
        }
        other => panic!("{other:?}"),
    }
    match &from_of(&s).relation {
        TableFactor::Table { name, alias, .. } => {
            assert_eq!(name.to_string(), r#""order""#);
            assert_eq!(alias.as_ref().unwrap().name.value, "join");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn non_reserved_words_are_identifiers() {
    let e = exprs("year, date, position, first, last, data, value, comment, zone, row, d_date, t.row, interval, time, timestamp");
    let names: Vec<String> = e[..11].iter().map(ident).collect();
    assert_eq!(
        names,
        [
            "year", "date", "position", "first", "last", "data", "value", "comment", "zone", "row",
            "d_date"
        ]
    );
    assert_eq!(e[11].to_string(), "t.row");
    assert_eq!(ident(&e[12]), "interval");
    assert_eq!(ident(&e[13]), "time");
    assert_eq!(ident(&e[14]), "timestamp");
    // … and as aliases, implicit and explicit, of columns and tables.
    let s = select(
        r#"SELECT a year, b AS date, c "returns", d "sales", e value FROM t data, u AS zone, v comment"#,
    );
    let aliases: Vec<String> = s
        .projection
        .iter()
        .map(|i| match i {
            SelectItem::ExprWithAlias { alias, .. } => alias.value.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(aliases, ["year", "date", "returns", "sales", "value"]);
    let tables: Vec<String> = s
        .from
        .iter()
        .map(|t| match &t.relation {
            TableFactor::Table { alias: Some(a), .. } => a.name.value.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(tables, ["data", "zone", "comment"]);
}

#[test]
fn implicit_aliases_stop_at_clauses() {
    let q = query("SELECT a FROM t LIMIT 5");
    assert!(matches!(
        &q.limit_clause,
        Some(LimitClause::LimitOffset { limit: Some(_), .. })
    ));
    let s = select_of(&q);
    assert!(matches!(
        &from_of(s).relation,
        TableFactor::Table { alias: None, .. }
    ));
    let q = query("SELECT a FROM t OFFSET 2");
    assert!(matches!(
        &q.limit_clause,
        Some(LimitClause::LimitOffset {
            offset: Some(_),
            ..
        })
    ));
}

// ---------------------------------------------------------------------------------------------
// Lexical: identifiers, strings, literals
// ---------------------------------------------------------------------------------------------

#[test]
fn double_quoted_identifiers() {
    let e = expr(r#""a""b""#);
    match e {
        Expr::Identifier(i) => {
            assert_eq!(i.value, r#"a"b"#);
            assert_eq!(i.quote_style, Some('"'));
        }
        other => panic!("{other:?}"),
    }
    // Backticks are not identifiers in Trino.
    assert!(parse_sql("SELECT `a` FROM t")[0].is_err());
}

#[test]
fn string_literals_have_no_backslash_escapes() {
    let e = exprs(r"'it''s', '\d', 'a\b', ''''");
    assert_eq!(string(&e[0]), "it's");
    assert_eq!(string(&e[1]), r"\d");
    assert_eq!(string(&e[2]).chars().count(), 3);
    assert_eq!(string(&e[3]), "'");
    // A backslash before the closing quote does not escape it.
    assert_eq!(string(&expr(r"'\'")), r"\");
}

#[test]
fn unicode_literals() {
    let e = exprs(r"U&'\2603', u&'x\+01F600y', U&'#2603 ##' UESCAPE '#', U&'it''s'");
    let texts: Vec<String> = e
        .iter()
        .map(|e| match e {
            Expr::Value(v) => match &v.value {
                Value::UnicodeStringLiteral(s) => s.clone(),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(texts, ["☃", "x😀y", "☃ #", "it's"]);
    // The public helper.
    assert_eq!(decode_unicode_literal(r"\2603", '\\').unwrap(), "☃");
    assert_eq!(decode_unicode_literal(r"a\\b", '\\').unwrap(), r"a\b");
    assert_eq!(decode_unicode_literal("!0041!!", '!').unwrap(), "A!");
    assert!(decode_unicode_literal(r"\12", '\\').is_err());
    assert!(decode_unicode_literal(r"\D800", '\\').is_err());
    // Errors point at the literal.
    assert_err(r"SELECT U&'\12'", 1, 8, "invalid Unicode escape");
    assert_err("SELECT U&'x' UESCAPE 'ab'", 1, 22, "single-character");
    // `u & 'x'` with spaces is an operator expression, not a literal (and `&` is not Trino's).
    assert!(parse_sql("SELECT u & 'x'")[0].is_err());
}

#[test]
fn binary_and_numeric_literals() {
    let e = exprs("X'0AFF', x'', 1, 1.5, 1e10, .5");
    assert!(matches!(&e[0], Expr::Value(v) if v.value == Value::HexStringLiteral("0AFF".into())));
    assert!(matches!(&e[1], Expr::Value(v) if v.value == Value::HexStringLiteral("".into())));
    assert_eq!(number(&e[1 + 1]), "1");
    assert_eq!(number(&e[3]), "1.5");
    assert_eq!(number(&e[4]), "1e10");
    assert_eq!(number(&e[5]), ".5");
    // Trino's integer literals in other bases and with underscores, as decimal numbers
    // (sqlparser alone reads `0x1F` as the binary string X'1F').
    let e = exprs("0x1F, 0X1f, 0b1010, 0o17, 1_000_000, 0xFFFFFFFFFFFFFFFF");
    let n: Vec<String> = e.iter().map(number).collect();
    assert_eq!(
        n,
        ["31", "31", "10", "15", "1000000", "18446744073709551615"]
    );
    assert_err("SELECT 0b12", 1, 8, "invalid numeric literal");
    // An identifier may not start with a digit (instead of `1 AS a`).
    assert_err("SELECT 1a FROM t", 1, 8, "must not start with a digit");
}

fn typed(e: &Expr) -> (DataType, String) {
    match e {
        Expr::TypedString(t) => match &t.value.value {
            Value::SingleQuotedString(s) => (t.data_type.clone(), s.clone()),
            other => panic!("{other:?}"),
        },
        other => panic!("not a typed literal: {other:?}"),
    }
}

#[test]
fn typed_literals() {
    let e = exprs(
        "DECIMAL '1.2', DATE '2001-08-22', TIMESTAMP '2001-08-22 03:04:05.321 America/Los_Angeles', \
         CHAR 'x', VARCHAR 'x', BIGINT '1', DOUBLE '1.0', REAL '1', TIME '01:02:03', \
         JSON '{}', IPADDRESS '10.0.0.1', DOUBLE PRECISION '2', INTEGER '3', TINYINT '4', \
         SMALLINT '5', BOOLEAN 'true', VARBINARY 'ab', UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59'",
    );
    let got: Vec<(DataType, String)> = e.iter().map(typed).collect();
    let custom = |n: &str| {
        DataType::Custom(
            sqlparser::ast::ObjectName::from(vec![sqlparser::ast::Ident::new(n)]),
            vec![],
        )
    };
    let expected = vec![
        (DataType::Decimal(ExactNumberInfo::None), "1.2"),
        (DataType::Date, "2001-08-22"),
        (
            DataType::Timestamp(None, TimezoneInfo::None),
            "2001-08-22 03:04:05.321 America/Los_Angeles",
        ),
        (DataType::Char(None), "x"),
        (DataType::Varchar(None), "x"),
        (DataType::BigInt(None), "1"),
        (DataType::Double(ExactNumberInfo::None), "1.0"),
        (DataType::Real, "1"),
        (DataType::Time(None, TimezoneInfo::None), "01:02:03"),
        (DataType::JSON, "{}"),
        (custom("IPADDRESS"), "10.0.0.1"),
        (DataType::Double(ExactNumberInfo::None), "2"),
        (DataType::Integer(None), "3"),
        (DataType::TinyInt(None), "4"),
        (DataType::SmallInt(None), "5"),
        (DataType::Boolean, "true"),
        (DataType::Varbinary(None), "ab"),
        (custom("UUID"), "12151fd2-7586-11e9-8f9e-2a86e4085a59"),
    ];
    assert_eq!(got.len(), expected.len());
    for ((gt, gv), (et, ev)) in got.iter().zip(expected) {
        // Custom names carry a span: compare their text.
        assert_eq!(gt.to_string(), et.to_string());
        assert_eq!(std::mem::discriminant(gt), std::mem::discriminant(&et));
        assert_eq!(gv, ev);
    }
}

fn interval(e: &Expr) -> &sqlparser::ast::Interval {
    match e {
        Expr::Interval(i) => i,
        other => panic!("not an interval: {other:?}"),
    }
}

#[test]
fn interval_literals() {
    let e = exprs("INTERVAL '3' DAY, INTERVAL '1-2' YEAR TO MONTH, INTERVAL '-3' DAY, INTERVAL -'3' HOUR, INTERVAL '1 02:03:04' DAY TO SECOND");
    let i = interval(&e[0]);
    assert_eq!(string(&i.value), "3");
    assert_eq!(i.leading_field, Some(DateTimeField::Day));
    assert_eq!(i.last_field, None);
    let i = interval(&e[1]);
    assert_eq!(string(&i.value), "1-2");
    assert_eq!(i.leading_field, Some(DateTimeField::Year));
    assert_eq!(i.last_field, Some(DateTimeField::Month));
    let i = interval(&e[2]);
    assert_eq!(string(&i.value), "-3");
    let i = interval(&e[3]);
    match i.value.as_ref() {
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => assert_eq!(string(expr), "3"),
        other => panic!("{other:?}"),
    }
    assert_eq!(i.leading_field, Some(DateTimeField::Hour));
    let i = interval(&e[4]);
    assert_eq!(i.last_field, Some(DateTimeField::Second));
    // In arithmetic.
    let (l, op, r) = binop(&expr("d + INTERVAL '1' MONTH"));
    assert_eq!(ident(&l), "d");
    assert_eq!(op, BinaryOperator::Plus);
    assert_eq!(interval(&r).leading_field, Some(DateTimeField::Month));
    // Trino requires the quoted form.
    assert_err("SELECT INTERVAL 3 DAY", 1, 17, "quoted string");
    assert_err("SELECT INTERVAL '3' FORTNIGHT", 1, 21, "YEAR, MONTH, DAY");
}

#[test]
fn comments() {
    let p =
        one("-- leading comment\nSELECT /* inline ; */ a -- trailing ; comment\nFROM t /* end */");
    assert_eq!(p.span, pos(2, 1));
    assert_eq!(p.ast.to_string(), "SELECT a FROM t");
}

// ---------------------------------------------------------------------------------------------
// Lambdas and operators
// ---------------------------------------------------------------------------------------------

#[test]
fn lambdas_single_and_multiple_parameters() {
    let e = expr("transform(a, x -> x * 2)");
    assert_eq!(fn_name(&e), "transform");
    let a = args(&e);
    assert_eq!(ident(&a[0]), "a");
    let l = lambda(&a[1]);
    assert_eq!(lambda_params(l), ["x"]);
    let (left, op, right) = binop(&l.body);
    assert_eq!(
        (ident(&left), op, number(&right)),
        ("x".into(), BinaryOperator::Multiply, "2".into())
    );

    let e = expr("reduce(a, 0, (s, x) -> s + x, s -> s)");
    let a = args(&e);
    assert_eq!(a.len(), 4);
    assert_eq!(number(&a[1]), "0");
    let l = lambda(&a[2]);
    assert!(matches!(l.params, OneOrManyWithParens::Many(_)));
    assert_eq!(lambda_params(l), ["s", "x"]);
    assert_eq!(binop(&l.body).1, BinaryOperator::Plus);
    let l = lambda(&a[3]);
    assert_eq!(lambda_params(l), ["s"]);
    assert_eq!(ident(&l.body), "s");

    // Nested lambdas and lambdas with complex bodies.
    let e = expr("transform(m, x -> filter(x, y -> y IS NOT NULL AND y > 0))");
    let outer = lambda(&args(&e)[1]).clone();
    let inner = lambda(&args(&outer.body)[1]).clone();
    assert_eq!(lambda_params(&inner), ["y"]);
    assert!(matches!(
        *inner.body,
        Expr::BinaryOp {
            op: BinaryOperator::And,
            ..
        }
    ));
}

#[test]
fn concatenation_binds_looser_than_addition() {
    // Trino: 'a' || (1 + 2)
    let (l, op, r) = binop(&expr("'a' || 1 + 2"));
    assert_eq!(op, BinaryOperator::StringConcat);
    assert_eq!(string(&l), "a");
    assert_eq!(binop(&r).1, BinaryOperator::Plus);
    // Trino: (1 + 2) || 'a'
    let (l, op, _) = binop(&expr("1 + 2 || 'a'"));
    assert_eq!(op, BinaryOperator::StringConcat);
    assert_eq!(binop(&l).1, BinaryOperator::Plus);
    // … and tighter than comparison.
    let (_, op, _) = binop(&expr("a || b = c"));
    assert_eq!(op, BinaryOperator::Eq);
    // Arithmetic precedence is the usual one.
    let (_, op, r) = binop(&expr("1 + 2 * 3"));
    assert_eq!(op, BinaryOperator::Plus);
    assert_eq!(binop(&r).1, BinaryOperator::Multiply);
}

#[test]
fn operators_trino_does_not_have_are_errors() {
    assert_err("SELECT x::int FROM t", 1, 9, "found '::'");
    assert!(parse_sql("SELECT a ^ b")[0].is_err());
    assert!(parse_sql("SELECT a ->> 'b' FROM t")[0].is_err());
    assert!(parse_sql("SELECT a ILIKE 'b' FROM t")[0].is_err());
    assert!(parse_sql("SELECT a RLIKE 'b' FROM t")[0].is_err());
    assert!(parse_sql("SELECT a DIV 2 FROM t")[0].is_err());
    // `!=` is Trino's.
    assert_eq!(binop(&expr("a != b")).1, BinaryOperator::NotEq);
    assert_eq!(binop(&expr("a <> b")).1, BinaryOperator::NotEq);
    assert_eq!(binop(&expr("a % b")).1, BinaryOperator::Modulo);
}

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

fn row_fields(dt: &DataType) -> Vec<(Option<String>, DataType)> {
    match dt {
        DataType::Struct(fields, StructBracketKind::Parentheses) => fields
            .iter()
            .map(|f| {
                (
                    f.field_name.as_ref().map(|n| n.value.clone()),
                    f.field_type.clone(),
                )
            })
            .collect(),
        other => panic!("not a ROW: {other:?}"),
    }
}

fn array_elem(dt: &DataType) -> &DataType {
    match dt {
        DataType::Array(ArrayElemTypeDef::Parenthesis(t)) => t,
        other => panic!("not an ARRAY: {other:?}"),
    }
}

fn map_kv(dt: &DataType) -> (&DataType, &DataType) {
    match dt {
        DataType::Map(k, v, _) => (k, v),
        other => panic!("not a MAP: {other:?}"),
    }
}

#[test]
fn row_types() {
    let t = cast_type("ROW(a BIGINT, b VARCHAR)");
    assert_eq!(
        row_fields(&t),
        [
            (Some("a".into()), DataType::BigInt(None)),
            (Some("b".into()), DataType::Varchar(None))
        ]
    );
    let t = cast_type("ROW(BIGINT, VARCHAR)");
    assert_eq!(
        row_fields(&t),
        [
            (None, DataType::BigInt(None)),
            (None, DataType::Varchar(None))
        ]
    );
    // Field names that look like types, quoted names, two-word types.
    let t = cast_type(
        r#"ROW("x y" DOUBLE, date DATE, double precision, timestamp with time zone, interval day to second, row ROW(c INT))"#,
    );
    let f = row_fields(&t);
    assert_eq!(
        f[0],
        (Some("x y".into()), DataType::Double(ExactNumberInfo::None))
    );
    assert_eq!(f[1], (Some("date".into()), DataType::Date));
    assert_eq!(f[2], (None, DataType::Double(ExactNumberInfo::None)));
    assert_eq!(
        f[3],
        (None, DataType::Timestamp(None, TimezoneInfo::WithTimeZone))
    );
    assert_eq!(
        f[4],
        (
            None,
            DataType::Interval {
                fields: Some(IntervalFields::DayToSecond),
                precision: None
            }
        )
    );
    assert_eq!(f[5].0.as_deref(), Some("row"));
    assert_eq!(
        row_fields(&f[5].1),
        [(Some("c".into()), DataType::Integer(None))]
    );
}

#[test]
fn array_and_map_types() {
    let t = cast_type("ARRAY(INTEGER)");
    assert_eq!(array_elem(&t), &DataType::Integer(None));
    let t = cast_type("MAP(VARCHAR, ARRAY(INTEGER))");
    let (k, v) = map_kv(&t);
    assert_eq!(k, &DataType::Varchar(None));
    assert_eq!(array_elem(v), &DataType::Integer(None));
    // Deep nesting of all three.
    let t = cast_type("ARRAY(MAP(VARCHAR(10), ROW(a ARRAY(ROW(b BIGINT, c MAP(INT, DOUBLE))), d DECIMAL(10, 2))))");
    let (k, v) = map_kv(array_elem(&t));
    assert_eq!(
        k,
        &DataType::Varchar(Some(CharacterLength::IntegerLength {
            length: 10,
            unit: None
        }))
    );
    let f = row_fields(v);
    assert_eq!(f[0].0.as_deref(), Some("a"));
    let inner = row_fields(array_elem(&f[0].1));
    assert_eq!(inner[0], (Some("b".into()), DataType::BigInt(None)));
    let (k, v) = map_kv(&inner[1].1);
    assert_eq!(
        (k, v),
        (
            &DataType::Integer(None),
            &DataType::Double(ExactNumberInfo::None)
        )
    );
    assert_eq!(
        f[1],
        (
            Some("d".into()),
            DataType::Decimal(ExactNumberInfo::PrecisionAndScale(10, 2))
        )
    );
    // Legacy spellings.
    assert_eq!(
        array_elem(&cast_type("ARRAY<BIGINT>")),
        &DataType::BigInt(None)
    );
    let t = cast_type("MAP<VARCHAR, ARRAY<BIGINT>>");
    assert_eq!(array_elem(map_kv(&t).1), &DataType::BigInt(None));
    assert_eq!(
        array_elem(&cast_type("BIGINT ARRAY")),
        &DataType::BigInt(None)
    );
}

#[test]
fn scalar_types() {
    let len = |n| {
        Some(CharacterLength::IntegerLength {
            length: n,
            unit: None,
        })
    };
    let cases = [
        (
            "DECIMAL(12,2)",
            DataType::Decimal(ExactNumberInfo::PrecisionAndScale(12, 2)),
        ),
        (
            "DECIMAL(12)",
            DataType::Decimal(ExactNumberInfo::Precision(12)),
        ),
        ("DECIMAL", DataType::Decimal(ExactNumberInfo::None)),
        ("VARCHAR(25)", DataType::Varchar(len(25))),
        ("VARCHAR", DataType::Varchar(None)),
        ("CHAR(3)", DataType::Char(len(3))),
        (
            "TIMESTAMP(3)",
            DataType::Timestamp(Some(3), TimezoneInfo::None),
        ),
        (
            "TIMESTAMP(6) WITH TIME ZONE",
            DataType::Timestamp(Some(6), TimezoneInfo::WithTimeZone),
        ),
        (
            "TIMESTAMP WITH TIME ZONE",
            DataType::Timestamp(None, TimezoneInfo::WithTimeZone),
        ),
        (
            "TIMESTAMP WITHOUT TIME ZONE",
            DataType::Timestamp(None, TimezoneInfo::WithoutTimeZone),
        ),
        ("TIME(3)", DataType::Time(Some(3), TimezoneInfo::None)),
        (
            "TIME WITH TIME ZONE",
            DataType::Time(None, TimezoneInfo::WithTimeZone),
        ),
        (
            "INTERVAL DAY TO SECOND",
            DataType::Interval {
                fields: Some(IntervalFields::DayToSecond),
                precision: None,
            },
        ),
        (
            "INTERVAL YEAR TO MONTH",
            DataType::Interval {
                fields: Some(IntervalFields::YearToMonth),
                precision: None,
            },
        ),
        ("DOUBLE", DataType::Double(ExactNumberInfo::None)),
        ("double precision", DataType::Double(ExactNumberInfo::None)),
        ("REAL", DataType::Real),
        ("JSON", DataType::JSON),
        ("VARBINARY", DataType::Varbinary(None)),
        ("BOOLEAN", DataType::Boolean),
        ("TINYINT", DataType::TinyInt(None)),
        ("SMALLINT", DataType::SmallInt(None)),
        ("INTEGER", DataType::Integer(None)),
        ("int", DataType::Integer(None)),
        ("BIGINT", DataType::BigInt(None)),
        ("DATE", DataType::Date),
    ];
    for (text, expected) in cases {
        assert_eq!(cast_type(text), expected, "{text}");
    }
    // Unknown names are custom types, parameters kept.
    for (text, name, params) in [
        ("UUID", "UUID", vec![]),
        ("IPADDRESS", "IPADDRESS", vec![]),
        ("HyperLogLog", "HyperLogLog", vec![]),
        ("qdigest(bigint)", "qdigest", vec!["BIGINT".to_string()]),
        ("setdigest", "setdigest", vec![]),
    ] {
        match cast_type(text) {
            DataType::Custom(n, p) => {
                assert_eq!(n.to_string(), name);
                assert_eq!(p, params);
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    assert_eq!(
        dialect::format_type(&cast_type("ARRAY(ROW(a BIGINT, MAP(VARCHAR, DOUBLE)))")),
        "ARRAY(ROW(a BIGINT, MAP(VARCHAR, DOUBLE)))"
    );
}

#[test]
fn try_cast_and_bad_types() {
    match expr("TRY_CAST(x AS ROW(a BIGINT))") {
        Expr::Cast {
            kind: CastKind::TryCast,
            expr,
            data_type,
            format: None,
        } => {
            assert_eq!(ident(&expr), "x");
            assert_eq!(
                row_fields(&data_type),
                [(Some("a".into()), DataType::BigInt(None))]
            );
        }
        other => panic!("{other:?}"),
    }
    assert_err(
        "SELECT CAST(a AS ROW(x BIGINT,)) FROM t",
        1,
        31,
        "expected a type",
    );
    assert_err(
        "SELECT CAST(a AS MAP(VARCHAR)) FROM t",
        1,
        29,
        "expected ','",
    );
    assert_err("SELECT CAST(a AS ARRAY()) FROM t", 1, 24, "expected a type");
    assert_err("SELECT CAST(a AS DECIMAL(a)) FROM t", 1, 18, "DECIMAL");
    let deep = format!(
        "SELECT CAST(a AS {}BIGINT{})",
        "ARRAY(".repeat(100),
        ")".repeat(100)
    );
    assert!(err(&deep).message.contains("type nested"));
}

/// A `DataType` as the lowering sees it, without source positions.
fn describe(dt: &DataType) -> String {
    match dt {
        DataType::Custom(name, params) => {
            let idents: Vec<String> = name.0.iter().map(|p| p.to_string()).collect();
            format!("Custom({:?}, {params:?})", idents)
        }
        DataType::Struct(fields, kind) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| {
                    format!(
                        "StructField {{ field_name: {:?}, field_type: {} }}",
                        f.field_name.as_ref().map(|n| n.value.as_str()),
                        describe(&f.field_type)
                    )
                })
                .collect();
            format!("Struct([{}], {kind:?})", fields.join(", "))
        }
        DataType::Array(ArrayElemTypeDef::Parenthesis(t)) => {
            format!("Array(Parenthesis({}))", describe(t))
        }
        DataType::Map(k, v, kind) => format!("Map({}, {}, {kind:?})", describe(k), describe(v)),
        other => format!("{other:?}"),
    }
}

/// The Trino type → sqlparser `DataType` table (also in `dialect.rs`'s documentation).
#[test]
fn type_mapping_snapshot() {
    let types = [
        "BOOLEAN",
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "INT",
        "BIGINT",
        "REAL",
        "DOUBLE",
        "DOUBLE PRECISION",
        "DECIMAL",
        "DECIMAL(10)",
        "DECIMAL(12, 2)",
        "VARCHAR",
        "VARCHAR(25)",
        "CHAR",
        "CHAR(3)",
        "VARBINARY",
        "JSON",
        "DATE",
        "TIME",
        "TIME(3)",
        "TIME WITH TIME ZONE",
        "TIMESTAMP",
        "TIMESTAMP(3)",
        "TIMESTAMP(6) WITH TIME ZONE",
        "TIMESTAMP WITHOUT TIME ZONE",
        "INTERVAL YEAR TO MONTH",
        "INTERVAL DAY TO SECOND",
        "ARRAY(INTEGER)",
        "ARRAY<INTEGER>",
        "INTEGER ARRAY",
        "MAP(VARCHAR, ARRAY(INTEGER))",
        "ROW(a BIGINT, b VARCHAR)",
        "ROW(BIGINT, VARCHAR)",
        "UUID",
        "IPADDRESS",
        "HyperLogLog",
        "qdigest(bigint)",
        "P4HyperLogLog",
        "Geometry",
        "ROW(ip IPADDRESS)",
    ];
    let text: String = types
        .iter()
        .map(|t| format!("{t} => {}\n", describe(&cast_type(t))))
        .collect();
    insta::assert_snapshot!("type_mapping", text);
}

// ---------------------------------------------------------------------------------------------
// Constructs the statement layer handles
// ---------------------------------------------------------------------------------------------

#[test]
fn group_by_distinct_and_all() {
    let p = one("SELECT a, count(*) FROM t GROUP BY DISTINCT ROLLUP(a, b), CUBE(c)");
    assert_eq!(p.extras.group_by_distinct, [pos(1, 1)]);
    let s = match &p.ast {
        Statement::Query(q) => select_of(q).clone(),
        _ => unreachable!(),
    };
    match &s.group_by {
        GroupByExpr::Expressions(e, _) => {
            assert!(matches!(&e[0], Expr::Rollup(r) if r.len() == 2));
            assert!(matches!(&e[1], Expr::Cube(c) if c.len() == 1));
        }
        other => panic!("{other:?}"),
    }
    // The position is the owning SELECT's, also for nested blocks.
    let p = one("SELECT * FROM (\n  SELECT a FROM t GROUP BY ALL a\n) x, (SELECT b FROM u GROUP BY DISTINCT b)");
    assert_eq!(p.extras.group_by_all, [pos(2, 3)]);
    assert_eq!(p.extras.group_by_distinct, [pos(3, 7)]);
    // The positions match the AST's SELECT tokens.
    let Statement::Query(q) = &p.ast else {
        unreachable!()
    };
    let outer = select_of(q);
    let TableFactor::Derived { subquery, .. } = &outer.from[0].relation else {
        panic!()
    };
    let start = select_of(subquery).select_token.0.span.start;
    assert_eq!((start.line, start.column), (2, 3));
    // `GROUP BY ALL` alone is not Trino.
    assert_err("SELECT a FROM t GROUP BY ALL", 1, 29, "grouping element");
}

#[test]
fn table_versions() {
    let p = one("SELECT * FROM cat.sch.t FOR VERSION AS OF 8954597067493422955 AS x JOIN u FOR TIMESTAMP AS OF TIMESTAMP '2020-01-01 00:00:00 UTC' ON x.a = u.a");
    let v = &p.extras.table_versions;
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].kind, TableVersionKind::Version);
    assert_eq!(v[0].table, pos(1, 15));
    assert_eq!(v[0].table_name, "cat.sch.t");
    assert_eq!(v[0].span, pos(1, 25));
    assert_eq!(v[0].expr_text, "8954597067493422955");
    assert_eq!(v[1].kind, TableVersionKind::Timestamp);
    assert_eq!(v[1].table_name, "u");
    assert_eq!(v[1].expr_text, "TIMESTAMP '2020-01-01 00:00:00 UTC'");
    assert!(matches!(v[1].expr, Expr::TypedString(_)));
    // … and in the AST, on the right tables, with the alias kept.
    let Statement::Query(q) = &p.ast else {
        unreachable!()
    };
    let f = from_of(select_of(q));
    match &f.relation {
        TableFactor::Table {
            name,
            alias,
            version: Some(TableVersion::VersionAsOf(e)),
            ..
        } => {
            assert_eq!(name.to_string(), "cat.sch.t");
            assert_eq!(alias.as_ref().unwrap().name.value, "x");
            assert_eq!(number(e), "8954597067493422955");
        }
        other => panic!("{other:?}"),
    }
    match &f.joins[0].relation {
        TableFactor::Table {
            version: Some(TableVersion::TimestampAsOf(e)),
            ..
        } => {
            assert!(matches!(e, Expr::TypedString(_)))
        }
        other => panic!("{other:?}"),
    }
    // Expressions, and versions that are strings.
    let p =
        one("SELECT * FROM t FOR TIMESTAMP AS OF current_timestamp - INTERVAL '1' DAY WHERE a = 1");
    assert_eq!(
        p.extras.table_versions[0].expr_text,
        "current_timestamp - INTERVAL '1' DAY"
    );
    let p = one("SELECT * FROM t FOR VERSION AS OF 'branch'");
    assert_eq!(string(&p.extras.table_versions[0].expr), "branch");
    // Errors.
    assert_err(
        "SELECT 1 FOR VERSION AS OF 3",
        1,
        10,
        "must follow a table name",
    );
    assert_err(
        "SELECT * FROM t FOR VERSION AS OF",
        1,
        34,
        "found end of input",
    );
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

#[test]
fn with_and_with_recursive() {
    let q = query("WITH a (x, y) AS (SELECT 1, 2), b AS (SELECT * FROM a) SELECT * FROM b");
    let w = q.with.as_ref().unwrap();
    assert!(!w.recursive);
    assert_eq!(w.cte_tables.len(), 2);
    assert_eq!(w.cte_tables[0].alias.name.value, "a");
    let cols: Vec<&str> = w.cte_tables[0]
        .alias
        .columns
        .iter()
        .map(|c| c.name.value.as_str())
        .collect();
    assert_eq!(cols, ["x", "y"]);
    let q = query("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t");
    let w = q.with.as_ref().unwrap();
    assert!(w.recursive);
    assert_eq!(w.cte_tables[0].alias.columns[0].name.value, "n");
    assert!(matches!(
        w.cte_tables[0].query.body.as_ref(),
        SetExpr::SetOperation {
            op: SetOperator::Union,
            set_quantifier: SetQuantifier::All,
            ..
        }
    ));
}

#[test]
fn joins() {
    let s = select(
        "SELECT * FROM a JOIN b ON a.x = b.x INNER JOIN c USING (x, y) LEFT JOIN d ON true \
         LEFT OUTER JOIN e ON true RIGHT JOIN f ON true RIGHT OUTER JOIN g ON true \
         FULL JOIN h ON true FULL OUTER JOIN i ON true CROSS JOIN j NATURAL JOIN k",
    );
    let ops: Vec<String> = from_of(&s)
        .joins
        .iter()
        .map(|j| {
            match &j.join_operator {
                JoinOperator::Join(_) => "join",
                JoinOperator::Inner(_) => "inner",
                JoinOperator::Left(_) => "left",
                JoinOperator::LeftOuter(_) => "left outer",
                JoinOperator::Right(_) => "right",
                JoinOperator::RightOuter(_) => "right outer",
                JoinOperator::FullOuter(_) => "full",
                JoinOperator::CrossJoin(_) => "cross",
                other => panic!("{other:?}"),
            }
            .to_string()
        })
        .collect();
    assert_eq!(
        ops,
        [
            "join",
            "inner",
            "left",
            "left outer",
            "right",
            "right outer",
            "full",
            "full",
            "cross",
            "join"
        ]
    );
    let joins = &from_of(&s).joins;
    assert!(
        matches!(&joins[1].join_operator, JoinOperator::Inner(JoinConstraint::Using(c)) if c.len() == 2)
    );
    assert!(matches!(
        &joins[0].join_operator,
        JoinOperator::Join(JoinConstraint::On(_))
    ));
    assert!(matches!(
        &joins[9].join_operator,
        JoinOperator::Join(JoinConstraint::Natural)
    ));
    // LATERAL, after a comma and after CROSS JOIN.
    let s = select("SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.a = t.a) l CROSS JOIN LATERAL (SELECT 1) m");
    assert!(
        matches!(&s.from[1].relation, TableFactor::Derived { lateral: true, alias: Some(a), .. } if a.name.value == "l")
    );
    assert!(matches!(
        &s.from[1].joins[0].relation,
        TableFactor::Derived { lateral: true, .. }
    ));
    // Parenthesized joins.
    let s = select("SELECT * FROM (a JOIN b ON a.x = b.x) JOIN c ON true");
    assert!(matches!(
        &from_of(&s).relation,
        TableFactor::NestedJoin { .. }
    ));
    // Trino requires ON/USING (sqlparser alone would accept a join without a criterion).
    assert_err(
        "SELECT * FROM a JOIN b WHERE x = 1",
        1,
        24,
        "expected ON or USING after the joined relation, found WHERE",
    );
    assert_err(
        "SELECT * FROM a LEFT JOIN (SELECT 1) s",
        1,
        39,
        "found end of input",
    );
    assert_err(
        "SELECT * FROM (a JOIN b) JOIN c ON true",
        1,
        24,
        "found ')'",
    );
    assert_err(
        "SELECT 1 UNION SELECT * FROM (SELECT * FROM a JOIN b) t",
        1,
        53,
        "expected ON or USING",
    );
    assert!(err("SELECT * FROM a LEFT SEMI JOIN b ON true")
        .message
        .contains("not Trino"));
    // A big statement (walked on a separate thread) gets the same checks and fix-ups.
    let cols: Vec<String> = (0..3000).map(|i| format!("c{i}")).collect();
    let big = format!(
        "SELECT {} FROM a CROSS JOIN UNNEST(x) AS u(y) JOIN b ON true",
        cols.join(", ")
    );
    let s = select(&big);
    assert!(matches!(
        &from_of(&s).joins[0].relation,
        TableFactor::UNNEST { .. }
    ));
    let big = format!("SELECT {} FROM a JOIN b", cols.join(", "));
    assert!(err(&big).message.contains("expected ON or USING"));
}

#[test]
fn unnest() {
    let s = select("SELECT * FROM t CROSS JOIN UNNEST(a) WITH ORDINALITY AS u(x, n)");
    let j = &from_of(&s).joins[0];
    assert!(matches!(j.join_operator, JoinOperator::CrossJoin(_)));
    match &j.relation {
        TableFactor::UNNEST {
            alias: Some(alias),
            array_exprs,
            with_ordinality: true,
            with_offset: false,
            ..
        } => {
            assert_eq!(alias.name.value, "u");
            let cols: Vec<&str> = alias
                .columns
                .iter()
                .map(|c| c.name.value.as_str())
                .collect();
            assert_eq!(cols, ["x", "n"]);
            assert_eq!(array_exprs.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    let s = select("SELECT * FROM t LEFT JOIN UNNEST(a) AS u(x) ON true");
    let j = &from_of(&s).joins[0];
    assert!(matches!(
        &j.join_operator,
        JoinOperator::Left(JoinConstraint::On(Expr::Value(_)))
    ));
    assert!(matches!(
        &j.relation,
        TableFactor::UNNEST {
            with_ordinality: false,
            ..
        }
    ));
    let s = select("SELECT * FROM UNNEST(ARRAY[1, 2], ARRAY['a', 'b'], m) AS u(x, y, k, v)");
    match &from_of(&s).relation {
        TableFactor::UNNEST {
            array_exprs,
            alias: Some(a),
            ..
        } => {
            assert_eq!(array_exprs.len(), 3);
            assert_eq!(a.columns.len(), 4);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn set_operations() {
    let q = query("SELECT 1 UNION SELECT 2 UNION ALL SELECT 3 INTERSECT SELECT 4 EXCEPT DISTINCT SELECT 5 INTERSECT ALL SELECT 6");
    assert_eq!(
        q.to_string(),
        "SELECT 1 UNION SELECT 2 UNION ALL SELECT 3 INTERSECT SELECT 4 EXCEPT DISTINCT SELECT 5 INTERSECT ALL SELECT 6"
    );
    // INTERSECT binds tighter than UNION/EXCEPT.
    match q.body.as_ref() {
        SetExpr::SetOperation {
            op: SetOperator::Except,
            set_quantifier: SetQuantifier::Distinct,
            right,
            ..
        } => {
            assert!(matches!(
                right.as_ref(),
                SetExpr::SetOperation {
                    op: SetOperator::Intersect,
                    set_quantifier: SetQuantifier::All,
                    ..
                }
            ));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn subqueries() {
    let e = exprs(
        "(SELECT max(x) FROM t), EXISTS (SELECT 1), x IN (SELECT y FROM u), x NOT IN (1, 2), \
         x > ALL (SELECT y FROM u), x = ANY (SELECT y FROM u), x = SOME (SELECT y FROM u), NOT EXISTS (SELECT 1)",
    );
    assert!(matches!(&e[0], Expr::Subquery(_)));
    assert!(matches!(&e[1], Expr::Exists { negated: false, .. }));
    assert!(matches!(&e[2], Expr::InSubquery { negated: false, .. }));
    assert!(matches!(&e[3], Expr::InList { negated: true, list, .. } if list.len() == 2));
    match &e[4] {
        Expr::AllOp {
            compare_op: BinaryOperator::Gt,
            right,
            ..
        } => {
            assert!(matches!(right.as_ref(), Expr::Subquery(_)))
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &e[5],
        Expr::AnyOp {
            compare_op: BinaryOperator::Eq,
            is_some: false,
            ..
        }
    ));
    assert!(matches!(
        &e[6],
        Expr::AnyOp {
            compare_op: BinaryOperator::Eq,
            is_some: true,
            ..
        }
    ));
    assert!(matches!(
        &e[7],
        Expr::UnaryOp {
            op: UnaryOperator::Not,
            ..
        } | Expr::Exists { negated: true, .. }
    ));
}

#[test]
fn grouping_and_having() {
    let s = select("SELECT a, b, sum(c) FROM t GROUP BY GROUPING SETS ((a), (a, b), ()), ROLLUP (a, b), CUBE (b), 1, a HAVING sum(c) > 1");
    match &s.group_by {
        GroupByExpr::Expressions(e, _) => {
            match &e[0] {
                Expr::GroupingSets(sets) => {
                    assert_eq!(sets.len(), 3);
                    assert_eq!(sets[1].len(), 2);
                    assert!(sets[2].is_empty());
                }
                other => panic!("{other:?}"),
            }
            assert!(matches!(&e[1], Expr::Rollup(r) if r.len() == 2));
            assert!(matches!(&e[2], Expr::Cube(_)));
            assert_eq!(number(&e[3]), "1");
            assert_eq!(ident(&e[4]), "a");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(binop(s.having.as_ref().unwrap()).1, BinaryOperator::Gt);
    // grouping() is a function.
    assert_eq!(fn_name(&expr("grouping(a, b)")), "grouping");
}

#[test]
fn windows() {
    let q = query(
        "SELECT rank() OVER (PARTITION BY a ORDER BY b DESC NULLS LAST), \
         sum(x) OVER (ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), \
         avg(x) OVER (w RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING), count(*) OVER w \
         FROM t WINDOW w AS (PARTITION BY a ORDER BY b)",
    );
    let s = select_of(&q);
    let over = |i: usize| function(item_expr(&s.projection[i])).over.clone().unwrap();
    match over(0) {
        WindowType::WindowSpec(spec) => {
            assert_eq!(spec.partition_by.len(), 1);
            assert_eq!(spec.order_by[0].options.sort, Some(OrderBySort::Desc));
            assert_eq!(spec.order_by[0].options.nulls_first, Some(false));
            assert!(spec.window_frame.is_none());
        }
        other => panic!("{other:?}"),
    }
    match over(1) {
        WindowType::WindowSpec(spec) => {
            let f = spec.window_frame.unwrap();
            assert_eq!(f.units, WindowFrameUnits::Rows);
            assert_eq!(f.start_bound, WindowFrameBound::Preceding(None));
            assert_eq!(f.end_bound, Some(WindowFrameBound::CurrentRow));
        }
        other => panic!("{other:?}"),
    }
    match over(2) {
        WindowType::WindowSpec(spec) => {
            assert_eq!(spec.window_name.unwrap().value, "w");
            assert_eq!(spec.window_frame.unwrap().units, WindowFrameUnits::Range);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(over(3), WindowType::NamedWindow(n) if n.value == "w"));
    assert_eq!(s.named_window.len(), 1);
    assert_eq!(s.named_window[0].0.value, "w");
}

#[test]
fn order_limit_offset_fetch() {
    let q = query("SELECT a FROM t ORDER BY a NULLS FIRST, b DESC NULLS LAST, c ASC LIMIT 10");
    let Some(ob) = &q.order_by else { panic!() };
    let OrderByKind::Expressions(e) = &ob.kind else {
        panic!()
    };
    assert_eq!(
        (e[0].options.sort.clone(), e[0].options.nulls_first),
        (None, Some(true))
    );
    assert_eq!(
        (e[1].options.sort.clone(), e[1].options.nulls_first),
        (Some(OrderBySort::Desc), Some(false))
    );
    assert_eq!(
        (e[2].options.sort.clone(), e[2].options.nulls_first),
        (Some(OrderBySort::Asc), None)
    );
    match &q.limit_clause {
        Some(LimitClause::LimitOffset {
            limit: Some(l),
            offset: None,
            ..
        }) => assert_eq!(number(l), "10"),
        other => panic!("{other:?}"),
    }
    let q = query("SELECT * FROM t OFFSET 5 ROWS FETCH FIRST 3 ROWS ONLY");
    match &q.limit_clause {
        Some(LimitClause::LimitOffset {
            limit: None,
            offset: Some(o),
            ..
        }) => {
            assert_eq!(number(&o.value), "5");
            assert_eq!(o.rows, sqlparser::ast::OffsetRows::Rows);
        }
        other => panic!("{other:?}"),
    }
    let f = q.fetch.as_ref().unwrap();
    assert!(!f.with_ties);
    assert_eq!(number(f.quantity.as_ref().unwrap()), "3");
    let q = query("SELECT * FROM t ORDER BY a FETCH NEXT 2 ROWS WITH TIES");
    assert!(q.fetch.as_ref().unwrap().with_ties);
    let q = query("SELECT * FROM t OFFSET 2 LIMIT 3");
    assert!(matches!(
        &q.limit_clause,
        Some(LimitClause::LimitOffset {
            limit: Some(_),
            offset: Some(_),
            ..
        })
    ));
    let q = query("SELECT * FROM t LIMIT ALL");
    assert!(matches!(
        &q.limit_clause,
        None | Some(LimitClause::LimitOffset { limit: None, .. })
    ));
}

fn values_rows(q: &Query) -> Vec<Vec<Expr>> {
    match q.body.as_ref() {
        SetExpr::Values(v) => v.rows.iter().map(|r| r.content.clone()).collect(),
        other => panic!("not VALUES: {other:?}"),
    }
}

#[test]
fn values_as_query_and_table() {
    let rows = values_rows(&query("VALUES (1, 'a'), (2, 'b')"));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].len(), 2);
    // Rows that are single expressions.
    let rows = values_rows(&query("VALUES 1, 2 + 3, (4)"));
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == 1));
    assert_eq!(binop(&rows[1][0]).1, BinaryOperator::Plus);
    // ROW(…) rows are expanded into columns, as in Trino.
    let rows = values_rows(&query("VALUES ROW(1, 'a'), ROW(2, 'b')"));
    assert_eq!(rows[1].len(), 2);
    let s = select("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(x, y)");
    match &from_of(&s).relation {
        TableFactor::Derived {
            subquery,
            alias: Some(a),
            ..
        } => {
            assert_eq!(values_rows(subquery).len(), 2);
            assert_eq!(a.columns.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    match one("INSERT INTO t VALUES 1, 2").ast {
        Statement::Insert(i) => assert_eq!(values_rows(i.source.as_ref().unwrap()).len(), 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn tablesample() {
    for (sql, method, alias) in [
        (
            "SELECT * FROM t TABLESAMPLE BERNOULLI (10)",
            TableSampleMethod::Bernoulli,
            None,
        ),
        (
            "SELECT * FROM t AS x TABLESAMPLE SYSTEM (50.5)",
            TableSampleMethod::System,
            Some("x"),
        ),
        (
            "SELECT * FROM t x TABLESAMPLE SYSTEM (5)",
            TableSampleMethod::System,
            Some("x"),
        ),
    ] {
        let s = select(sql);
        match &from_of(&s).relation {
            TableFactor::Table {
                alias: a,
                sample: Some(TableSampleKind::AfterTableAlias(ts)),
                ..
            } => {
                assert_eq!(ts.name, Some(method), "{sql}");
                assert!(ts.quantity.is_some());
                assert_eq!(a.as_ref().map(|a| a.name.value.as_str()), alias);
            }
            other => panic!("{sql}: {other:?}"),
        }
    }
}

#[test]
fn match_recognize() {
    let s = select(
        "SELECT * FROM t MATCH_RECOGNIZE (PARTITION BY k ORDER BY id MEASURES A.v AS start_v \
         ONE ROW PER MATCH PATTERN (A B+) DEFINE B AS B.v < PREV(B.v)) AS m",
    );
    match &from_of(&s).relation {
        TableFactor::MatchRecognize {
            partition_by,
            measures,
            alias: Some(a),
            ..
        } => {
            assert_eq!(partition_by.len(), 1);
            assert_eq!(measures.len(), 1);
            assert_eq!(a.name.value, "m");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn constructors_subscripts_and_fields() {
    let e = exprs("ARRAY[1, 2, 3], MAP(ARRAY['a'], ARRAY[1]), ROW(1, 'a'), a[1], m['k'], r.f, (r).f, t.r.f[2], ARRAY[]");
    assert!(matches!(&e[0], Expr::Array(a) if a.elem.len() == 3));
    assert_eq!(fn_name(&e[1]), "MAP");
    assert_eq!(args(&e[1]).len(), 2);
    assert_eq!(fn_name(&e[2]), "ROW");
    assert_eq!(args(&e[2]).len(), 2);
    match &e[3] {
        Expr::CompoundFieldAccess { root, access_chain } => {
            assert_eq!(ident(root), "a");
            assert!(
                matches!(&access_chain[0], AccessExpr::Subscript(Subscript::Index { index }) if number(index) == "1")
            );
        }
        other => panic!("{other:?}"),
    }
    match &e[4] {
        Expr::CompoundFieldAccess { access_chain, .. } => {
            assert!(
                matches!(&access_chain[0], AccessExpr::Subscript(Subscript::Index { index }) if string(index) == "k")
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&e[5], Expr::CompoundIdentifier(parts) if parts.len() == 2));
    match &e[6] {
        Expr::CompoundFieldAccess { root, access_chain } => {
            assert!(matches!(root.as_ref(), Expr::Nested(_)));
            assert!(
                matches!(&access_chain[0], AccessExpr::Dot(Expr::Identifier(i)) if i.value == "f")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(e[7].to_string(), "t.r.f[2]");
    assert!(matches!(&e[8], Expr::Array(a) if a.elem.is_empty()));
}

#[test]
fn conditional_expressions() {
    let e = exprs("TRY(1 / 0), IF(a, b, c), IF(a, b), CASE a WHEN 1 THEN 'x' WHEN 2 THEN 'y' ELSE 'z' END, CASE WHEN a > 1 THEN 2 END, coalesce(a, b), nullif(a, b)");
    assert_eq!(fn_name(&e[0]), "TRY");
    assert_eq!(fn_name(&e[1]), "IF");
    assert_eq!(args(&e[1]).len(), 3);
    assert_eq!(args(&e[2]).len(), 2);
    match &e[3] {
        Expr::Case {
            operand: Some(op),
            conditions,
            else_result: Some(_),
            ..
        } => {
            assert_eq!(ident(op), "a");
            assert_eq!(conditions.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    match &e[4] {
        Expr::Case {
            operand: None,
            conditions,
            else_result: None,
            ..
        } => {
            assert_eq!(binop(&conditions[0].condition).1, BinaryOperator::Gt)
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(fn_name(&e[5]), "coalesce");
    assert_eq!(fn_name(&e[6]), "nullif");
}

#[test]
fn special_forms() {
    let e = exprs(
        "ts AT TIME ZONE 'UTC', a LIKE 'x!%' ESCAPE '!', a NOT LIKE 'y', a IS DISTINCT FROM b, \
         a IS NOT DISTINCT FROM b, EXTRACT(YEAR FROM d), position('a' IN b), \
         substring(s FROM 2 FOR 3), trim(BOTH 'x' FROM s), trim(LEADING FROM s), trim(s), \
         a BETWEEN 1 AND 2, a IS NULL, a IS NOT NULL, CURRENT_DATE, current_timestamp, CURRENT_USER, localtimestamp(3)",
    );
    match &e[0] {
        Expr::AtTimeZone {
            timestamp,
            time_zone,
        } => {
            assert_eq!(ident(timestamp), "ts");
            assert_eq!(string(time_zone), "UTC");
        }
        other => panic!("{other:?}"),
    }
    match &e[1] {
        Expr::Like {
            negated: false,
            escape_char: Some(esc),
            ..
        } => {
            assert_eq!(esc.to_string(), "'!'")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &e[2],
        Expr::Like {
            negated: true,
            escape_char: None,
            ..
        }
    ));
    assert!(matches!(&e[3], Expr::IsDistinctFrom(..)));
    assert!(matches!(&e[4], Expr::IsNotDistinctFrom(..)));
    assert!(matches!(
        &e[5],
        Expr::Extract {
            field: DateTimeField::Year,
            ..
        }
    ));
    match &e[6] {
        Expr::Position { expr, r#in } => {
            assert_eq!(string(expr), "a");
            assert_eq!(ident(r#in), "b");
        }
        other => panic!("{other:?}"),
    }
    match &e[7] {
        Expr::Substring {
            expr,
            substring_from: Some(f),
            substring_for: Some(l),
            ..
        } => {
            assert_eq!(ident(expr), "s");
            assert_eq!((number(f), number(l)), ("2".into(), "3".into()));
        }
        other => panic!("{other:?}"),
    }
    match &e[8] {
        Expr::Trim {
            expr,
            trim_where: Some(TrimWhereField::Both),
            trim_what: Some(w),
            ..
        } => {
            assert_eq!(ident(expr), "s");
            assert_eq!(string(w), "x");
        }
        other => panic!("{other:?}"),
    }
    match &e[9] {
        Expr::Trim {
            expr,
            trim_where: Some(TrimWhereField::Leading),
            trim_what: None,
            ..
        } => {
            assert_eq!(ident(expr), "s")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &e[10],
        Expr::Trim {
            trim_where: None,
            trim_what: None,
            ..
        }
    ));
    assert!(matches!(&e[11], Expr::Between { negated: false, .. }));
    assert!(matches!(&e[12], Expr::IsNull(_)));
    assert!(matches!(&e[13], Expr::IsNotNull(_)));
    // `FROM` followed by reserved words that start expressions.
    let f = exprs("EXTRACT(YEAR FROM CAST(x AS DATE)), a IS DISTINCT FROM NULL, trim(BOTH FROM CASE WHEN a THEN b END), substring(s FROM CAST(x AS INT)), EXTRACT(DAY FROM CURRENT_DATE)");
    assert!(
        matches!(&f[0], Expr::Extract { expr, .. } if matches!(expr.as_ref(), Expr::Cast { .. }))
    );
    assert!(matches!(&f[1], Expr::IsDistinctFrom(_, b) if matches!(b.as_ref(), Expr::Value(_))));
    assert!(matches!(&f[2], Expr::Trim { expr, .. } if matches!(expr.as_ref(), Expr::Case { .. })));
    assert!(matches!(&f[3], Expr::Substring { .. }));
    assert!(matches!(&f[4], Expr::Extract { .. }));
    assert_eq!(fn_name(&e[14]).to_uppercase(), "CURRENT_DATE");
    assert_eq!(fn_name(&e[15]).to_uppercase(), "CURRENT_TIMESTAMP");
    assert_eq!(fn_name(&e[16]), "CURRENT_USER");
    assert_eq!(e[17].to_string().to_uppercase(), "LOCALTIMESTAMP(3)");
}

#[test]
fn aggregates() {
    let e = exprs("count(*), count(DISTINCT x), sum(x) FILTER (WHERE x > 1), array_agg(x ORDER BY y DESC), approx_percentile(x, 0.5), count(*) FILTER (WHERE a) OVER (PARTITION BY b)");
    match &function(&e[0]).args {
        FunctionArguments::List(l) => {
            assert!(matches!(
                &l.args[0],
                FunctionArg::Unnamed(FunctionArgExpr::Wildcard)
            ))
        }
        other => panic!("{other:?}"),
    }
    match &function(&e[1]).args {
        FunctionArguments::List(l) => {
            assert_eq!(l.duplicate_treatment, Some(DuplicateTreatment::Distinct))
        }
        other => panic!("{other:?}"),
    }
    let f = function(&e[2]);
    assert_eq!(binop(f.filter.as_ref().unwrap()).1, BinaryOperator::Gt);
    match &function(&e[3]).args {
        FunctionArguments::List(l) => match &l.clauses[0] {
            FunctionArgumentClause::OrderBy(ob) => {
                assert_eq!(ident(&ob[0].expr), "y");
                assert_eq!(ob[0].options.sort, Some(OrderBySort::Desc));
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    assert_eq!(args(&e[4]).len(), 2);
    let f = function(&e[5]);
    assert!(f.filter.is_some() && f.over.is_some());
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

#[test]
fn create_table_as() {
    match one("CREATE TABLE t WITH (format = 'ORC', partitioned_by = ARRAY['ds']) AS SELECT 1 AS a")
        .ast
    {
        Statement::CreateTable(ct) => {
            assert_eq!(ct.name.to_string(), "t");
            match &ct.table_options {
                CreateTableOptions::With(opts) => {
                    assert_eq!(opts.len(), 2);
                    assert_eq!(opts[0].to_string(), "format = 'ORC'");
                    assert_eq!(opts[1].to_string(), "partitioned_by = ARRAY['ds']");
                }
                other => panic!("{other:?}"),
            }
            assert!(ct.query.is_some());
            assert!(!ct.if_not_exists && !ct.or_replace);
        }
        other => panic!("{other:?}"),
    }
    match one("CREATE OR REPLACE TABLE IF NOT EXISTS c.s.t (x, y) COMMENT 'tbl' AS (SELECT 1, 2) WITH NO DATA").ast {
        Statement::CreateTable(ct) => {
            assert!(ct.if_not_exists && ct.or_replace);
            assert_eq!(ct.name.0.len(), 3);
            let cols: Vec<&str> = ct.columns.iter().map(|c| c.name.value.as_str()).collect();
            assert_eq!(cols, ["x", "y"]);
            assert!(ct.columns.iter().all(|c| c.data_type == DataType::Unspecified));
            assert_eq!(ct.with_data.map(|w| w.data), Some(false));
            assert!(ct.comment.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn create_table_with_columns() {
    let sql = "CREATE TABLE IF NOT EXISTS cat.sch.t (\n  a BIGINT NOT NULL COMMENT 'key',\n  b ARRAY(ROW(x INTEGER, y MAP(VARCHAR, DOUBLE))),\n  c DECIMAL(12, 2) WITH (foo = 1),\n  \"date\" DATE\n) COMMENT 'tbl' WITH (format = 'PARQUET')";
    match one(sql).ast {
        Statement::CreateTable(ct) => {
            assert!(ct.if_not_exists);
            assert_eq!(ct.name.to_string(), "cat.sch.t");
            assert_eq!(ct.columns.len(), 4);
            assert_eq!(ct.columns[0].data_type, DataType::BigInt(None));
            let opts: Vec<&ColumnOption> =
                ct.columns[0].options.iter().map(|o| &o.option).collect();
            assert_eq!(
                opts,
                [&ColumnOption::NotNull, &ColumnOption::Comment("key".into())]
            );
            let f = row_fields(array_elem(&ct.columns[1].data_type));
            assert_eq!(f[0], (Some("x".into()), DataType::Integer(None)));
            assert!(
                matches!(&ct.columns[2].options[0].option, ColumnOption::Options(o) if o.len() == 1)
            );
            assert_eq!(ct.columns[3].name.value, "date");
            assert!(matches!(&ct.table_options, CreateTableOptions::With(o) if o.len() == 1));
            assert!(ct.query.is_none());
        }
        other => panic!("{other:?}"),
    }
    assert_err("CREATE TABLE t (from BIGINT)", 1, 17, "found from");
    assert_err("CREATE TABLE t (a BIGINT, LIKE u)", 1, 27, "LIKE");
    assert_err(
        "CREATE TABLE t (a BIGINT) AS SELECT 1",
        1,
        27,
        "expected end of statement",
    );
    assert_err(
        "CREATE TABLE t",
        1,
        15,
        "expected '(' or AS, found end of input",
    );
}

#[test]
fn insert_and_views() {
    match one("INSERT INTO cat.sch.t (a, b) SELECT 1, 2").ast {
        Statement::Insert(i) => {
            assert_eq!(i.table.to_string(), "cat.sch.t");
            assert_eq!(i.columns.len(), 2);
            assert!(i.source.is_some());
        }
        other => panic!("{other:?}"),
    }
    match one("INSERT INTO t SELECT * FROM u").ast {
        Statement::Insert(i) => assert!(i.columns.is_empty()),
        other => panic!("{other:?}"),
    }
    match one("UPDATE t SET a = 1 WHERE b = 2").ast {
        Statement::Update(u) => assert_eq!(u.assignments.len(), 1),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        one("DELETE FROM t WHERE a = 1").ast,
        Statement::Delete(_)
    ));
    match one("CREATE OR REPLACE VIEW s.v AS SELECT 1 AS x").ast {
        Statement::CreateView(v) => {
            assert!(v.or_replace);
            assert_eq!(v.name.to_string(), "s.v");
        }
        other => panic!("{other:?}"),
    }
    match one("CREATE VIEW v AS WITH a AS (SELECT 1) SELECT * FROM a").ast {
        Statement::CreateView(v) => {
            assert!(!v.or_replace);
            assert!(v.query.with.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn three_part_names() {
    let s = select("SELECT cat.sch.tbl.col, sch.tbl.col FROM cat.sch.tbl, \"Cat\".\"Sch\".\"T\"");
    assert!(matches!(item_expr(&s.projection[0]), Expr::CompoundIdentifier(p) if p.len() == 4));
    match &s.from[0].relation {
        TableFactor::Table { name, .. } => assert_eq!(name.0.len(), 3),
        other => panic!("{other:?}"),
    }
    match &s.from[1].relation {
        TableFactor::Table { name, .. } => assert_eq!(name.to_string(), r#""Cat"."Sch"."T""#),
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Statement splitting, spans and errors
// ---------------------------------------------------------------------------------------------

#[test]
fn splitting_ok_err_ok() {
    let sql = "SELECT 1;\nSELECT a, FROM t;\n  SELECT 'x;y' AS \"a;b\" -- c;d\n  /* e;f */ FROM t;";
    let r = parse_sql(sql);
    assert_eq!(r.len(), 3);
    let a = r[0].as_ref().unwrap();
    assert_eq!(a.span, pos(1, 1));
    assert_eq!(&sql[a.range.clone()], "SELECT 1");
    let e = r[1].as_ref().unwrap_err();
    assert_eq!((e.line, e.column), (2, 11));
    assert_eq!(e.message, "expected an expression, found FROM");
    assert_eq!(
        e.to_string(),
        "expected an expression, found FROM at line 2, column 11"
    );
    let c = r[2].as_ref().unwrap();
    assert_eq!(c.span, pos(3, 3));
    assert_eq!(
        &sql[c.range.clone()],
        "SELECT 'x;y' AS \"a;b\" -- c;d\n  /* e;f */ FROM t"
    );
    assert_eq!(c.ast.to_string(), "SELECT 'x;y' AS \"a;b\" FROM t");
}

#[test]
fn empty_statements_and_trailing_comments() {
    assert!(parse_sql("").is_empty());
    assert!(parse_sql("  \n ").is_empty());
    assert!(parse_sql(";;; -- nothing\n/* here */ ;").is_empty());
    let r = parse_sql(";SELECT 1;; SELECT 2 ; -- trailing\n");
    assert_eq!(r.len(), 2);
    assert_eq!(r[1].as_ref().unwrap().span, pos(1, 13));
    let r = parse_sql("SELECT 1 -- no semicolon at the end");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].as_ref().unwrap().range, 0..8);
}

#[test]
fn error_positions_multi_line() {
    let sql = "SELECT\n  a,\n  b + FROM t";
    assert_err(sql, 3, 7, "expected an expression, found FROM");
    // Positions are in the whole input, also for later statements.
    let sql = "SELECT 1;\n\nSELECT a\nFROM t\nWHERE x = = 1;";
    let r = parse_sql(sql);
    let e = r[1].as_ref().unwrap_err();
    assert_eq!((e.line, e.column), (5, 11));
    assert!(
        e.message.contains("expected an expression, found '='"),
        "{}",
        e.message
    );
    // Columns are counted in characters.
    assert_err("SELECT 'héllo', ünï FROM FROM t", 1, 26, "found FROM");
    // Unexpected end of input points just after the last token.
    assert_err(
        "SELECT a FROM t WHERE",
        1,
        22,
        "expected an expression, found end of input",
    );
    assert_err(
        "SELECT a FROM t WHERE a = 1 AND\n  -- comment\n",
        1,
        32,
        "found end of input",
    );
    // A token where the statement should have ended.
    assert_err(
        "SELECT a FROM t t2 t3",
        1,
        20,
        "expected end of statement, found t3",
    );
    assert_err("SELECT (a FROM t", 1, 11, "expected ')', found FROM");
}

#[test]
fn tokenizer_errors() {
    // Unterminated string: at the opening quote; earlier statements still parse.
    let r = parse_sql("SELECT 1;\nSELECT 'abc\n  FROM t;\nSELECT 2");
    assert_eq!(r.len(), 2);
    assert!(r[0].is_ok());
    let e = r[1].as_ref().unwrap_err();
    assert_eq!((e.line, e.column), (2, 8));
    assert!(e.message.contains("nterminated string"), "{}", e.message);
    // Unterminated quoted identifier and comment.
    assert_err(
        "SELECT \"abc FROM t",
        1,
        8,
        "unterminated quoted identifier",
    );
    assert_err("SELECT a /* abc", 1, 10, "unterminated comment");
}

#[test]
fn never_panics_on_garbage() {
    let inputs = [
        "(",
        ")",
        "SELECT",
        "SELECT (",
        "SELECT CAST(",
        "SELECT CAST(x AS",
        "SELECT CAST(x AS ROW(",
        "SELECT x ->",
        "SELECT (x, y) ->",
        "SELECT U&",
        "SELECT U&'",
        "VALUES",
        "VALUES (",
        "SELECT * FROM t FOR",
        "SELECT * FROM t FOR VERSION AS",
        "GROUP BY DISTINCT",
        "SELECT a GROUP BY ALL",
        "CREATE TABLE",
        "CREATE TABLE t (",
        "CREATE TABLE t (a",
        "CREATE TABLE t (a ARRAY(",
        "INTERVAL",
        "SELECT INTERVAL '",
        "SELECT INTERVAL '1'",
        "SELECT TRIM(",
        "SELECT TRIM(BOTH",
        "\"",
        "'",
        "/*",
        "--",
        "SELECT 1a",
        "X'",
        "WITH",
        "WITH a AS (",
        "SELECT * FROM UNNEST(",
        "SELECT ARRAY[",
        "SELECT a[",
        "SELECT CASE",
        "SELECT count(*) FILTER (",
        "SELECT * FROM t TABLESAMPLE",
        "SELECT * FROM t FOR TIMESTAMP AS OF",
        "SELECT 1 UNION",
        "INSERT INTO",
        "CREATE VIEW v AS",
        "SELECT a FROM t ORDER BY",
        "SELECT @",
        "SELECT $1",
        "SELECT ?",
        "SELECT #",
        "SELECT \\",
        "SELECT a.",
        "SELECT a.*.b",
        "\u{0}",
        "SELECT '\u{10FFFF}'",
        "SELECT \u{FEFF}1",
        "SELECT 1e",
        "SELECT 0x",
    ];
    for sql in inputs {
        let _ = parse_sql(sql);
        for cut in 0..sql.len() {
            if sql.is_char_boundary(cut) {
                let _ = parse_sql(&sql[..cut]);
            }
        }
    }
}

#[test]
fn deep_nesting_is_a_clean_error() {
    on_8mb_stack(|| {
        const N: usize = 100_000;
        // Parentheses.
        let sql = format!("SELECT {}1{}", "(".repeat(N), ")".repeat(N));
        let e = err(&sql);
        assert!(e.message.contains("nested too deeply"), "{}", e.message);
        assert_eq!(e.line, 1);
        // NOTs.
        let sql = format!("SELECT {}TRUE", "NOT ".repeat(N));
        let e = err(&sql);
        assert!(e.message.contains("nested too deeply"), "{}", e.message);
        // A long chain of operators (built iteratively by sqlparser).
        let sql = format!("SELECT 1{}", "+1".repeat(N));
        let e = err(&sql);
        assert!(e.message.contains("too complex"), "{}", e.message);
        let limit = dialect::MAX_CHAINED_OPERATORS;
        assert_eq!((e.line as usize, e.column as usize), (1, 9 + 2 * limit));
        for sql in [
            format!(
                "SELECT * FROM t WHERE x = 0{}",
                " OR x = 1".repeat(2 * limit)
            ),
            format!("SELECT 1{}", " IS NULL".repeat(2 * limit)),
            format!("SELECT 1{}", " BETWEEN 1 AND 2".repeat(2 * limit)),
            format!("SELECT 'a'{}", " || 'b'".repeat(2 * limit)),
        ] {
            assert!(err(&sql).message.contains("too complex"));
        }
        // Many shorter chains in one statement.
        let sql = format!(
            "SELECT {}",
            vec![format!("1{}", "+1".repeat(limit - 1)); 20].join(", ")
        );
        assert!(err(&sql).message.contains("too complex"));
        // … and many set operations.
        let sql = format!("SELECT 1{}", " UNION SELECT 1".repeat(N));
        assert!(err(&sql).message.contains("too complex"));
        // Unary minus and nested function calls / arrays / casts / subqueries / lambdas.
        const M: usize = N / 10;
        for sql in [
            format!("SELECT {}1", "- ".repeat(M)),
            format!("SELECT {}1{}", "f(".repeat(M), ")".repeat(M)),
            format!("SELECT {}1{}", "ARRAY[".repeat(M), "]".repeat(M)),
            format!("SELECT {}1{}", "CAST(".repeat(M), " AS INT)".repeat(M)),
            format!(
                "SELECT * FROM {}t{}",
                "(SELECT * FROM ".repeat(M),
                ")".repeat(M)
            ),
            format!("SELECT {}", "x -> ".repeat(M)),
            format!("SELECT * FROM t{}", " JOIN t ON true".repeat(M)),
        ] {
            let r = parse_sql(&sql);
            assert_eq!(r.len(), 1);
        }
        // The largest accepted chain is dropped, printed, compared and cloned without trouble.
        let sql = format!("SELECT 1{}", "+1".repeat(limit - 1));
        let p = one(&sql);
        assert!(p.ast.to_string().len() > 2 * limit);
        assert!(format!("{:?}", p.ast).len() > 2 * limit);
        assert_eq!(p.ast, p.clone().ast);
        drop(p);
    });
}

// ---------------------------------------------------------------------------------------------
// The dialect used directly with sqlparser
// ---------------------------------------------------------------------------------------------

#[test]
fn dialect_works_with_plain_sqlparser() {
    let stmts = sqlparser::parser::Parser::parse_sql(
        &TrinoDialect,
        "SELECT transform(a, x -> x + 1) FROM t; SELECT CAST(a AS ROW(b BIGINT)) FROM t",
    )
    .unwrap();
    assert_eq!(stmts.len(), 2);
    assert!(sqlparser::parser::Parser::parse_sql(&TrinoDialect, "SELECT a, b + FROM t").is_err());
}

// ---------------------------------------------------------------------------------------------
// The corpora
// ---------------------------------------------------------------------------------------------

/// Every statement of the repository's own corpus (`corpus/<area>/*.sql`) parses.
#[test]
fn repository_corpus_parses() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let Ok(areas) = std::fs::read_dir(root) else {
        return;
    };
    let mut failures = Vec::new();
    for area in areas
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
    {
        for file in std::fs::read_dir(&area)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
        {
            if file.extension().and_then(|x| x.to_str()) != Some("sql") {
                continue;
            }
            let sql = std::fs::read_to_string(&file).unwrap();
            if sql.contains("-- expect: parse-error")
                || sql.contains("-- expect: error syntax-error")
            {
                continue;
            }
            for r in parse_sql(&sql) {
                if let Err(e) = r {
                    failures.push(format!("{}: {e}", file.display()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

// ---------------------------------------------------------------------------------------------
// The evaluation corpus
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(clippy::print_stdout)]
fn corpus_parses() {
    let root = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus"
    ));
    if !root.is_dir() {
        println!("skipped: no corpus at {}", root.display());
        return;
    }
    let mut count = 0;
    let mut failures = Vec::new();
    for dir in ["tpch", "tpcds"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "sql"))
            .collect();
        files.sort();
        for path in files {
            let sql = std::fs::read_to_string(&path).unwrap();
            let r = parse_sql(&sql);
            count += 1;
            match r.as_slice() {
                [Ok(p)] => assert!(matches!(p.ast, Statement::Query(_)), "{}", path.display()),
                other => failures.push(format!(
                    "{}: {:?}",
                    path.display(),
                    other.iter().map(|r| r.as_ref().err()).collect::<Vec<_>>()
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(count >= 125, "only {count} corpus files");
}
