//! Hostile files through the command line: each one gets a clean diagnostic with its file name,
//! line and column on stderr (or one JSON object with `line`/`column`), an exit code of 0, 1 or
//! 2, and never a panic or a crash. The binary runs with its stack limited to 2 MiB
//! (`ulimit -s 2048`, the main thread's stack on Linux) so the depth limits are proven to hold
//! there too, not only with the usual 8 MiB.

use std::path::PathBuf;
use std::process::Command;

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("t2s-cli-hostile-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("write");
        p.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `trino2spark transpile FILE [args]` with a 2 MiB stack; returns (exit code, stdout, stderr).
fn transpile(file: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -s 2048 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_trino2spark"))
        .arg("transpile")
        .arg(file)
        .args(args)
        .output()
        .expect("run trino2spark");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("overflow"),
        "crash: {stderr}"
    );
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {stderr}"));
    assert!((0..=2).contains(&code), "exit code {code}: {stderr}");
    (
        code,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

/// The text-mode error line for `file` starts with `file:LINE:COLUMN: error[code]`.
fn assert_error_at(file: &str, line: u32, column: u32, code: &str) {
    let (exit, _, stderr) = transpile(file, &[]);
    assert_eq!(exit, 1, "{stderr}");
    let want = format!("{file}:{line}:{column}: error[{code}]");
    assert!(
        stderr.lines().any(|l| l.starts_with(&want)),
        "want {want:?} in {stderr}"
    );
    // The same in JSON.
    let (exit, stdout, _) = transpile(file, &["--format", "json"]);
    assert_eq!(exit, 1);
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON object");
    let d = &v["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64(), d["code"].as_str()),
        (Some(line.into()), Some(column.into()), Some(code)),
        "{v}"
    );
}

#[test]
fn deep_nesting_is_refused_cleanly() {
    let dir = TempDir::new("deep");
    let parens = dir.file(
        "parens.sql",
        format!("SELECT {}1{}", "(".repeat(10_000), ")".repeat(10_000)).as_bytes(),
    );
    let (exit, _, stderr) = transpile(&parens, &[]);
    assert_eq!(exit, 1, "{stderr}");
    assert!(
        stderr.contains(":1:") && stderr.contains("nested too deeply"),
        "{stderr}"
    );

    // 10,000 joins: past the nesting limit, flagged with the position where it was reached.
    let joins: String = (1..10_000)
        .map(|i| format!(" JOIN t t{i} ON t{i}.k = t0.k"))
        .collect();
    let joins = dir.file(
        "joins.sql",
        format!("SELECT count(*) FROM t t0{joins}").as_bytes(),
    );
    let (exit, _, stderr) = transpile(&joins, &[]);
    assert_eq!(exit, 2, "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("error[too-deep]") && l.starts_with(&format!("{joins}:1:"))),
        "{stderr}"
    );

    let case = dir.file(
        "case.sql",
        format!(
            "SELECT {}1{}",
            "CASE WHEN true THEN ".repeat(10_000),
            " END".repeat(10_000)
        )
        .as_bytes(),
    );
    let (exit, _, stderr) = transpile(&case, &[]);
    assert!(exit == 1 || exit == 2, "{stderr}");
    assert!(stderr.contains("error["), "{stderr}");
}

#[test]
fn ten_megabyte_statement_translates() {
    let dir = TempDir::new("big");
    let mut sql = String::from("SELECT 1 AS c0");
    let mut i = 1;
    while sql.len() < 10 * 1024 * 1024 {
        sql.push_str(&format!(", {i} AS c{i}"));
        i += 1;
    }
    let big = dir.file("big.sql", sql.as_bytes());
    let (exit, stdout, stderr) = transpile(&big, &[]);
    assert_eq!(exit, 0, "{stderr}");
    assert!(
        stdout.len() > 10 * 1024 * 1024,
        "{} bytes out",
        stdout.len()
    );
}

#[test]
fn bad_bytes_and_unterminated_tokens_point_at_the_problem() {
    let dir = TempDir::new("bytes");
    assert_error_at(
        &dir.file("latin1.sql", b"SELECT 1;\nSELECT 'caf\xE9'"),
        2,
        12,
        "invalid-utf8",
    );
    assert_error_at(
        &dir.file("nul.sql", b"SELECT 1,\n  \0 2"),
        2,
        3,
        "syntax-error",
    );
    assert_error_at(
        &dir.file("string.sql", b"SELECT 1;\nSELECT 'abc"),
        2,
        8,
        "syntax-error",
    );
    assert_error_at(
        &dir.file("ident.sql", b"SELECT \"abc FROM t"),
        1,
        8,
        "syntax-error",
    );
    assert_error_at(
        &dir.file("comment.sql", b"SELECT 1 /* never closed\n"),
        1,
        10,
        "syntax-error",
    );
}

#[test]
fn empty_and_comment_only_files() {
    let dir = TempDir::new("empty");
    for (name, bytes) in [
        ("empty.sql", &b""[..]),
        ("blank.sql", b"  \n\t\n"),
        ("comments.sql", b"-- a\n/* b */\n;\n"),
    ] {
        let f = dir.file(name, bytes);
        let (exit, stdout, stderr) = transpile(&f, &[]);
        assert_eq!(exit, 1, "{name}: {stderr}");
        assert!(stderr.contains("error[empty-input]"), "{name}: {stderr}");
        assert!(stdout.trim().is_empty(), "{name}: {stdout}");
    }
}
