//! `trino2spark convert` as a user meets it: a repository in, a mirrored tree of Spark files
//! and a report out, every input accounted for, exit codes 0 / 2 / 1.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn write(root: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, content).unwrap();
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    report: Value,
}

fn convert(args: &[&str], envs: &[(&str, &str)], report: &Path) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trino2spark"));
    cmd.arg("convert")
        .args(args)
        .arg("--report")
        .arg(report)
        .current_dir(ROOT);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run trino2spark");
    let text = std::fs::read_to_string(report).unwrap_or_default();
    let report: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("report is JSON: {e}\n{text}"));
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        report,
    }
}

fn records(r: &Run) -> &Vec<Value> {
    r.report["records"].as_array().expect("records")
}

fn record<'a>(r: &'a Run, source_suffix: &str, statement: u64) -> &'a Value {
    records(r)
        .iter()
        .find(|x| {
            x["source"].as_str().unwrap().ends_with(source_suffix)
                && x["statement"].as_u64() == Some(statement)
        })
        .unwrap_or_else(|| panic!("no record for {source_suffix} #{statement}: {:#}", r.report))
}

/// A repository: nested folders, a multi-statement file, views used across files (the using
/// file sorts before the defining ones), a JSON-lines log, a CSV log, an invalid UTF-8 file
/// and a file with a syntax error.
fn repository(root: &Path) {
    write(root, "a_reports/top.sql", "SELECT c_name, orders / 2 AS half\nFROM cust_orders\nORDER BY 2 DESC;\n\nSELECT * FROM big;\n");
    write(
        root,
        "b/nested/deeper/multi.sql",
        "CREATE TABLE big AS SELECT c_custkey, orders FROM cust_orders WHERE orders > 10;\n\
         SELECT o_orderpriority, count(*) / 7 AS per_day FROM orders GROUP BY 1;\n\
         SELECT approx_distinct(o_custkey) FROM orders;\n",
    );
    write(
        root,
        "z_views/cust_orders.sql",
        "-- defined last in file order\nCREATE VIEW cust_orders AS\nSELECT c_custkey, c_name, count(*) AS orders\nFROM customer JOIN orders ON o_custkey = c_custkey\nGROUP BY c_custkey, c_name;\n",
    );
    write(
        root,
        "logs/queries.jsonl",
        "{\"query_id\": \"q_1\", \"query\": \"SELECT n_name FROM nation ORDER BY n_name\"}\n\
         {\"query_id\": \"q_2\", \"query\": \"SELECT c_name, orders / 4 AS q FROM cust_orders\"}\n\
         \n\
         {\"query_id\": \"q_3\", \"query\": \"SELECT 1 +\"}\n",
    );
    write(
        root,
        "logs/adhoc.csv",
        "query_id,query\nc1,\"SELECT r_name\nFROM region\"\n",
    );
    write(
        root,
        "broken/bad.sql",
        "SELECT 1;\n\nSELECT a,\n  b +\nFROM orders;\n",
    );
    write(root, "broken/latin1.sql", b"SELECT 'caf\xe9' AS x;\n");
    write(root, "logs/empty.jsonl", "\n");
    write(root, "notes.md", "not SQL: ignored");
}

#[test]
fn converts_a_repository_and_accounts_for_every_input() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    repository(&repo);
    let out = dir.path().join("out");
    let report = dir.path().join("report.json");
    let r = convert(
        &[
            repo.to_str().unwrap(),
            "--schema",
            "examples/schemas/tpch.json",
            "--out",
            out.to_str().unwrap(),
        ],
        &[],
        &report,
    );
    assert_eq!(
        r.code, 1,
        "something invalid → exit 1\n{}\n{}",
        r.stdout, r.stderr
    );

    // Every input file has records; the ignored .md has none.
    let sources: std::collections::BTreeSet<String> = records(&r)
        .iter()
        .map(|x| {
            x["source"]
                .as_str()
                .unwrap()
                .rsplit("repo/")
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected = [
        "a_reports/top.sql",
        "b/nested/deeper/multi.sql",
        "broken/bad.sql",
        "broken/latin1.sql",
        "logs/adhoc.csv",
        "logs/empty.jsonl",
        "logs/queries.jsonl",
        "z_views/cust_orders.sql",
    ];
    assert_eq!(
        sources.iter().map(String::as_str).collect::<Vec<_>>(),
        expected
    );
    assert_eq!(records(&r).len(), 2 + 3 + 2 + 1 + 1 + 1 + 3 + 1);
    let empty = records(&r)
        .iter()
        .find(|x| x["source"].as_str().unwrap().ends_with("empty.jsonl"))
        .unwrap();
    assert_eq!(
        (
            empty["status"].as_str(),
            empty["diagnostics"][0]["code"].as_str()
        ),
        (Some("ok"), Some("empty-input"))
    );

    // The broken file: the syntax error with its line and column; its good statement converted.
    let bad = record(&r, "broken/bad.sql", 2);
    assert_eq!(bad["status"], "error");
    assert_eq!(
        (bad["line"].as_u64(), bad["column"].as_u64()),
        (Some(5), Some(1)),
        "{bad}"
    );
    assert_eq!(bad["diagnostics"][0]["code"], "syntax-error");
    assert_eq!(
        (
            bad["diagnostics"][0]["line"].as_u64(),
            bad["diagnostics"][0]["column"].as_u64()
        ),
        (Some(5), Some(1))
    );
    assert_eq!(record(&r, "broken/bad.sql", 1)["status"], "ok");
    // Invalid UTF-8: an error record with the position of the first bad byte, never lost.
    let latin1 = records(&r)
        .iter()
        .find(|x| x["source"].as_str().unwrap().ends_with("latin1.sql"))
        .unwrap();
    assert_eq!(latin1["status"], "error");
    assert_eq!(latin1["statement"], Value::Null);
    assert_eq!(latin1["diagnostics"][0]["code"], "invalid-utf8");
    assert_eq!(
        (latin1["line"].as_u64(), latin1["column"].as_u64()),
        (Some(1), Some(12))
    );

    // The view is typed before its users, although they sort first: integer division.
    let top = record(&r, "a_reports/top.sql", 1);
    assert_eq!(top["status"], "ok", "{top}");
    assert!(
        top["spark_sql"].as_str().unwrap().contains("orders div 2"),
        "{top}"
    );
    // The CTAS reads the view, the second statement of top.sql reads the CTAS: two levels.
    let star = record(&r, "a_reports/top.sql", 2);
    assert_eq!(star["status"], "ok", "{star}");
    assert!(
        !star["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "unknown-table"),
        "{star}"
    );
    assert_eq!(record(&r, "multi.sql", 2)["status"], "ok");
    assert_eq!(record(&r, "multi.sql", 3)["status"], "flagged");

    // The JSON-lines log: one output per query, named by its id; positions in the query text.
    let q2 = records(&r).iter().find(|x| x["query_id"] == "q_2").unwrap();
    assert_eq!(q2["log_line"], 2);
    assert!(
        q2["spark_sql"].as_str().unwrap().contains("orders div 4"),
        "{q2}"
    );
    assert!(q2["output"]
        .as_str()
        .unwrap()
        .ends_with("logs/queries/q_2.sql"));
    let q3 = records(&r).iter().find(|x| x["query_id"] == "q_3").unwrap();
    assert_eq!(
        (q3["status"].as_str(), q3["log_line"].as_u64()),
        (Some("error"), Some(4))
    );
    let c1 = records(&r).iter().find(|x| x["query_id"] == "c1").unwrap();
    assert_eq!(
        (c1["status"].as_str(), c1["log_line"].as_u64()),
        (Some("ok"), Some(2))
    );

    // The output tree mirrors the input; settings beside it.
    for f in [
        "a_reports/top.sql",
        "b/nested/deeper/multi.sql",
        "broken/bad.sql",
        "z_views/cust_orders.sql",
        "logs/queries/q_1.sql",
        "logs/queries/q_2.sql",
        "logs/queries/q_3.sql",
        "logs/adhoc/c1.sql",
        "spark-conf.json",
    ] {
        assert!(out.join(f).is_file(), "missing output {f}");
    }
    assert!(!out.join("broken/latin1.sql").exists());
    let multi = std::fs::read_to_string(out.join("b/nested/deeper/multi.sql")).unwrap();
    assert!(
        multi.contains("SET spark.sql.ansi.enabled=true;"),
        "{multi}"
    );
    assert!(multi.contains("count(*) div 7"), "{multi}");
    assert!(
        multi.contains("-- FLAGGED") && multi.contains("-- SELECT approx_count_distinct"),
        "{multi}"
    );
    let conf: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("spark-conf.json")).unwrap())
            .unwrap();
    assert_eq!(conf["spark.sql.session.timeZone"], "UTC");

    // Summary table and report summary agree.
    let s = &r.report["summary"];
    assert_eq!(
        (
            s["files"].as_u64(),
            s["statements"].as_u64(),
            s["status"].as_str()
        ),
        (Some(8), Some(14), Some("error"))
    );
    assert_eq!(
        s["ok"].as_u64().unwrap() + s["flagged"].as_u64().unwrap() + s["error"].as_u64().unwrap(),
        14
    );
    assert!(r.stdout.contains("syntax-error"), "{}", r.stdout);
}

#[test]
fn report_records_have_the_transpile_json_shape() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "q.sql",
        "SELECT approx_distinct(o_custkey) FROM orders",
    );
    let report = dir.path().join("r.json");
    let r = convert(
        &[
            dir.path().join("q.sql").to_str().unwrap(),
            "--check",
            "--schema",
            "examples/schemas/tpch.json",
        ],
        &[],
        &report,
    );
    assert_eq!(r.code, 2);
    let rec = &records(&r)[0];
    let t = Command::new(env!("CARGO_BIN_EXE_trino2spark"))
        .args([
            "transpile",
            "--format",
            "json",
            "--schema",
            "examples/schemas/tpch.json",
        ])
        .arg(dir.path().join("q.sql"))
        .current_dir(ROOT)
        .output()
        .unwrap();
    let t: Value = serde_json::from_slice(&t.stdout).unwrap();
    for key in ["status", "spark_sql", "spark_conf", "diagnostics"] {
        assert_eq!(rec[key], t[key], "{key}");
    }
}

#[test]
fn cycles_and_missing_definitions_are_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    write(&repo, "v1.sql", "CREATE VIEW v1 AS SELECT a FROM v2");
    write(&repo, "v2.sql", "CREATE VIEW v2 AS SELECT a FROM v1");
    write(
        &repo,
        "uses.sql",
        "SELECT * FROM v1;\nSELECT x FROM\n  nowhere;\nSELECT n_name FROM nation",
    );
    let report = dir.path().join("r.json");
    let r = convert(
        &[
            repo.to_str().unwrap(),
            "--check",
            "--schema",
            "examples/schemas/tpch.json",
        ],
        &[],
        &report,
    );
    for f in ["v1.sql", "v2.sql"] {
        let rec = record(&r, f, 1);
        assert_eq!(rec["status"], "flagged", "{rec}");
        let d = rec["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "dependency-cycle")
            .expect("cycle");
        assert!(
            d["message"].as_str().unwrap().contains("`v1`")
                && d["message"].as_str().unwrap().contains("`v2`"),
            "{d}"
        );
    }
    let missing = record(&r, "uses.sql", 2);
    let d = missing["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "missing-definition")
        .expect("missing");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(3))
    );
    assert!(d["message"].as_str().unwrap().contains("`nowhere`"));
    // Tables of the --schema catalog and views of the repository are not missing.
    for st in [1, 3] {
        let rec = record(&r, "uses.sql", st);
        assert!(
            !rec["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "missing-definition"),
            "{rec}"
        );
    }
    assert_eq!(r.code, 2, "{}", r.stdout);
}

#[test]
fn check_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    repository(&repo);
    let out = dir.path().join("out");
    let report = dir.path().join("r.json");
    let r = convert(
        &[
            repo.to_str().unwrap(),
            "--check",
            "--out",
            out.to_str().unwrap(),
        ],
        &[],
        &report,
    );
    assert_eq!(r.code, 1);
    assert!(!out.exists(), "--check must not write outputs");
    assert!(records(&r).iter().all(|x| x["output"].is_null()));
    assert_eq!(r.report["summary"]["written"], 0);
}

#[test]
fn stdin_and_exit_code_0() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let report = dir.path().join("r.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_trino2spark"))
        .args([
            "convert",
            "-",
            "--schema",
            "examples/schemas/tpch.json",
            "--out",
        ])
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .current_dir(ROOT)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"SELECT 7 / 2 AS q; SELECT r_name FROM region")
        .unwrap();
    let status = child.wait_with_output().unwrap().status;
    assert_eq!(status.code(), Some(0));
    let spark = std::fs::read_to_string(out.join("stdin.sql")).unwrap();
    assert!(spark.contains("7 div 2"), "{spark}");
    let rep: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(rep["records"][0]["source"], "<stdin>");
    assert_eq!(rep["records"].as_array().unwrap().len(), 2);
}

fn tree(root: &Path) -> Vec<(PathBuf, String)> {
    let mut v: Vec<(PathBuf, String)> = walk(root)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn output_is_the_same_with_one_or_many_threads() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    repository(&repo);
    // Enough files to spread over threads and batches.
    for i in 0..40 {
        write(
            &repo,
            &format!("many/f{i:02}.sql"),
            format!(
                "SELECT c_name, orders / {} AS x FROM cust_orders;\nSELECT {i} / 3",
                i + 1
            ),
        );
    }
    let mut runs = Vec::new();
    for threads in ["1", "4"] {
        let run_dir = dir.path().join(format!("t{threads}"));
        let out = run_dir.join("out");
        let report = run_dir.join("report.json");
        let r = convert(
            &[
                repo.to_str().unwrap(),
                "--schema",
                "examples/schemas/tpch.json",
                "--out",
                out.to_str().unwrap(),
            ],
            &[("RAYON_NUM_THREADS", threads)],
            &report,
        );
        // Reports differ only in the run directory's name.
        let text = std::fs::read_to_string(&report)
            .unwrap()
            .replace(run_dir.to_str().unwrap(), "RUN");
        runs.push((
            r.code,
            text,
            tree(&out),
            r.stdout.replace(run_dir.to_str().unwrap(), "RUN"),
        ));
    }
    assert_eq!(runs[0].0, runs[1].0);
    assert_eq!(runs[0].2, runs[1].2, "output trees differ");
    assert_eq!(runs[0].1, runs[1].1, "reports differ");
    assert_eq!(runs[0].3, runs[1].3, "summaries differ");
}

#[test]
fn no_arguments_converts_the_bundled_example() {
    // Run from a copy of the project root layout, so the real target/ is not written to.
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(ROOT);
    copy_dir(
        &root.join("examples/repo"),
        &dir.path().join("examples/repo"),
    );
    copy_dir(
        &root.join("examples/schemas"),
        &dir.path().join("examples/schemas"),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_trino2spark"))
        .arg("convert")
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The bundled example holds one deliberately flagged query (approx_distinct).
    assert_eq!(
        out.status.code(),
        Some(2),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("error              0"), "{stdout}");
    let converted = dir.path().join("target/converted");
    assert!(converted.join("spark-conf.json").is_file());
    assert!(converted.join("marts/nation_summary.sql").is_file());
    assert!(converted
        .join("logs/trino-queries/20240611_081502_00002_tpch1.sql")
        .is_file());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// A batch of 10,000 files, every 97th broken (a syntax error) and every 101st not UTF-8:
/// each file ends with an output or a recorded error, none is lost, and the exit code is 1.
#[test]
fn ten_thousand_files_with_broken_ones_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("many");
    let (mut broken, mut latin1) = (0, 0);
    for i in 0..10_000 {
        let rel = format!("d{:02}/q{i:05}.sql", i % 50);
        if i % 97 == 0 {
            broken += 1;
            write(&root, &rel, format!("SELECT {i} AS x FROM\n"));
        } else if i % 101 == 0 {
            latin1 += 1;
            write(&root, &rel, b"SELECT 'caf\xe9' AS x\n");
        } else {
            write(
                &root,
                &rel,
                format!("SELECT {i} / 2 AS half, upper('q{i}') AS name\n"),
            );
        }
    }
    let out = dir.path().join("out");
    let report = dir.path().join("report.json");
    let r = convert(
        &[root.to_str().unwrap(), "--out", out.to_str().unwrap()],
        &[],
        &report,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let recs = records(&r);
    let sources: std::collections::BTreeSet<&str> =
        recs.iter().map(|x| x["source"].as_str().unwrap()).collect();
    assert_eq!(sources.len(), 10_000, "every input file is in the report");
    let errors = recs.iter().filter(|x| x["status"] == "error").count();
    assert_eq!(errors, broken + latin1);
    for x in recs.iter().filter(|x| x["status"] == "error") {
        assert!(
            x["diagnostics"][0]["line"].as_u64().is_some(),
            "an error has its line: {x}"
        );
    }
    let written = recs.iter().filter(|x| x["status"] == "ok").count();
    assert_eq!(written, 10_000 - broken - latin1);
    assert!(out.join("d01/q00001.sql").is_file());
}

/// A write that fails half-way (an output folder blocked by a file) stops the run with a clean
/// error, however many batches are still being read or converted: the pipeline (reader,
/// workers, records) winds down instead of waiting on a consumer that is gone.
#[test]
fn a_failed_write_mid_run_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    // 1,200 files before the blocked folder and 1,200 in it: several batches on each side.
    for i in 0..1200 {
        write(&repo, &format!("a_{i:04}.sql"), "SELECT 1");
        write(&repo, &format!("m/x_{i:04}.sql"), "SELECT 2");
    }
    let out = dir.path().join("out");
    write(&out, "m", "a file where the converter needs a folder");
    // Output to files, not pipes: nobody reads a pipe while the test waits.
    let log = |name: &str| std::fs::File::create(dir.path().join(name)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_trino2spark"))
        .args(["convert", repo.to_str().unwrap(), "--jobs", "2", "--out"])
        .arg(&out)
        .current_dir(ROOT)
        .stdout(log("stdout"))
        .stderr(log("stderr"))
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > std::time::Duration::from_secs(120) {
            let _ = child.kill();
            panic!("convert did not stop after a failed write");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let stderr = std::fs::read_to_string(dir.path().join("stderr")).unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot create") && stderr.contains("/m"),
        "{stderr}"
    );
    // What came before the blocked folder was written; nothing after it.
    assert!(out.join("a_0000.sql").is_file());
    assert!(out.join("a_1199.sql").is_file());
}
