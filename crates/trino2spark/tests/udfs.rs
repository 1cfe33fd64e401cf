//! User mapping files (`Options::with_udfs`): UDF classes, expression rules, overrides,
//! result types for lowering, target conditions, errors with file:line.

use trino2spark::{transpile, Options, SparkVersion, Status, Target, UnknownFunctions};

const EXAMPLE: &str = include_str!("../../../mappings/udfs/example.map");

fn opts() -> Options {
    Options::default()
        .with_udfs("mappings/udfs/example.map", EXAMPLE)
        .expect("the example file loads")
}

#[test]
fn a_udf_class_rule_registers_the_function_and_types_the_call() {
    let t = transpile("SELECT upper(normalize_email('A@B.C')) AS e", &opts()).unwrap();
    assert_eq!(t.status, Status::Ok, "{:?}", t.diagnostics);
    assert_eq!(
        t.setup,
        vec!["CREATE TEMPORARY FUNCTION normalize_email AS 'com.example.udf.NormalizeEmail' USING JAR '/opt/udfs/example-udfs.jar'"]
    );
    assert!(
        t.spark_sql.contains("upper(normalize_email('A@B.C'))"),
        "{}",
        t.spark_sql
    );
    // The declared result type (varchar) types the call: no unknown-type warning.
    assert!(t.diagnostics.is_empty(), "{:?}", t.diagnostics);
    assert!(
        t.rules
            .iter()
            .any(|r| r == "normalize_email@mappings/udfs/example.map:9"),
        "{:?}",
        t.rules
    );
}

#[test]
fn expression_rules_follow_the_target() {
    let mut o = opts();
    let sql = "SELECT safe_ratio(1e0, 0e0) AS r";
    assert!(transpile(sql, &o)
        .unwrap()
        .spark_sql
        .contains("try_divide(1e0, 0e0)"));
    o.target = Target {
        version: SparkVersion::V3_5,
        ansi: true,
    };
    assert!(transpile(sql, &o)
        .unwrap()
        .spark_sql
        .contains("CASE WHEN 0e0 = 0 THEN NULL ELSE 1e0 / 0e0 END"));
    let flagged = transpile("SELECT legacy_hash('x')", &o).unwrap();
    assert_eq!(flagged.status, Status::Flagged);
    assert!(flagged
        .diagnostics
        .iter()
        .any(|d| d.code == "non-mappable" && d.message.contains("xxhash64")));
}

#[test]
fn user_rules_override_built_in_ones() {
    let o = Options::default()
        .with_udfs(
            "mine.map",
            "function strpos(string, string) -> bigint = \"my_strpos({0}, {1})\"",
        )
        .unwrap();
    let t = transpile("SELECT strpos('abc', 'b') AS p", &o).unwrap();
    assert!(
        t.spark_sql.contains("my_strpos('abc', 'b')"),
        "{}",
        t.spark_sql
    );
    assert_eq!(t.rules, vec!["strpos@mine.map:1".to_string()]);
}

#[test]
fn unknown_functions_are_flagged_or_passed_through_on_request() {
    let t = transpile("SELECT acme_fn(1) AS x", &Options::default()).unwrap();
    assert_eq!(t.status, Status::Flagged);
    let d = t
        .diagnostics
        .iter()
        .find(|d| d.code == "unmapped-function")
        .expect("flagged");
    assert_eq!(d.span.map(|s| (s.line, s.column)), Some((1, 8)));
    let o = Options {
        unknown_functions: UnknownFunctions::Warn,
        ..Options::default()
    };
    let t = transpile("SELECT acme_fn(1) AS x", &o).unwrap();
    assert_eq!(t.status, Status::Ok);
    assert!(t.spark_sql.contains("acme_fn(1)"));
}

#[test]
fn a_broken_udf_file_is_refused_with_its_position() {
    let e = Options::default()
        .with_udfs("bad.map", "function f(bigint) -> bigint\n  = \"abs({0}\"\n")
        .unwrap_err();
    let msg = e.to_string();
    assert!(msg.starts_with("bad.map:2:"), "{msg}");
    let e = Options::default()
        .with_udfs("bad.map", "function g(varchar) = udf \"com.acme.G\"")
        .unwrap_err();
    assert!(e.to_string().contains("needs its Trino result type"), "{e}");
}
