//! Which relation a statement defines and which relations it reads, from its syntax tree.

use sqlparser::ast::{self, ObjectName, Spanned, Visit, Visitor};
use std::collections::HashSet;
use std::ops::ControlFlow;
use trino2spark::{ParsedStatement, Span};

/// A relation name as written, lower case (Trino folds identifiers), with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRef {
    pub parts: Vec<String>,
    pub span: Option<Span>,
}

impl NameRef {
    pub fn dotted(&self) -> String {
        self.parts.join(".")
    }
}

/// The names of one statement.
#[derive(Debug, Clone, Default)]
pub struct StatementNames {
    /// The view or table a `CREATE VIEW` / `CREATE TABLE … AS` defines.
    pub defines: Option<NameRef>,
    /// Relations the statement reads (CTE names excluded), first occurrence of each name.
    pub references: Vec<NameRef>,
}

fn name_ref(name: &ObjectName) -> NameRef {
    let parts = name
        .0
        .iter()
        .map(|p| match p.as_ident() {
            Some(id) => id.value.to_lowercase(),
            None => p.to_string().to_lowercase(),
        })
        .collect();
    let s = name.span();
    let span = (s.start.line > 0).then_some(Span {
        line: s.start.line as u32,
        column: s.start.column as u32,
    });
    NameRef { parts, span }
}

#[derive(Default)]
struct Collector {
    ctes: HashSet<String>,
    relations: Vec<NameRef>,
}

impl Visitor for Collector {
    type Break = ();
    fn pre_visit_query(&mut self, q: &ast::Query) -> ControlFlow<()> {
        if let Some(with) = &q.with {
            for cte in &with.cte_tables {
                self.ctes.insert(cte.alias.name.value.to_lowercase());
            }
        }
        ControlFlow::Continue(())
    }
    fn pre_visit_relation(&mut self, r: &ObjectName) -> ControlFlow<()> {
        self.relations.push(name_ref(r));
        ControlFlow::Continue(())
    }
}

/// The names `ps` defines and reads.
pub fn statement_names(ps: &ParsedStatement) -> StatementNames {
    let defines = match &ps.ast {
        ast::Statement::CreateView(cv) => Some(name_ref(&cv.name)),
        ast::Statement::CreateTable(ct) if ct.query.is_some() => Some(name_ref(&ct.name)),
        _ => None,
    };
    let mut c = Collector::default();
    let _ = ps.ast.visit(&mut c);
    let mut seen = HashSet::new();
    let mut references = Vec::new();
    let mut skipped_own_name = false;
    for r in c.relations {
        // The defined name itself is visited as a relation too (once, where it is declared).
        if !skipped_own_name
            && defines
                .as_ref()
                .is_some_and(|d| d.parts == r.parts && d.span == r.span)
        {
            skipped_own_name = true;
            continue;
        }
        if r.parts.len() == 1 && c.ctes.contains(&r.parts[0]) {
            continue;
        }
        if seen.insert(r.parts.clone()) {
            references.push(r);
        }
    }
    StatementNames {
        defines,
        references,
    }
}

/// Whether `text` may hold a `CREATE` statement (a cheap test before parsing).
pub fn may_define(text: &str) -> bool {
    text.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"create"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sql: &str) -> StatementNames {
        let ps = trino2spark::parse_statements(sql).remove(0).unwrap();
        statement_names(&ps)
    }

    #[test]
    fn views_ctas_and_references() {
        let n = names("CREATE VIEW Sales.V AS WITH c AS (SELECT * FROM a) SELECT * FROM c JOIN s.b ON true, c");
        assert_eq!(n.defines.unwrap().dotted(), "sales.v");
        let refs: Vec<String> = n.references.iter().map(NameRef::dotted).collect();
        assert_eq!(refs, ["a", "s.b"]);
        let n =
            names("CREATE TABLE t AS SELECT x FROM (SELECT x FROM u) WHERE x IN (SELECT y FROM w)");
        assert_eq!(n.defines.unwrap().dotted(), "t");
        assert_eq!(
            n.references.iter().map(NameRef::dotted).collect::<Vec<_>>(),
            ["u", "w"]
        );
        let n = names("SELECT * FROM\n  v");
        assert!(n.defines.is_none());
        assert_eq!(n.references[0].span, Some(Span { line: 2, column: 3 }));
        assert!(may_define("select 1; Create view x as select 1") && !may_define("SELECT 1"));
    }
}
