//! The relation a `CREATE VIEW` or `CREATE TABLE … AS` defines: its name and its output
//! columns with Trino types, so that later statements that read it can be typed.

use crate::{Catalog, StatementOutput, Transpiled, Type};
use t2s_ir::Statement;

/// A view or table defined by a translated statement.
///
/// ```
/// use trino2spark::{transpile, Catalog, Options};
/// let out = transpile("CREATE VIEW v (k, half) AS SELECT 1, 7 / 2", &Options::default()).unwrap();
/// let v = &out.defined_relations()[0];
/// assert_eq!(v.name, "v");
/// let cols: Vec<String> = v.columns.iter().map(|(n, t)| format!("{n} {t}")).collect();
/// assert_eq!(cols, ["k integer", "half integer"]);
///
/// // Later statements can now resolve `v` and its column types.
/// let mut catalog = Catalog::new();
/// v.add_to(&mut catalog);
/// assert!(catalog.lookup(&["v".to_string()]).is_some());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DefinedRelation {
    /// The dotted name as written, lower case (Trino folds identifiers), e.g. `sales.daily`.
    pub name: String,
    /// The name's parts, lower case.
    pub parts: Vec<String>,
    /// Output columns (lower case) with their Trino types, in order.
    pub columns: Vec<(String, Type)>,
}

impl DefinedRelation {
    /// Adds (or replaces) this relation in `catalog`.
    pub fn add_to(&self, catalog: &mut Catalog) {
        catalog.add_table(&self.name, self.columns.clone());
    }
}

impl StatementOutput {
    /// The view or table this statement defines (`CREATE VIEW`, `CREATE TABLE … AS`), with the
    /// output columns of its query as typed by Trino's rules; `None` for other statements and
    /// for statements that could not be lowered.
    pub fn defined_relation(&self) -> Option<DefinedRelation> {
        let (name, names, rel) = match self.ir.as_ref()? {
            Statement::CreateView {
                name, columns, rel, ..
            } => (name, columns.as_slice(), rel),
            Statement::CreateTableAs { table, rel, .. } => (table, &[][..], rel),
            _ => return None,
        };
        let parts: Vec<String> = name.parts.iter().map(|p| p.to_lowercase()).collect();
        let columns = rel
            .fields()
            .into_iter()
            .enumerate()
            .map(|(i, f)| {
                (
                    names.get(i).map_or(&*f.name, String::as_str).to_lowercase(),
                    f.ty,
                )
            })
            .collect();
        Some(DefinedRelation {
            name: parts.join("."),
            parts,
            columns,
        })
    }
}

impl Transpiled {
    /// The views and tables the input defines, in statement order.
    pub fn defined_relations(&self) -> Vec<DefinedRelation> {
        self.statements
            .iter()
            .filter_map(StatementOutput::defined_relation)
            .collect()
    }
}
