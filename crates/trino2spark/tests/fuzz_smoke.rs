//! A short, deterministic fuzz run over the whole pipeline (the long runs use `fuzz/`, with
//! cargo-fuzz). Seeds are the bundled examples, hand-written tricky inputs and, when
//! `../shared/corpus` is present, the TPC queries; each seed is mutated with a fixed-seed
//! generator. The property: every input gets an answer (Ok or Err), never a panic, and an
//! `Ok` answer is internally consistent (status matches its diagnostics).

use std::sync::Arc;
use trino2spark::{Options, Severity, Status};

const TOKENS: &[&str] = &[
    "(",
    ")",
    ",",
    "'",
    "\"",
    "--",
    "/*",
    "*/",
    ";",
    "SELECT ",
    " FROM ",
    " WHERE ",
    " JOIN ",
    " ON ",
    " UNNEST(",
    " WITH ORDINALITY ",
    " ARRAY[",
    "]",
    "[1]",
    " -> ",
    " CAST(",
    " AS ",
    " ROW(",
    " MAP(",
    " GROUP BY ",
    " ROLLUP(",
    " ORDER BY ",
    " NULLS FIRST",
    " LIMIT ",
    " OVER (",
    " PARTITION BY ",
    " UNION ALL ",
    " INTERSECT ",
    " CASE WHEN ",
    " THEN ",
    " END",
    " INTERVAL '1' DAY",
    " DATE '2020-01-31'",
    " DECIMAL '1.5'",
    " TIMESTAMP '2020-01-01 00:00:00'",
    " X'0A'",
    " U&'\\2603'",
    " 1e0",
    " 2147483648",
    " NULL",
    " TRY(",
    " LATERAL (",
    " EXISTS (",
    " IN (",
    " > ALL (",
    " FETCH FIRST 1 ROWS WITH TIES",
    " x",
    " t.x",
    " \"A\".\"b\"",
    " /",
    " %",
    " ||",
    " ::",
    "\u{0}",
    "é",
    "\u{1F600}",
];

const SEEDS: &[&str] = &[
    "SELECT 1",
    "SELECT a / b, CAST(c AS bigint) FROM t ORDER BY a",
    "WITH x(a) AS (VALUES 1, 2) SELECT a FROM x CROSS JOIN UNNEST(ARRAY[a]) WITH ORDINALITY AS u(v, n)",
    "SELECT transform(ARRAY[1,2], x -> x + 1), CAST(ROW(1, 'a') AS ROW(a bigint, b varchar)).a",
    "SELECT k, count(*) FILTER (WHERE v > 0) FROM t GROUP BY ROLLUP(k) HAVING count(*) > 1",
    "SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
    "SELECT * FROM a LEFT JOIN UNNEST(a.arr) AS u(x) ON true WHERE x IS DISTINCT FROM 1",
    "CREATE TABLE t WITH (format = 'ORC') AS SELECT 'it''s' AS s; INSERT INTO t SELECT '\\d+'",
    "SELECT position('a' IN s), substring(s FROM 2 FOR 3), trim(BOTH 'x' FROM s), EXTRACT(DOW FROM d) FROM t",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(4) {
        let len = v.len();
        match rng.below(7) {
            0 if len > 0 => {
                let a = rng.below(len);
                let b = (a + rng.below(16)).min(len);
                v.drain(a..b);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                v.splice(at..at, t.iter().copied());
            }
            2 if len > 0 => {
                let a = rng.below(len);
                let b = (a + rng.below(32)).min(len);
                let chunk: Vec<u8> = v[a..b].to_vec();
                let at = rng.below(len + 1);
                v.splice(at..at, chunk);
            }
            3 if len > 0 => {
                let at = rng.below(len);
                v[at] = rng.next() as u8; // may make the input invalid UTF-8
            }
            4 => v.truncate(rng.below(len + 1)),
            5 => {
                let n = 1 + rng.below(300);
                let at = rng.below(len + 1);
                let open: Vec<u8> = "(".repeat(n).into_bytes();
                v.splice(at..at, open);
            }
            _ => {
                let n = 1 + rng.below(200);
                let at = rng.below(len + 1);
                let chain: Vec<u8> = " + 1".repeat(n).into_bytes();
                v.splice(at..at, chain);
            }
        }
    }
    v
}

fn seeds() -> Vec<Vec<u8>> {
    let mut s: Vec<Vec<u8>> = SEEDS.iter().map(|x| x.as_bytes().to_vec()).collect();
    s.extend(
        trino2spark::examples::QUERIES
            .iter()
            .map(|(_, q)| q.as_bytes().to_vec()),
    );
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
    for sub in ["tpch", "tpcds"] {
        if let Ok(dir) = std::fs::read_dir(format!("{shared}/{sub}")) {
            let mut files: Vec<_> = dir
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "sql"))
                .collect();
            files.sort();
            for f in files.into_iter().take(12) {
                if let Ok(b) = std::fs::read(f) {
                    s.push(b);
                }
            }
        }
    }
    s
}

fn check(input: &[u8], opts: &Options) {
    match trino2spark::transpile_bytes(input, opts) {
        Ok(t) => {
            let has_error = t.diagnostics.iter().any(|d| d.severity == Severity::Error);
            assert_eq!(
                t.status == Status::Ok,
                !has_error,
                "status {:?} with diagnostics {:?}",
                t.status,
                t.diagnostics
            );
            assert!(
                !t.diagnostics.iter().any(|d| d.code == "internal"),
                "internal error on {:?}: {:?}",
                String::from_utf8_lossy(input),
                t.diagnostics
            );
        }
        Err(e) => {
            let _ = e.to_diagnostic();
        }
    }
}

#[test]
fn mutated_inputs_never_panic() {
    let mut cat = trino2spark::examples::tpch_catalog();
    cat.merge(trino2spark::examples::tpcds_catalog());
    let opts = Options {
        catalog: Arc::new(cat),
        ..Options::default()
    };
    let seeds = seeds();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let iterations: usize = std::env::var("T2S_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    // Run on a thread with the default 2 MiB stack a caller (a gateway worker) would have.
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            for i in 0..iterations {
                let seed = &seeds[i % seeds.len()];
                let input = mutate(&mut rng, seed);
                check(&input, &opts);
            }
        })
        .expect("spawn");
    handle.join().expect("no input may panic the pipeline");
}

#[test]
fn pathological_inputs_get_clean_answers() {
    let opts = Options::default();
    let deep_parens = format!("SELECT {}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let long_chain = format!("SELECT 1{}", " + 1".repeat(100_000));
    let many_not = format!("SELECT {}true", "NOT ".repeat(100_000));
    let huge_in = format!("SELECT 1 IN ({})", vec!["1"; 100_000].join(", "));
    let inputs: Vec<Vec<u8>> = vec![
        deep_parens.into_bytes(),
        long_chain.into_bytes(),
        many_not.into_bytes(),
        huge_in.into_bytes(),
        vec![0xff, 0xfe, b'S', b'E'],
        b"SELECT 'unterminated".to_vec(),
        Vec::new(),
        b"-- only a comment".to_vec(),
    ];
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            for input in &inputs {
                check(input, &opts);
            }
        })
        .expect("spawn");
    handle
        .join()
        .expect("pathological inputs must not panic or overflow the stack");
}
