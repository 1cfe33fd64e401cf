//! Relational plan operators (Calcite's RelNode).
//!
//! A lowered SELECT block always has the canonical shape
//! `Limit? → Sort? → Project → Filter(having)? → Aggregate? → Filter(where)? → <from>`,
//! and aggregate / window calls live inside the `Project`, `Filter(having)` and `Sort`
//! expressions that use them (as in SQL), while `Aggregate` carries the grouping. This keeps
//! the plan close enough to SQL that the emitter can print it back block by block, and lets
//! every pass see exactly which operator an expression belongs to.

use crate::expr::{Expr, SortKey};
use crate::types::Type;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A column a relation produces. Names are shared, not copied: a scan's fields all carry its
/// qualifier, and a catalog table's names appear in every scan of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Field {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Arc<str>>,
    pub name: Arc<str>,
    pub ty: Type,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TableName {
    pub parts: Vec<String>,
}

impl TableName {
    pub fn table(&self) -> &str {
        self.parts.last().map(String::as_str).unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum Rel {
    /// The larger, less frequent operators are boxed, so a `Rel` is about as wide as a
    /// `Filter` (224 -> 112 bytes) and moving plan nodes copies less.
    Scan(Box<Scan>),
    Values(Values),
    /// A derived table or a named subquery: `(input) AS alias(columns)`.
    Alias(Alias),
    Join(Box<Join>),
    /// The right side of a lateral join: `UNNEST(exprs) [WITH ORDINALITY]`.
    Unnest(Unnest),
    Filter(Filter),
    Aggregate(Aggregate),
    Project(Project),
    Sort(Sort),
    Limit(Box<Limit>),
    SetOp(SetOp),
    With(With),
    CteRef(CteRef),
    Sample(Box<Sample>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scan {
    pub table: TableName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// The qualifier of every output field: the alias, or the table's last name part (or the
    /// alias of the column-renaming [`Alias`] around this scan).
    pub qualifier: Arc<str>,
    /// The table's columns, without qualifiers (the scan's [`Scan::qualifier`] applies to all):
    /// shared by every scan of a catalog table.
    pub fields: Arc<[Field]>,
    /// The catalog knows this table; otherwise `fields` are assumptions drawn from the query.
    pub known: bool,
    /// `FOR TIMESTAMP AS OF …` / `FOR VERSION AS OF …`, kept as text for the emitter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_travel: Option<TimeTravel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeTravel {
    /// `TIMESTAMP` or `VERSION`.
    pub kind: String,
    pub expr: Expr,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Values {
    pub rows: Vec<Vec<Expr>>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alias {
    pub input: Box<Rel>,
    pub alias: String,
    /// Explicit column aliases `AS t(a, b)`; `fields` carries the resulting names either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JoinKind {
    Inner,
    Left,
    Right,
    Full,
    Cross,
    /// Left semi join (rows of the left side with a match).
    Semi,
    /// Left anti join (rows of the left side without a match).
    Anti,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Join {
    pub kind: JoinKind,
    pub left: Box<Rel>,
    pub right: Box<Rel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Expr>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub using: Vec<String>,
    /// The right side may reference the left side's columns (LATERAL, UNNEST).
    pub lateral: bool,
    /// Written as a comma in FROM (`FROM a, b`); only changes how it is printed.
    #[serde(default)]
    pub implicit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unnest {
    pub exprs: Vec<Expr>,
    pub ordinality: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// Output columns: one per array (or one per row field for arrays of rows; two per map),
    /// then the ordinality column.
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    pub input: Box<Rel>,
    pub predicate: Expr,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    pub input: Box<Rel>,
    pub group_by: GroupBy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupBy {
    /// `GROUP BY DISTINCT`: duplicate grouping sets are removed.
    pub distinct: bool,
    pub elements: Vec<GroupingElement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupingElement {
    Expr(Expr),
    Rollup(Vec<Vec<Expr>>),
    Cube(Vec<Vec<Expr>>),
    GroupingSets(Vec<Vec<Expr>>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectItem {
    pub expr: Expr,
    /// Output name (Trino: the alias, or the column name for a bare column, or `_colN`).
    pub name: String,
    /// The name was given explicitly with AS (or implicitly `expr alias`).
    pub explicit_alias: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub input: Box<Rel>,
    pub items: Vec<ProjectItem>,
    pub distinct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sort {
    pub input: Box<Rel>,
    pub keys: Vec<SortKey>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Limit {
    pub input: Box<Rel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetch: Option<Expr>,
    pub with_ties: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetOpKind {
    Union,
    Intersect,
    Except,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetOp {
    pub kind: SetOpKind,
    pub all: bool,
    pub left: Box<Rel>,
    pub right: Box<Rel>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cte {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    pub rel: Rel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct With {
    pub recursive: bool,
    pub ctes: Vec<Cte>,
    pub body: Box<Rel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CteRef {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    pub input: Box<Rel>,
    /// `BERNOULLI` or `SYSTEM`.
    pub method: String,
    pub percentage: Expr,
}

/// The name of an output field as its operator keeps it (see [`Rel::visit_field_refs`]).
#[derive(Debug, Clone, Copy)]
pub enum FieldName<'a> {
    /// A [`Field`]'s name, shared.
    Shared(&'a Arc<str>),
    /// A projection's output name.
    Plain(&'a str),
}

impl<'a> FieldName<'a> {
    pub fn as_str(self) -> &'a str {
        match self {
            FieldName::Shared(s) => s,
            FieldName::Plain(s) => s,
        }
    }
    /// The name as a shared string (a copy only of a plain one).
    pub fn to_arc(self) -> Arc<str> {
        match self {
            FieldName::Shared(s) => s.clone(),
            FieldName::Plain(s) => Arc::from(s),
        }
    }
}

impl Rel {
    /// The output columns of this operator. The names and qualifiers an operator keeps shared
    /// are shared, not copied.
    pub fn fields(&self) -> Vec<Field> {
        let mut v = Vec::new();
        self.visit_field_refs(&mut |qualifier, name, ty| {
            v.push(Field {
                qualifier: qualifier.cloned(),
                name: name.to_arc(),
                ty: ty.clone(),
            })
        });
        v
    }

    /// The output fields, as [`Rel::fields`] gives them, by reference: (qualifier, name,
    /// type) to `f`, in order, with nothing copied.
    pub fn visit_fields<'a>(&'a self, f: &mut dyn FnMut(Option<&'a str>, &'a str, &'a Type)) {
        self.visit_field_refs(&mut |qualifier, name, ty| {
            f(qualifier.map(|q| &**q), name.as_str(), ty)
        });
    }

    /// [`Rel::visit_fields`], giving the names as the operators keep them (shared or not).
    pub fn visit_field_refs<'a>(
        &'a self,
        f: &mut dyn FnMut(Option<&'a Arc<str>>, FieldName<'a>, &'a Type),
    ) {
        let mut all = |fields: &'a [Field]| {
            for x in fields {
                f(x.qualifier.as_ref(), FieldName::Shared(&x.name), &x.ty);
            }
        };
        match self {
            Rel::Scan(s) => {
                for x in s.fields.iter() {
                    f(Some(&s.qualifier), FieldName::Shared(&x.name), &x.ty);
                }
            }
            Rel::Values(v) => all(&v.fields),
            Rel::Alias(a) => all(&a.fields),
            Rel::Join(j) => {
                j.left.visit_field_refs(f);
                if !matches!(j.kind, JoinKind::Semi | JoinKind::Anti) {
                    j.right.visit_field_refs(f);
                }
            }
            Rel::Unnest(u) => all(&u.fields),
            Rel::Filter(x) => x.input.visit_field_refs(f),
            Rel::Aggregate(a) => a.input.visit_field_refs(f),
            Rel::Project(p) => {
                for i in &p.items {
                    f(None, FieldName::Plain(&i.name), &i.expr.ty);
                }
            }
            Rel::Sort(s) => s.input.visit_field_refs(f),
            Rel::Limit(l) => l.input.visit_field_refs(f),
            Rel::SetOp(s) => all(&s.fields),
            Rel::With(w) => w.body.visit_field_refs(f),
            Rel::CteRef(c) => all(&c.fields),
            Rel::Sample(s) => s.input.visit_field_refs(f),
        }
    }

    /// The number of output fields.
    pub fn width(&self) -> usize {
        let mut n = 0;
        self.visit_fields(&mut |_, _, _| n += 1);
        n
    }

    /// Direct child relations (not subqueries inside expressions).
    pub fn inputs(&self) -> Vec<&Rel> {
        match self {
            Rel::Scan(_) | Rel::Values(_) | Rel::Unnest(_) | Rel::CteRef(_) => vec![],
            Rel::Alias(a) => vec![&a.input],
            Rel::Join(j) => vec![&j.left, &j.right],
            Rel::Filter(f) => vec![&f.input],
            Rel::Aggregate(a) => vec![&a.input],
            Rel::Project(p) => vec![&p.input],
            Rel::Sort(s) => vec![&s.input],
            Rel::Limit(l) => vec![&l.input],
            Rel::SetOp(s) => vec![&s.left, &s.right],
            Rel::With(w) => {
                let mut v: Vec<&Rel> = w.ctes.iter().map(|c| &c.rel).collect();
                v.push(&w.body);
                v
            }
            Rel::Sample(s) => vec![&s.input],
        }
    }

    /// Name of the operator, for display and diagnostics.
    pub fn op_name(&self) -> &'static str {
        match self {
            Rel::Scan(_) => "Scan",
            Rel::Values(_) => "Values",
            Rel::Alias(_) => "Alias",
            Rel::Join(_) => "Join",
            Rel::Unnest(_) => "Unnest",
            Rel::Filter(_) => "Filter",
            Rel::Aggregate(_) => "Aggregate",
            Rel::Project(_) => "Project",
            Rel::Sort(_) => "Sort",
            Rel::Limit(_) => "Limit",
            Rel::SetOp(_) => "SetOp",
            Rel::With(_) => "With",
            Rel::CteRef(_) => "CteRef",
            Rel::Sample(_) => "Sample",
        }
    }
}
