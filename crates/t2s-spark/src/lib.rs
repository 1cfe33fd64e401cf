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
        out: String::with_capacity(1024),
        depth: 0,
        expr_depth: 0,
    };
    // The statement heads are printed outside any block (depth 0).
    match stmt {
        Statement::Query { rel } => p.query(rel),
        Statement::CreateTableAs {
            table,
            or_replace,
            if_not_exists,
            properties,
            rel,
        } => {
            p.out.push_str("CREATE ");
            if *or_replace {
                p.out.push_str("OR REPLACE ");
            }
            p.out.push_str("TABLE ");
            if *if_not_exists {
                p.out.push_str("IF NOT EXISTS ");
            }
            p.qualified(&table.parts);
            for (k, v) in properties {
                if k == "format" {
                    let fmt = v.trim_matches('\'').to_lowercase();
                    p.nl();
                    p.out.push_str("USING ");
                    p.out.push_str(&fmt);
                } else if k == "partitioned_by" {
                    p.nl();
                    p.out.push_str("PARTITIONED BY (");
                    let cols = v
                        .trim_start_matches("ARRAY[")
                        .trim_end_matches(']')
                        .split(',');
                    for (i, c) in cols.enumerate() {
                        if i > 0 {
                            p.out.push_str(", ");
                        }
                        p.ident(c.trim().trim_matches('\''));
                    }
                    p.out.push(')');
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
            p.nl();
            p.out.push_str("AS");
            p.nl();
            p.query(rel);
        }
        Statement::Insert {
            table,
            columns,
            overwrite,
            rel,
        } => {
            p.out.push_str(if *overwrite {
                "INSERT OVERWRITE TABLE "
            } else {
                "INSERT INTO "
            });
            p.qualified(&table.parts);
            p.column_list(columns);
            p.nl();
            p.query(rel);
        }
        Statement::CreateView {
            name,
            or_replace,
            columns,
            rel,
        } => {
            p.out.push_str(if *or_replace {
                "CREATE OR REPLACE VIEW "
            } else {
                "CREATE VIEW "
            });
            p.qualified(&name.parts);
            p.column_list(columns);
            p.out.push_str(" AS");
            p.nl();
            p.query(rel);
        }
    }
    Emitted {
        sql: p.out,
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

/// Slots of [`KEYWORD_TABLE`]: a power of two, about three times the number of keywords, so a
/// lookup of a word that is not a keyword mostly ends at its first slot.
const KEYWORD_SLOTS: usize = 512;

/// Where a lookup of `word` (not empty) starts in [`KEYWORD_TABLE`]: a hash of its length and
/// its first, middle and last bytes (the keywords spread well over these).
const fn keyword_slot(word: &[u8]) -> usize {
    let n = word.len();
    let key =
        n as u64 | (word[0] as u64) << 8 | (word[n / 2] as u64) << 16 | (word[n - 1] as u64) << 24;
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize % KEYWORD_SLOTS
}

/// [`KEYWORDS`] in an open-addressed hash table (linear probing), built at compile time: a
/// slot holds a keyword's index in `KEYWORDS` plus one, or 0 if empty.
static KEYWORD_TABLE: [u8; KEYWORD_SLOTS] = {
    assert!(KEYWORDS.len() < 255 && KEYWORDS.len() * 2 < KEYWORD_SLOTS);
    let mut table = [0u8; KEYWORD_SLOTS];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let mut slot = keyword_slot(KEYWORDS[i].as_bytes());
        while table[slot] != 0 {
            slot = (slot + 1) % KEYWORD_SLOTS;
        }
        table[slot] = (i + 1) as u8;
        i += 1;
    }
    table
};

/// For each byte, the lengths (bit `n` for length `n`, lengths up to 63) of the keywords
/// starting with it: most names are no keyword's length for their first letter, and need no
/// lookup.
static KEYWORD_LENGTHS: [u64; 256] = {
    let mut lengths = [0u64; 256];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let k = KEYWORDS[i].as_bytes();
        assert!(k.len() < 64);
        lengths[k[0] as usize] |= 1 << k.len();
        i += 1;
    }
    lengths
};

/// Whether `name` is in [`KEYWORDS`]. `quote` runs for every identifier printed.
#[inline(always)]
fn is_keyword(name: &str) -> bool {
    let b = name.as_bytes();
    match b.first() {
        Some(&c) if b.len() < 64 && KEYWORD_LENGTHS[usize::from(c)] & (1 << b.len()) != 0 => {}
        _ => return false,
    }
    let mut slot = keyword_slot(b);
    loop {
        match KEYWORD_TABLE[slot] {
            0 => return false,
            k if KEYWORDS[usize::from(k) - 1] == name => return true,
            _ => slot = (slot + 1) % KEYWORD_SLOTS,
        }
    }
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
        push_backticked(out, name);
    }
}

/// `name` in back-ticks, a back-tick in it doubled.
fn push_backticked(out: &mut String, name: &str) {
    out.push('`');
    for c in name.chars() {
        if c == '`' {
            out.push('`');
        }
        out.push(c);
    }
    out.push('`');
}

/// Always inlined: kept out of line, [`Printer::ident`] gets inlined into its callers instead
/// and every identifier pays for two calls (measured: 4 % more instructions in the emitter).
#[inline(always)]
fn is_plain(name: &str) -> bool {
    /// The bytes of a plain name: `a`-`z`, `0`-`9` and `_`.
    static PLAIN: [bool; 256] = {
        let mut t = [false; 256];
        let mut c = 0;
        while c < 256 {
            let b = c as u8;
            t[c] = b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_';
            c += 1;
        }
        t
    };
    // Bytes, not chars: any byte of a non-ASCII character fails these tests anyway. Without
    // a branch per byte (names are short, and almost all plain): eight table reads and-ed
    // together per step.
    let b = name.as_bytes();
    let plain = |c: &u8| PLAIN[usize::from(*c)];
    let mut chunks = b.chunks_exact(8);
    let mut all = true;
    for c in &mut chunks {
        all &= c.iter().fold(true, |acc, c| acc & plain(c));
    }
    all &= chunks
        .remainder()
        .iter()
        .fold(true, |acc, c| acc & plain(c));
    b.first().is_some_and(|c| !c.is_ascii_digit()) && all && !is_keyword(name)
}

/// `name(…)` where the first `(` is closed by the last character.
fn is_single_call(t: &str) -> bool {
    let Some(open) = t.find('(') else {
        return false;
    };
    if !t.ends_with(')')
        || !t.as_bytes()[..open]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'_')
        || open == 0
    {
        return false;
    }
    // Bytes, not chars: no byte of a non-ASCII character is a quote or a parenthesis.
    let mut depth = 0i32;
    let mut in_str = false;
    for (i, c) in t.bytes().enumerate().skip(open) {
        match c {
            b'\'' => in_str = !in_str,
            b'(' if !in_str => depth += 1,
            b')' if !in_str => {
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

/// A line break and spaces to indent the next line with, sliced (deeper blocks push the
/// spaces more than once).
const NL_SPACES: &str = "\n                                                                ";

/// How a query's text begins and ends, known from the plan alone. A query is written once,
/// straight into its place, so whether it needs wrapping or parentheses (because it has a
/// WITH, an ORDER BY, a LIMIT, …) is decided from this before it is printed.
#[derive(Clone, Copy, Default)]
struct Shape {
    with: bool,
    order_by: bool,
    limit: bool,
    offset: bool,
    setop: bool,
}

impl Shape {
    fn has_tail(self) -> bool {
        self.order_by || self.limit || self.offset
    }

    /// The shape [`Printer::query`] gives `rel`: a `With`, `Limit` or `Sort` adds its clause
    /// to its input's query, or wraps the input (`SELECT * FROM (…)`, no clauses) first when
    /// the input already has that clause or one that must follow it.
    fn of(rel: &Rel) -> Shape {
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || match rel {
            Rel::With(w) => {
                let body = Shape::of(&w.body);
                Shape {
                    with: true,
                    ..if body.with { Shape::default() } else { body }
                }
            }
            Rel::Limit(l) => {
                let input = Shape::of(&l.input);
                Shape {
                    limit: l.fetch.is_some(),
                    offset: l.offset.is_some(),
                    ..if input.limit || input.offset {
                        Shape::default()
                    } else {
                        input
                    }
                }
            }
            Rel::Sort(s) => {
                let input = Shape::of(&s.input);
                Shape {
                    order_by: !s.keys.is_empty(),
                    ..if input.has_tail() {
                        Shape::default()
                    } else {
                        input
                    }
                }
            }
            Rel::SetOp(_) => Shape {
                setop: true,
                ..Shape::default()
            },
            _ => Shape::default(),
        })
    }
}

/// Writes one statement's text into `out`, each part once, at its final place.
///
/// Indentation contract. Nested text (a subquery, a CTE body, the select list, VALUES rows) is
/// a *block*: every line of it is indented two spaces more than the text around it. A block is
/// opened by [`Printer::open`] right after a line break and closed by [`Printer::close`];
/// `depth` counts the open blocks. Every line break is written by [`Printer::nl`], which
/// indents the new line by `2 * depth` spaces, and text that may hold line breaks of its own
/// (identifiers, literals, templates as written) goes through [`Printer::text`], whose line
/// breaks are layout line breaks too. The result is exactly what printing each block to a
/// string and indenting its `str::lines` would give, edge cases included: inside a block a
/// `\r` before a line break is dropped, a block's final line break is dropped, and an empty
/// block adds nothing.
struct Printer {
    diags: Vec<Diagnostic>,
    fresh: usize,
    out: String,
    depth: usize,
    /// How deep [`Printer::expr_to`] calls are nested.
    expr_depth: u32,
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

    // ------------------------------------------------------------------ layout

    /// Ends the line and starts the next one at the indentation of the open blocks.
    fn nl(&mut self) {
        if self.depth > 0 {
            // `str::lines` ends a line at `\r\n` as well as at `\n`.
            if self.out.as_bytes().last() == Some(&b'\r') {
                self.out.pop();
            }
            let n = 2 * self.depth;
            if n < NL_SPACES.len() {
                self.out.push_str(&NL_SPACES[..n + 1]);
            } else {
                self.deep_nl(n);
            }
        } else {
            self.out.push('\n');
        }
    }

    /// [`Printer::nl`] at a depth of more spaces than [`NL_SPACES`] holds.
    #[cold]
    #[inline(never)]
    fn deep_nl(&mut self, spaces: usize) {
        self.out.push('\n');
        let mut n = spaces;
        while n > 0 {
            let k = n.min(NL_SPACES.len() - 1);
            self.out.push_str(&NL_SPACES[1..k + 1]);
            n -= k;
        }
    }

    /// Text whose own line breaks are line breaks of the layout (see [`Printer`]).
    fn text(&mut self, s: &str) {
        if self.depth == 0 || !s.as_bytes().contains(&b'\n') {
            self.out.push_str(s);
        } else {
            self.text_lines(s);
        }
    }

    /// [`Printer::text`] of text with line breaks, inside a block.
    #[cold]
    #[inline(never)]
    fn text_lines(&mut self, s: &str) {
        for (i, line) in s.split('\n').enumerate() {
            if i > 0 {
                self.nl();
            }
            self.out.push_str(line);
        }
    }

    /// Opens a block. The caller has just ended a line with [`Printer::nl`]: the block's first
    /// line is indented here, its other lines by `nl`. Returns where the block's text starts.
    fn open(&mut self) -> usize {
        self.out.push_str("  ");
        self.depth += 1;
        self.out.len()
    }

    /// Closes the block whose text starts at `start`, as `str::lines` would see it: an empty
    /// block adds nothing (not even its indentation), and a final line break is dropped.
    fn close(&mut self, start: usize) {
        let width = 2 * self.depth;
        self.depth -= 1;
        let len = self.out.len();
        if len == start {
            self.out.truncate(start - 2);
            return;
        }
        // Ends in a line break written at this depth: `\n` and exactly `width` spaces. (The
        // printer's own line breaks are always followed by text; only text can end a block
        // with one.)
        let b = self.out.as_bytes();
        if b[len - 1] == b' '
            && len > width
            && b[len - width - 1] == b'\n'
            && b[len - width..].iter().all(|&c| c == b' ')
        {
            self.out.truncate(len - width - 1);
        }
    }

    /// `rel`'s query as a block between lines `(` and `)`.
    fn block_query(&mut self, rel: &Rel) {
        self.out.push('(');
        self.nl();
        let start = self.open();
        self.query(rel);
        self.close(start);
        self.nl();
        self.out.push(')');
    }

    /// An identifier, quoted with back-ticks unless plain (see [`quote`]).
    fn ident(&mut self, name: &str) {
        // A line break inside a quoted name is part of the name: written as it is, never
        // indented (that would rename the column).
        if is_plain(name) {
            self.out.push_str(name);
        } else {
            push_backticked(&mut self.out, name);
        }
    }

    /// `a, b, c` with each name quoted as needed.
    fn ident_list(&mut self, names: &[String]) {
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.ident(n);
        }
    }

    /// ` (a, b, c)`, or nothing for no names.
    fn column_list(&mut self, names: &[String]) {
        if !names.is_empty() {
            self.out.push_str(" (");
            self.ident_list(names);
            self.out.push(')');
        }
    }

    /// `(a, b, c)` if there are column names.
    fn alias_columns(&mut self, columns: &Option<Vec<String>>) {
        if let Some(cs) = columns {
            self.out.push('(');
            self.ident_list(cs);
            self.out.push(')');
        }
    }

    /// `(a, b, c)`: the names of `fields`.
    fn field_names(&mut self, fields: &[Field]) {
        self.out.push('(');
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.ident(&f.name);
        }
        self.out.push(')');
    }

    fn qualified(&mut self, parts: &[String]) {
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                self.out.push('.');
            }
            self.ident(p);
        }
    }

    // ------------------------------------------------------------------ queries

    fn query(&mut self, rel: &Rel) {
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || self.query_inner(rel))
    }

    /// `rel`'s query; if `wrap`, as `SELECT * FROM (<query>) AS _qN`, so that the caller can
    /// add a clause the query already has (or one that must not follow it).
    fn query_wrapped_if(&mut self, rel: &Rel, wrap: bool) {
        if wrap {
            self.out.push_str("SELECT *");
            self.nl();
            self.out.push_str("FROM ");
            self.block_query(rel);
            self.out.push_str(" AS ");
            let alias = self.fresh_alias("_q");
            self.out.push_str(&alias);
        } else {
            self.query(rel);
        }
    }

    fn query_inner(&mut self, rel: &Rel) {
        match rel {
            Rel::With(w) => {
                self.out.push_str("WITH ");
                if w.recursive {
                    self.out.push_str("RECURSIVE ");
                }
                for (i, c) in w.ctes.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                        self.nl();
                    }
                    self.ident(&c.name);
                    self.alias_columns(&c.columns);
                    self.out.push_str(" AS ");
                    self.block_query(&c.rel);
                }
                self.nl();
                self.query_wrapped_if(&w.body, Shape::of(&w.body).with);
            }
            Rel::Limit(l) => {
                let input = Shape::of(&l.input);
                self.query_wrapped_if(&l.input, input.limit || input.offset);
                if let Some(e) = &l.fetch {
                    self.nl();
                    self.out.push_str("LIMIT ");
                    self.expr_to(e, 0);
                }
                if let Some(e) = &l.offset {
                    self.nl();
                    self.out.push_str("OFFSET ");
                    self.expr_to(e, 0);
                }
            }
            Rel::Sort(s) => {
                self.query_wrapped_if(&s.input, Shape::of(&s.input).has_tail());
                if !s.keys.is_empty() {
                    self.nl();
                    self.out.push_str("ORDER BY ");
                    for (i, k) in s.keys.iter().enumerate() {
                        if i > 0 {
                            self.out.push_str(", ");
                        }
                        self.sort_key(k);
                    }
                }
            }
            Rel::Project(p) => self.select_block(p),
            Rel::SetOp(s) => {
                self.setop_side(&s.left, s.kind, false);
                self.nl();
                self.out.push_str(match s.kind {
                    SetOpKind::Union => "UNION",
                    SetOpKind::Intersect => "INTERSECT",
                    SetOpKind::Except => "EXCEPT",
                });
                self.out.push_str(if s.all { " ALL" } else { " DISTINCT" });
                self.nl();
                self.setop_side(&s.right, s.kind, true);
            }
            Rel::Values(v) => {
                let alias = self.fresh_alias("_v");
                if v.fields.is_empty() {
                    self.out.push_str("SELECT 1");
                } else {
                    self.out.push_str("SELECT *");
                    self.nl();
                    self.out.push_str("FROM ");
                    self.values_rows(v);
                    self.out.push_str(" AS ");
                    self.out.push_str(&alias);
                    self.field_names(&v.fields);
                }
            }
            other => {
                self.out.push_str("SELECT *");
                self.nl();
                self.out.push_str("FROM ");
                self.write_from(other);
            }
        }
    }

    /// One operand of a set operation, parenthesised when its clauses or its own set
    /// operation would otherwise bind to the outer one.
    fn setop_side(&mut self, r: &Rel, kind: SetOpKind, is_right: bool) {
        let prec = |k: SetOpKind| if k == SetOpKind::Intersect { 2 } else { 1 };
        let q = Shape::of(r);
        let needs_parens = q.has_tail()
            || q.with
            || (q.setop
                && match r {
                    Rel::SetOp(inner) => is_right || prec(inner.kind) < prec(kind),
                    _ => true,
                });
        if needs_parens {
            self.block_query(r);
        } else {
            self.query(r);
        }
    }

    fn values_rows(&mut self, v: &Values) {
        self.out.push_str("VALUES");
        self.nl();
        let start = self.open();
        for (i, r) in v.rows.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
                self.nl();
            }
            self.out.push('(');
            self.expr_list(r);
            self.out.push(')');
        }
        self.close(start);
    }

    fn select_block(&mut self, p: &Project) {
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
        self.out.push_str("SELECT");
        if p.distinct {
            self.out.push_str(" DISTINCT");
        }
        if p.items.len() <= 1 {
            self.out.push(' ');
            if let Some(i) = p.items.first() {
                self.select_item(i);
            }
        } else {
            self.nl();
            let start = self.open();
            for (n, i) in p.items.iter().enumerate() {
                if n > 0 {
                    self.out.push(',');
                    self.nl();
                }
                self.select_item(i);
            }
            self.close(start);
        }
        let no_from = matches!(input, Rel::Values(v) if v.fields.is_empty() && v.rows.len() == 1);
        if !no_from {
            self.nl();
            self.out.push_str("FROM ");
            self.write_from(input);
        }
        if let Some(w) = where_ {
            self.nl();
            self.out.push_str("WHERE ");
            self.expr_to(w, 0);
        }
        if let Some(g) = group_by {
            if !g.elements.is_empty() {
                self.nl();
                self.out.push_str("GROUP BY ");
                for (i, el) in g.elements.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    match el {
                        GroupingElement::Expr(e) => self.expr_to(e, 0),
                        GroupingElement::Rollup(sets) => {
                            self.out.push_str("ROLLUP(");
                            self.grouping_sets(sets, false);
                            self.out.push(')');
                        }
                        GroupingElement::Cube(sets) => {
                            self.out.push_str("CUBE(");
                            self.grouping_sets(sets, false);
                            self.out.push(')');
                        }
                        GroupingElement::GroupingSets(sets) => {
                            self.out.push_str("GROUPING SETS(");
                            self.grouping_sets(sets, true);
                            self.out.push(')');
                        }
                    }
                }
            }
        }
        if let Some(h) = having {
            self.nl();
            self.out.push_str("HAVING ");
            self.expr_to(h, 0);
        }
    }

    /// `a, (b, c)`; with `parens`, every set in parentheses: `(a), (b, c)`.
    fn grouping_sets(&mut self, sets: &[Vec<Expr>], parens: bool) {
        for (i, set) in sets.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            if set.len() == 1 && !parens {
                self.expr_to(&set[0], 0);
            } else {
                self.out.push('(');
                self.expr_list(set);
                self.out.push(')');
            }
        }
    }

    fn select_item(&mut self, i: &ProjectItem) {
        self.expr_to(&i.expr, 0);
        let natural = match &i.expr.kind {
            ExprKind::Wildcard { .. } => return,
            ExprKind::Column(c) => Some(&*c.name),
            _ => None,
        };
        if natural != Some(i.name.as_str()) {
            self.out.push_str(" AS ");
            self.ident(&i.name);
        }
    }

    fn sort_key(&mut self, k: &SortKey) {
        self.expr_to(&k.expr, 0);
        self.out.push_str(if k.asc { " ASC" } else { " DESC" });
        match k.nulls_first {
            Some(true) => self.out.push_str(" NULLS FIRST"),
            Some(false) => self.out.push_str(" NULLS LAST"),
            None => {}
        }
    }

    // ------------------------------------------------------------------ FROM

    /// A whole FROM clause: UNNESTs joined at the end become LATERAL VIEWs.
    fn write_from(&mut self, rel: &Rel) {
        if let Rel::Join(j) = rel {
            if let Rel::Unnest(u) = &*j.right {
                self.write_from(&j.left);
                self.nl();
                self.lateral_view(u, j.kind == JoinKind::Left);
                return;
            }
        }
        self.write_from_item(rel)
    }

    fn lateral_view(&mut self, u: &Unnest, outer: bool) {
        let fresh;
        let alias = match &u.alias {
            Some(a) => a.as_str(),
            None => {
                fresh = self.fresh_alias("_u");
                fresh.as_str()
            }
        };
        self.out.push_str(if outer {
            "LATERAL VIEW OUTER "
        } else {
            "LATERAL VIEW "
        });
        self.generator(u);
        self.out.push(' ');
        self.ident(alias);
        self.out.push_str(" AS ");
        self.generator_columns(u);
    }

    /// The Spark generator for an UNNEST.
    fn generator(&mut self, u: &Unnest) {
        if u.exprs.len() > 1 {
            self.out.push_str("inline(arrays_zip(");
            self.expr_list(&u.exprs);
            self.out.push_str("))");
            return;
        }
        let rows = u.exprs.len() == 1
            && matches!(&u.exprs[0].ty, Type::Array { element } if matches!(**element, Type::Row { .. }));
        self.out.push_str(if u.ordinality {
            "posexplode("
        } else if rows {
            "inline("
        } else {
            "explode("
        });
        if let Some(e) = u.exprs.first() {
            self.expr_to(e, 0);
        }
        self.out.push(')');
    }

    /// The column names [`Printer::generator`] produces, in Spark's order.
    fn generator_columns(&mut self, u: &Unnest) {
        let names = &u.fields;
        let (first, rest) = if u.exprs.len() <= 1 && u.ordinality {
            // posexplode gives (pos, value…); the ordinality column is last in Trino.
            let (value_cols, ord) = names.split_at(names.len().saturating_sub(1));
            (ord, value_cols)
        } else {
            (&names[..], &[][..])
        };
        for (i, f) in first.iter().chain(rest).enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.ident(&f.name);
        }
    }

    /// A table name with its `FOR … AS OF`, without the alias.
    fn scan_table(&mut self, s: &Scan) {
        self.qualified(&s.table.parts);
        if let Some(tt) = &s.time_travel {
            self.out.push_str(" FOR ");
            self.text(&tt.kind);
            self.out.push_str(" AS OF ");
            self.expr_to(&tt.expr, P_ATOM);
        }
    }

    /// ` AS alias`, if there is one.
    fn as_alias(&mut self, alias: &Option<String>) {
        if let Some(a) = alias {
            self.out.push_str(" AS ");
            self.ident(a);
        }
    }

    /// The alias of `a`, or a fresh one if it has none.
    fn alias_name(&mut self, a: &Alias) -> String {
        if a.alias.is_empty() {
            self.fresh_alias("_t")
        } else {
            a.alias.clone()
        }
    }

    fn write_from_item(&mut self, rel: &Rel) {
        match rel {
            Rel::Scan(s) => {
                self.scan_table(s);
                self.as_alias(&s.alias);
            }
            Rel::CteRef(c) => {
                self.ident(&c.name);
                self.as_alias(&c.alias);
            }
            Rel::Alias(a) => {
                let alias = self.alias_name(a);
                match &*a.input {
                    Rel::Scan(_) | Rel::CteRef(_) => {
                        self.write_from_item(&a.input);
                        self.out.push_str(" AS ");
                        self.ident(&alias);
                        self.alias_columns(&a.columns);
                    }
                    Rel::Values(v) => {
                        self.values_rows(v);
                        self.out.push_str(" AS ");
                        self.ident(&alias);
                        self.field_names(&a.fields);
                    }
                    inner => {
                        self.block_query(inner);
                        self.out.push_str(" AS ");
                        self.ident(&alias);
                        self.alias_columns(&a.columns);
                    }
                }
            }
            Rel::Join(j) => {
                self.write_from_item(&j.left);
                let lateral = j.lateral && !matches!(*j.right, Rel::Unnest(_));
                if j.implicit {
                    self.out.push(',');
                    self.nl();
                } else {
                    self.nl();
                    self.out.push_str(match j.kind {
                        JoinKind::Inner => "JOIN ",
                        JoinKind::Left => "LEFT JOIN ",
                        JoinKind::Right => "RIGHT JOIN ",
                        JoinKind::Full => "FULL JOIN ",
                        JoinKind::Cross => "CROSS JOIN ",
                        JoinKind::Semi => "LEFT SEMI JOIN ",
                        JoinKind::Anti => "LEFT ANTI JOIN ",
                    });
                }
                if lateral {
                    self.out.push_str("LATERAL ");
                }
                if let Rel::Join(_) = &*j.right {
                    self.out.push('(');
                    self.write_from_item(&j.right);
                    self.out.push(')');
                } else {
                    self.write_from_item(&j.right);
                }
                if j.implicit {
                    return;
                }
                if let Some(c) = &j.condition {
                    self.out.push_str(" ON ");
                    self.expr_to(c, 0);
                } else if !j.using.is_empty() {
                    self.out.push_str(" USING (");
                    self.ident_list(&j.using);
                    self.out.push(')');
                }
            }
            Rel::Values(v) => {
                let alias = self.fresh_alias("_v");
                self.values_rows(v);
                self.out.push_str(" AS ");
                self.out.push_str(&alias);
                self.field_names(&v.fields);
            }
            Rel::Unnest(u) => {
                // A standalone UNNEST in FROM: a table-valued generator.
                let alias = u.alias.clone().unwrap_or_else(|| self.fresh_alias("_u"));
                self.generator(u);
                self.out.push_str(" AS ");
                self.ident(&alias);
                self.out.push('(');
                self.generator_columns(u);
                self.out.push(')');
            }
            Rel::Sample(s) => {
                // Printed first, as the numbering of fresh aliases has always followed.
                let pct = self.expr(&s.percentage, 0);
                let sample = format!("TABLESAMPLE ({pct} PERCENT)");
                // Spark's grammar: a table name (with FOR … AS OF) or a parenthesised query, then
                // TABLESAMPLE, then the alias. An inline table (VALUES) takes no TABLESAMPLE, so
                // anything but a table becomes a parenthesised query under its alias.
                match &*s.input {
                    Rel::Scan(sc) => {
                        self.scan_table(sc);
                        self.out.push(' ');
                        self.out.push_str(&sample);
                        self.as_alias(&sc.alias);
                    }
                    Rel::CteRef(c) => {
                        self.ident(&c.name);
                        self.out.push(' ');
                        self.out.push_str(&sample);
                        self.as_alias(&c.alias);
                    }
                    Rel::Alias(a)
                        if matches!(&*a.input, Rel::Scan(sc) if sc.alias.is_none())
                            || matches!(&*a.input, Rel::CteRef(c) if c.alias.is_none()) =>
                    {
                        let alias = self.alias_name(a);
                        self.write_from_item(&a.input);
                        self.out.push(' ');
                        self.out.push_str(&sample);
                        self.out.push_str(" AS ");
                        self.ident(&alias);
                        self.alias_columns(&a.columns);
                    }
                    Rel::Alias(a) => {
                        // `(SELECT * FROM <item> AS a(cols)) TABLESAMPLE (…) AS a`: the same name
                        // and columns outside. (Not a block: the item keeps its indentation.)
                        let alias = self.alias_name(a);
                        self.out.push('(');
                        self.nl();
                        self.out.push_str("  SELECT *");
                        self.nl();
                        self.out.push_str("  FROM ");
                        self.write_from_item(&s.input);
                        self.nl();
                        self.out.push_str(") ");
                        self.out.push_str(&sample);
                        self.out.push_str(" AS ");
                        self.ident(&alias);
                    }
                    other => {
                        let alias = self.fresh_alias("_t");
                        self.block_query(other);
                        self.out.push(' ');
                        self.out.push_str(&sample);
                        self.out.push_str(" AS ");
                        self.out.push_str(&alias);
                    }
                }
            }
            other => {
                let alias = self.fresh_alias("_t");
                self.block_query(other);
                self.out.push_str(" AS ");
                self.out.push_str(&alias);
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

    /// `e` printed on its own (at the current depth, to be placed at it), parenthesised if
    /// its precedence is below `min`.
    fn expr(&mut self, e: &Expr, min: u8) -> String {
        let outer = std::mem::replace(&mut self.out, String::with_capacity(64));
        self.expr_to(e, min);
        std::mem::replace(&mut self.out, outer)
    }

    /// Appends `e`, parenthesised if its precedence is below `min`. Expressions are
    /// written into one buffer: building a string per node and copying it into its parent's
    /// was a tenth of a translation.
    fn expr_to(&mut self, e: &Expr, min: u8) {
        // The commonest nodes, atoms that nest nothing: printed at once.
        match &e.kind {
            ExprKind::Column(c) => return self.column(c),
            // (A negative number binds as a unary minus: below.)
            ExprKind::SparkLiteral(t) if !t.starts_with('-') => return self.text(t),
            _ => {}
        }
        // Asking for the stack's room costs a fifth of printing a column: ask every eighth
        // level of nesting, for room enough for eight levels.
        self.expr_depth += 1;
        if self.expr_depth.is_multiple_of(8) {
            stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || self.expr_unchecked(e, min));
        } else {
            self.expr_unchecked(e, min);
        }
        self.expr_depth -= 1;
    }

    /// [`Printer::expr_to`] without the stack check.
    fn expr_unchecked(&mut self, e: &Expr, min: u8) {
        // (Every precedence is at least 0: no need to compute it for `min` 0.)
        if min > 0 && Self::prec(e) < min {
            self.out.push('(');
            self.expr_raw(e);
            self.out.push(')');
        } else {
            self.expr_raw(e);
        }
    }

    /// `a, b, c`.
    fn expr_list(&mut self, list: &[Expr]) {
        for (i, x) in list.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr_to(x, 0);
        }
    }

    /// A column reference, qualified when written so or when it refers to an outer query.
    fn column(&mut self, c: &ColumnRef) {
        if (c.written_qualified || c.depth > 0) && c.qualifier.is_some() {
            self.ident(c.qualifier.as_deref().unwrap_or_default());
            self.out.push('.');
        }
        self.ident(&c.name);
    }

    fn expr_raw(&mut self, e: &Expr) {
        use ExprKind::*;
        match &e.kind {
            Column(c) => self.column(c),
            Wildcard { qualifier } => {
                if let Some(q) = qualifier {
                    self.ident(q);
                    self.out.push('.');
                }
                self.out.push('*');
            }
            OutputRef { name, .. } => self.ident(name),
            SparkLiteral(t) => self.text(t),
            SparkCall { name, args } | Call { name, args } => {
                // (`Call` is flagged by the rewrite crate already; printed as written so the
                // output stays readable.)
                self.text(name);
                self.out.push('(');
                self.expr_list(args);
                self.out.push(')');
            }
            SparkCast {
                expr,
                spark_type,
                safe,
            } => {
                self.out.push_str(if *safe { "TRY_CAST(" } else { "CAST(" });
                self.expr_to(expr, 0);
                self.out.push_str(" AS ");
                self.text(spark_type);
                self.out.push(')');
            }
            SparkInfix { op, left, right } => {
                let p = Self::prec(e);
                self.expr_to(left, p);
                self.out.push(' ');
                self.out.push_str(op);
                self.out.push(' ');
                self.expr_to(right, p + 1);
            }
            SparkTemplate { template, args } => {
                let start = self.out.len();
                let mut rest = template.as_str();
                while let Some(open) = rest.find('{') {
                    self.text(&rest[..open]);
                    let after = &rest[open + 1..];
                    match after
                        .find('}')
                        .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (close, i)))
                    {
                        Some((close, i)) if i < args.len() => {
                            // A hole that is a whole function argument (`f({0}, {1})`) needs no
                            // parentheses; anywhere else the argument binds like an atom.
                            let before = self.out[start..].trim_end().chars().last();
                            let next = after[close + 1..].trim_start().chars().next();
                            let bare = matches!(before, Some('(' | ','))
                                && matches!(next, Some(',' | ')'));
                            self.expr_to(&args[i], if bare { 0 } else { P_ATOM });
                            rest = &after[close + 1..];
                        }
                        _ => {
                            self.out.push('{');
                            rest = after;
                        }
                    }
                }
                self.text(rest);
            }
            Binary { op, left, right } => {
                let p = Self::prec(e);
                // Left-associative; comparisons do not chain, so both sides bind tighter.
                let rp = p + 1;
                let lp = if op.is_comparison() { p + 1 } else { p };
                self.expr_to(left, lp);
                self.out.push(' ');
                self.out.push_str(op.symbol());
                self.out.push(' ');
                self.expr_to(right, rp);
            }
            Unary { op, expr } => match op {
                UnaryOp::Not => {
                    self.out.push_str("NOT ");
                    self.expr_to(expr, P_NOT);
                }
                UnaryOp::Neg => {
                    self.out.push('-');
                    self.expr_to(expr, P_UNARY + 1);
                }
                UnaryOp::Plus => self.expr_to(expr, P_UNARY),
            },
            Case {
                operand,
                branches,
                else_result,
            } => {
                self.out.push_str("CASE");
                if let Some(o) = operand {
                    self.out.push(' ');
                    self.expr_to(o, 0);
                }
                for (w, t) in branches {
                    self.out.push_str(" WHEN ");
                    self.expr_to(w, 0);
                    self.out.push_str(" THEN ");
                    self.expr_to(t, 0);
                }
                if let Some(x) = else_result {
                    self.out.push_str(" ELSE ");
                    self.expr_to(x, 0);
                }
                self.out.push_str(" END");
            }
            InList {
                expr,
                list,
                negated,
            } => {
                self.expr_to(expr, P_CMP + 1);
                self.out
                    .push_str(if *negated { " NOT IN (" } else { " IN (" });
                self.expr_list(list);
                self.out.push(')');
            }
            Between {
                expr,
                low,
                high,
                negated,
            } => {
                self.expr_to(expr, P_CMP + 1);
                self.out.push_str(if *negated {
                    " NOT BETWEEN "
                } else {
                    " BETWEEN "
                });
                self.expr_to(low, P_CMP + 1);
                self.out.push_str(" AND ");
                self.expr_to(high, P_CMP + 1);
            }
            Like {
                expr,
                pattern,
                escape,
                negated,
            } => {
                self.expr_to(expr, P_CMP + 1);
                self.out
                    .push_str(if *negated { " NOT LIKE " } else { " LIKE " });
                self.expr_to(pattern, P_CMP + 1);
                if let Some(esc) = escape {
                    self.out.push_str(" ESCAPE ");
                    self.expr_to(esc, P_ATOM);
                }
            }
            IsNull { expr, negated } => {
                self.expr_to(expr, P_CMP + 1);
                self.out
                    .push_str(if *negated { " IS NOT NULL" } else { " IS NULL" });
            }
            FieldAccess { expr, field } => {
                self.expr_to(expr, P_ATOM);
                self.out.push('.');
                self.ident(field);
            }
            Lambda { params, body } => {
                if params.len() == 1 {
                    self.ident(&params[0]);
                } else {
                    self.out.push('(');
                    for (i, p) in params.iter().enumerate() {
                        if i > 0 {
                            self.out.push_str(", ");
                        }
                        self.ident(p);
                    }
                    self.out.push(')');
                }
                self.out.push_str(" -> ");
                self.expr_to(body, 0);
            }
            LambdaVar(v) => self.ident(v),
            ScalarSubquery(r) => self.block_query(r),
            Exists { rel, negated } => {
                self.out
                    .push_str(if *negated { "NOT EXISTS " } else { "EXISTS " });
                self.block_query(rel);
            }
            InSubquery { expr, rel, negated } => {
                self.expr_to(expr, P_CMP + 1);
                self.out
                    .push_str(if *negated { " NOT IN " } else { " IN " });
                self.block_query(rel);
            }
            Aggregate(a) => {
                self.text(&a.name);
                self.out.push('(');
                if a.distinct {
                    self.out.push_str("DISTINCT ");
                }
                if a.args.is_empty() && a.name == "count" {
                    self.out.push('*');
                } else {
                    self.expr_list(&a.args);
                }
                self.out.push(')');
                if let Some(f) = &a.filter {
                    self.out.push_str(" FILTER (WHERE ");
                    self.expr_to(f, 0);
                    self.out.push(')');
                }
            }
            Window(w) => {
                self.expr_to(&w.function, P_ATOM);
                if w.ignore_nulls {
                    self.out.push_str(" IGNORE NULLS");
                }
                self.out.push_str(" OVER (");
                let mut sep = "";
                if !w.partition_by.is_empty() {
                    self.out.push_str("PARTITION BY ");
                    self.expr_list(&w.partition_by);
                    sep = " ";
                }
                if !w.order_by.is_empty() {
                    self.out.push_str(sep);
                    self.out.push_str("ORDER BY ");
                    for (i, k) in w.order_by.iter().enumerate() {
                        if i > 0 {
                            self.out.push_str(", ");
                        }
                        self.sort_key(k);
                    }
                    sep = " ";
                }
                if let Some(fr) = &w.frame {
                    self.out.push_str(sep);
                    let _ = write!(self.out, "{}", fr.units);
                    match &fr.end {
                        Some(end) => {
                            self.out.push_str(" BETWEEN ");
                            self.bound(&fr.start);
                            self.out.push_str(" AND ");
                            self.bound(end);
                        }
                        None => {
                            self.out.push(' ');
                            self.bound(&fr.start);
                        }
                    }
                }
                self.out.push(')');
            }
            Literal(l) => {
                self.internal(&format!("Trino literal {l}"), e.span);
                self.text(&l.to_string());
            }
            Try(x) => {
                self.out.push_str("try(");
                self.expr_to(x, 0);
                self.out.push(')');
            }
            AtTimeZone { expr, zone } => {
                self.expr_to(expr, P_ATOM);
                self.out.push_str(" AT TIME ZONE ");
                self.expr_to(zone, P_ATOM);
            }
            Quantified {
                left,
                op,
                quantifier,
                rel,
            } => {
                // Flagged by the rewrite crate (Spark has no quantified comparison).
                self.expr_to(left, P_CMP + 1);
                let _ = write!(
                    self.out,
                    " {} {} ",
                    op.symbol(),
                    format!("{quantifier:?}").to_uppercase()
                );
                self.block_query(rel);
            }
            Cast { .. }
            | Array(_)
            | Row(_)
            | Subscript { .. }
            | Extract { .. }
            | IsDistinctFrom { .. }
            | Grouping(_) => {
                self.internal(&format!("`{e}`"), e.span);
                self.text(&e.to_string());
            }
        }
    }

    fn bound(&mut self, b: &FrameBound) {
        match b {
            FrameBound::UnboundedPreceding => self.out.push_str("UNBOUNDED PRECEDING"),
            FrameBound::Preceding(e) => {
                self.expr_to(e, P_ATOM);
                self.out.push_str(" PRECEDING");
            }
            FrameBound::CurrentRow => self.out.push_str("CURRENT ROW"),
            FrameBound::Following(e) => {
                self.expr_to(e, P_ATOM);
                self.out.push_str(" FOLLOWING");
            }
            FrameBound::UnboundedFollowing => self.out.push_str("UNBOUNDED FOLLOWING"),
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

    /// The chunked test of [`is_plain`] sees every byte, at every length around its chunk size.
    #[test]
    fn every_byte_of_a_name_is_checked() {
        for len in 1..=20 {
            for pos in 0..len {
                for bad in [b'A', b'-', b' ', b'`', 0x80, 0xff] {
                    let mut name = vec![b'x'; len];
                    name[pos] = bad;
                    let name = String::from_utf8_lossy(&name);
                    assert!(!is_plain(&name), "{name:?}");
                }
                assert!(is_plain(&"x".repeat(len)));
            }
        }
    }

    #[test]
    fn every_keyword_is_found() {
        for k in KEYWORDS {
            assert!(is_keyword(k), "{k}");
            assert_eq!(quote(k), format!("`{k}`"));
        }
        for w in [
            "l_orderkey",
            "a",
            "_",
            "selects",
            "yea",
            "currents",
            "x1",
            "n_name",
        ] {
            assert!(!is_keyword(w), "{w}");
        }
    }

    /// Blocks written in place come out as printing each block on its own and indenting its
    /// `str::lines` would give, whatever line breaks the text holds.
    #[test]
    fn blocks_indent_as_str_lines_would() {
        fn indent_lines(text: &str) -> String {
            text.lines()
                .map(|l| format!("  {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        }
        let texts = [
            "x", "a\nb", "a\r\nb", "x\n", "x\r\n", "x\n\n", "\n", "", "x\r", "a\n  b\n", "\nx",
        ];
        for outer in texts {
            for inner in texts {
                let level1 = format!("{outer}\n(\n{}\n)", indent_lines(inner));
                let expected = format!("(\n{}\n)", indent_lines(&level1));
                let mut p = Printer {
                    diags: vec![],
                    fresh: 0,
                    out: String::new(),
                    depth: 0,
                    expr_depth: 0,
                };
                p.out.push('(');
                p.nl();
                let a = p.open();
                p.text(outer);
                p.nl();
                p.out.push('(');
                p.nl();
                let b = p.open();
                p.text(inner);
                p.close(b);
                p.nl();
                p.out.push(')');
                p.close(a);
                p.nl();
                p.out.push(')');
                assert_eq!(p.out, expected, "outer {outer:?}, inner {inner:?}");
            }
        }
    }
}
