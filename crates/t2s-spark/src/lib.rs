//! `t2s-spark`: prints rewritten IR as Spark SQL text.
//!
//! Architecture invariant: this crate decides nothing about meaning. It assembles SELECT
//! blocks from the canonical plan shape, quotes identifiers, chooses parentheses by Spark's
//! operator precedence and lays the text out deterministically. A Trino-only expression node
//! reaching it (one the rewrite crate neither translated nor flagged) is an internal error,
//! reported as a diagnostic with code `internal`.

use std::fmt::Write;
use t2s_ir::*;

/// Spark SQL text for one statement, plus any internal errors met while printing.
pub struct Emitted {
    pub sql: String,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn emit_statement(stmt: &Statement) -> Emitted {
    let mut p = Printer {
        diags: vec![],
        fresh: 0,
    };
    let sql = match stmt {
        Statement::Query { rel } => p.query_text(rel),
        Statement::CreateTableAs {
            table,
            or_replace,
            if_not_exists,
            properties,
            rel,
        } => {
            let mut head = String::from("CREATE ");
            if *or_replace {
                head.push_str("OR REPLACE ");
            }
            head.push_str("TABLE ");
            if *if_not_exists {
                head.push_str("IF NOT EXISTS ");
            }
            head.push_str(&qualified(&table.parts));
            for (k, v) in properties {
                if k == "format" {
                    let fmt = v.trim_matches('\'').to_lowercase();
                    let _ = write!(head, "\nUSING {fmt}");
                } else if k == "partitioned_by" {
                    let cols: Vec<String> = v
                        .trim_start_matches("ARRAY[")
                        .trim_end_matches(']')
                        .split(',')
                        .map(|c| quote(c.trim().trim_matches('\'')))
                        .collect();
                    let _ = write!(head, "\nPARTITIONED BY ({})", cols.join(", "));
                } else {
                    p.diags.push(Diagnostic::warning(
                        "table-property",
                        format!(
                            "table property `{k} = {v}` has no Spark counterpart and is dropped"
                        ),
                        None,
                    ));
                }
            }
            format!("{head}\nAS\n{}", p.query_text(rel))
        }
        Statement::Insert {
            table,
            columns,
            overwrite,
            rel,
        } => {
            let cols = if columns.is_empty() {
                String::new()
            } else {
                format!(" ({})", quote_list(columns))
            };
            format!(
                "INSERT {} {}{}\n{}",
                if *overwrite {
                    "OVERWRITE TABLE"
                } else {
                    "INTO"
                },
                qualified(&table.parts),
                cols,
                p.query_text(rel)
            )
        }
        Statement::CreateView {
            name,
            or_replace,
            columns,
            rel,
        } => {
            let cols = if columns.is_empty() {
                String::new()
            } else {
                format!(" ({})", quote_list(columns))
            };
            format!(
                "CREATE {}VIEW {}{} AS\n{}",
                if *or_replace { "OR REPLACE " } else { "" },
                qualified(&name.parts),
                cols,
                p.query_text(rel)
            )
        }
    };
    Emitted {
        sql,
        diagnostics: p.diags,
    }
}

/// Spark's reserved words and the non-reserved keywords that are risky as bare identifiers.
const KEYWORDS: &[&str] = &[
    "all",
    "alter",
    "and",
    "any",
    "anti",
    "array",
    "as",
    "asc",
    "at",
    "authorization",
    "between",
    "both",
    "by",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "constraint",
    "create",
    "cross",
    "cube",
    "current",
    "current_date",
    "current_time",
    "current_timestamp",
    "current_user",
    "date",
    "day",
    "days",
    "delete",
    "desc",
    "describe",
    "distinct",
    "div",
    "drop",
    "else",
    "end",
    "escape",
    "except",
    "exists",
    "external",
    "extract",
    "false",
    "fetch",
    "filter",
    "first",
    "following",
    "for",
    "foreign",
    "from",
    "full",
    "function",
    "global",
    "grant",
    "group",
    "grouping",
    "having",
    "hour",
    "if",
    "ilike",
    "in",
    "inner",
    "insert",
    "intersect",
    "interval",
    "into",
    "is",
    "join",
    "last",
    "lateral",
    "leading",
    "left",
    "like",
    "limit",
    "local",
    "map",
    "minus",
    "minute",
    "month",
    "natural",
    "not",
    "null",
    "nulls",
    "of",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "out",
    "outer",
    "over",
    "overlaps",
    "partition",
    "position",
    "preceding",
    "primary",
    "range",
    "references",
    "revoke",
    "right",
    "rlike",
    "rollup",
    "row",
    "rows",
    "second",
    "select",
    "semi",
    "session_user",
    "set",
    "some",
    "start",
    "struct",
    "table",
    "tablesample",
    "then",
    "time",
    "timestamp",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "unknown",
    "unbounded",
    "update",
    "user",
    "using",
    "values",
    "view",
    "when",
    "where",
    "window",
    "with",
    "within",
    "year",
    "returns",
    "return",
    "sum",
    "count",
    "avg",
    "min",
    "max",
    "zone",
    "week",
    "quarter",
    "value",
    "current_schema",
];

/// Whether `name` is in [`KEYWORDS`]. `quote` runs for every identifier printed, so the words
/// are bucketed by length and first byte: a lookup compares one or two same-length words.
fn is_keyword(name: &str) -> bool {
    fn bucket(word: &str) -> usize {
        word.len().min(31) * 64 + usize::from(word.as_bytes().first().map_or(0, |b| b & 63))
    }
    static BUCKETS: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    BUCKETS.get_or_init(|| {
        let mut v = vec![Vec::new(); 32 * 64];
        for k in KEYWORDS {
            v[bucket(k)].push(*k);
        }
        v
    })[bucket(name)]
    .contains(&name)
}

/// Quotes an identifier with back-ticks unless it is a plain lower-case word that is not a keyword.
pub fn quote(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 2);
    push_quoted(&mut s, name);
    s
}

/// [`quote`], appended to `out`.
pub fn push_quoted(out: &mut String, name: &str) {
    if is_plain(name) {
        out.push_str(name);
    } else {
        out.push('`');
        for c in name.chars() {
            if c == '`' {
                out.push('`');
            }
            out.push(c);
        }
        out.push('`');
    }
}

fn is_plain(name: &str) -> bool {
    // Bytes, not chars: any byte of a non-ASCII character fails these tests anyway.
    name.bytes()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == b'_')
        && name
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
        && !is_keyword(name)
}

/// `name(…)` where the first `(` is closed by the last character.
fn is_single_call(t: &str) -> bool {
    let Some(open) = t.find('(') else {
        return false;
    };
    if !t.ends_with(')')
        || !t[..open]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
        || open == 0
    {
        return false;
    }
    let mut depth = 0i32;
    let mut in_str = false;
    for (i, c) in t.char_indices().skip(open) {
        match c {
            '\'' => in_str = !in_str,
            '(' if !in_str => depth += 1,
            ')' if !in_str => {
                depth -= 1;
                if depth == 0 {
                    return i == t.len() - 1;
                }
            }
            _ => {}
        }
    }
    false
}

/// `a, b, c` with each name quoted as needed.
fn quote_list(names: &[String]) -> String {
    names
        .iter()
        .map(|c| quote(c))
        .collect::<Vec<_>>()
        .join(", ")
}

fn qualified(parts: &[String]) -> String {
    parts.iter().map(|p| quote(p)).collect::<Vec<_>>().join(".")
}

fn indent(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + text.len() / 8);
    push_indented(&mut s, text);
    s
}

/// Every line of `text` indented by two spaces, lines joined by `\n` (no trailing newline).
fn push_indented(out: &mut String, text: &str) {
    for (i, l) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("  ");
        out.push_str(l);
    }
}

/// A query being assembled: a body (SELECT block, set operation, VALUES) with ORDER BY/LIMIT.
#[derive(Default)]
struct Query {
    with: Option<String>,
    body: String,
    body_is_setop: bool,
    order_by: Vec<String>,
    limit: Option<String>,
    offset: Option<String>,
}

impl Query {
    fn has_tail(&self) -> bool {
        !self.order_by.is_empty() || self.limit.is_some() || self.offset.is_some()
    }
    fn text(&self) -> String {
        let mut s = String::new();
        if let Some(w) = &self.with {
            s.push_str(w);
            s.push('\n');
        }
        s.push_str(&self.body);
        if !self.order_by.is_empty() {
            let _ = write!(s, "\nORDER BY {}", self.order_by.join(", "));
        }
        if let Some(l) = &self.limit {
            let _ = write!(s, "\nLIMIT {l}");
        }
        if let Some(o) = &self.offset {
            let _ = write!(s, "\nOFFSET {o}");
        }
        s
    }
}

struct Printer {
    diags: Vec<Diagnostic>,
    fresh: usize,
}

const P_OR: u8 = 1;
const P_AND: u8 = 2;
const P_NOT: u8 = 3;
const P_CMP: u8 = 4;
const P_ADD: u8 = 6;
const P_MUL: u8 = 7;
const P_UNARY: u8 = 8;
const P_ATOM: u8 = 9;

impl Printer {
    fn internal(&mut self, what: &str, span: Option<Span>) {
        self.diags.push(Diagnostic::error(
            "internal",
            format!(
                "internal error: {what} reached the Spark emitter untranslated (a trino2spark bug)"
            ),
            span,
        ));
    }

    fn fresh_alias(&mut self, base: &str) -> String {
        self.fresh += 1;
        format!("{base}{}", self.fresh)
    }

    pub fn query_text(&mut self, rel: &Rel) -> String {
        self.query(rel).text()
    }

    fn wrap_as_subquery(&mut self, q: Query) -> Query {
        let alias = self.fresh_alias("_q");
        Query {
            body: format!("SELECT *\nFROM (\n{}\n) AS {alias}", indent(&q.text())),
            ..Default::default()
        }
    }

    fn query(&mut self, rel: &Rel) -> Query {
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || self.query_inner(rel))
    }

    fn query_inner(&mut self, rel: &Rel) -> Query {
        match rel {
            Rel::With(w) => {
                let ctes: Vec<String> = w
                    .ctes
                    .iter()
                    .map(|c| {
                        let cols = c
                            .columns
                            .as_ref()
                            .map(|cs| format!("({})", quote_list(cs)))
                            .unwrap_or_default();
                        format!(
                            "{}{} AS (\n{}\n)",
                            quote(&c.name),
                            cols,
                            indent(&self.query_text(&c.rel))
                        )
                    })
                    .collect();
                let mut q = self.query(&w.body);
                if q.with.is_some() {
                    q = self.wrap_as_subquery(q);
                }
                q.with = Some(format!(
                    "WITH {}{}",
                    if w.recursive { "RECURSIVE " } else { "" },
                    ctes.join(",\n")
                ));
                q
            }
            Rel::Limit(l) => {
                let mut q = self.query(&l.input);
                if q.limit.is_some() || q.offset.is_some() {
                    q = self.wrap_as_subquery(q);
                }
                q.limit = l.fetch.as_ref().map(|e| self.expr(e, 0));
                q.offset = l.offset.as_ref().map(|e| self.expr(e, 0));
                q
            }
            Rel::Sort(s) => {
                let mut q = self.query(&s.input);
                if q.has_tail() {
                    q = self.wrap_as_subquery(q);
                }
                q.order_by = s.keys.iter().map(|k| self.sort_key(k)).collect();
                q
            }
            Rel::Project(p) => Query {
                body: self.select_block(p),
                ..Default::default()
            },
            Rel::SetOp(s) => {
                let prec = |k: SetOpKind| if k == SetOpKind::Intersect { 2 } else { 1 };
                let side = |me: &mut Self, r: &Rel, is_right: bool| {
                    let q = me.query(r);
                    let needs_parens = q.has_tail()
                        || q.with.is_some()
                        || (q.body_is_setop
                            && match r {
                                Rel::SetOp(inner) => is_right || prec(inner.kind) < prec(s.kind),
                                _ => true,
                            });
                    if needs_parens {
                        format!("(\n{}\n)", indent(&q.text()))
                    } else {
                        q.text()
                    }
                };
                let l = side(self, &s.left, false);
                let r = side(self, &s.right, true);
                let op = match s.kind {
                    SetOpKind::Union => "UNION",
                    SetOpKind::Intersect => "INTERSECT",
                    SetOpKind::Except => "EXCEPT",
                };
                let q = if s.all { "ALL" } else { "DISTINCT" };
                Query {
                    body: format!("{l}\n{op} {q}\n{r}"),
                    body_is_setop: true,
                    ..Default::default()
                }
            }
            Rel::Values(v) => {
                let alias = self.fresh_alias("_v");
                let cols = v
                    .fields
                    .iter()
                    .map(|f| quote(&f.name))
                    .collect::<Vec<_>>()
                    .join(", ");
                let body = if v.fields.is_empty() {
                    "SELECT 1".to_string()
                } else {
                    format!("SELECT *\nFROM {} AS {alias}({cols})", self.values_rows(v))
                };
                Query {
                    body,
                    ..Default::default()
                }
            }
            other => {
                let from = self.from_clause(other);
                Query {
                    body: format!("SELECT *\nFROM {from}"),
                    ..Default::default()
                }
            }
        }
    }

    fn values_rows(&mut self, v: &Values) -> String {
        let rows: Vec<String> = v
            .rows
            .iter()
            .map(|r| {
                format!(
                    "({})",
                    r.iter()
                        .map(|e| self.expr(e, 0))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        format!("VALUES\n{}", indent(&rows.join(",\n")))
    }

    fn select_block(&mut self, p: &Project) -> String {
        let mut input = &*p.input;
        let mut having = None;
        let mut group_by: Option<&GroupBy> = None;
        let mut where_ = None;
        if let Rel::Filter(f) = input {
            if matches!(*f.input, Rel::Aggregate(_)) {
                having = Some(&f.predicate);
                input = &f.input;
            }
        }
        if let Rel::Aggregate(a) = input {
            group_by = Some(&a.group_by);
            input = &a.input;
        }
        if let Rel::Filter(f) = input {
            where_ = Some(&f.predicate);
            input = &f.input;
        }
        let items: Vec<String> = p.items.iter().map(|i| self.select_item(i)).collect();
        let mut s = String::from("SELECT");
        if p.distinct {
            s.push_str(" DISTINCT");
        }
        if items.len() <= 1 {
            let _ = write!(s, " {}", items.join(""));
        } else {
            let _ = write!(s, "\n{}", indent(&items.join(",\n")));
        }
        let no_from = matches!(input, Rel::Values(v) if v.fields.is_empty() && v.rows.len() == 1);
        if !no_from {
            let from = self.from_clause(input);
            let _ = write!(s, "\nFROM {from}");
        }
        if let Some(w) = where_ {
            let _ = write!(s, "\nWHERE {}", self.expr(w, 0));
        }
        if let Some(g) = group_by {
            if !g.elements.is_empty() {
                let els: Vec<String> = g
                    .elements
                    .iter()
                    .map(|el| match el {
                        GroupingElement::Expr(e) => self.expr(e, 0),
                        GroupingElement::Rollup(sets) => {
                            format!("ROLLUP({})", self.grouping_sets(sets))
                        }
                        GroupingElement::Cube(sets) => {
                            format!("CUBE({})", self.grouping_sets(sets))
                        }
                        GroupingElement::GroupingSets(sets) => {
                            format!("GROUPING SETS({})", self.grouping_sets_paren(sets))
                        }
                    })
                    .collect();
                let _ = write!(s, "\nGROUP BY {}", els.join(", "));
            }
        }
        if let Some(h) = having {
            let _ = write!(s, "\nHAVING {}", self.expr(h, 0));
        }
        s
    }

    fn grouping_sets(&mut self, sets: &[Vec<Expr>]) -> String {
        sets.iter()
            .map(|set| {
                if set.len() == 1 {
                    self.expr(&set[0], 0)
                } else {
                    format!(
                        "({})",
                        set.iter()
                            .map(|e| self.expr(e, 0))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn grouping_sets_paren(&mut self, sets: &[Vec<Expr>]) -> String {
        sets.iter()
            .map(|set| {
                format!(
                    "({})",
                    set.iter()
                        .map(|e| self.expr(e, 0))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn select_item(&mut self, i: &ProjectItem) -> String {
        let text = self.expr(&i.expr, 0);
        if let ExprKind::Wildcard { .. } = i.expr.kind {
            return text;
        }
        let natural = match &i.expr.kind {
            ExprKind::Column(c) => Some(c.name.as_str()),
            _ => None,
        };
        if natural == Some(i.name.as_str()) {
            text
        } else {
            format!("{text} AS {}", quote(&i.name))
        }
    }

    fn sort_key(&mut self, k: &SortKey) -> String {
        let mut s = self.expr(&k.expr, 0);
        s.push_str(if k.asc { " ASC" } else { " DESC" });
        match k.nulls_first {
            Some(true) => s.push_str(" NULLS FIRST"),
            Some(false) => s.push_str(" NULLS LAST"),
            None => {}
        }
        s
    }

    // ------------------------------------------------------------------ FROM

    /// A whole FROM clause: UNNESTs joined at the end become LATERAL VIEWs.
    fn from_clause(&mut self, rel: &Rel) -> String {
        if let Rel::Join(j) = rel {
            if let Rel::Unnest(u) = &*j.right {
                let left = self.from_clause(&j.left);
                let outer = j.kind == JoinKind::Left;
                return format!("{left}\n{}", self.lateral_view(u, outer));
            }
        }
        self.from_item(rel)
    }

    fn lateral_view(&mut self, u: &Unnest, outer: bool) -> String {
        let alias = u.alias.clone().unwrap_or_else(|| self.fresh_alias("_u"));
        let (generator, cols) = self.generator(u);
        format!(
            "LATERAL VIEW{} {generator} {} AS {cols}",
            if outer { " OUTER" } else { "" },
            quote(&alias)
        )
    }

    /// The Spark generator for an UNNEST and the column names it produces, in Spark's order.
    fn generator(&mut self, u: &Unnest) -> (String, String) {
        let names: Vec<String> = u.fields.iter().map(|f| quote(&f.name)).collect();
        let args: Vec<String> = u.exprs.iter().map(|e| self.expr(e, 0)).collect();
        let rows = u.exprs.len() == 1
            && matches!(&u.exprs[0].ty, Type::Array { element } if matches!(**element, Type::Row { .. }));
        if u.exprs.len() > 1 {
            return (
                format!("inline(arrays_zip({}))", args.join(", ")),
                names.join(", "),
            );
        }
        let arg = args.into_iter().next().unwrap_or_default();
        if u.ordinality {
            // posexplode gives (pos, value…); the ordinality column is last in Trino.
            let (value_cols, ord) = names.split_at(names.len().saturating_sub(1));
            let mut cols = ord.to_vec();
            cols.extend(value_cols.iter().cloned());
            return (format!("posexplode({arg})"), cols.join(", "));
        }
        if rows {
            return (format!("inline({arg})"), names.join(", "));
        }
        (format!("explode({arg})"), names.join(", "))
    }

    fn from_item(&mut self, rel: &Rel) -> String {
        match rel {
            Rel::Scan(s) => {
                let mut t = qualified(&s.table.parts);
                if let Some(tt) = &s.time_travel {
                    let _ = write!(t, " FOR {} AS OF {}", tt.kind, self.expr(&tt.expr, P_ATOM));
                }
                if let Some(a) = &s.alias {
                    let _ = write!(t, " AS {}", quote(a));
                }
                t
            }
            Rel::CteRef(c) => {
                let mut t = quote(&c.name);
                if let Some(a) = &c.alias {
                    let _ = write!(t, " AS {}", quote(a));
                }
                t
            }
            Rel::Alias(a) => {
                let cols = a
                    .columns
                    .as_ref()
                    .map(|cs| format!("({})", quote_list(cs)))
                    .unwrap_or_default();
                let alias = if a.alias.is_empty() {
                    self.fresh_alias("_t")
                } else {
                    a.alias.clone()
                };
                match &*a.input {
                    Rel::Scan(_) | Rel::CteRef(_) => {
                        format!("{} AS {}{cols}", self.from_item(&a.input), quote(&alias))
                    }
                    Rel::Values(v) => {
                        let cols = format!(
                            "({})",
                            a.fields
                                .iter()
                                .map(|f| quote(&f.name))
                                .collect::<Vec<_>>()
                                .join(", ")
                        );
                        format!("{} AS {}{cols}", self.values_rows(v), quote(&alias))
                    }
                    inner => {
                        let q = self.query_text(inner);
                        format!("(\n{}\n) AS {}{cols}", indent(&q), quote(&alias))
                    }
                }
            }
            Rel::Join(j) => {
                let left = self.from_item(&j.left);
                let right = match &*j.right {
                    Rel::Join(_) => format!("({})", self.from_item(&j.right)),
                    r => self.from_item(r),
                };
                let lateral = if j.lateral && !matches!(*j.right, Rel::Unnest(_)) {
                    "LATERAL "
                } else {
                    ""
                };
                if j.implicit {
                    return format!("{left},\n{lateral}{right}");
                }
                let kw = match j.kind {
                    JoinKind::Inner => "JOIN",
                    JoinKind::Left => "LEFT JOIN",
                    JoinKind::Right => "RIGHT JOIN",
                    JoinKind::Full => "FULL JOIN",
                    JoinKind::Cross => "CROSS JOIN",
                    JoinKind::Semi => "LEFT SEMI JOIN",
                    JoinKind::Anti => "LEFT ANTI JOIN",
                };
                let mut s = format!("{left}\n{kw} {lateral}{right}");
                if let Some(c) = &j.condition {
                    let _ = write!(s, " ON {}", self.expr(c, 0));
                } else if !j.using.is_empty() {
                    let _ = write!(s, " USING ({})", quote_list(&j.using));
                }
                s
            }
            Rel::Values(v) => {
                let alias = self.fresh_alias("_v");
                let cols = v
                    .fields
                    .iter()
                    .map(|f| quote(&f.name))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{} AS {alias}({cols})", self.values_rows(v))
            }
            Rel::Unnest(u) => {
                // A standalone UNNEST in FROM: a table-valued generator.
                let alias = u.alias.clone().unwrap_or_else(|| self.fresh_alias("_u"));
                let (generator, cols) = self.generator(u);
                format!("{generator} AS {}({cols})", quote(&alias))
            }
            Rel::Sample(s) => {
                let pct = self.expr(&s.percentage, 0);
                let sample = format!("TABLESAMPLE ({pct} PERCENT)");
                // Spark's grammar: a table name (with FOR … AS OF) or a parenthesised query, then
                // TABLESAMPLE, then the alias. An inline table (VALUES) takes no TABLESAMPLE, so
                // anything but a table becomes a parenthesised query under its alias.
                match &*s.input {
                    Rel::Scan(sc) => {
                        let alias = sc
                            .alias
                            .as_ref()
                            .map(|a| format!(" AS {}", quote(a)))
                            .unwrap_or_default();
                        let bare = Rel::Scan(Scan {
                            alias: None,
                            ..sc.clone()
                        });
                        format!("{} {sample}{alias}", self.from_item(&bare))
                    }
                    Rel::CteRef(c) => {
                        let alias = c
                            .alias
                            .as_ref()
                            .map(|a| format!(" AS {}", quote(a)))
                            .unwrap_or_default();
                        format!("{} {sample}{alias}", quote(&c.name))
                    }
                    Rel::Alias(a)
                        if matches!(&*a.input, Rel::Scan(sc) if sc.alias.is_none())
                            || matches!(&*a.input, Rel::CteRef(c) if c.alias.is_none()) =>
                    {
                        let cols = a
                            .columns
                            .as_ref()
                            .map(|cs| format!("({})", quote_list(cs)))
                            .unwrap_or_default();
                        let alias = if a.alias.is_empty() {
                            self.fresh_alias("_t")
                        } else {
                            a.alias.clone()
                        };
                        format!(
                            "{} {sample} AS {}{cols}",
                            self.from_item(&a.input),
                            quote(&alias)
                        )
                    }
                    Rel::Alias(a) => {
                        // `(SELECT * FROM <item> AS a(cols)) TABLESAMPLE (…) AS a`: the same name
                        // and columns outside.
                        let alias = if a.alias.is_empty() {
                            self.fresh_alias("_t")
                        } else {
                            a.alias.clone()
                        };
                        let inner = self.from_item(&s.input);
                        format!(
                            "(\n  SELECT *\n  FROM {inner}\n) {sample} AS {}",
                            quote(&alias)
                        )
                    }
                    other => {
                        let alias = self.fresh_alias("_t");
                        let q = self.query_text(other);
                        format!("(\n{}\n) {sample} AS {alias}", indent(&q))
                    }
                }
            }
            other => {
                let alias = self.fresh_alias("_t");
                let q = self.query_text(other);
                format!("(\n{}\n) AS {alias}", indent(&q))
            }
        }
    }

    // ------------------------------------------------------------------ expressions

    fn prec(e: &Expr) -> u8 {
        match &e.kind {
            ExprKind::Binary { op, .. } => match op {
                BinaryOp::Or => P_OR,
                BinaryOp::And => P_AND,
                o if o.is_comparison() => P_CMP,
                BinaryOp::Add | BinaryOp::Sub | BinaryOp::Concat => P_ADD,
                _ => P_MUL,
            },
            ExprKind::SparkInfix { op, .. } => match op.as_str() {
                "+" | "-" => P_ADD,
                _ => P_MUL,
            },
            ExprKind::Unary {
                op: UnaryOp::Not, ..
            } => P_NOT,
            ExprKind::Unary { .. } => P_UNARY,
            ExprKind::InList { .. }
            | ExprKind::Between { .. }
            | ExprKind::Like { .. }
            | ExprKind::IsNull { .. }
            | ExprKind::InSubquery { .. } => P_CMP,
            ExprKind::Exists { negated: true, .. } => P_NOT,
            // A template is atomic only if it is one call `f(…)`; otherwise it is parenthesised
            // wherever an operator surrounds it.
            ExprKind::SparkTemplate { template, .. } => {
                if is_single_call(template) {
                    P_ATOM
                } else {
                    0
                }
            }
            ExprKind::SparkLiteral(t) if t.starts_with('-') => P_UNARY,
            ExprKind::Literal(Literal::Integer(t) | Literal::Decimal(t) | Literal::Double(t))
                if t.starts_with('-') =>
            {
                P_UNARY
            }
            ExprKind::Lambda { .. } => 0,
            _ => P_ATOM,
        }
    }

    /// Prints `e`, parenthesised if its precedence is below `min`.
    fn expr(&mut self, e: &Expr, min: u8) -> String {
        // Most expressions print in under 64 bytes: one allocation instead of four doublings.
        let mut s = String::with_capacity(64);
        self.expr_to(&mut s, e, min);
        s
    }

    /// Appends `e` to `out`, parenthesised if its precedence is below `min`. Expressions are
    /// written into one buffer: building a string per node and copying it into its parent's
    /// was a tenth of a translation.
    fn expr_to(&mut self, out: &mut String, e: &Expr, min: u8) {
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || {
            if Self::prec(e) < min {
                out.push('(');
                self.expr_raw(out, e);
                out.push(')');
            } else {
                self.expr_raw(out, e);
            }
        })
    }

    /// `a, b, c`.
    fn expr_list(&mut self, out: &mut String, list: &[Expr]) {
        for (i, x) in list.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.expr_to(out, x, 0);
        }
    }

    /// `(\n  <query, indented>\n)`.
    fn subquery_to(&mut self, out: &mut String, rel: &Rel) {
        out.push_str("(\n");
        let q = self.query_text(rel);
        push_indented(out, &q);
        out.push_str("\n)");
    }

    fn expr_raw(&mut self, out: &mut String, e: &Expr) {
        use ExprKind::*;
        match &e.kind {
            Column(c) => {
                if (c.written_qualified || c.depth > 0) && c.qualifier.is_some() {
                    push_quoted(out, c.qualifier.as_deref().unwrap_or_default());
                    out.push('.');
                }
                push_quoted(out, &c.name);
            }
            Wildcard { qualifier } => {
                if let Some(q) = qualifier {
                    push_quoted(out, q);
                    out.push('.');
                }
                out.push('*');
            }
            OutputRef { name, .. } => push_quoted(out, name),
            SparkLiteral(t) => out.push_str(t),
            SparkCall { name, args } | Call { name, args } => {
                // (`Call` is flagged by the rewrite crate already; printed as written so the
                // output stays readable.)
                out.push_str(name);
                out.push('(');
                self.expr_list(out, args);
                out.push(')');
            }
            SparkCast {
                expr,
                spark_type,
                safe,
            } => {
                out.push_str(if *safe { "TRY_CAST(" } else { "CAST(" });
                self.expr_to(out, expr, 0);
                out.push_str(" AS ");
                out.push_str(spark_type);
                out.push(')');
            }
            SparkInfix { op, left, right } => {
                let p = Self::prec(e);
                self.expr_to(out, left, p);
                out.push(' ');
                out.push_str(op);
                out.push(' ');
                self.expr_to(out, right, p + 1);
            }
            SparkTemplate { template, args } => {
                let start = out.len();
                let mut rest = template.as_str();
                while let Some(open) = rest.find('{') {
                    out.push_str(&rest[..open]);
                    let after = &rest[open + 1..];
                    match after
                        .find('}')
                        .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (close, i)))
                    {
                        Some((close, i)) if i < args.len() => {
                            // A hole that is a whole function argument (`f({0}, {1})`) needs no
                            // parentheses; anywhere else the argument binds like an atom.
                            let before = out[start..].trim_end().chars().last();
                            let next = after[close + 1..].trim_start().chars().next();
                            let bare = matches!(before, Some('(' | ','))
                                && matches!(next, Some(',' | ')'));
                            self.expr_to(out, &args[i], if bare { 0 } else { P_ATOM });
                            rest = &after[close + 1..];
                        }
                        _ => {
                            out.push('{');
                            rest = after;
                        }
                    }
                }
                out.push_str(rest);
            }
            Binary { op, left, right } => {
                let p = Self::prec(e);
                // Left-associative; comparisons do not chain, so both sides bind tighter.
                let rp = p + 1;
                let lp = if op.is_comparison() { p + 1 } else { p };
                self.expr_to(out, left, lp);
                out.push(' ');
                out.push_str(op.symbol());
                out.push(' ');
                self.expr_to(out, right, rp);
            }
            Unary { op, expr } => match op {
                UnaryOp::Not => {
                    out.push_str("NOT ");
                    self.expr_to(out, expr, P_NOT);
                }
                UnaryOp::Neg => {
                    out.push('-');
                    self.expr_to(out, expr, P_UNARY + 1);
                }
                UnaryOp::Plus => self.expr_to(out, expr, P_UNARY),
            },
            Case {
                operand,
                branches,
                else_result,
            } => {
                out.push_str("CASE");
                if let Some(o) = operand {
                    out.push(' ');
                    self.expr_to(out, o, 0);
                }
                for (w, t) in branches {
                    out.push_str(" WHEN ");
                    self.expr_to(out, w, 0);
                    out.push_str(" THEN ");
                    self.expr_to(out, t, 0);
                }
                if let Some(x) = else_result {
                    out.push_str(" ELSE ");
                    self.expr_to(out, x, 0);
                }
                out.push_str(" END");
            }
            InList {
                expr,
                list,
                negated,
            } => {
                self.expr_to(out, expr, P_CMP + 1);
                out.push_str(if *negated { " NOT IN (" } else { " IN (" });
                self.expr_list(out, list);
                out.push(')');
            }
            Between {
                expr,
                low,
                high,
                negated,
            } => {
                self.expr_to(out, expr, P_CMP + 1);
                out.push_str(if *negated {
                    " NOT BETWEEN "
                } else {
                    " BETWEEN "
                });
                self.expr_to(out, low, P_CMP + 1);
                out.push_str(" AND ");
                self.expr_to(out, high, P_CMP + 1);
            }
            Like {
                expr,
                pattern,
                escape,
                negated,
            } => {
                self.expr_to(out, expr, P_CMP + 1);
                out.push_str(if *negated { " NOT LIKE " } else { " LIKE " });
                self.expr_to(out, pattern, P_CMP + 1);
                if let Some(esc) = escape {
                    out.push_str(" ESCAPE ");
                    self.expr_to(out, esc, P_ATOM);
                }
            }
            IsNull { expr, negated } => {
                self.expr_to(out, expr, P_CMP + 1);
                out.push_str(if *negated { " IS NOT NULL" } else { " IS NULL" });
            }
            FieldAccess { expr, field } => {
                self.expr_to(out, expr, P_ATOM);
                out.push('.');
                push_quoted(out, field);
            }
            Lambda { params, body } => {
                if params.len() == 1 {
                    push_quoted(out, &params[0]);
                } else {
                    out.push('(');
                    for (i, p) in params.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        push_quoted(out, p);
                    }
                    out.push(')');
                }
                out.push_str(" -> ");
                self.expr_to(out, body, 0);
            }
            LambdaVar(v) => push_quoted(out, v),
            ScalarSubquery(r) => self.subquery_to(out, r),
            Exists { rel, negated } => {
                out.push_str(if *negated { "NOT EXISTS " } else { "EXISTS " });
                self.subquery_to(out, rel);
            }
            InSubquery { expr, rel, negated } => {
                self.expr_to(out, expr, P_CMP + 1);
                out.push_str(if *negated { " NOT IN " } else { " IN " });
                self.subquery_to(out, rel);
            }
            Aggregate(a) => {
                out.push_str(&a.name);
                out.push('(');
                if a.distinct {
                    out.push_str("DISTINCT ");
                }
                if a.args.is_empty() && a.name == "count" {
                    out.push('*');
                } else {
                    self.expr_list(out, &a.args);
                }
                out.push(')');
                if let Some(f) = &a.filter {
                    out.push_str(" FILTER (WHERE ");
                    self.expr_to(out, f, 0);
                    out.push(')');
                }
            }
            Window(w) => {
                self.expr_to(out, &w.function, P_ATOM);
                if w.ignore_nulls {
                    out.push_str(" IGNORE NULLS");
                }
                out.push_str(" OVER (");
                let mut sep = "";
                if !w.partition_by.is_empty() {
                    out.push_str("PARTITION BY ");
                    self.expr_list(out, &w.partition_by);
                    sep = " ";
                }
                if !w.order_by.is_empty() {
                    out.push_str(sep);
                    out.push_str("ORDER BY ");
                    for (i, k) in w.order_by.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        let k = self.sort_key(k);
                        out.push_str(&k);
                    }
                    sep = " ";
                }
                if let Some(fr) = &w.frame {
                    out.push_str(sep);
                    let start = self.bound(&fr.start);
                    let _ = write!(out, "{}", fr.units);
                    match &fr.end {
                        Some(end) => {
                            let end = self.bound(end);
                            let _ = write!(out, " BETWEEN {start} AND {end}");
                        }
                        None => {
                            out.push(' ');
                            out.push_str(&start);
                        }
                    }
                }
                out.push(')');
            }
            Literal(l) => {
                self.internal(&format!("Trino literal {l}"), e.span);
                let _ = write!(out, "{l}");
            }
            Try(x) => {
                out.push_str("try(");
                self.expr_to(out, x, 0);
                out.push(')');
            }
            AtTimeZone { expr, zone } => {
                self.expr_to(out, expr, P_ATOM);
                out.push_str(" AT TIME ZONE ");
                self.expr_to(out, zone, P_ATOM);
            }
            Quantified {
                left,
                op,
                quantifier,
                rel,
            } => {
                // Flagged by the rewrite crate (Spark has no quantified comparison).
                self.expr_to(out, left, P_CMP + 1);
                let _ = write!(
                    out,
                    " {} {} ",
                    op.symbol(),
                    format!("{quantifier:?}").to_uppercase()
                );
                self.subquery_to(out, rel);
            }
            Cast { .. }
            | Array(_)
            | Row(_)
            | Subscript { .. }
            | Extract { .. }
            | IsDistinctFrom { .. }
            | Grouping(_) => {
                self.internal(&format!("`{e}`"), e.span);
                let _ = write!(out, "{e}");
            }
        }
    }

    fn bound(&mut self, b: &FrameBound) -> String {
        match b {
            FrameBound::UnboundedPreceding => "UNBOUNDED PRECEDING".into(),
            FrameBound::Preceding(e) => format!("{} PRECEDING", self.expr(e, P_ATOM)),
            FrameBound::CurrentRow => "CURRENT ROW".into(),
            FrameBound::Following(e) => format!("{} FOLLOWING", self.expr(e, P_ATOM)),
            FrameBound::UnboundedFollowing => "UNBOUNDED FOLLOWING".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_leaves_plain_names_alone() {
        assert_eq!(quote("l_orderkey"), "l_orderkey");
        assert_eq!(quote("year"), "`year`");
        assert_eq!(quote("Mixed"), "`Mixed`");
        assert_eq!(quote("a`b"), "`a``b`");
        assert_eq!(quote("1a"), "`1a`");
    }
}
