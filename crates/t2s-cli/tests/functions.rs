//! Coverage of Trino's function library by the mapping rules (issue: "the whole function
//! library as data"):
//!
//! * every function and special form in `../shared/trino-functions.tsv` has a rule
//!   (`trino2spark functions --format json --against …` reports none `unmapped`);
//! * every rule is exercised by a corpus case: translating `corpus/**/*.sql` applies it
//!   (the provenance a translation reports), or — for special forms — the case text uses it;
//! * `docs/functions.md` is the current output of `trino2spark functions --format md`.
//!
//! The list lives in ../shared (not in this repository): these tests need it and say so when
//! it is absent (a user's clone); CI always has it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use trino2spark::{Options, SparkVersion, Target};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn function_list() -> Option<PathBuf> {
    let p = repo().join("../shared/trino-functions.tsv");
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipped: ../shared/trino-functions.tsv is absent (it is beside the repository in CI)"
        );
        None
    }
}

fn functions(format: &str, list: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_trino2spark"))
        .args(["functions", "--format", format, "--against"])
        .arg(list)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn every_listed_function_has_a_rule() {
    let Some(list) = function_list() else { return };
    let v: serde_json::Value = serde_json::from_str(&functions("json", &list)).expect("json");
    let entries = v.as_array().expect("array");
    let listed = std::fs::read_to_string(&list)
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    assert!(
        entries.len() >= listed,
        "{} entries for {listed} listed functions",
        entries.len()
    );
    let unmapped: Vec<&str> = entries
        .iter()
        .filter(|e| e["status"] == "unmapped")
        .map(|e| e["name"].as_str().unwrap_or("?"))
        .collect();
    assert!(
        unmapped.is_empty(),
        "{} functions have no rule: {}",
        unmapped.len(),
        unmapped.join(", ")
    );
    for e in entries {
        let status = e["status"].as_str().unwrap_or("");
        assert!(
            ["exact", "conditional", "approximate", "non_mappable"].contains(&status),
            "{e}"
        );
        if status == "non_mappable" || status == "approximate" {
            assert!(
                !e["reason"].as_str().unwrap_or("").is_empty(),
                "a {status} rule must say why: {e}"
            );
        }
    }
}

fn corpus_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            corpus_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "sql") {
            out.push(p);
        }
    }
}

#[test]
fn every_rule_has_a_corpus_case() {
    let mut files = Vec::new();
    corpus_files(&repo().join("corpus"), &mut files);
    let catalog = Arc::new(trino2spark::examples::tpch_catalog());
    let mut applied: BTreeSet<String> = BTreeSet::new();
    let mut texts = String::new();
    let mut declared: BTreeSet<String> = BTreeSet::new();
    for f in &files {
        let sql = std::fs::read_to_string(f).expect("read case");
        texts.push_str(&sql.to_lowercase());
        texts.push('\n');
        // `-- covers: A, B`: the special forms a case exercises (for forms without a keyword of
        // their own in the text, e.g. `ROW::fields`).
        for line in sql
            .lines()
            .filter_map(|l| l.trim().strip_prefix("-- covers:"))
        {
            declared.extend(
                line.split(',')
                    .map(|x| x.trim().to_lowercase())
                    .filter(|x| !x.is_empty()),
            );
        }
        for version in [SparkVersion::V4, SparkVersion::V3_5] {
            let opts = Options {
                target: Target {
                    version,
                    ansi: true,
                },
                catalog: catalog.clone(),
                ..Options::default()
            };
            for s in trino2spark::transpile_statements(&sql, &opts)
                .into_iter()
                .flatten()
            {
                for r in s.rules {
                    applied.insert(r.split('@').next().unwrap_or("").to_lowercase());
                }
            }
        }
    }
    let opts = Options::default();
    let registry = opts.registry().expect("built-in rules load");
    let mut missing = Vec::new();
    for name in registry.names() {
        let cov = registry.coverage(name).expect("has rules");
        let covered = match cov.kind {
            trino2spark::RuleKind::Syntax | trino2spark::RuleKind::Table => {
                // A special form is covered when some case uses it (its keyword or operator).
                let key = name.to_lowercase();
                let first = key.split(['/', ' ']).next().unwrap_or(&key).to_string();
                declared.contains(&key) || texts.contains(&first)
            }
            _ => applied.contains(&name.to_lowercase()),
        };
        if !covered {
            missing.push(format!("{name} ({})", cov.rules.join(", ")));
        }
    }
    assert!(
        missing.is_empty(),
        "{} rules have no corpus case:\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
}

#[test]
fn docs_functions_md_is_current() {
    let Some(list) = function_list() else { return };
    let generated = functions("md", &list);
    let path = repo().join("docs/functions.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        if std::env::var_os("T2S_UPDATE_DOCS").is_some() {
            std::fs::write(&path, &generated).expect("write docs/functions.md");
        } else {
            panic!("docs/functions.md is stale: regenerate with T2S_UPDATE_DOCS=1 cargo test -p t2s-cli --test functions");
        }
    }
}
