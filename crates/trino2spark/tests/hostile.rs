//! Hostile inputs, each with a test: deep nesting (10,000 levels of parentheses, subqueries,
//! CASE, function calls, arithmetic, joins, types, …), a 10 MB statement, invalid UTF-8, NUL
//! bytes, unterminated strings / quoted identifiers / block comments, an empty file and a file
//! of only whitespace and comments.
//!
//! The property for every one: a clean answer — `Ok` (whose status agrees with its diagnostics,
//! with no `internal` diagnostic) or an `Err` that carries a line and a column where the input
//! has a position — never a panic, never a stack overflow. Every input runs on a thread with a
//! 2 MiB stack (what a gateway's worker threads have; Rust's default for spawned threads), so
//! the limits are proven to hold there, not only on the 8 MiB main thread.

use std::sync::Arc;
use trino2spark::{Error, Options, Severity, Status, Transpiled};

const DEEP: usize = 10_000;
const SMALL_STACK: usize = 2 * 1024 * 1024;

/// Runs `f` on a thread with a 2 MiB stack; a panic or overflow there fails the test.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .name("small-stack".into())
        .stack_size(SMALL_STACK)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the pipeline panicked (or overflowed its stack) on a hostile input")
}

fn tpch_options() -> Options {
    Options {
        catalog: Arc::new(trino2spark::examples::tpch_catalog()),
        ..Options::default()
    }
}

/// What a hostile input gave, after checking that the answer is clean.
#[derive(Debug)]
enum Outcome {
    Translated(Transpiled),
    Failed(Error),
}

fn run_bytes(input: Vec<u8>, opts: Options) -> Outcome {
    on_small_stack(move || match trino2spark::transpile_bytes(&input, &opts) {
        Ok(t) => {
            let has_error = t.diagnostics.iter().any(|d| d.severity == Severity::Error);
            assert_eq!(
                t.status == Status::Ok,
                !has_error,
                "status {:?} disagrees with {:?}",
                t.status,
                t.diagnostics
            );
            assert!(
                !t.diagnostics.iter().any(|d| d.code == "internal"),
                "internal error: {:?}",
                t.diagnostics
            );
            for d in t
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
            {
                let s = d
                    .span
                    .unwrap_or_else(|| panic!("error diagnostic without a position: {d:?}"));
                assert!(s.line >= 1 && s.column >= 1, "{d:?}");
            }
            Outcome::Translated(t)
        }
        Err(e) => {
            if let Error::Syntax { line, column, .. } = &e {
                assert!(*line >= 1 && *column >= 1, "{e:?}");
            }
            Outcome::Failed(e)
        }
    })
}

fn run(sql: String) -> Outcome {
    run_bytes(sql.into_bytes(), tpch_options())
}

/// The input must be refused with a syntax error at exactly this line and column.
fn syntax_error_at(outcome: Outcome, line: u32, column: u32) -> String {
    match outcome {
        Outcome::Failed(Error::Syntax {
            message,
            line: l,
            column: c,
        }) => {
            assert_eq!((l, c), (line, column), "position of {message:?}");
            message
        }
        other => panic!("expected a syntax error at {line}:{column}, got {other:?}"),
    }
}

/// Deep input may be refused with a limit error, or translated; either way cleanly, and a
/// refusal says where and why.
fn refused_or_translated(outcome: &Outcome) {
    match outcome {
        Outcome::Failed(Error::Syntax { message, .. }) => {
            assert!(
                message.contains("nested too deeply")
                    || message.contains("too complex")
                    || message.contains("nested more than"),
                "a depth refusal should say so: {message}"
            );
        }
        Outcome::Failed(e) => panic!("unexpected error {e:?}"),
        // Translated: `run_bytes` checked that a status other than ok comes with an error
        // diagnostic that has a position (`too-deep` past the depth limit, or a real error).
        Outcome::Translated(_) => {}
    }
}

fn nest(open: &str, inner: &str, close: &str) -> String {
    let mut s = String::with_capacity((open.len() + close.len()) * DEEP + inner.len());
    for _ in 0..DEEP {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..DEEP {
        s.push_str(close);
    }
    s
}

// --- nesting 10,000 deep -----------------------------------------------------------------------

#[test]
fn deep_parentheses() {
    let sql = format!("SELECT {}", nest("(", "1", ")"));
    let out = run(sql);
    refused_or_translated(&out);
    // sqlparser's recursion limit refuses it at the first parenthesis beyond the limit.
    assert!(
        matches!(out, Outcome::Failed(Error::Syntax { line: 1, .. })),
        "{out:?}"
    );
}

#[test]
fn deep_scalar_subqueries() {
    refused_or_translated(&run(format!("SELECT {}", nest("(SELECT ", "1", ")"))));
}

#[test]
fn deep_derived_tables() {
    refused_or_translated(&run(format!(
        "SELECT * FROM {}",
        nest("(SELECT * FROM ", "nation", ")")
    )));
}

#[test]
fn deep_in_subqueries() {
    let sql = format!(
        "SELECT 1 FROM nation WHERE n_nationkey IN {}",
        nest(
            "(SELECT n_nationkey FROM nation WHERE n_nationkey IN ",
            "(1)",
            ")"
        )
    );
    refused_or_translated(&run(sql));
}

#[test]
fn deep_case() {
    refused_or_translated(&run(format!(
        "SELECT {}",
        nest("CASE WHEN true THEN ", "1", " END")
    )));
    refused_or_translated(&run(format!(
        "SELECT {}",
        nest("CASE 1 WHEN 1 THEN 2 ELSE ", "3", " END")
    )));
}

#[test]
fn deep_function_calls() {
    refused_or_translated(&run(format!("SELECT {}", nest("abs(", "1", ")"))));
    refused_or_translated(&run(format!("SELECT {}", nest("coalesce(1, ", "2", ")"))));
    refused_or_translated(&run(format!(
        "SELECT {}",
        nest("transform(ARRAY[1], x -> ", "x", ")")
    )));
}

#[test]
fn deep_arithmetic() {
    // A flat chain of 10,000 operators: refused past the chain limit, with its position.
    let msg = syntax_error_at(run(format!("SELECT 1{}", " + 1".repeat(DEEP))), 1, 4010);
    assert!(msg.contains("chained operators"), "{msg}");
    refused_or_translated(&run(format!("SELECT 1{}", " * 2 - 1".repeat(DEEP / 2))));
    refused_or_translated(&run(format!("SELECT {}", "a || ".repeat(DEEP) + "'x'")));
    // Right-nested through parentheses, and unary chains.
    refused_or_translated(&run(format!("SELECT {}", nest("1 + (", "1", ")"))));
    refused_or_translated(&run(format!("SELECT {}1", "- ".repeat(DEEP))));
    refused_or_translated(&run(format!("SELECT {}true", "NOT ".repeat(DEEP))));
    refused_or_translated(&run(format!(
        "SELECT 1 FROM nation WHERE {}",
        vec!["n_nationkey = 1"; DEEP].join(" AND ")
    )));
}

#[test]
fn deep_set_operations() {
    refused_or_translated(&run(vec!["SELECT 1"; DEEP].join(" UNION ALL ")));
    refused_or_translated(&run(format!(
        "{}SELECT 1{}",
        "(SELECT 1 UNION ".repeat(DEEP),
        ")".repeat(DEEP)
    )));
}

#[test]
fn long_join_chains() {
    // Joins are a flat list in the AST but a left-deep tree in the IR: 10,000 of them must not
    // overflow lowering, the rewrite passes, the emitter or the IR's drop.
    let comma = format!(
        "SELECT count(*) FROM {}",
        vec!["nation"; DEEP]
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{t} n{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    refused_or_translated(&run(comma));
    let joins: String = (1..DEEP)
        .map(|i| format!(" JOIN nation n{i} ON n{i}.n_nationkey = n0.n_nationkey"))
        .collect();
    refused_or_translated(&run(format!("SELECT count(*) FROM nation n0{joins}")));
    let lefts: String = (1..DEEP)
        .map(|i| format!(" LEFT JOIN UNNEST(ARRAY[{i}]) AS u{i}(x{i}) ON true"))
        .collect();
    refused_or_translated(&run(format!("SELECT count(*) FROM nation n0{lefts}")));
}

#[test]
fn long_cte_chains() {
    let mut sql = String::from("WITH c0 AS (SELECT 1 AS x)");
    for i in 1..DEEP {
        sql.push_str(&format!(", c{i} AS (SELECT x FROM c{})", i - 1));
    }
    sql.push_str(&format!(" SELECT x FROM c{}", DEEP - 1));
    refused_or_translated(&run(sql));
}

#[test]
fn deep_types_arrays_and_subscripts() {
    refused_or_translated(&run(format!(
        "SELECT CAST(NULL AS {})",
        nest("ROW(a ", "bigint", ")")
    )));
    refused_or_translated(&run(format!(
        "SELECT CAST(NULL AS {})",
        nest("array(", "bigint", ")")
    )));
    refused_or_translated(&run(format!(
        "SELECT CAST(NULL AS {})",
        nest("map(bigint, ", "bigint", ")")
    )));
    refused_or_translated(&run(format!("SELECT {}", nest("ARRAY[", "1", "]"))));
    refused_or_translated(&run(format!("SELECT {}", nest("ROW(", "1", ")"))));
    refused_or_translated(&run(format!(
        "SELECT a{} FROM (VALUES ARRAY[1]) t(a)",
        "[1]".repeat(DEEP)
    )));
    refused_or_translated(&run(format!(
        "SELECT r{} FROM (VALUES 1) t(r)",
        ".f".repeat(DEEP)
    )));
    refused_or_translated(&run(format!(
        "SELECT {}1{}",
        "CAST(".repeat(DEEP),
        " AS bigint)".repeat(DEEP)
    )));
}

#[test]
fn deep_windows_and_lambdas_in_order_by() {
    refused_or_translated(&run(format!(
        "SELECT 1 FROM nation ORDER BY {}",
        nest("abs(", "n_nationkey", ")")
    )));
    refused_or_translated(&run(format!(
        "SELECT sum(n_nationkey) OVER (ORDER BY {}) FROM nation",
        nest("(", "n_nationkey", ")")
    )));
}

// --- size ----------------------------------------------------------------------------------------

const TEN_MB: usize = 10 * 1024 * 1024;

#[test]
fn ten_megabyte_string_literal() {
    let sql = format!("SELECT '{}' AS s", "x".repeat(TEN_MB));
    match run(sql) {
        Outcome::Translated(t) => {
            assert_eq!(t.status, Status::Ok, "{:?}", t.diagnostics);
            assert!(t.spark_sql.len() > TEN_MB, "the literal survives whole");
        }
        other => panic!("a long literal is valid SQL: {other:?}"),
    }
}

#[test]
fn ten_megabyte_select_list() {
    // ~1.2 M columns: must not take quadratic time, nor fail other than cleanly.
    let mut sql = String::with_capacity(TEN_MB + 64);
    sql.push_str("SELECT n_nationkey");
    let mut i = 0;
    while sql.len() < TEN_MB {
        sql.push_str(&format!(", n_nationkey + {i} AS c{i}"));
        i += 1;
    }
    sql.push_str(" FROM nation");
    let start = std::time::Instant::now();
    let out = run(sql);
    refused_or_translated(&out);
    let secs = start.elapsed().as_secs_f64();
    // Not a speed test (machines are shared): only a guard against quadratic blow-ups, which
    // would take minutes here.
    assert!(secs < 120.0, "10 MB select list took {secs:.1} s");
}

#[test]
fn ten_megabyte_in_list() {
    let mut sql = String::with_capacity(TEN_MB + 64);
    sql.push_str("SELECT n_name FROM nation WHERE n_nationkey IN (0");
    let mut i = 1u64;
    while sql.len() < TEN_MB {
        sql.push_str(&format!(", {i}"));
        i += 1;
    }
    sql.push(')');
    refused_or_translated(&run(sql));
}

#[test]
fn ten_megabytes_of_statements_and_comments() {
    // Padding: 10 MB of comments and blank lines, then a bad statement: its position is exact.
    let lines = TEN_MB / 32;
    let mut sql = String::with_capacity(TEN_MB + 64);
    for _ in 0..lines {
        sql.push_str("-- a comment of thirty bytes.\n");
        sql.push('\n');
    }
    sql.push_str("SELECT 1 +");
    let line = (2 * lines + 1) as u32;
    syntax_error_at(run(sql), line, 11);
}

// --- bytes ---------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_reports_line_and_column() {
    let mut input = b"SELECT 1;\nSELECT 'caf".to_vec();
    input.push(0xE9); // Latin-1 'é': not UTF-8
    input.extend_from_slice(b"'");
    match run_bytes(input, Options::default()) {
        Outcome::Failed(
            e @ Error::InvalidUtf8 {
                offset,
                line,
                column,
            },
        ) => {
            assert_eq!((offset, line, column), (21, 2, 12));
            let d = e.to_diagnostic();
            assert_eq!(d.code, "invalid-utf8");
            assert_eq!(d.span.map(|s| (s.line, s.column)), Some((2, 12)));
        }
        other => panic!("expected invalid-utf8, got {other:?}"),
    }
    // A truncated multi-byte sequence at the very end, and a lone continuation byte first.
    assert!(matches!(
        run_bytes(b"SELECT '\xE2\x82".to_vec(), Options::default()),
        Outcome::Failed(Error::InvalidUtf8 {
            offset: 8,
            line: 1,
            column: 9
        })
    ));
    assert!(matches!(
        run_bytes(b"\x80SELECT 1".to_vec(), Options::default()),
        Outcome::Failed(Error::InvalidUtf8 {
            offset: 0,
            line: 1,
            column: 1
        })
    ));
}

#[test]
fn nul_bytes() {
    // A NUL between tokens is not SQL: an error at its position.
    let out = run_bytes(b"SELECT 1,\n  \0 2".to_vec(), Options::default());
    let msg = syntax_error_at(out, 2, 3);
    assert!(!msg.is_empty());
    // Inside a string literal it is a character like any other.
    match run_bytes(b"SELECT 'a\0b' AS s".to_vec(), Options::default()) {
        Outcome::Translated(t) => assert_eq!(t.status, Status::Ok, "{:?}", t.diagnostics),
        other => panic!("{other:?}"),
    }
    // Only NULs.
    let out = run_bytes(vec![0; 1000], Options::default());
    syntax_error_at(out, 1, 1);
}

// --- unterminated tokens -------------------------------------------------------------------------

#[test]
fn unterminated_string() {
    let msg = syntax_error_at(run("SELECT 1;\nSELECT 'abc".into()), 2, 8);
    assert!(msg.contains("unterminated"), "{msg}");
    let msg = syntax_error_at(run("SELECT 'it''s".into()), 1, 8);
    assert!(msg.contains("unterminated"), "{msg}");
    // The U&'…' form: the error points at its opening quote.
    syntax_error_at(run("SELECT U&'\\0041".into()), 1, 10);
    syntax_error_at(run("SELECT X'0A".into()), 1, 8);
    // A 10 MB unterminated string: the error points at its start.
    syntax_error_at(run(format!("SELECT\n  '{}", "y".repeat(TEN_MB))), 2, 3);
}

#[test]
fn unterminated_quoted_identifier() {
    let msg = syntax_error_at(run("SELECT \"abc FROM t".into()), 1, 8);
    assert!(msg.contains("unterminated quoted identifier"), "{msg}");
}

#[test]
fn unterminated_block_comment() {
    let msg = syntax_error_at(run("SELECT 1 /* never closed\n\n".into()), 1, 10);
    assert!(msg.contains("unterminated comment"), "{msg}");
    let msg = syntax_error_at(run(format!("/*{}", "*".repeat(TEN_MB))), 1, 1);
    assert!(msg.contains("unterminated comment"), "{msg}");
}

// --- nothing -------------------------------------------------------------------------------------

#[test]
fn empty_input() {
    assert!(matches!(run(String::new()), Outcome::Failed(Error::Empty)));
    assert!(matches!(
        run_bytes(Vec::new(), Options::default()),
        Outcome::Failed(Error::Empty)
    ));
}

#[test]
fn whitespace_and_comments_only() {
    for input in [
        "   \n\t\r\n  ",
        "-- only a comment",
        "-- a\n/* b */\n  -- c\n",
        ";;;",
        " ; -- x\n ; /* y */ ;",
    ] {
        let out = run(input.to_string());
        assert!(
            matches!(out, Outcome::Failed(Error::Empty)),
            "{input:?}: {out:?}"
        );
    }
    // A statement among empty ones translates.
    match run("; ; SELECT 1 ; ;".into()) {
        Outcome::Translated(t) => assert_eq!(t.statements.len(), 1),
        other => panic!("{other:?}"),
    }
}

// --- many statements -----------------------------------------------------------------------------

#[test]
fn ten_thousand_statements_with_broken_ones() {
    // One bad statement does not lose the others: per-statement results, in order, with the
    // broken ones' exact positions.
    let mut sql = String::new();
    for i in 0..DEEP {
        if i % 1000 == 999 {
            sql.push_str(&format!("SELECT {i} +;\n"));
        } else {
            sql.push_str(&format!("SELECT {i} AS c;\n"));
        }
    }
    let results =
        on_small_stack(move || trino2spark::transpile_statements(&sql, &Options::default()));
    assert_eq!(results.len(), DEEP);
    for (i, r) in results.iter().enumerate() {
        match r {
            Ok(s) => {
                assert!(i % 1000 != 999, "statement {i} should have failed");
                assert_eq!(s.status, Status::Ok);
                assert_eq!(s.span.line as usize, i + 1);
            }
            Err(Error::Syntax { line, column, .. }) => {
                assert_eq!(i % 1000, 999, "statement {i} should have translated");
                assert_eq!(*line as usize, i + 1);
                assert_eq!(*column as usize, format!("SELECT {i} +").len() + 1);
            }
            Err(e) => panic!("{e:?}"),
        }
    }
}
