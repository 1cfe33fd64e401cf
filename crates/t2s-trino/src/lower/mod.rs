//! Lowering: sqlparser AST (Trino dialect) → typed relational IR.
//!
//! Name resolution follows Trino: identifiers are case-insensitive (folded to lower case),
//! an unqualified name resolves in the innermost query first, then outward (correlation);
//! ORDER BY sees the SELECT's output names before the input columns; GROUP BY sees input
//! columns and ordinals. Every expression gets its Trino type. Whatever cannot be known (a
//! table missing from the catalog, a function with no signature here) still lowers, with a
//! diagnostic stating the assumption.

mod expr;
pub(crate) use expr::{build_index, INDEX_FROM};
pub mod functions;
pub mod types;

use crate::catalog::{name_key, Catalog, NameMap, NameSet, TableSchema};
use crate::parse::ParsedStatement;
use sqlparser::ast;
use sqlparser::ast::Spanned;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::Arc;
use t2s_ir::*;

/// The result of lowering one statement.
#[derive(Debug, Clone)]
pub struct Lowered {
    pub statement: Option<Statement>,
    pub diagnostics: Vec<Diagnostic>,
    /// The deepest nesting lowering met: expression levels, query blocks, set operations and
    /// join chains, each counted as a level (at most [`expr::MAX_DEPTH`] + 1, where lowering stops
    /// with a `too-deep` error). The IR is at most a small constant times this deep, so callers
    /// size the stack of the later passes by it.
    pub depth: usize,
}

/// Lowers one parsed statement against `catalog`.
pub fn lower_statement(ps: &ParsedStatement, catalog: &Catalog) -> Lowered {
    lower_statement_with(ps, catalog, None)
}

/// Result types of functions the built-in table does not know (user functions declared in a
/// mapping file with `-> type`, and functions whose rules state their type).
pub trait FunctionSignatures: Sync {
    /// The Trino result type of `name` over these argument types (`consts[i]`: the value of a
    /// string-literal argument).
    fn result_type(
        &self,
        name: &str,
        aggregate: bool,
        args: &[Type],
        consts: &[Option<String>],
    ) -> Option<Type>;
    /// Whether `name` is a (user) aggregate function.
    fn is_aggregate(&self, name: &str) -> bool;
}

/// [`lower_statement`] with extra function signatures.
pub fn lower_statement_with(
    ps: &ParsedStatement,
    catalog: &Catalog,
    sigs: Option<&dyn FunctionSignatures>,
) -> Lowered {
    let mut l = Lowerer::new(catalog, ps.span);
    l.sigs = sigs;
    l.group_by_distinct = ps.extras.group_by_distinct.clone();
    let statement = l.statement(&ps.ast);
    Lowered {
        statement,
        diagnostics: l.diags,
        depth: l.max_depth,
    }
}

/// A column visible in a scope. A catalog table's names and types are borrowed from the
/// catalog; the fields of one relation share their qualifier, and a column reference shares
/// the names of the field it resolves to.
#[derive(Debug, Clone)]
struct ScopeField<'a> {
    qualifier: Option<Arc<str>>,
    name: Cow<'a, Arc<str>>,
    ty: Cow<'a, Type>,
    /// A join key merged by USING: reachable only qualified (`l.k`), and not part of `*`
    /// (the merged, unqualified key is).
    hidden: bool,
}

impl<'a> ScopeField<'a> {
    fn new(qualifier: Option<Arc<str>>, name: Cow<'a, Arc<str>>, ty: Cow<'a, Type>) -> Self {
        ScopeField {
            qualifier,
            name,
            ty,
            hidden: false,
        }
    }
}

/// A field of a scope as lookups see it (a [`ScopeField`], or a column of a catalog table the
/// scope holds whole).
#[derive(Debug, Clone, Copy)]
struct FieldRef<'s> {
    qualifier: Option<&'s Arc<str>>,
    name: &'s Arc<str>,
    ty: &'s Type,
    hidden: bool,
}

impl<'s> From<&'s ScopeField<'_>> for FieldRef<'s> {
    fn from(f: &'s ScopeField<'_>) -> Self {
        FieldRef {
            qualifier: f.qualifier.as_ref(),
            name: &f.name,
            ty: &f.ty,
            hidden: f.hidden,
        }
    }
}

/// A run of a scope's fields: one field, or every column of a catalog table, borrowed from
/// the catalog whole (a scan's scope builds, moves and drops no field per column).
#[derive(Debug, Clone)]
enum Run<'a> {
    Field(ScopeField<'a>),
    Table {
        qualifier: Arc<str>,
        table: &'a TableSchema,
    },
}

impl<'a> Run<'a> {
    fn len(&self) -> usize {
        match self {
            Run::Field(_) => 1,
            Run::Table { table, .. } => table.columns.len(),
        }
    }
    /// Field `i` of this run.
    fn get(&self, i: usize) -> FieldRef<'_> {
        match self {
            Run::Field(f) => f.into(),
            Run::Table { qualifier, table } => {
                let (name, ty) = &table.columns[i];
                FieldRef {
                    qualifier: Some(qualifier),
                    name,
                    ty,
                    hidden: false,
                }
            }
        }
    }
}

/// The columns one query level can see, plus relations of unknown shape.
#[derive(Debug, Clone, Default)]
struct Scope<'a> {
    /// The fields, in order, as runs, each with the index of its first field (one list: a
    /// scope is built with one allocation fewer).
    runs: Vec<(u32, Run<'a>)>,
    /// The number of fields.
    len: usize,
    /// [`name_key`] of each field's name, in field order: a lookup scans these
    /// (contiguous, several per instruction) and compares a field's text only on a match.
    keys: Cow<'a, [u32]>,
    /// Qualifiers of relations the catalog does not know: any column may belong to them.
    open: Vec<String>,
    /// A hash index of `keys` (built on the first lookup of a large scope, dropped when fields
    /// are added): open addressing with linear probing, each slot 0 (empty) or a field's index
    /// plus one. A key's fields lie along its probe sequence in field order.
    index: OnceCell<Box<[u32]>>,
    /// The catalog table whose columns this scope is, if it is just one (its index is the
    /// catalog's, and `index` is not used). A reference, not the index itself: the scope is
    /// moved often, and stays small.
    table: Option<&'a TableSchema>,
}

impl<'a> Scope<'a> {
    /// The scope of `rel`'s output fields (each copied once, not through [`Rel::fields`]).
    fn from_rel(rel: &Rel) -> Scope<'a> {
        if let Some(fields) = field_list(rel) {
            // The operator keeps its fields: share their names instead of copying them.
            let mut scope = Scope::with_capacity(fields.len());
            for f in fields {
                scope.push(ScopeField::new(
                    f.qualifier.clone(),
                    Cow::Owned(f.name.clone()),
                    Cow::Owned(clone_type(&f.ty)),
                ));
            }
            return scope;
        }
        let mut scope = Scope::with_capacity(rel.width());
        rel.visit_field_refs(&mut |qualifier, name, ty| {
            scope.push(ScopeField::new(
                qualifier.cloned(),
                Cow::Owned(name.to_arc()),
                Cow::Owned(clone_type(ty)),
            ))
        });
        scope
    }
    fn with_capacity(n: usize) -> Scope<'a> {
        Scope {
            runs: Vec::with_capacity(n),
            keys: Cow::Owned(Vec::with_capacity(n)),
            ..Scope::default()
        }
    }
    /// The scope of all the columns of catalog table `table`, qualified by `qualifier`.
    fn table(qualifier: Arc<str>, table: &'a TableSchema) -> Scope<'a> {
        let mut scope = Scope::default();
        if !table.columns.is_empty() {
            scope.runs.push((0, Run::Table { qualifier, table }));
            scope.len = table.columns.len();
            // A catalog table's keys and index are borrowed (a scan copies neither).
            scope.keys = Cow::Borrowed(table.column_keys());
            scope.table = Some(table);
        }
        scope
    }
    fn push(&mut self, field: ScopeField<'a>) {
        self.keys.to_mut().push(name_key(&field.name));
        self.runs.push((self.len as u32, Run::Field(field)));
        self.len += 1;
        self.index.take();
        self.table = None;
    }
    fn extend(&mut self, other: Scope<'a>) {
        let base = self.len as u32;
        self.runs
            .extend(other.runs.into_iter().map(|(s, r)| (s + base, r)));
        self.len += other.len;
        match &mut self.keys {
            Cow::Owned(keys) => keys.extend_from_slice(&other.keys),
            // A table's keys, borrowed: copied once, into room for both.
            Cow::Borrowed(mine) => {
                let mut keys = Vec::with_capacity(mine.len() + other.keys.len());
                keys.extend_from_slice(mine);
                keys.extend_from_slice(&other.keys);
                self.keys = Cow::Owned(keys);
            }
        }
        self.open.extend(other.open);
        self.index.take();
        self.table = None;
    }
    /// The scopes of `parts`, one after another.
    fn concat(mut parts: Vec<Scope<'a>>) -> Scope<'a> {
        if parts.len() <= 1 {
            return parts.pop().unwrap_or_default();
        }
        let runs = parts.iter().map(|p| p.runs.len()).sum();
        let n = parts.iter().map(|p| p.len).sum();
        let mut all = Scope {
            runs: Vec::with_capacity(runs),
            keys: Cow::Owned(Vec::with_capacity(n)),
            ..Scope::default()
        };
        for p in parts {
            all.extend(p);
        }
        all
    }
    /// Puts `first`'s fields before this scope's.
    fn prepend(&mut self, mut first: Scope<'a>) {
        first.extend(std::mem::take(self));
        *self = first;
    }
    /// Field `i`.
    fn get(&self, i: usize) -> Option<FieldRef<'_>> {
        if i >= self.len {
            return None;
        }
        // The last run starting at or before `i`: a short list is scanned (no call to a binary
        // search), a long one searched.
        let runs = &self.runs;
        let r = if runs.len() <= 8 {
            let mut r = 0;
            while r + 1 < runs.len() && runs[r + 1].0 as usize <= i {
                r += 1;
            }
            r
        } else {
            runs.partition_point(|&(s, _)| s as usize <= i) - 1
        };
        let (start, run) = &runs[r];
        Some(run.get(i - *start as usize))
    }
    /// The fields, in order.
    fn iter(&self) -> impl Iterator<Item = FieldRef<'_>> {
        self.runs
            .iter()
            .flat_map(|(_, r)| (0..r.len()).map(move |i| r.get(i)))
    }
    /// Hides the qualified fields named in `names` (the sides' copies of USING keys), each
    /// catalog table holding one spelled out field by field first.
    fn hide_qualified(&mut self, names: &[String]) {
        let hit = |n: &str| names.iter().any(|u| **u == *n);
        let mut runs = Vec::with_capacity(self.runs.len());
        let mut at = 0u32;
        for (_, run) in std::mem::take(&mut self.runs) {
            match run {
                Run::Table { qualifier, table } if table.columns.iter().any(|(n, _)| hit(n)) => {
                    for (name, ty) in &table.columns {
                        let mut f = ScopeField::new(
                            Some(qualifier.clone()),
                            Cow::Borrowed(name),
                            Cow::Borrowed(ty),
                        );
                        f.hidden = hit(name);
                        runs.push((at, Run::Field(f)));
                        at += 1;
                    }
                }
                Run::Field(mut f) => {
                    if f.qualifier.is_some() && hit(&f.name) {
                        f.hidden = true;
                    }
                    runs.push((at, Run::Field(f)));
                    at += 1;
                }
                table => {
                    let n = table.len() as u32;
                    runs.push((at, table));
                    at += n;
                }
            }
        }
        self.runs = runs;
    }
}

/// The output fields of `rel` when it keeps them as a list of [`Field`]s (what
/// [`Rel::visit_fields`] gives, in the same order).
fn field_list(rel: &Rel) -> Option<&[Field]> {
    match rel {
        Rel::Values(v) => Some(&v.fields),
        Rel::Alias(a) => Some(&a.fields),
        Rel::Unnest(u) => Some(&u.fields),
        Rel::SetOp(s) => Some(&s.fields),
        Rel::CteRef(c) => Some(&c.fields),
        _ => None,
    }
}

/// The CTEs of one WITH: name → (fields, column aliases).
type CteLevel = NameMap<(Vec<Field>, Option<Vec<String>>)>;

pub(crate) struct Lowerer<'a> {
    catalog: &'a Catalog,
    base: Span,
    pub(crate) diags: Vec<Diagnostic>,
    /// CTEs visible, innermost last.
    ctes: Vec<CteLevel>,
    /// Enclosing query scopes (for correlated references), innermost last.
    outer: Vec<Scope<'a>>,
    /// Current query scope.
    scope: Scope<'a>,
    /// Lambda parameters in scope, innermost last.
    lambda_vars: Vec<NameMap<Type>>,
    /// SELECT output columns visible to ORDER BY (name → (index, type)).
    pub(crate) order_by_outputs: Option<Vec<(String, Type)>>,
    /// Named windows of the current SELECT (`WINDOW w AS (…)`).
    windows: NameMap<ast::WindowSpec>,
    warned: NameSet,
    /// Positions of the SELECT keywords whose block wrote `GROUP BY DISTINCT`.
    group_by_distinct: Vec<Span>,
    /// Current expression nesting depth, and whether the too-deep error was reported.
    depth: usize,
    too_deep: bool,
    pub(crate) sigs: Option<&'a dyn FunctionSignatures>,
    /// The deepest `depth` (plus chain lengths) met so far: see [`Lowered::depth`].
    max_depth: usize,
    /// How many aggregate calls lowering has built: an expression built while this did not
    /// change holds none (and is not walked to find one).
    pub(crate) aggregates_built: usize,
    /// The list [`Lowerer::arg_types`] reuses.
    types_scratch: Vec<Type>,
}

fn lc(s: &str) -> String {
    lc_cow(s).into_owned()
}

/// [`lc`], borrowing `s` when it is already lower case (nearly every identifier is).
/// The copy (rare) is out of line, so the common case sets up a small frame.
pub(crate) fn lc_cow(s: &str) -> Cow<'_, str> {
    if !needs_lowering(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(lowered(s))
}

/// `s` in lower case (ASCII without `to_lowercase`'s per-character work).
#[cold]
#[inline(never)]
fn lowered(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Whether `b` holds an ASCII upper-case letter or a non-ASCII byte: eight bytes at a time,
/// without branches (identifiers are short: a vector loop's set-up would cost more).
#[inline]
fn needs_lowering(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Per byte, with its low seven bits y: bit 7 of `y + (0x80 - c)` is set when y >= c (no
    // carry crosses bytes). Non-ASCII bytes are flagged by their own bit 7.
    let flags = |w: u64| {
        let low = w & !HIGH;
        let ge_a = low + ONES * (0x80 - u64::from(b'A'));
        let gt_z = low + ONES * (0x80 - u64::from(b'Z') - 1);
        w | (ge_a & !gt_z)
    };
    let mut chunks = b.chunks_exact(8);
    let mut acc = 0;
    for c in &mut chunks {
        acc |= flags(crate::catalog::word(c));
    }
    acc |= flags(crate::catalog::word(chunks.remainder()));
    acc & HIGH != 0
}

/// `t.clone()`, with the scalar types (nearly all column types) copied inline rather than
/// through the derived `clone`'s call. Local to lowering's hot copies on purpose: the same
/// inline path as `Type`'s own `Clone` measured slower overall (+0.5 M instructions per TPC
/// pass, code growth at every clone site; ARCHITECTURE.md, Performance, item 8).
#[inline]
pub(crate) fn clone_type(t: &Type) -> Type {
    use Type as T;
    match *t {
        T::Unknown => T::Unknown,
        T::Boolean => T::Boolean,
        T::TinyInt => T::TinyInt,
        T::SmallInt => T::SmallInt,
        T::Integer => T::Integer,
        T::BigInt => T::BigInt,
        T::Real => T::Real,
        T::Double => T::Double,
        T::Decimal { precision, scale } => T::Decimal { precision, scale },
        T::Varchar { length } => T::Varchar { length },
        T::Char { length } => T::Char { length },
        T::Date => T::Date,
        T::Timestamp { precision } => T::Timestamp { precision },
        _ => t.clone(),
    }
}

/// The start of `q`'s span (sqlparser's `span()`, the union of all its parts' spans, walks the
/// whole query): the span of its first keyword (WITH, or the first SELECT), which no part of
/// the query precedes. Where that keyword has no position, the whole span.
fn query_start(q: &ast::Query) -> sqlparser::tokenizer::Span {
    let mut cur = q;
    let first = loop {
        if let Some(w) = &cur.with {
            break w.with_token.0.span;
        }
        let mut body = &*cur.body;
        loop {
            match body {
                ast::SetExpr::SetOperation { left, .. } => body = left,
                ast::SetExpr::Query(inner) => {
                    cur = inner;
                    break;
                }
                ast::SetExpr::Select(s) => return start_or(s.select_token.0.span, q),
                _ => return q.span(),
            }
        }
    };
    start_or(first, q)
}

/// `first` if it has a position, else the whole span of `q`.
fn start_or(first: sqlparser::tokenizer::Span, q: &ast::Query) -> sqlparser::tokenizer::Span {
    if first.start.line != 0 {
        first
    } else {
        q.span()
    }
}

fn ident(i: &ast::Ident) -> String {
    lc(&i.value)
}

fn object_parts(n: &ast::ObjectName) -> Vec<String> {
    n.0.iter().map(object_part).collect()
}

/// One part of an object name, folded as [`object_parts`] folds it.
fn object_part(p: &ast::ObjectNamePart) -> String {
    match p.as_ident() {
        Some(i) => ident(i),
        None => lc(&p.to_string()),
    }
}

impl<'a> Lowerer<'a> {
    fn new(catalog: &'a Catalog, base: Span) -> Self {
        Lowerer {
            catalog,
            base,
            diags: vec![],
            ctes: vec![],
            outer: vec![],
            scope: Scope::default(),
            lambda_vars: vec![],
            order_by_outputs: None,
            windows: NameMap::default(),
            warned: NameSet::default(),
            group_by_distinct: vec![],
            depth: 0,
            too_deep: false,
            sigs: None,
            max_depth: 0,
            aggregates_built: 0,
            types_scratch: Vec::new(),
        }
    }

    /// Converts a statement-relative sqlparser span to an absolute one.
    pub(crate) fn span_of(&self, node: &impl Spanned) -> Option<Span> {
        self.abs_span(node.span())
    }

    /// Where an expression starts: the start of sqlparser's `span()`, which unions the spans of
    /// the whole subtree, recursively (on an operator chain `a + b + …`, up to 1000 long, deep
    /// recursion, and quadratic when asked at every level). A node's source text starts with
    /// its first part, so this follows first parts down without recursion (an operator's left
    /// operand, a call's name, a CASE's keyword, a cast's operand) and walks the subtree only
    /// when that first part has no position.
    pub(crate) fn expr_start(&self, e: &ast::Expr) -> Option<Span> {
        use ast::Expr as E;
        use sqlparser::tokenizer::Span as SqlSpan;
        let mut cur = e;
        let first = loop {
            cur = match cur {
                E::Identifier(id) => break id.span,
                E::CompoundIdentifier(ids) => {
                    break ids.first().map_or(SqlSpan::empty(), |i| i.span)
                }
                E::Value(v) => break v.span,
                E::Function(f) => break f.name.0.first().map_or(SqlSpan::empty(), |p| p.span()),
                E::Case { case_token, .. } => break case_token.0.span,
                E::BinaryOp { left: x, .. }
                | E::Nested(x)
                | E::UnaryOp { expr: x, .. }
                | E::Cast { expr: x, .. }
                | E::Extract { expr: x, .. }
                | E::IsNull(x)
                | E::IsNotNull(x)
                | E::IsDistinctFrom(x, _)
                | E::IsNotDistinctFrom(x, _)
                | E::InList { expr: x, .. }
                | E::InSubquery { expr: x, .. }
                | E::Between { expr: x, .. }
                | E::Like { expr: x, .. } => x,
                // A subquery's span unions its whole tree; it starts at its first keyword.
                E::Subquery(q) | E::Exists { subquery: q, .. } => break query_start(q),
                other => break other.span(),
            };
        };
        if first.start.line != 0 {
            return self.abs_span(first);
        }
        self.span_of(e)
    }

    pub(crate) fn ident_span(&self, id: &ast::Ident) -> Option<Span> {
        self.abs_span(id.span)
    }

    /// AST positions are already positions in the whole input (the parser tokenizes once).
    fn abs_span(&self, s: sqlparser::tokenizer::Span) -> Option<Span> {
        if s.start.line == 0 {
            return None;
        }
        Some(Span {
            line: s.start.line as u32,
            column: s.start.column as u32,
        })
    }

    pub(crate) fn error(&mut self, code: &str, msg: impl Into<String>, span: Option<Span>) {
        // Past the depth limit lowering stops descending and leaves placeholders, which would
        // cause follow-on errors (column counts, types) that say nothing about the input.
        if self.too_deep && code != "too-deep" {
            return;
        }
        self.diags
            .push(Diagnostic::error(code, msg, span.or(Some(self.base))));
    }
    pub(crate) fn warn_once(
        &mut self,
        key: &str,
        code: &str,
        msg: impl FnOnce() -> String,
        span: Option<Span>,
    ) {
        // The message is built only for the first occurrence: an unknown table's columns
        // would otherwise format one per reference.
        if self.warned.insert(key.to_string()) {
            self.diags
                .push(Diagnostic::warning(code, msg(), span.or(Some(self.base))));
        }
    }

    // ------------------------------------------------------------------ statements

    fn statement(&mut self, st: &ast::Statement) -> Option<Statement> {
        match st {
            ast::Statement::Query(q) => Some(Statement::Query { rel: self.query(q) }),
            ast::Statement::CreateTable(ct) => {
                let Some(q) = &ct.query else {
                    self.error(
                        "unsupported-statement",
                        "CREATE TABLE without AS SELECT is DDL: trino2spark translates queries (CTAS, INSERT … SELECT, views)",
                        self.span_of(st),
                    );
                    return None;
                };
                let properties = match &ct.table_options {
                    ast::CreateTableOptions::With(opts) => {
                        opts.iter().map(sql_option_pair).collect()
                    }
                    ast::CreateTableOptions::None => vec![],
                    other => {
                        self.error(
                            "unsupported-syntax",
                            format!("table options `{other}`"),
                            self.span_of(st),
                        );
                        vec![]
                    }
                };
                if !ct.columns.is_empty() {
                    self.error(
                        "unsupported-syntax",
                        "CREATE TABLE AS with a column list",
                        self.span_of(st),
                    );
                }
                let rel = self.query(q);
                Some(Statement::CreateTableAs {
                    table: TableName {
                        parts: object_parts(&ct.name),
                    },
                    or_replace: ct.or_replace,
                    if_not_exists: ct.if_not_exists,
                    properties,
                    rel,
                })
            }
            ast::Statement::Insert(ins) => {
                let Some(src) = &ins.source else {
                    self.error(
                        "unsupported-statement",
                        "INSERT without a query",
                        self.span_of(st),
                    );
                    return None;
                };
                let table = match &ins.table {
                    ast::TableObject::TableName(n) => TableName {
                        parts: object_parts(n),
                    },
                    other => {
                        self.error(
                            "unsupported-syntax",
                            format!("INSERT target `{other}`"),
                            self.span_of(st),
                        );
                        return None;
                    }
                };
                let rel = self.query(src);
                Some(Statement::Insert {
                    table,
                    columns: ins
                        .columns
                        .iter()
                        .map(|c| object_parts(c).join("."))
                        .collect(),
                    overwrite: ins.overwrite,
                    rel,
                })
            }
            ast::Statement::CreateView(cv) => {
                let rel = self.query(&cv.query);
                Some(Statement::CreateView {
                    name: TableName {
                        parts: object_parts(&cv.name),
                    },
                    or_replace: cv.or_replace,
                    columns: cv.columns.iter().map(|c| ident(&c.name)).collect(),
                    rel,
                })
            }
            other => {
                let kw = other
                    .to_string()
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ");
                self.error(
                    "unsupported-statement",
                    format!("`{kw} …` is not a query: trino2spark translates SELECT, WITH, VALUES, CTAS, INSERT … SELECT and CREATE VIEW"),
                    self.span_of(other),
                );
                None
            }
        }
    }

    // ------------------------------------------------------------------ queries

    /// Lowers a query in a fresh scope (keeping the current one as the outer scope).
    pub(crate) fn subquery(&mut self, q: &ast::Query) -> Rel {
        let saved_scope = std::mem::take(&mut self.scope);
        let saved_ob = self.order_by_outputs.take();
        self.outer.push(saved_scope);
        let rel = self.query(q);
        self.scope = self.outer.pop().unwrap_or_default();
        self.order_by_outputs = saved_ob;
        rel
    }

    pub(crate) fn query(&mut self, q: &ast::Query) -> Rel {
        if !self.enter_level(0, self.span_of_query(q)) {
            return Rel::Values(Values {
                rows: vec![vec![]],
                fields: vec![],
            });
        }
        let rel = stacker::maybe_grow(expr::STACK_RED_ZONE, expr::STACK_GROW, || {
            self.query_inner(q)
        });
        self.depth -= 1;
        rel
    }

    fn span_of_query(&self, q: &ast::Query) -> Option<Span> {
        match q.body.as_ref() {
            ast::SetExpr::Select(s) => self.abs_span(s.select_token.0.span),
            _ => None,
        }
    }

    /// Enters one more level of nesting (`extra` levels below the current one for a chain: the
    /// n-th join of a FROM list, the n-th field access of a chain). Past [`expr::MAX_DEPTH`] it reports
    /// `too-deep` once and returns false, and the caller stops descending. On true, the caller
    /// leaves the level with `self.depth -= 1`.
    pub(crate) fn enter_level(&mut self, extra: usize, span: Option<Span>) -> bool {
        self.enter_level_with(extra, |_| span)
    }

    /// [`Lowerer::enter_level`], finding the position (for the error only) with `span`.
    fn enter_level_with(&mut self, extra: usize, span: impl FnOnce(&Self) -> Option<Span>) -> bool {
        if self.depth + 1 + extra > expr::MAX_DEPTH {
            self.max_depth = self.max_depth.max(expr::MAX_DEPTH + 1);
            if !self.too_deep {
                self.too_deep = true;
                let span = span(self);
                self.error("too-deep", format!("query nested more than {} levels deep (expressions, subqueries, set operations and joins count as levels)", expr::MAX_DEPTH), span);
            }
            return false;
        }
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth + extra);
        true
    }

    /// Checks that the `n`-th element of a chain that becomes nested in the IR (joins, field
    /// accesses) stays within [`expr::MAX_DEPTH`]; see [`Lowerer::enter_level`].
    pub(crate) fn chain_link_fits(&mut self, n: usize, span: Option<Span>) -> bool {
        self.chain_link_at_fits(n, |_| span)
    }

    /// [`Lowerer::chain_link_fits`], finding the position (for the error only) with `span`:
    /// sqlparser finds a FROM item's by walking all of it.
    fn chain_link_at_fits(&mut self, n: usize, span: impl FnOnce(&Self) -> Option<Span>) -> bool {
        let fits = self.enter_level_with(n, span);
        if fits {
            self.depth -= 1;
        }
        fits
    }

    fn query_inner(&mut self, q: &ast::Query) -> Rel {
        let pushed_ctes = if let Some(with) = &q.with {
            let mut ctes = Vec::new();
            self.ctes.push(NameMap::default());
            for cte in &with.cte_tables {
                let name = ident(&cte.alias.name);
                let columns: Option<Vec<String>> = if cte.alias.columns.is_empty() {
                    None
                } else {
                    Some(cte.alias.columns.iter().map(|c| ident(&c.name)).collect())
                };
                if with.recursive {
                    // The anchor (first branch) gives the recursive CTE its row type.
                    if let ast::SetExpr::SetOperation { left, .. } = &*cte.query.body {
                        let anchor = ast::Query {
                            body: left.clone(),
                            order_by: None,
                            limit_clause: None,
                            fetch: None,
                            with: None,
                            ..(*cte.query).clone()
                        };
                        let mut probe = Lowerer::new(self.catalog, self.base);
                        probe.ctes = self.ctes.clone();
                        let r = probe.subquery(&anchor);
                        let fields = rename_fields(&r.fields(), columns.as_deref(), Some(&name));
                        self.ctes
                            .last_mut()
                            .expect("pushed")
                            .insert(name.clone(), (fields, columns.clone()));
                    }
                }
                let rel = self.subquery(&cte.query);
                let fields = rename_fields(&rel.fields(), columns.as_deref(), Some(&name));
                if let Some(cols) = &columns {
                    if cols.len() != rel.width() {
                        self.error(
                            "column-count-mismatch",
                            format!(
                                "WITH {name} names {} columns but its query returns {}",
                                cols.len(),
                                rel.width()
                            ),
                            self.ident_span(&cte.alias.name),
                        );
                    }
                }
                self.ctes
                    .last_mut()
                    .expect("pushed")
                    .insert(name.clone(), (fields, columns.clone()));
                ctes.push(Cte { name, columns, rel });
            }
            Some((with.recursive, ctes))
        } else {
            None
        };

        let mut rel = self.set_expr(&q.body, q.order_by.as_ref());

        // ORDER BY that was not absorbed into a SELECT block (set operations, VALUES).
        if let Some(ob) = &q.order_by {
            if !matches!(rel, Rel::Sort(_) | Rel::Limit(_)) || !self.order_by_absorbed(&q.body) {
                let outputs: Vec<(String, Type)> = rel
                    .fields()
                    .into_iter()
                    .map(|f| (String::from(&*f.name), f.ty))
                    .collect();
                let saved = std::mem::replace(&mut self.scope, Scope::from_rel(&rel));
                let saved_ob = self.order_by_outputs.replace(outputs);
                let keys = self.order_by_keys(ob);
                self.order_by_outputs = saved_ob;
                self.scope = saved;
                rel = Rel::Sort(Sort {
                    input: Box::new(rel),
                    keys,
                });
            }
        }
        rel = self.limit(rel, q);

        if let Some((recursive, ctes)) = pushed_ctes {
            self.ctes.pop();
            rel = Rel::With(With {
                recursive,
                ctes,
                body: Box::new(rel),
            });
        }
        rel
    }

    fn order_by_absorbed(&self, body: &ast::SetExpr) -> bool {
        matches!(body, ast::SetExpr::Select(_))
    }

    fn limit(&mut self, rel: Rel, q: &ast::Query) -> Rel {
        let mut offset = None;
        let mut fetch = None;
        let mut with_ties = false;
        if let Some(lc_) = &q.limit_clause {
            match lc_ {
                ast::LimitClause::LimitOffset {
                    limit,
                    offset: off,
                    limit_by,
                } => {
                    if let Some(l) = limit {
                        fetch = Some(self.const_expr(l));
                    }
                    if let Some(o) = off {
                        offset = Some(self.const_expr(&o.value));
                    }
                    if !limit_by.is_empty() {
                        self.error(
                            "unsupported-syntax",
                            "LIMIT … BY is not Trino syntax",
                            self.span_of(&limit_by[0]),
                        );
                    }
                }
                ast::LimitClause::OffsetCommaLimit { offset: o, limit } => {
                    offset = Some(self.const_expr(o));
                    fetch = Some(self.const_expr(limit));
                }
            }
        }
        if let Some(f) = &q.fetch {
            if f.percent {
                self.error(
                    "unsupported-syntax",
                    "FETCH … PERCENT is not Trino syntax",
                    None,
                );
            }
            fetch = Some(match &f.quantity {
                Some(e) => self.const_expr(e),
                None => Expr::int(1),
            });
            with_ties = f.with_ties;
        }
        if offset.is_none() && fetch.is_none() {
            return rel;
        }
        Rel::Limit(Box::new(Limit {
            input: Box::new(rel),
            offset,
            fetch,
            with_ties,
        }))
    }

    fn const_expr(&mut self, e: &ast::Expr) -> Expr {
        let saved = std::mem::take(&mut self.scope);
        let r = self.expr(e);
        self.scope = saved;
        r
    }

    fn set_expr(&mut self, body: &ast::SetExpr, order_by: Option<&ast::OrderBy>) -> Rel {
        match body {
            ast::SetExpr::Select(s) => self.select(s, order_by),
            ast::SetExpr::Query(q) => self.query(q),
            ast::SetExpr::SetOperation {
                left,
                op,
                set_quantifier,
                right,
            } => {
                if !self.enter_level(0, None) {
                    return Rel::Values(Values {
                        rows: vec![vec![]],
                        fields: vec![],
                    });
                }
                // Set operations chain left-deep: recursion here, so the stack grows on demand.
                let (l, r) = stacker::maybe_grow(expr::STACK_RED_ZONE, expr::STACK_GROW, || {
                    (self.set_expr(left, None), self.set_expr(right, None))
                });
                self.depth -= 1;
                let kind = match op {
                    ast::SetOperator::Union => SetOpKind::Union,
                    ast::SetOperator::Intersect => SetOpKind::Intersect,
                    ast::SetOperator::Except | ast::SetOperator::Minus => SetOpKind::Except,
                };
                let all = match set_quantifier {
                    ast::SetQuantifier::All => true,
                    ast::SetQuantifier::Distinct | ast::SetQuantifier::None => false,
                    other => {
                        self.error(
                            "unsupported-syntax",
                            format!("set quantifier {other}"),
                            None,
                        );
                        false
                    }
                };
                let lf = l.fields();
                let rf = r.fields();
                if lf.len() != rf.len() {
                    self.error(
                        "column-count-mismatch",
                        format!(
                            "{kind:?} branches have {} and {} columns",
                            lf.len(),
                            rf.len()
                        ),
                        None,
                    );
                }
                let fields = lf
                    .iter()
                    .zip(rf.iter().map(Some).chain(std::iter::repeat(None)))
                    .map(|(a, b)| Field {
                        qualifier: None,
                        name: a.name.clone(),
                        ty: b
                            .and_then(|b| Type::common_super_type(&a.ty, &b.ty))
                            .unwrap_or_else(|| a.ty.clone()),
                    })
                    .collect();
                Rel::SetOp(SetOp {
                    kind,
                    all,
                    left: Box::new(l),
                    right: Box::new(r),
                    fields,
                })
            }
            ast::SetExpr::Values(v) => self.values(v, None),
            ast::SetExpr::Table(t) => {
                let name = t.table_name.clone().unwrap_or_default();
                let parts: Vec<String> = [t.schema_name.clone(), Some(name)]
                    .into_iter()
                    .flatten()
                    .map(|s| lc(&s))
                    .collect();
                self.scan(parts, None, None)
            }
            other => {
                self.error(
                    "unsupported-syntax",
                    format!("`{}` as a query body", first_words(&other.to_string())),
                    None,
                );
                Rel::Values(Values {
                    rows: vec![vec![]],
                    fields: vec![],
                })
            }
        }
    }

    fn values(&mut self, v: &ast::Values, alias: Option<&ast::TableAlias>) -> Rel {
        let saved = std::mem::take(&mut self.scope);
        let mut rows: Vec<Vec<Expr>> = Vec::new();
        for row in &v.rows {
            // `VALUES 1, 2` gives single-column rows; `VALUES (1, 'a')` a row of two.
            let exprs: Vec<Expr> = row.iter().map(|e| self.expr(e)).collect();
            rows.push(exprs);
        }
        self.scope = saved;
        // A single parenthesised expression that is a ROW(…) tuple spreads into columns.
        let rows: Vec<Vec<Expr>> = rows
            .into_iter()
            .map(|r| {
                if r.len() == 1 {
                    if let ExprKind::Row(items) = &r[0].kind {
                        return items.clone();
                    }
                }
                r
            })
            .collect();
        let width = rows.first().map(|r| r.len()).unwrap_or(0);
        let mut types = vec![Type::Unknown; width];
        for r in &rows {
            if r.len() != width {
                self.error(
                    "column-count-mismatch",
                    "VALUES rows have different numbers of columns",
                    None,
                );
                continue;
            }
            for (i, e) in r.iter().enumerate() {
                types[i] =
                    Type::common_super_type(&types[i], &e.ty).unwrap_or_else(|| types[i].clone());
            }
        }
        let names: Vec<String> = match alias {
            Some(a) if !a.columns.is_empty() => a.columns.iter().map(|c| ident(&c.name)).collect(),
            _ => (0..width).map(|i| format!("_col{i}")).collect(),
        };
        let qualifier: Option<Arc<str>> = alias.map(|a| ident(&a.name).into());
        let fields = names
            .iter()
            .zip(types)
            .map(|(n, ty)| Field {
                qualifier: qualifier.clone(),
                name: n.as_str().into(),
                ty,
            })
            .collect();
        Rel::Values(Values { rows, fields })
    }

    // ------------------------------------------------------------------ SELECT block

    fn select(&mut self, s: &ast::Select, order_by: Option<&ast::OrderBy>) -> Rel {
        // FROM
        let no_from = || {
            (
                Rel::Values(Values {
                    rows: vec![vec![]],
                    fields: vec![],
                }),
                Scope::default(),
            )
        };
        let (mut rel, scope) = if s.from.is_empty() {
            no_from()
        } else if let [twj] = &s.from[..] {
            // One FROM item (the common case): its scope is the query's, with no list of the
            // items' scopes (what the loop below does for one item).
            if self.chain_link_at_fits(0, |me| me.span_of(&twj.relation)) {
                self.table_with_joins(twj, None)
            } else {
                no_from()
            }
        } else {
            let mut acc: Option<Rel> = None;
            // The scopes of the items so far, joined into one only when a lateral item needs
            // them and at the end (not copied again for every item).
            let mut pieces: Vec<Scope<'a>> = Vec::with_capacity(s.from.len());
            for (n, twj) in s.from.iter().enumerate() {
                if !self.chain_link_at_fits(n, |me| me.span_of(&twj.relation)) {
                    break;
                }
                let needs_left = uses_left_scope(&twj.relation)
                    || twj.joins.iter().any(|j| uses_left_scope(&j.relation));
                if needs_left && pieces.len() > 1 {
                    let all = Scope::concat(std::mem::take(&mut pieces));
                    pieces.push(all);
                }
                let left = if needs_left { pieces.first() } else { None };
                let (r, sc) = self.table_with_joins(twj, left);
                acc = Some(match acc {
                    None => r,
                    Some(l) => {
                        let lateral = matches!(r, Rel::Unnest(_)) || is_lateral(&twj.relation);
                        Rel::Join(Box::new(Join {
                            kind: JoinKind::Cross,
                            left: Box::new(l),
                            right: Box::new(r),
                            condition: None,
                            using: vec![],
                            lateral,
                            implicit: true,
                        }))
                    }
                });
                pieces.push(sc);
            }
            let rel = acc.unwrap_or_else(|| {
                Rel::Values(Values {
                    rows: vec![vec![]],
                    fields: vec![],
                })
            });
            (rel, Scope::concat(pieces))
        };
        self.scope = scope;

        if !s.lateral_views.is_empty() {
            self.error(
                "unsupported-syntax",
                "LATERAL VIEW is Hive syntax, not Trino",
                self.span_of(&s.lateral_views[0].lateral_view),
            );
        }
        if s.qualify.is_some()
            || !s.cluster_by.is_empty()
            || !s.distribute_by.is_empty()
            || !s.sort_by.is_empty()
        {
            self.error(
                "unsupported-syntax",
                "QUALIFY / CLUSTER BY / DISTRIBUTE BY / SORT BY are not Trino syntax",
                None,
            );
        }
        if s.top.is_some() || s.into.is_some() || s.prewhere.is_some() || !s.connect_by.is_empty() {
            self.error(
                "unsupported-syntax",
                "TOP / INTO / PREWHERE / CONNECT BY are not Trino syntax",
                None,
            );
        }

        // WHERE
        if let Some(w) = &s.selection {
            let before = self.aggregates_built;
            let pred = self.expr(w);
            if self.aggregates_built != before && pred.contains_aggregate() {
                self.error(
                    "aggregate-in-where",
                    "aggregate functions are not allowed in WHERE",
                    pred.span,
                );
            }
            rel = Rel::Filter(Filter {
                input: Box::new(rel),
                predicate: pred,
            });
        }

        // Named windows.
        let mut windows: NameMap<ast::WindowSpec> = NameMap::default();
        for ast::NamedWindowDefinition(name, wexpr) in &s.named_window {
            let spec = match wexpr {
                ast::NamedWindowExpr::WindowSpec(spec) => spec.clone(),
                ast::NamedWindowExpr::NamedWindow(other) => match windows.get(&ident(other)) {
                    Some(sp) => sp.clone(),
                    None => {
                        self.error(
                            "unknown-window",
                            format!("window `{}` is not defined", other.value),
                            self.ident_span(other),
                        );
                        continue;
                    }
                },
            };
            windows.insert(ident(name), spec);
        }
        let saved_windows = std::mem::replace(&mut self.windows, windows);

        // SELECT list (stars expanded).
        let aggregates_before_items = self.aggregates_built;
        let mut items: Vec<ProjectItem> = Vec::with_capacity(s.projection.len());
        for item in &s.projection {
            match item {
                ast::SelectItem::UnnamedExpr(e) => {
                    let ex = self.expr(e);
                    let name =
                        implicit_name(e, &ex).unwrap_or_else(|| format!("_col{}", items.len()));
                    items.push(ProjectItem {
                        expr: ex,
                        name,
                        explicit_alias: false,
                    });
                }
                ast::SelectItem::ExprWithAlias { expr, alias } => {
                    let ex = self.expr(expr);
                    items.push(ProjectItem {
                        expr: ex,
                        name: ident(alias),
                        explicit_alias: true,
                    });
                }
                ast::SelectItem::Wildcard(opts) => {
                    self.check_wildcard_opts(opts);
                    self.expand_star(None, &mut items);
                }
                ast::SelectItem::QualifiedWildcard(kind, opts) => {
                    self.check_wildcard_opts(opts);
                    match kind {
                        ast::SelectItemQualifiedWildcardKind::ObjectName(n) => {
                            let parts = object_parts(n);
                            self.expand_star(parts.last().cloned(), &mut items);
                        }
                        ast::SelectItemQualifiedWildcardKind::Expr(e) => {
                            // `row_expr.*` expands the row's fields.
                            let ex = self.expr(e);
                            if let Type::Row { fields } = &ex.ty {
                                for (k, f) in fields.iter().enumerate() {
                                    let name = f
                                        .name
                                        .clone()
                                        .unwrap_or_else(|| format!("_col{}", items.len()));
                                    let fa = Expr::new(
                                        ExprKind::FieldAccess {
                                            expr: Box::new(ex.clone()),
                                            field: f
                                                .name
                                                .clone()
                                                .unwrap_or_else(|| format!("{}", k + 1)),
                                        },
                                        f.ty.clone(),
                                    );
                                    items.push(ProjectItem {
                                        expr: fa,
                                        name,
                                        explicit_alias: true,
                                    });
                                }
                            } else {
                                self.error(
                                    "unsupported-syntax",
                                    "`expr.*` needs a ROW-typed expression",
                                    ex.span,
                                );
                            }
                        }
                    }
                }
                ast::SelectItem::ExprWithAliases { .. } => {
                    self.error(
                        "unsupported-syntax",
                        "multiple aliases for one select item",
                        None,
                    );
                }
            }
        }

        // GROUP BY
        let mut group_by: Option<GroupBy> = None;
        match &s.group_by {
            ast::GroupByExpr::All(_) => {
                self.error("unsupported-syntax", "GROUP BY ALL", None);
            }
            ast::GroupByExpr::Expressions(exprs, mods) => {
                if !mods.is_empty() {
                    self.error(
                        "unsupported-syntax",
                        "GROUP BY … WITH ROLLUP/CUBE modifiers are MySQL syntax",
                        None,
                    );
                }
                if !exprs.is_empty() {
                    let mut elements = Vec::with_capacity(exprs.len());
                    for e in exprs {
                        elements.push(self.grouping_element(e, &items));
                    }
                    let select_pos = self.abs_span(s.select_token.0.span);
                    let distinct = select_pos.is_some_and(|p| self.group_by_distinct.contains(&p));
                    group_by = Some(GroupBy { distinct, elements });
                }
            }
        }

        // HAVING
        let having = s.having.as_ref().map(|h| self.expr(h));

        // ORDER BY keys are lowered before aggregation is decided (they may hold aggregates).
        let sort_keys = order_by.map(|ob| {
            // The output names move to the keys' lowering and back (no copy of each): every
            // level that takes `order_by_outputs` puts it back.
            let outputs: Vec<(String, Type)> = items
                .iter_mut()
                .map(|i| (std::mem::take(&mut i.name), clone_type(&i.expr.ty)))
                .collect();
            let saved_ob = self.order_by_outputs.replace(outputs);
            let k = self.order_by_keys(ob);
            let outputs = std::mem::replace(&mut self.order_by_outputs, saved_ob);
            debug_assert!(outputs.as_ref().is_some_and(|o| o.len() == items.len()));
            if let Some(outputs) = outputs {
                for (i, (name, _)) in items.iter_mut().zip(outputs) {
                    i.name = name;
                }
            }
            k
        });

        // The items and sort keys are built from here on: no aggregate built, none in them.
        let aggregated = group_by.is_some()
            || having.is_some()
            || self.aggregates_built != aggregates_before_items
                && (items.iter().any(|i| i.expr.contains_aggregate())
                    || sort_keys
                        .as_ref()
                        .is_some_and(|ks| ks.iter().any(|k| k.expr.contains_aggregate())));
        if aggregated {
            rel = Rel::Aggregate(Aggregate {
                input: Box::new(rel),
                group_by: group_by.unwrap_or(GroupBy {
                    distinct: false,
                    elements: vec![],
                }),
            });
        }
        if let Some(h) = having {
            rel = Rel::Filter(Filter {
                input: Box::new(rel),
                predicate: h,
            });
        }
        let distinct = match &s.distinct {
            None | Some(ast::Distinct::All) => false,
            Some(ast::Distinct::Distinct) => true,
            Some(ast::Distinct::On(_)) => {
                self.error(
                    "unsupported-syntax",
                    "DISTINCT ON is PostgreSQL syntax",
                    None,
                );
                true
            }
        };
        rel = Rel::Project(Project {
            input: Box::new(rel),
            items,
            distinct,
        });
        if let Some(keys) = sort_keys {
            if !keys.is_empty() {
                rel = Rel::Sort(Sort {
                    input: Box::new(rel),
                    keys,
                });
            }
        }
        self.windows = saved_windows;
        rel
    }

    fn check_wildcard_opts(&mut self, o: &ast::WildcardAdditionalOptions) {
        if o.opt_exclude.is_some()
            || o.opt_except.is_some()
            || o.opt_replace.is_some()
            || o.opt_rename.is_some()
            || o.opt_ilike.is_some()
        {
            self.error(
                "unsupported-syntax",
                "wildcard modifiers (EXCLUDE/EXCEPT/REPLACE/RENAME) are not Trino syntax",
                None,
            );
        }
    }

    fn expand_star(&mut self, qualifier: Option<String>, items: &mut Vec<ProjectItem>) {
        let mut matched = false;
        for f in self.scope.iter().filter(|f| match &qualifier {
            None => !f.hidden,
            Some(q) => f.qualifier.map(|x| &**x) == Some(q.as_str()),
        }) {
            matched = true;
            let e = Expr::new(
                ExprKind::Column(ColumnRef {
                    qualifier: f.qualifier.cloned(),
                    name: Arc::clone(f.name),
                    depth: 0,
                    written_qualified: f.qualifier.is_some(),
                }),
                clone_type(f.ty),
            );
            items.push(ProjectItem {
                expr: e,
                // Not `to_string()`, which formats an `Arc<str>` through `Display`.
                name: String::from(&**f.name),
                explicit_alias: false,
            });
        }
        let open_hit = match &qualifier {
            None => !self.scope.open.is_empty(),
            Some(q) => self.scope.open.contains(q),
        };
        if open_hit {
            self.warn_once(
                &format!("star:{qualifier:?}"),
                "unknown-columns",
                || format!(
                    "`{}*` reads a table the catalog does not know: its columns are passed through as `*` and their order and types are assumed to match",
                    qualifier.as_ref().map(|q| format!("{q}.")).unwrap_or_default()
                ),
                None,
            );
            items.push(ProjectItem {
                expr: Expr::new(
                    ExprKind::Wildcard {
                        qualifier: qualifier.clone(),
                    },
                    Type::Unknown,
                ),
                name: "*".into(),
                explicit_alias: false,
            });
        } else if !matched {
            self.error(
                "unresolved-relation",
                format!(
                    "`{}*` matches no relation",
                    qualifier.map(|q| q + ".").unwrap_or_default()
                ),
                None,
            );
        }
    }

    fn grouping_element(&mut self, e: &ast::Expr, items: &[ProjectItem]) -> GroupingElement {
        let sets = |me: &mut Self, sets: &Vec<Vec<ast::Expr>>| -> Vec<Vec<Expr>> {
            sets.iter()
                .map(|s| s.iter().map(|x| me.group_key(x, items)).collect())
                .collect()
        };
        match e {
            ast::Expr::Rollup(s) => GroupingElement::Rollup(sets(self, s)),
            ast::Expr::Cube(s) => GroupingElement::Cube(sets(self, s)),
            ast::Expr::GroupingSets(s) => GroupingElement::GroupingSets(sets(self, s)),
            other => GroupingElement::Expr(self.group_key(other, items)),
        }
    }

    fn group_key(&mut self, e: &ast::Expr, items: &[ProjectItem]) -> Expr {
        if let ast::Expr::Value(v) = e {
            if let ast::Value::Number(n, _) = &v.value {
                if let Ok(k) = n.parse::<usize>() {
                    if k >= 1 && k <= items.len() {
                        return items[k - 1].expr.clone();
                    }
                    self.error(
                        "ordinal-out-of-range",
                        format!("GROUP BY position {k} is not in the select list"),
                        self.span_of(e),
                    );
                }
            }
        }
        self.expr(e)
    }

    fn order_by_keys(&mut self, ob: &ast::OrderBy) -> Vec<SortKey> {
        match &ob.kind {
            ast::OrderByKind::All(_) => {
                self.error(
                    "unsupported-syntax",
                    "ORDER BY ALL is not Trino syntax",
                    None,
                );
                vec![]
            }
            ast::OrderByKind::Expressions(list) => {
                list.iter().map(|o| self.sort_key(o, true)).collect()
            }
        }
    }

    pub(crate) fn sort_key(&mut self, o: &ast::OrderByExpr, outputs_visible: bool) -> SortKey {
        let asc = match &o.options.sort {
            None | Some(ast::OrderBySort::Asc) => true,
            Some(ast::OrderBySort::Desc) => false,
            Some(ast::OrderBySort::Using(_)) => {
                self.error(
                    "unsupported-syntax",
                    "ORDER BY … USING is PostgreSQL syntax",
                    None,
                );
                true
            }
        };
        let expr = if outputs_visible {
            self.order_by_expr(&o.expr)
        } else {
            self.expr(&o.expr)
        };
        if o.with_fill.is_some() {
            self.error("unsupported-syntax", "WITH FILL is ClickHouse syntax", None);
        }
        SortKey {
            expr,
            asc,
            nulls_first: o.options.nulls_first,
        }
    }

    /// ORDER BY: ordinals and output names refer to the SELECT list; anything else to the input.
    fn order_by_expr(&mut self, e: &ast::Expr) -> Expr {
        // The outputs are read in place (each key used to copy all of them).
        if self.order_by_outputs.is_none() {
            return self.expr(e);
        }
        match e {
            ast::Expr::Value(v) => {
                if let ast::Value::Number(n, _) = &v.value {
                    if let Ok(k) = n.parse::<usize>() {
                        let output = k
                            .checked_sub(1)
                            .and_then(|i| self.order_by_outputs.as_ref()?.get(i))
                            .map(|(name, ty)| (name.clone(), clone_type(ty)));
                        if let Some((name, ty)) = output {
                            return Expr::new(ExprKind::OutputRef { index: k - 1, name }, ty)
                                .with_span(self.span_of(e));
                        }
                        self.error(
                            "ordinal-out-of-range",
                            format!("ORDER BY position {k} is not in the select list"),
                            self.span_of(e),
                        );
                    }
                }
            }
            ast::Expr::Identifier(id) => {
                let name = ident(id);
                let hit = self.order_by_outputs.as_ref().and_then(|o| {
                    o.iter()
                        .position(|(n, _)| *n == name)
                        .map(|k| (k, clone_type(&o[k].1)))
                });
                if let Some((k, ty)) = hit {
                    return Expr::new(ExprKind::OutputRef { index: k, name }, ty)
                        .with_span(self.span_of(e));
                }
            }
            _ => {}
        }
        self.expr(e)
    }

    // ------------------------------------------------------------------ FROM

    fn table_with_joins(
        &mut self,
        twj: &ast::TableWithJoins,
        left_scope: Option<&Scope<'a>>,
    ) -> (Rel, Scope<'a>) {
        let (mut rel, mut scope) = self.table_factor(&twj.relation, left_scope);
        for (n, j) in twj.joins.iter().enumerate() {
            if !self.chain_link_at_fits(n + 1, |me| me.span_of(&j.relation)) {
                break;
            }
            // Only a lateral item (UNNEST, LATERAL, a nested join holding one) sees the columns
            // to its left; building that scope for every join would be quadratic in the joins.
            let (r, rscope) = if uses_left_scope(&j.relation) {
                let mut lateral_scope = left_scope.cloned().unwrap_or_default();
                lateral_scope.extend(scope.clone());
                self.table_factor(&j.relation, Some(&lateral_scope))
            } else {
                self.table_factor(&j.relation, None)
            };
            let right_is_unnest = matches!(r, Rel::Unnest(_));
            let lateral = right_is_unnest || is_lateral(&j.relation);
            use ast::JoinOperator as O;
            let (kind, constraint) = match &j.join_operator {
                O::Join(c) | O::Inner(c) => (JoinKind::Inner, Some(c)),
                O::Left(c) | O::LeftOuter(c) => (JoinKind::Left, Some(c)),
                O::Right(c) | O::RightOuter(c) => (JoinKind::Right, Some(c)),
                O::FullOuter(c) => (JoinKind::Full, Some(c)),
                O::CrossJoin(c) => (JoinKind::Cross, Some(c)),
                other => {
                    self.error(
                        "unsupported-syntax",
                        format!(
                            "join operator `{}` is not Trino syntax",
                            first_words(&format!("{other:?}"))
                        ),
                        self.span_of(&j.relation),
                    );
                    (JoinKind::Inner, None)
                }
            };
            // The left side's scope moves into the join's (no copy per join).
            let (left_len, left_open) = (scope.len, scope.open.len());
            let mut join_scope = std::mem::take(&mut scope);
            join_scope.extend(rscope);
            let mut condition = None;
            let mut using = vec![];
            match constraint {
                Some(ast::JoinConstraint::On(e)) => {
                    let saved = std::mem::replace(&mut self.scope, join_scope);
                    let c = self.expr(e);
                    join_scope = std::mem::replace(&mut self.scope, saved);
                    condition = Some(c);
                }
                Some(ast::JoinConstraint::Using(cols)) => {
                    using = cols.iter().map(|c| object_parts(c).join(".")).collect();
                    // The USING keys appear once, unqualified and first (as in Trino and Spark);
                    // the sides' own copies stay reachable only by qualifier.
                    let mut merged = Scope::default();
                    for k in &using {
                        let lt = join_scope
                            .iter()
                            .take(left_len)
                            .find(|f| **f.name == **k && !f.hidden)
                            .map(|f| Type::clone(f.ty));
                        let rt = join_scope
                            .iter()
                            .skip(left_len)
                            .find(|f| **f.name == **k)
                            .map(|f| Type::clone(f.ty));
                        let ty = match (&lt, &rt) {
                            (Some(a), Some(b)) => {
                                Type::common_super_type(a, b).unwrap_or_else(|| a.clone())
                            }
                            (Some(a), None) | (None, Some(a)) => a.clone(),
                            (None, None) => Type::Unknown,
                        };
                        if lt.is_none() && left_open == 0
                            || rt.is_none() && join_scope.open.len() == left_open
                        {
                            self.error(
                                "unresolved-column",
                                format!("USING column `{k}` is not in both sides of the join"),
                                self.span_of(&j.relation),
                            );
                        }
                        merged.push(ScopeField::new(
                            None,
                            Cow::Owned(k.as_str().into()),
                            Cow::Owned(ty),
                        ));
                    }
                    join_scope.hide_qualified(&using);
                    join_scope.prepend(merged);
                }
                Some(ast::JoinConstraint::Natural) => {
                    self.error(
                        "unsupported-syntax",
                        "NATURAL JOIN is not supported by Trino",
                        self.span_of(&j.relation),
                    );
                }
                Some(ast::JoinConstraint::None) | None => {}
            }
            let kind = if kind == JoinKind::Inner && condition.is_none() && using.is_empty() {
                JoinKind::Cross
            } else {
                kind
            };
            rel = Rel::Join(Box::new(Join {
                kind,
                left: Box::new(rel),
                right: Box::new(r),
                condition,
                using,
                lateral,
                implicit: false,
            }));
            scope = join_scope;
        }
        (rel, scope)
    }

    fn table_factor(
        &mut self,
        tf: &ast::TableFactor,
        left_scope: Option<&Scope<'a>>,
    ) -> (Rel, Scope<'a>) {
        match tf {
            ast::TableFactor::Table {
                name,
                alias,
                args: Some(targs),
                with_ordinality,
                ..
            } if object_parts(name) == ["unnest"] => {
                let exprs: Vec<ast::Expr> = targs
                    .args
                    .iter()
                    .filter_map(|a| match a {
                        ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Expr(e)) => Some(e.clone()),
                        _ => None,
                    })
                    .collect();
                self.unnest(&exprs, alias.as_ref(), *with_ordinality, left_scope)
            }
            ast::TableFactor::Table {
                name,
                alias,
                args,
                sample,
                version,
                with_ordinality,
                ..
            } => {
                if args.is_some() || *with_ordinality {
                    self.error(
                        "unsupported-syntax",
                        format!("table function `{name}(…)`"),
                        self.span_of(name),
                    );
                }
                let parts = object_parts(name);
                let (mut rel, table) = self.scan_table(parts, alias.as_ref(), self.span_of(name));
                if let Some(v) = version {
                    let (kind, e) = match v {
                        ast::TableVersion::TimestampAsOf(e) => ("TIMESTAMP", Some(e)),
                        ast::TableVersion::VersionAsOf(e) => ("VERSION", Some(e)),
                        _ => ("", None),
                    };
                    match e {
                        Some(e) => {
                            let expr = self.const_expr(e);
                            let mut target = &mut rel;
                            if let Rel::Alias(a) = target {
                                target = &mut *a.input;
                            }
                            if let Rel::Scan(sc) = target {
                                sc.time_travel = Some(TimeTravel {
                                    kind: kind.into(),
                                    expr,
                                });
                            }
                        }
                        None => self.error(
                            "unsupported-syntax",
                            format!("table version `{v}` is not Trino syntax"),
                            self.span_of(name),
                        ),
                    }
                }
                if let Some(s) = sample {
                    rel = self.sample(rel, s);
                }
                let scope = self.scope_of_scanned(&rel, table);
                (rel, scope)
            }
            ast::TableFactor::Derived {
                lateral,
                subquery,
                alias,
                sample,
            } => {
                let sub = if *lateral {
                    let saved =
                        std::mem::replace(&mut self.scope, left_scope.cloned().unwrap_or_default());
                    let r = self.subquery(subquery);
                    self.scope = saved;
                    r
                } else {
                    self.subquery(subquery)
                };
                let mut rel = self.alias(sub, alias.as_ref());
                if let Some(s) = sample {
                    rel = self.sample(rel, s);
                }
                let scope = self.scope_of(&rel);
                (rel, scope)
            }
            ast::TableFactor::UNNEST {
                alias,
                array_exprs,
                with_offset,
                with_ordinality,
                ..
            } => {
                if *with_offset {
                    self.error(
                        "unsupported-syntax",
                        "UNNEST … WITH OFFSET is BigQuery syntax (Trino: WITH ORDINALITY)",
                        None,
                    );
                }
                self.unnest(array_exprs, alias.as_ref(), *with_ordinality, left_scope)
            }
            ast::TableFactor::NestedJoin {
                table_with_joins,
                alias,
            } => {
                let (rel, _) = self.table_with_joins(table_with_joins, left_scope);
                if alias.is_some() {
                    let r = self.alias(rel, alias.as_ref());
                    let sc = self.scope_of(&r);
                    return (r, sc);
                }
                let scope = self.scope_of_join(&rel);
                (rel, scope)
            }
            other => {
                let (code, what) = match other {
                    ast::TableFactor::MatchRecognize { .. } => (
                        "non-mappable",
                        "MATCH_RECOGNIZE has no Spark counterpart".to_string(),
                    ),
                    _ => (
                        "unsupported-syntax",
                        format!(
                            "table factor `{}` is not translated",
                            first_words(&other.to_string())
                        ),
                    ),
                };
                self.error(code, what, self.span_of(other));
                // Keep resolving the rest of the query: the relation's columns are unknown.
                let alias = match other {
                    ast::TableFactor::MatchRecognize { alias: Some(a), .. } => ident(&a.name),
                    _ => "_unsupported".to_string(),
                };
                let scope = Scope {
                    open: vec![alias.clone()],
                    ..Scope::default()
                };
                let rel = Rel::Scan(Box::new(Scan {
                    qualifier: alias.as_str().into(),
                    table: TableName { parts: vec![alias] },
                    alias: None,
                    fields: Arc::from([]),
                    known: false,
                    time_travel: None,
                }));
                (rel, scope)
            }
        }
    }

    fn unnest(
        &mut self,
        array_exprs: &[ast::Expr],
        alias: Option<&ast::TableAlias>,
        with_ordinality: bool,
        left_scope: Option<&Scope<'a>>,
    ) -> (Rel, Scope<'a>) {
        let saved = std::mem::replace(&mut self.scope, left_scope.cloned().unwrap_or_default());
        let exprs: Vec<Expr> = array_exprs.iter().map(|e| self.expr(e)).collect();
        self.scope = saved;
        let mut types: Vec<Type> = Vec::new();
        for e in &exprs {
            match &e.ty {
                Type::Array { element } => match &**element {
                    Type::Row { fields } => types.extend(fields.iter().map(|f| f.ty.clone())),
                    t => types.push(t.clone()),
                },
                Type::Map { key, value } => {
                    types.push((**key).clone());
                    types.push((**value).clone());
                }
                Type::Unknown => {
                    self.warn_once(&format!("unnest:{e}"), "unknown-type", || format!("the type of `{e}` is unknown: UNNEST assumes it is an array of scalars"), e.span);
                    types.push(Type::Unknown);
                }
                other => {
                    self.error(
                        "type-mismatch",
                        format!("UNNEST needs an array or map, got {other}"),
                        e.span,
                    );
                    types.push(Type::Unknown);
                }
            }
        }
        if with_ordinality {
            types.push(Type::BigInt);
        }
        let qualifier = alias.as_ref().map(|a| ident(&a.name));
        let names: Vec<String> = match alias {
            Some(a) if !a.columns.is_empty() => a.columns.iter().map(|c| ident(&c.name)).collect(),
            _ => (0..types.len()).map(|i| format!("_col{i}")).collect(),
        };
        if names.len() != types.len() {
            self.error(
                "column-count-mismatch",
                format!(
                    "UNNEST produces {} columns but its alias names {}",
                    types.len(),
                    names.len()
                ),
                alias.as_ref().and_then(|a| self.ident_span(&a.name)),
            );
        }
        let fields: Vec<Field> = names
            .into_iter()
            .zip(types.into_iter().chain(std::iter::repeat(Type::Unknown)))
            .map(|(name, ty)| Field {
                qualifier: qualifier.as_deref().map(Arc::from),
                name: name.into(),
                ty,
            })
            .collect();
        let rel = Rel::Unnest(Unnest {
            exprs,
            ordinality: with_ordinality,
            alias: qualifier,
            fields,
        });
        let scope = self.scope_of(&rel);
        (rel, scope)
    }

    fn sample(&mut self, rel: Rel, s: &ast::TableSampleKind) -> Rel {
        let (ast::TableSampleKind::BeforeTableAlias(s) | ast::TableSampleKind::AfterTableAlias(s)) =
            s;
        let method = s
            .name
            .as_ref()
            .map(|n| n.to_string().to_uppercase())
            .unwrap_or_else(|| "BERNOULLI".into());
        let percentage = match &s.quantity {
            Some(q) => self.const_expr(&q.value),
            None => {
                self.error(
                    "unsupported-syntax",
                    "TABLESAMPLE without a percentage",
                    None,
                );
                Expr::int(100)
            }
        };
        Rel::Sample(Box::new(Sample {
            input: Box::new(rel),
            method,
            percentage,
        }))
    }

    /// The scope a single FROM item contributes.
    fn scope_of(&self, rel: &Rel) -> Scope<'a> {
        match rel {
            Rel::Sample(s) => self.scope_of(&s.input),
            Rel::Scan(s) if s.known => self
                .catalog_scope(s)
                .unwrap_or_else(|| Scope::from_rel(rel)),
            Rel::Scan(s) => {
                let mut sc = Scope::from_rel(rel);
                sc.open.push(
                    s.alias
                        .clone()
                        .unwrap_or_else(|| s.table.table().to_string()),
                );
                sc
            }
            _ => Scope::from_rel(rel),
        }
    }

    /// [`Lowerer::scope_of`] for a relation just built by [`Lowerer::scan_table`], which found
    /// `table` in the catalog (no second lookup).
    fn scope_of_scanned(&self, rel: &Rel, table: Option<&'a TableSchema>) -> Scope<'a> {
        match (rel, table) {
            (Rel::Sample(s), _) => self.scope_of_scanned(&s.input, table),
            (Rel::Scan(s), Some(t)) if s.known => {
                Self::table_scope(s, t).unwrap_or_else(|| Scope::from_rel(rel))
            }
            _ => self.scope_of(rel),
        }
    }

    /// The scope of a scan of a catalog table, borrowing the catalog's names and types.
    fn catalog_scope(&self, s: &Scan) -> Option<Scope<'a>> {
        let catalog: &'a Catalog = self.catalog;
        Self::table_scope(s, catalog.lookup(&s.table.parts)?)
    }

    /// The scope of scan `s` of catalog table `table`.
    fn table_scope(s: &Scan, table: &'a TableSchema) -> Option<Scope<'a>> {
        if table.columns.len() != s.fields.len() {
            return None;
        }
        Some(Scope::table(s.qualifier.clone(), table))
    }

    fn scope_of_join(&self, rel: &Rel) -> Scope<'a> {
        match rel {
            Rel::Join(j) => {
                let mut s = self.scope_of_join(&j.left);
                s.extend(self.scope_of_join(&j.right));
                s
            }
            other => self.scope_of(other),
        }
    }

    fn alias(&mut self, rel: Rel, alias: Option<&ast::TableAlias>) -> Rel {
        let Some(a) = alias else {
            // Trino allows an unaliased derived table; its columns are unqualified.
            let fields = rel
                .fields()
                .into_iter()
                .map(|f| Field {
                    qualifier: None,
                    ..f
                })
                .collect();
            return Rel::Alias(Alias {
                input: Box::new(rel),
                alias: String::new(),
                columns: None,
                fields,
            });
        };
        let name = ident(&a.name);
        let columns: Option<Vec<String>> = if a.columns.is_empty() {
            None
        } else {
            Some(a.columns.iter().map(|c| ident(&c.name)).collect())
        };
        let inner = rel.fields();
        if let Some(c) = &columns {
            if c.len() != inner.len() {
                self.error(
                    "column-count-mismatch",
                    format!(
                        "alias {name} names {} columns but the relation has {}",
                        c.len(),
                        inner.len()
                    ),
                    self.ident_span(&a.name),
                );
            }
        }
        let fields = rename_fields(&inner, columns.as_deref(), Some(&name));
        Rel::Alias(Alias {
            input: Box::new(rel),
            alias: name,
            columns,
            fields,
        })
    }

    fn scan(
        &mut self,
        parts: Vec<String>,
        alias: Option<&ast::TableAlias>,
        span: Option<Span>,
    ) -> Rel {
        self.scan_table(parts, alias, span).0
    }

    /// [`Lowerer::scan`], also giving the catalog table scanned.
    fn scan_table(
        &mut self,
        parts: Vec<String>,
        alias: Option<&ast::TableAlias>,
        span: Option<Span>,
    ) -> (Rel, Option<&'a TableSchema>) {
        let alias_name = alias.map(|a| ident(&a.name));
        let shared: Arc<str> = alias_name
            .as_deref()
            .unwrap_or_else(|| parts.last().map_or("", String::as_str))
            .into();
        // CTE reference?
        if parts.len() == 1 {
            for level in self.ctes.iter().rev() {
                if let Some((fields, _)) = level.get(&parts[0]) {
                    let qualifier = String::from(&*shared);
                    let mut fields: Vec<Field> = fields
                        .iter()
                        .map(|f| Field {
                            qualifier: Some(shared.clone()),
                            name: f.name.clone(),
                            ty: clone_type(&f.ty),
                        })
                        .collect();
                    if let Some(a) = alias {
                        if !a.columns.is_empty() {
                            let names: Vec<String> =
                                a.columns.iter().map(|c| ident(&c.name)).collect();
                            fields = rename_fields(&fields, Some(&names), Some(&qualifier));
                        }
                    }
                    let rel = Rel::CteRef(CteRef {
                        name: parts[0].clone(),
                        alias: alias_name.clone(),
                        fields,
                    });
                    if alias.is_some_and(|a| !a.columns.is_empty()) {
                        // Column aliases on a CTE reference: keep them through an Alias.
                        let f = rel.fields();
                        let cols =
                            alias.map(|a| a.columns.iter().map(|c| ident(&c.name)).collect());
                        return (
                            Rel::Alias(Alias {
                                input: Box::new(Rel::CteRef(CteRef {
                                    name: parts[0].clone(),
                                    alias: None,
                                    fields: level
                                        .get(&parts[0])
                                        .map(|x| x.0.clone())
                                        .unwrap_or_default(),
                                })),
                                alias: qualifier,
                                columns: cols,
                                fields: f,
                            }),
                            None,
                        );
                    }
                    return (rel, None);
                }
            }
        }
        let catalog: &'a Catalog = self.catalog;
        let table = catalog.lookup(&parts);
        let (fields, known) = match table {
            Some(t) => (t.fields().clone(), true),
            None => {
                let name = parts.join(".");
                self.warn_once(
                    &format!("table:{name}"),
                    "unknown-table",
                    || format!(
                        "table `{name}` is not in the catalog (give one with --schema): its columns are assumed to exist with unknown types, so type-dependent rewrites (integer division, decimal scale, cast rounding) are not checked for them"
                    ),
                    span,
                );
                (Arc::from([]), false)
            }
        };
        let mut scan = Scan {
            table: TableName { parts },
            alias: alias_name,
            qualifier: shared,
            fields,
            known,
            time_travel: None,
        };
        if let Some(a) = alias {
            if !a.columns.is_empty() {
                let names: Vec<String> = a.columns.iter().map(|c| ident(&c.name)).collect();
                scan.alias = None;
                let fields = rename_fields(&scan.fields, Some(&names), Some(&scan.qualifier));
                return (
                    Rel::Alias(Alias {
                        alias: String::from(&*scan.qualifier),
                        input: Box::new(Rel::Scan(Box::new(scan))),
                        columns: Some(names),
                        fields,
                    }),
                    table,
                );
            }
        }
        (Rel::Scan(Box::new(scan)), table)
    }
}

fn rename_fields(
    fields: &[Field],
    names: Option<&[String]>,
    qualifier: Option<&str>,
) -> Vec<Field> {
    let qualifier: Option<Arc<str>> = qualifier.map(Arc::from);
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| Field {
            qualifier: qualifier.clone(),
            name: names
                .and_then(|n| n.get(i))
                .map_or_else(|| f.name.clone(), |n| n.as_str().into()),
            ty: clone_type(&f.ty),
        })
        .collect()
}

/// Whether a FROM item can refer to the columns of the items to its left.
fn uses_left_scope(tf: &ast::TableFactor) -> bool {
    match tf {
        ast::TableFactor::Table { name, args, .. } => {
            args.is_some() && object_parts(name) == ["unnest"]
        }
        ast::TableFactor::Derived { lateral, .. } => *lateral,
        _ => true,
    }
}

fn is_lateral(tf: &ast::TableFactor) -> bool {
    matches!(
        tf,
        ast::TableFactor::Derived { lateral: true, .. } | ast::TableFactor::UNNEST { .. }
    )
}

fn sql_option_pair(o: &ast::SqlOption) -> (String, String) {
    match o {
        ast::SqlOption::KeyValue { key, value } => (ident(key), value.to_string()),
        other => (other.to_string(), String::new()),
    }
}

fn first_words(s: &str) -> String {
    let w: Vec<&str> = s.split_whitespace().take(4).collect();
    let mut out = w.join(" ");
    if out.len() > 60 {
        out.truncate(60);
    }
    out
}

/// Trino's name for an unaliased select item: a column keeps its name, a field access its field.
fn implicit_name(e: &ast::Expr, lowered: &Expr) -> Option<String> {
    match e {
        ast::Expr::Identifier(i) => Some(ident(i)),
        ast::Expr::CompoundIdentifier(parts) => parts.last().map(ident),
        _ => match &lowered.kind {
            ExprKind::FieldAccess { field, .. } => Some(field.clone()),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::needs_lowering;

    /// The IR text of `sql` lowered against two catalog tables `l(k, a)` and `r(k, b)`.
    fn lowered(sql: &str) -> String {
        let cat = crate::catalog::Catalog::from_json(
            r#"{"tables": [
                {"name": "l", "columns": [{"name": "k", "type": "integer"}, {"name": "a", "type": "varchar"}]},
                {"name": "r", "columns": [{"name": "k", "type": "bigint"}, {"name": "b", "type": "double"}]}]}"#,
        )
        .unwrap();
        let ps = crate::parse::parse_sql(sql).remove(0).unwrap();
        let l = super::lower_statement(&ps, &cat);
        let diags: Vec<_> = l.diagnostics.iter().map(|d| d.code.clone()).collect();
        format!(
            "{}{diags:?}",
            t2s_ir::display::statement_to_string(&l.statement.unwrap())
        )
    }

    #[test]
    fn using_join_of_catalog_tables_hides_the_sides_keys() {
        // `*`: the merged key once, first (the common super type), then the other columns.
        let star = lowered("SELECT * FROM l JOIN r USING (k)");
        assert!(
            star.contains("Project [k := k :: bigint, a := l.a :: varchar, b := r.b :: double]"),
            "{star}"
        );
        // The sides' own keys stay reachable qualified; the unqualified name is the merged key.
        let keys = lowered("SELECT l.k, r.k, k, a FROM l JOIN r USING (k) WHERE b > 0");
        assert!(
            keys.contains("Project [k := l.k :: integer, k := r.k :: bigint, k := k :: bigint, a := l.a :: varchar]"),
            "{keys}"
        );
        assert!(keys.ends_with("[]"), "{keys}");
        // `l.*` still lists the left side's key.
        let left = lowered("SELECT l.* FROM l JOIN r USING (k)");
        assert!(
            left.contains("Project [k := l.k :: integer, a := l.a :: varchar]"),
            "{left}"
        );
    }

    #[test]
    fn needs_lowering_flags_upper_case_and_non_ascii_at_every_position() {
        for len in 1..=17 {
            for pos in 0..len {
                for b in 0..=255u8 {
                    let mut s = vec![b'a'; len];
                    s[pos] = b;
                    let expect = b.is_ascii_uppercase() || b >= 0x80;
                    assert_eq!(needs_lowering(&s), expect, "byte {b} at {pos} of {len}");
                }
            }
        }
        assert!(!needs_lowering(b""));
        assert!(!needs_lowering(b"ss_sold_date_sk@[`{_09"));
    }
}
