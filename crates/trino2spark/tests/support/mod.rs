//! Helpers shared by integration tests (not a test of its own).
#![allow(dead_code, clippy::print_stdout)]

pub mod spark_parse;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use trino2spark::{Options, SparkVersion, Target};

/// `*.sql` below `dir`, sorted, recursively.
pub fn sql_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sql_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "sql") {
            out.push(p);
        }
    }
}

/// The project corpus (`corpus/**/*.sql`) and, when `../shared/corpus` is present, its TPC-H
/// and TPC-DS queries (a note says so when absent): (path, SQL).
pub fn corpus_and_tpc() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    sql_files(&root.join("corpus"), &mut files);
    let shared = root.join("../shared/corpus");
    if shared.is_dir() {
        sql_files(&shared.join("tpch"), &mut files);
        sql_files(&shared.join("tpcds"), &mut files);
    } else {
        println!(
            "note: {} is absent: only the project corpus is checked",
            shared.display()
        );
    }
    files
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect()
}

/// Spark 4 and Spark 3.5 (ANSI on) with the TPC-H + TPC-DS catalogs.
pub fn both_targets() -> Vec<Options> {
    let mut cat = trino2spark::examples::tpch_catalog();
    cat.merge(trino2spark::examples::tpcds_catalog());
    let cat = Arc::new(cat);
    [SparkVersion::V4, SparkVersion::V3_5]
        .into_iter()
        .map(|version| Options {
            target: Target {
                version,
                ansi: true,
            },
            catalog: cat.clone(),
            time_zone: "UTC".into(),
            keep_ir: true,
            ..Options::default()
        })
        .collect()
}
