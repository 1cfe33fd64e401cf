//! Prints the AST of the SQL on stdin (`{:#?}`): a tool for working on the parser.
#![allow(clippy::print_stdout)]
use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    for r in t2s_trino::parse::parse_sql(&s) {
        match r {
            Ok(p) => println!("{:#?}", p.ast),
            Err(e) => println!("error: {e}"),
        }
    }
}
