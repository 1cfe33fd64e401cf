//! What the query gateway does when a user promotes a Trino query to production: translate it
//! with the shared catalog, and store / show the verdict (the JSON contract of docs/api.md).
//!
//! ```sh
//! cargo run -p trino2spark --example gateway                 # three sample promotions
//! echo "SELECT 7 / 2" | cargo run -p trino2spark --example gateway -- -
//! ```
//!
//! One `Options` (holding the catalog) is built at start-up and shared by every request
//! thread through an `Arc`: translation never mutates it.

#![allow(clippy::print_stdout)]

use std::io::Read;
use std::sync::Arc;
use trino2spark::{verdict, Options, Status, Target, Verdict};

/// The gateway's promote handler: the verdict decides whether the query may go to Spark.
fn promote(sql: &str, opts: &Options) -> (bool, Verdict) {
    let v = verdict(sql, opts);
    // `ok` may be promoted; `flagged` needs a human decision (the diagnostics say why);
    // `error` is not a valid Trino query.
    (v.status == Status::Ok, v)
}

fn main() {
    let opts = Arc::new(Options {
        target: Target::default(), // Spark 4, ANSI on
        catalog: Arc::new(trino2spark::examples::tpch_catalog()),
        time_zone: "UTC".into(),
        ..Options::default() // built-in mapping rules; `Options::with_udfs` adds a company's
    });

    let arg = std::env::args().nth(1);
    let requests: Vec<String> = if arg.as_deref() == Some("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .expect("read standard input");
        vec![s]
    } else {
        vec![
            "SELECT o_orderpriority, count(*) / 7 AS per_day FROM orders GROUP BY 1".into(),
            "SELECT approx_distinct(o_custkey) FROM orders".into(),
            "SELECT o_orderkey FROM orders WHERE o_nosuchcolumn > 1".into(),
        ]
    };

    // Requests arrive on several threads at once; they all share the same Options.
    let handles: Vec<_> = requests
        .into_iter()
        .map(|sql| {
            let opts = Arc::clone(&opts);
            std::thread::spawn(move || (sql.clone(), promote(&sql, &opts)))
        })
        .collect();
    for h in handles {
        let (sql, (promotable, v)) = h.join().expect("the API does not panic");
        println!("-- {}", sql.trim().replace('\n', " "));
        println!("-- promotable: {promotable}");
        println!(
            "{}",
            serde_json::to_string_pretty(&v).expect("a verdict serialises")
        );
    }
}
