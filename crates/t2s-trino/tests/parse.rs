use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;

#[test]
fn drop_depth() {
    let h = std::thread::Builder::new().stack_size(8 << 20).spawn(|| {
        let n: usize = std::env::var("N").unwrap().parse().unwrap();
        let mut s = String::from("SELECT 1");
        for _ in 0..n { s.push_str("+1"); }
        let r = Parser::parse_sql(&GenericDialect {}, &s).unwrap();
        println!("parsed");
        drop(r);
        println!("dropped");
    }).unwrap();
    h.join().unwrap();
}
