//! A deterministic generated query repository for the benchmark: variants of the TPC queries
//! (other numeric literals in comparisons and LIMITs, a renamed alias) and queries synthesized
//! from templates over the TPC-H schema (aggregations, joins, windows, CASE/CAST/strings,
//! subqueries, CTE + UNNEST + lambdas, date functions). The same `n` and seed give the same
//! files, byte for byte, so trino2spark and SQLGlot read the same repository.

use std::collections::HashSet;

/// xorshift64: small, fast and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// One generated query: which catalog it needs (0 = TPC-H, 1 = TPC-DS) and its text.
pub struct Generated {
    pub catalog: usize,
    pub sql: String,
}

/// Variants of `tpc` (text, catalog) and synthesized TPC-H queries, alternating.
pub fn generate(
    n: usize,
    seed: u64,
    tpc: &[(String, usize)],
    reserved: &HashSet<String>,
) -> Vec<Generated> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            if i % 2 == 0 && !tpc.is_empty() {
                let (sql, catalog) = &tpc[(i / 2) % tpc.len()];
                Generated {
                    catalog: *catalog,
                    sql: variant(sql, i, &mut rng, reserved),
                }
            } else {
                Generated {
                    catalog: 0,
                    sql: synthesize(i, &mut rng),
                }
            }
        })
        .collect()
}

/// Byte ranges of `sql` outside string literals, quoted identifiers and comments.
fn code_mask(sql: &str) -> Vec<bool> {
    let b = sql.as_bytes();
    let mut mask = vec![true; b.len()];
    let mut i = 0;
    while i < b.len() {
        let start = i;
        match b[i] {
            q @ (b'\'' | b'"') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                i += 1;
            }
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        let end = i.min(b.len());
        mask[start..end].iter_mut().for_each(|m| *m = false);
    }
    mask
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Words (identifier-like runs) in code: (start, end).
fn words(sql: &str, mask: &[bool]) -> Vec<(usize, usize)> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if mask[i] && is_ident_byte(b[i]) {
            let s = i;
            while i < b.len() && mask[i] && is_ident_byte(b[i]) {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

/// A TPC query with other integer literals after comparisons and LIMIT, and one alias renamed.
fn variant(sql: &str, i: usize, rng: &mut Rng, reserved: &HashSet<String>) -> String {
    let mask = code_mask(sql);
    let ws = words(sql, &mask);
    let b = sql.as_bytes();
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    // Integer literals right after `=`, `<`, `>` or LIMIT: a nearby value of the same kind.
    for (k, &(s, e)) in ws.iter().enumerate() {
        let w = &sql[s..e];
        if !w.bytes().all(|c| c.is_ascii_digit())
            || b.get(e) == Some(&b'.')
            || (s > 0 && b[s - 1] == b'.')
        {
            continue;
        }
        let before = sql[..s].trim_end();
        let after_cmp = before.ends_with(['=', '<', '>']);
        let after_limit = k > 0
            && sql[ws[k - 1].0..ws[k - 1].1].eq_ignore_ascii_case("limit")
            && sql[ws[k - 1].1..s].trim().is_empty();
        if (after_cmp || after_limit) && w.len() < 10 {
            let v: u64 = w.parse().unwrap_or(0);
            let nv = if after_limit {
                v.max(1) + rng.below(50) as u64
            } else {
                v + rng.below(10) as u64
            };
            edits.push((s, e, nv.to_string()));
        }
    }
    // One alias (`AS name`) that names no table or column: renamed everywhere it occurs.
    let aliases: Vec<&str> = ws
        .windows(2)
        .filter(|p| {
            sql[p[0].0..p[0].1].eq_ignore_ascii_case("as") && sql[p[0].1..p[1].0].trim().is_empty()
        })
        // Not `CAST(x AS decimal(7, 2))`: a type, not an alias.
        .filter(|p| !sql[p[1].1..].trim_start().starts_with('('))
        .map(|p| &sql[p[1].0..p[1].1])
        .filter(|a| {
            let lower = a.to_ascii_lowercase();
            !reserved.contains(&lower)
                && !TYPE_NAMES.contains(&lower.as_str())
                && a.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
        })
        .collect();
    if !aliases.is_empty() {
        let alias = aliases[rng.below(aliases.len())].to_ascii_lowercase();
        for &(s, e) in &ws {
            if sql[s..e].eq_ignore_ascii_case(&alias) && (s == 0 || b[s - 1] != b'.') {
                edits.push((s, e, format!("{alias}_v{i}")));
            }
        }
    }
    edits.sort_by_key(|e| e.0);
    let mut out = String::with_capacity(sql.len() + 64);
    let mut at = 0;
    for (s, e, text) in edits {
        if s < at {
            continue;
        }
        out.push_str(&sql[at..s]);
        out.push_str(&text);
        at = e;
    }
    out.push_str(&sql[at..]);
    out
}

/// Type names that follow `AS` in casts.
const TYPE_NAMES: &[&str] = &[
    "date",
    "decimal",
    "varchar",
    "char",
    "integer",
    "int",
    "bigint",
    "smallint",
    "tinyint",
    "double",
    "real",
    "boolean",
    "timestamp",
    "time",
    "interval",
    "varbinary",
    "json",
    "row",
    "array",
    "map",
];

const NUM: &[(&str, &str)] = &[
    ("lineitem", "l_quantity"),
    ("lineitem", "l_extendedprice"),
    ("lineitem", "l_discount"),
    ("orders", "o_totalprice"),
    ("customer", "c_acctbal"),
    ("part", "p_retailprice"),
    ("part", "p_size"),
];
const STR: &[(&str, &str)] = &[
    ("lineitem", "l_returnflag"),
    ("lineitem", "l_shipmode"),
    ("orders", "o_orderpriority"),
    ("orders", "o_orderstatus"),
    ("customer", "c_mktsegment"),
    ("part", "p_brand"),
    ("part", "p_container"),
];
const SEGMENTS: &[&str] = &[
    "AUTOMOBILE",
    "BUILDING",
    "FURNITURE",
    "HOUSEHOLD",
    "MACHINERY",
];

fn date(rng: &mut Rng) -> String {
    format!(
        "{}-{:02}-{:02}",
        1992 + rng.below(7),
        1 + rng.below(12),
        1 + rng.below(28)
    )
}

/// A query over the TPC-H schema from one of seven templates.
fn synthesize(i: usize, rng: &mut Rng) -> String {
    let k = i;
    match rng.below(7) {
        0 => {
            let table = rng.pick(&["lineitem", "orders", "customer", "part"]);
            let s = STR.iter().filter(|c| c.0 == table).map(|c| c.1).collect::<Vec<_>>();
            let nums = NUM.iter().filter(|c| c.0 == table).map(|c| c.1).collect::<Vec<_>>();
            let (g, n) = (rng.pick(&s), rng.pick(&nums));
            format!(
                "SELECT {g}, count(*) AS n_{k}, sum({n}) AS total_{k}, avg({n}) AS avg_{k}\nFROM {table}\nWHERE {n} > {}\nGROUP BY {g}\nORDER BY n_{k} DESC\nLIMIT {}",
                rng.below(100),
                1 + rng.below(100)
            )
        }
        1 => format!(
            "SELECT o.o_orderkey, c.c_name, o.o_totalprice * {}.{} AS adj_{k}\nFROM orders o\nJOIN customer c ON o.o_custkey = c.c_custkey\nWHERE o.o_orderdate >= DATE '{}' AND c.c_mktsegment = '{}'\nORDER BY adj_{k} DESC\nLIMIT {}",
            rng.below(3),
            rng.below(100),
            date(rng),
            rng.pick(SEGMENTS),
            1 + rng.below(1000)
        ),
        2 => format!(
            "SELECT l_orderkey, l_linenumber,\n  rank() OVER (PARTITION BY l_orderkey ORDER BY l_extendedprice DESC) AS r_{k},\n  sum(l_quantity) OVER (PARTITION BY l_orderkey) AS q_{k}\nFROM lineitem\nWHERE l_shipdate BETWEEN DATE '{}' AND DATE '{}' + INTERVAL '{}' DAY",
            date(rng),
            date(rng),
            rng.below(365)
        ),
        3 => format!(
            "SELECT p_partkey,\n  CASE WHEN p_size > {} THEN 'big' WHEN p_size > {} THEN 'mid' ELSE 'small' END AS size_{k},\n  upper(substr(p_name, 1, {})) AS name_{k},\n  CAST(p_retailprice AS bigint) / {} AS price_{k}\nFROM part\nWHERE p_brand LIKE 'Brand#{}%'",
            20 + rng.below(30),
            rng.below(20),
            1 + rng.below(20),
            1 + rng.below(9),
            1 + rng.below(5)
        ),
        4 => format!(
            "SELECT c_name, c_acctbal\nFROM customer\nWHERE c_acctbal > (SELECT avg(c_acctbal) FROM customer WHERE c_nationkey = {})\n  AND c_custkey IN (SELECT o_custkey FROM orders WHERE o_totalprice > {})\nORDER BY c_acctbal DESC, c_name",
            rng.below(25),
            1000 * rng.below(400)
        ),
        5 => format!(
            "WITH t_{k} AS (\n  SELECT o_orderkey, ARRAY[o_totalprice, o_totalprice * 2] AS a\n  FROM orders\n  WHERE o_orderkey < {}\n)\nSELECT o_orderkey, x, transform(a, v -> v + {}) AS b_{k}\nFROM t_{k}\nCROSS JOIN UNNEST(a) AS u(x)",
            1 + rng.below(100_000),
            rng.below(10)
        ),
        _ => format!(
            "SELECT date_trunc('{}', o_orderdate) AS m_{k}, count(*) AS c_{k},\n  date_diff('day', min(o_orderdate), max(o_orderdate)) AS span_{k}\nFROM orders\nWHERE o_orderstatus = '{}'\nGROUP BY 1\nORDER BY 1",
            rng.pick(&["month", "quarter", "year", "week"]),
            rng.pick(&["F", "O", "P"])
        ),
    }
}
