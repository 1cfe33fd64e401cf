//! The command line as a user meets it: exit codes, the JSON contract, diagnostics on stderr.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trino2spark"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run trino2spark");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str], stdin: &[u8]) -> (i32, serde_json::Value) {
    let mut a = vec![
        "transpile",
        "-",
        "--format",
        "json",
        "--schema",
        "examples/schemas/tpch.json",
    ];
    a.extend_from_slice(args);
    let (code, out, _) = run(&a, stdin);
    let v: serde_json::Value = serde_json::from_str(out.trim())
        .unwrap_or_else(|e| panic!("one JSON object, got {out:?}: {e}"));
    assert_eq!(
        out.trim().lines().count(),
        1,
        "exactly one JSON object on one line"
    );
    (code, v)
}

#[test]
fn ok_translation_exits_0_with_the_json_contract() {
    let (code, v) = json(
        &[],
        b"SELECT o_orderkey / 2 AS half FROM orders ORDER BY o_orderkey",
    );
    assert_eq!(code, 0);
    assert_eq!(v["status"], "ok");
    let sql = v["spark_sql"].as_str().unwrap();
    assert!(sql.contains("o_orderkey div 2"), "{sql}");
    assert!(sql.contains("NULLS LAST"), "{sql}");
    assert_eq!(v["spark_conf"]["spark.sql.ansi.enabled"], "true");
    assert_eq!(v["spark_conf"]["spark.sql.session.timeZone"], "UTC");
    assert!(v["diagnostics"].as_array().unwrap().is_empty(), "{v}");
}

#[test]
fn flagged_translation_exits_2_and_names_the_construct() {
    let (code, v) = json(&[], b"SELECT approx_distinct(o_custkey) FROM orders");
    assert_eq!(code, 2);
    assert_eq!(v["status"], "flagged");
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "approximate");
    assert_eq!(d["line"], 1);
    assert_eq!(d["column"], 8);
}

#[test]
fn invalid_sql_exits_1_with_line_and_column() {
    let (code, v) = json(&[], b"SELECT a,\n  b +\nFROM orders");
    assert_eq!(code, 1);
    assert_eq!(v["status"], "error");
    assert_eq!(v["spark_sql"], "");
    let d = &v["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 1);
}

#[test]
fn invalid_utf8_is_a_clean_error() {
    let (code, v) = json(&[], &[b'S', 0xff, 0xfe]);
    assert_eq!(code, 1);
    assert_eq!(v["diagnostics"][0]["code"], "invalid-utf8");
}

#[test]
fn ansi_off_and_spark_35_are_reported_in_spark_conf() {
    let (code, v) = json(&["--spark", "3.5", "--ansi", "false"], b"SELECT 1");
    assert_eq!(code, 0);
    assert_eq!(v["spark_conf"]["spark.sql.ansi.enabled"], "false");
}

#[test]
fn text_format_prints_sql_on_stdout_and_diagnostics_on_stderr() {
    let (code, out, err) = run(&["transpile", "-"], b"SELECT x / 2 FROM t");
    assert_eq!(code, 0);
    assert!(out.starts_with("SELECT"), "{out}");
    assert!(
        err.contains("<stdin>:1:19: warning[unknown-table]"),
        "{err}"
    );
}

#[test]
fn emit_ir_prints_typed_plan() {
    let (code, out, _) = run(
        &[
            "transpile",
            "-",
            "--emit",
            "ir",
            "--schema",
            "examples/schemas/tpch.json",
        ],
        b"SELECT count(*) FROM nation",
    );
    assert_eq!(code, 0);
    insta::assert_snapshot!(out, @r"
    Query
      Project [_col0 := count() :: bigint]
        Aggregate []
          Scan nation [n_nationkey: bigint, n_name: varchar(25), n_regionkey: bigint, n_comment: varchar(152)]
    ");
}

#[test]
fn demo_runs_the_bundled_examples() {
    let (code, out, _) = run(&["demo"], b"");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("posexplode"), "{out}");
    assert!(out.contains("status: Flagged"), "{out}");
}
