//! Scalar rewrites: operators, casts, function calls and literals (catalog §1–§16).
//!
//! Runs bottom-up, so a node sees its arguments already rewritten while their `ty` is still
//! the Trino type. Two sweeps: first semantics (every node whose meaning differs), then
//! spelling (literals), so the semantic sweep can still read Trino literals.

use crate::spark_types::spark_type;
use crate::{SparkVersion, Target};
use t2s_ir::visit::{for_each_expr_mut, for_each_expr_mut_without_subplans, transform_up_in_walk};
use t2s_ir::*;

mod aggregates;
mod functions;
mod natives;
mod natives_coll;
mod natives_num;
mod natives_text;

pub use functions::UnknownFunctions;
pub use natives::natives;

/// What the scalar pass reports besides rewriting the plan.
#[derive(Debug, Default)]
pub struct ScalarOutput {
    /// Statements the output needs before it (`CREATE TEMPORARY FUNCTION … USING JAR …`).
    pub setup: Vec<String>,
    /// The mapping rules applied (`name@file:line`), in first-use order.
    pub applied: Vec<String>,
}

pub fn rewrite(
    rel: &mut Rel,
    target: &Target,
    registry: &t2s_mappings::Registry,
    unknown_functions: UnknownFunctions,
    diags: &mut Vec<Diagnostic>,
) -> ScalarOutput {
    rewrite_plan(rel, target, registry, unknown_functions, diags, true, false)
}

/// [`rewrite`]; `subplans: false` when the plan is known to hold no subquery (this pass adds
/// none), so the sweeps need not look for them; `null_order`: also make the null order of
/// every window's and aggregate's ORDER BY explicit (as [`crate::nulls`]), each node as the
/// semantic sweep reaches it, before anything reads it.
pub(crate) fn rewrite_plan(
    rel: &mut Rel,
    target: &Target,
    registry: &t2s_mappings::Registry,
    unknown_functions: UnknownFunctions,
    diags: &mut Vec<Diagnostic>,
    subplans: bool,
    null_order: bool,
) -> ScalarOutput {
    let mut out = ScalarOutput::default();
    let mut cx = Cx {
        target: *target,
        diags,
        registry,
        unknown_functions,
        setup: &mut out.setup,
        applied: &mut out.applied,
        recorded: Vec::new(),
        rules: Vec::new(),
        spark_types: Vec::new(),
        spell: false,
    };
    // Both sweeps in one walk of the plan: each root expression gets the semantic sweep, then
    // the spelling one (the semantic sweep of a node reads only its own subtree, never spelled
    // yet). The spelling sweep's diagnostics are kept apart and come after all of the semantic
    // sweep's, as when the sweeps walked the plan one after the other.
    let mut spelling_diags = Vec::new();
    let mut each_root = |root: &mut Expr| {
        if null_order {
            transform_up_in_walk(root, &mut |e| {
                crate::nulls::explicit_node(e);
                cx.semantics(e)
            });
        } else {
            transform_up_in_walk(root, &mut |e| cx.semantics(e));
        }
        // A tree of nodes the semantic sweep left as they were, none of them a literal, an
        // aggregate or a window, has nothing to spell.
        if cx.spell {
            cx.spell = false;
            let semantic = cx.diags.len();
            transform_up_in_walk(root, &mut |e| cx.spelling(e));
            if cx.diags.len() > semantic {
                spelling_diags.extend(cx.diags.drain(semantic..));
            }
        }
    };
    if subplans {
        for_each_expr_mut(rel, &mut each_root);
    } else {
        for_each_expr_mut_without_subplans(rel, &mut each_root);
    }
    cx.diags.append(&mut spelling_diags);
    out
}

/// What [`Cx::binary_or_same`] made of a binary operation.
enum BinaryOut {
    /// A replacement (`None`: keep the node, its operands taken out).
    New(Option<Expr>),
    /// The same operation over these operands, of this type.
    Same(Expr, Expr, Type),
}

struct Cx<'a, 'r> {
    target: Target,
    diags: &'a mut Vec<Diagnostic>,
    registry: &'r t2s_mappings::Registry,
    unknown_functions: UnknownFunctions,
    setup: &'a mut Vec<String>,
    applied: &'a mut Vec<String>,
    /// The arms already in `applied` (by address), so a repeated rule is not formatted again.
    recorded: Vec<&'r t2s_mappings::Arm>,
    /// The rules of each function name looked up so far (the registry lower-cases and hashes
    /// the name on every lookup).
    rules: Vec<(String, Vec<&'r t2s_mappings::Rule>)>,
    /// [`spark_type`] results already computed for this statement (it depends only on the
    /// type and the target).
    spark_types: Vec<(Type, Result<String, String>)>,
    /// Whether the root expression being rewritten may hold something to spell (set by the
    /// semantic sweep).
    spell: bool,
}

fn take(e: &mut Expr) -> Expr {
    std::mem::replace(e, Expr::literal(Literal::Null, Type::Unknown))
}

fn binary_node(op: BinaryOp, l: Expr, r: Expr, ty: Type) -> Expr {
    Expr::new(
        ExprKind::Binary {
            op,
            left: Box::new(l),
            right: Box::new(r),
        },
        ty,
    )
}

fn call(name: &str, args: Vec<Expr>, ty: Type) -> Expr {
    Expr::spark_call(name, args, ty)
}

/// Whether [`Cx::binary_or_same`] would keep this operation exactly as it is, without a
/// diagnostic: the common cases, decided without moving the operands (`false` when unsure).
fn binary_stays(op: BinaryOp, l: &Expr, r: &Expr, ty: &Type) -> bool {
    match op {
        BinaryOp::And | BinaryOp::Or => true,
        _ if op.is_comparison() => {
            char_compare_length(&[&l.ty, &r.ty]).is_none() && !may_be_nan(l) && !may_be_nan(r)
        }
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul => {
            // Decimal arithmetic: kept when Spark's result keeps Trino's scale (or cannot be
            // told), as in `Cx::keep_decimal_scale`.
            if let Type::Decimal { scale: want, .. } = *ty {
                if let (Some(a), Some(b)) = (spark_decimal_operand(l), spark_decimal_operand(r)) {
                    if spark_decimal_result(op, a, b).1 < want {
                        return false;
                    }
                }
            }
            let date_plus_interval = (l.ty == Type::Date && r.ty.is_interval())
                || (op == BinaryOp::Add && r.ty == Type::Date && l.ty.is_interval());
            let datetime_minus = op == BinaryOp::Sub && l.ty.is_datetime() && r.ty.is_datetime();
            op == BinaryOp::Mul || !(date_plus_interval || datetime_minus)
        }
        _ => false,
    }
}

/// Spark returns INT where Trino returns BIGINT (lengths, positions, date fields, ranks):
/// cast, so that arithmetic on the result overflows where Trino's would, and CTAS keeps the type.
fn bigint(e: Expr) -> Expr {
    Expr::spark_cast(e, "BIGINT".into(), Type::BigInt)
}

/// Spark's array positions are INT; Trino's are BIGINT. Narrow (failing loudly under ANSI
/// beyond INT, where no array could reach anyway).
fn int_index(e: Expr) -> Expr {
    match &e.ty {
        Type::Integer | Type::SmallInt | Type::TinyInt => e,
        _ if matches!(e.kind, ExprKind::Literal(Literal::Integer(_))) => e,
        _ => Expr::spark_cast(e, "INT".into(), Type::Integer),
    }
}

fn tmpl(template: &str, args: Vec<Expr>, ty: Type) -> Expr {
    Expr::new(
        ExprKind::SparkTemplate {
            template: template.to_string(),
            args,
        },
        ty,
    )
}

fn lit_int(v: i64) -> Expr {
    Expr::int(v)
}

fn spark_lit(text: &str, ty: Type) -> Expr {
    Expr::new(ExprKind::SparkLiteral(text.to_string()), ty)
}

fn str_lit(s: &str) -> Expr {
    Expr::literal(
        Literal::String(s.to_string()),
        Type::Varchar {
            length: Some(s.chars().count() as u32),
        },
    )
}

/// The constant integer value of a (Trino) literal, if it is one.
fn const_int(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Literal(Literal::Integer(t)) => t.parse().ok(),
        ExprKind::Cast { expr, .. } => const_int(expr),
        _ => None,
    }
}

fn const_str(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Literal(Literal::String(s)) => Some(s),
        _ => None,
    }
}

fn is_nonzero_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal(Literal::Integer(t))
        | ExprKind::Literal(Literal::Decimal(t))
        | ExprKind::Literal(Literal::Double(t)) => t
            .parse::<f64>()
            .map(|v| v != 0.0 && v.is_finite())
            .unwrap_or(false),
        _ => false,
    }
}

/// Spark's keyword for a Trino date/time unit name (`timestampadd` / `timestampdiff`).
fn unit_keyword(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "millisecond" => "MILLISECOND",
        "second" => "SECOND",
        "minute" => "MINUTE",
        "hour" => "HOUR",
        "day" => "DAY",
        "week" => "WEEK",
        "month" => "MONTH",
        "quarter" => "QUARTER",
        "year" => "YEAR",
        _ => return None,
    })
}

/// Whether casting `from` to `to` narrows a double/decimal to an integer somewhere inside.
fn contains_narrowing(from: &Type, to: &Type) -> bool {
    match (from, to) {
        (f, t) if t.is_integral() && (f.is_floating() || f.is_decimal()) => true,
        (Type::Array { element: f }, Type::Array { element: t }) => contains_narrowing(f, t),
        (Type::Map { key: fk, value: fv }, Type::Map { key: tk, value: tv }) => {
            contains_narrowing(fk, tk) || contains_narrowing(fv, tv)
        }
        (Type::Row { fields: f }, Type::Row { fields: t }) => f
            .iter()
            .zip(t)
            .any(|(a, b)| contains_narrowing(&a.ty, &b.ty)),
        _ => false,
    }
}

/// `n` in decimal digits, appended (as `write!(out, "{n}")`, without the formatter).
pub(crate) fn push_decimal(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

/// `DECIMAL(p,s)`, Spark's name of the type (as `format!`, without the formatter).
fn decimal_name(precision: u8, scale: u8) -> String {
    let mut s = String::with_capacity(14);
    s.push_str("DECIMAL(");
    push_decimal(&mut s, u64::from(precision));
    s.push(',');
    push_decimal(&mut s, u64::from(scale));
    s.push(')');
    s
}

/// Pads a CHAR comparison operand to `n` (Trino compares CHARs padded to the longer length;
/// the data may hold CHAR values padded or not, so both sides are padded explicitly).
fn pad_char(e: Expr, n: u32) -> Expr {
    if let ExprKind::Literal(Literal::String(s)) = &e.kind {
        let len = s.chars().count() as u32;
        let padded = if len < n {
            format!("{s}{}", " ".repeat((n - len) as usize))
        } else {
            s.clone()
        };
        return Expr::literal(Literal::String(padded), Type::Char { length: n }).with_span(e.span);
    }
    let span = e.span;
    call(
        "rpad",
        vec![e, lit_int(n as i64), str_lit(" ")],
        Type::Char { length: n },
    )
    .with_span(span)
}

/// For CHAR equality, trailing blanks do not count: compare with them removed (readable, and
/// equal to Trino's padded comparison for `=`, `<>` and IN).
fn trim_char(mut e: Expr) -> Expr {
    if let ExprKind::Literal(Literal::String(s)) = &mut e.kind {
        // Trimmed in its own buffer.
        let mut t = std::mem::take(s);
        t.truncate(t.trim_end_matches(' ').len());
        let n = t.chars().count() as u32;
        return Expr::literal(Literal::String(t), Type::Varchar { length: Some(n) })
            .with_span(e.span);
    }
    let span = e.span;
    call("rtrim", vec![e], Type::VARCHAR).with_span(span)
}

/// The CHAR length a comparison of these operand types is done at, if it is a CHAR comparison
/// that needs padding (same-length CHAR columns compare alike on both engines).
fn char_compare_length(types: &[&Type]) -> Option<u32> {
    if !types.iter().any(|t| matches!(t, Type::Char { .. })) {
        return None;
    }
    if types.windows(2).all(|w| w[0] == w[1]) {
        return None;
    }
    let mut common = Type::Unknown;
    for t in types {
        common = Type::common_super_type(&common, t)?;
    }
    match common {
        Type::Char { length } => Some(length),
        _ => None,
    }
}

fn may_be_nan(e: &Expr) -> bool {
    if !e.ty.is_floating() && !e.ty.is_unknown() {
        return false;
    }
    match &e.kind {
        ExprKind::Literal(Literal::Double(t) | Literal::Real(t)) => {
            t.parse::<f64>().map(|v| v.is_nan()).unwrap_or(true)
        }
        ExprKind::Literal(_) => false,
        _ => e.ty.is_floating(),
    }
}

/// The decimal type Spark gives an operand in decimal arithmetic: integer literals take the
/// fewest digits (`spark.sql.legacy.literal.pickMinimumPrecision`, on by default), other
/// integers their full width, decimals their own type.
fn spark_decimal_operand(e: &Expr) -> Option<(u8, u8)> {
    if let ExprKind::Literal(Literal::Integer(t)) = &e.kind {
        let digits = t.trim_start_matches('-').len().max(1) as u8;
        return Some((digits, 0));
    }
    e.ty.as_decimal()
}

/// Spark's result type of decimal arithmetic with `spark.sql.decimalOperations.allowPrecisionLoss`
/// (the default): the exact type, then if it needs more than 38 digits the scale is cut down
/// to what fits, but not below min(scale, 6).
pub fn spark_decimal_result(op: BinaryOp, (p1, s1): (u8, u8), (p2, s2): (u8, u8)) -> (u8, u8) {
    let (p1, s1, p2, s2) = (p1 as i32, s1 as i32, p2 as i32, s2 as i32);
    let (p, s) = match op {
        BinaryOp::Add | BinaryOp::Sub => {
            let s = s1.max(s2);
            ((p1 - s1).max(p2 - s2) + s + 1, s)
        }
        BinaryOp::Mul => (p1 + p2 + 1, s1 + s2),
        BinaryOp::Div => {
            let s = 6.max(s1 + p2 + 1);
            (p1 - s1 + s2 + s, s)
        }
        _ => {
            let s = s1.max(s2);
            ((p1 - s1).min(p2 - s2) + s, s)
        }
    };
    if p <= 38 {
        return (p as u8, s as u8);
    }
    let int_digits = p - s;
    let min_scale = s.min(6);
    (38, (38 - int_digits).max(min_scale) as u8)
}

/// Escapes a literal string for use as a Java regex that matches it literally.
fn regex_quote(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\^$.|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether [`spark_string`] quotes `s` as it is (nothing to escape).
fn spark_string_plain(s: &str) -> bool {
    /// The bytes [`spark_string`] copies as they are.
    static PLAIN: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0x20;
        while b < 256 {
            t[b] = !matches!(b as u8, b'\\' | b'\'' | b'{');
            b += 1;
        }
        t
    };
    // Without a branch per byte: the text is short, and almost always plain.
    s.bytes().fold(true, |all, b| all & PLAIN[usize::from(b)])
}

/// `prefix` then [`spark_string`] of `s`, in one allocation where nothing needs escaping.
fn prefixed_spark_string(s: &str, prefix: &str) -> String {
    if !spark_string_plain(s) {
        let q = spark_string(s);
        let mut out = String::with_capacity(prefix.len() + q.len());
        out.push_str(prefix);
        out.push_str(&q);
        return out;
    }
    let mut out = String::with_capacity(prefix.len() + s.len() + 2);
    out.push_str(prefix);
    out.push('\'');
    out.push_str(s);
    out.push('\'');
    out
}

/// `text` then `suffix`, in `text`'s own buffer.
fn suffixed_in_place(mut text: String, suffix: &str) -> String {
    text.push_str(suffix);
    text
}

/// Spark string literal text for `s`: backslashes and quotes escaped (works on every Spark
/// version, unlike `''`), `${` broken so variable substitution cannot touch it.
pub fn spark_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    // The common case, nothing to escape: the text as it is.
    if spark_string_plain(s) {
        out.push_str(s);
        out.push('\'');
        return out;
    }
    let mut prev_dollar = false;
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '{' if prev_dollar => out.push_str("\\{"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\u0000"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
        prev_dollar = c == '$';
    }
    out.push('\'');
    out
}

impl Cx<'_, '_> {
    fn flag(&mut self, e: &Expr, code: &str, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(code, msg, e.span));
    }
    fn warn(&mut self, e: &Expr, code: &str, msg: impl Into<String>) {
        self.diags.push(Diagnostic::warning(code, msg, e.span));
    }

    /// [`spark_type`], remembered per type.
    fn spark_type(&mut self, t: &Type) -> Result<String, String> {
        if let Some((_, r)) = self.spark_types.iter().find(|(k, _)| k == t) {
            return r.clone();
        }
        let r = spark_type(t, &self.target);
        self.spark_types.push((t.clone(), r.clone()));
        r
    }

    fn stype(&mut self, e: &Expr, t: &Type) -> String {
        match self.spark_type(t) {
            Ok(s) => s,
            Err(reason) => {
                self.flag(e, "non-mappable-type", format!("type {t}: {reason}"));
                "STRING".into()
            }
        }
    }

    fn cast(&mut self, x: Expr, to: &Type) -> Expr {
        let st = self.stype(&x, to);
        Expr::spark_cast(x, st, to.clone())
    }

    // ------------------------------------------------------------------ sweep 1

    /// The semantic rewrite of one node. Inlined into the walk: the commonest nodes, which no
    /// rule changes, cost no call.
    #[inline]
    fn semantics(&mut self, e: &mut Expr) {
        match e.kind {
            // Left as it is, but spelled.
            ExprKind::Literal(_) => self.spell = true,
            ExprKind::Column(_)
            | ExprKind::OutputRef { .. }
            | ExprKind::Unary { .. }
            | ExprKind::Case { .. }
            | ExprKind::IsNull { .. }
            | ExprKind::FieldAccess { .. }
            // As `binary_stays` finds.
            | ExprKind::Binary {
                op: BinaryOp::And | BinaryOp::Or,
                ..
            } => {}
            _ => self.semantics_node(e),
        }
    }

    /// [`Cx::semantics`] of a node that some rule may change.
    #[inline(never)]
    fn semantics_node(&mut self, e: &mut Expr) {
        if let ExprKind::Binary { op, left, right } = &e.kind {
            if binary_stays(*op, left, right, &e.ty) {
                return;
            }
        }
        // The node may be (or become) one the spelling sweep changes, or hold new ones.
        self.spell = true;
        let span = e.span;
        let ty = e.ty.clone();
        let new = match &mut e.kind {
            ExprKind::Binary { op, left, right } => {
                let (op, l, r) = (*op, take(left), take(right));
                match self.binary_or_same(op, l, r, ty, span) {
                    BinaryOut::New(n) => n,
                    BinaryOut::Same(l, r, _) => {
                        // The same node: the operands go back into their boxes.
                        **left = l;
                        **right = r;
                        None
                    }
                }
            }
            ExprKind::Cast { expr, to, safe } => {
                let (x, to, safe) = (take(expr), to.clone(), *safe);
                self.cast_expr(x, &to, safe, span)
            }
            ExprKind::Call { name, args } => {
                let (name, args) = (name.clone(), std::mem::take(args));
                self.scalar_call(&name, args, ty, span)
            }
            ExprKind::Aggregate(a) => {
                self.aggregate(a, span);
                return;
            }
            ExprKind::Array(xs) => Some(call("array", std::mem::take(xs), ty)),
            ExprKind::Row(xs) => {
                let xs = std::mem::take(xs);
                let names: Vec<Option<String>> = match &ty {
                    Type::Row { fields } => fields.iter().map(|f| f.name.clone()).collect(),
                    _ => vec![None; xs.len()],
                };
                let mut args = Vec::new();
                for (i, x) in xs.into_iter().enumerate() {
                    let n = names
                        .get(i)
                        .cloned()
                        .flatten()
                        .unwrap_or_else(|| format!("col{}", i + 1));
                    args.push(str_lit(&n));
                    args.push(x);
                }
                Some(call("named_struct", args, ty))
            }
            ExprKind::Subscript { expr, index } => {
                let (base, idx) = (take(expr), take(index));
                match &base.ty {
                    Type::Row { fields } => {
                        let pos = const_int(&idx).unwrap_or(0) as usize;
                        let name = fields
                            .get(pos.wrapping_sub(1))
                            .and_then(|f| f.name.clone())
                            .unwrap_or_else(|| format!("col{pos}"));
                        Some(Expr::new(
                            ExprKind::FieldAccess {
                                expr: Box::new(base),
                                field: name,
                            },
                            ty,
                        ))
                    }
                    // Arrays are 1-based in both `element_at` and Trino; out-of-range fails in
                    // Trino and (with ANSI) in Spark. A missing map key fails in both likewise.
                    _ => {
                        if !self.target.ansi {
                            self.warn(&base, "ansi-off", "with ANSI off, Spark returns NULL where Trino fails on an out-of-range subscript or missing map key");
                        }
                        let idx = if matches!(base.ty, Type::Array { .. }) {
                            int_index(idx)
                        } else {
                            idx
                        };
                        Some(call("element_at", vec![base, idx], ty))
                    }
                }
            }
            ExprKind::IsDistinctFrom {
                left,
                right,
                negated,
            } => {
                let (l, r, neg) = (take(left), take(right), *negated);
                Some(if neg {
                    tmpl("{0} <=> {1}", vec![l, r], Type::Boolean)
                } else {
                    tmpl("NOT ({0} <=> {1})", vec![l, r], Type::Boolean)
                })
            }
            ExprKind::Like {
                pattern, escape, ..
            } => {
                // Spark treats `\` as LIKE's escape character when none is given; Trino has none.
                if escape.is_none() {
                    let needs = match const_str(pattern) {
                        Some(p) => p.contains('\\'),
                        None => true,
                    };
                    if needs {
                        *escape = Some(Box::new(str_lit("\u{1F}")));
                    }
                }
                None
            }
            ExprKind::Between {
                expr,
                low,
                high,
                negated,
            } => {
                let (x, lo, hi, neg) = (take(expr), take(low), take(high), *negated);
                if let Some(n) = char_compare_length(&[&x.ty, &lo.ty, &hi.ty]) {
                    Some(Expr::new(
                        ExprKind::Between {
                            expr: Box::new(pad_char(x, n)),
                            low: Box::new(pad_char(lo, n)),
                            high: Box::new(pad_char(hi, n)),
                            negated: neg,
                        },
                        ty,
                    ))
                } else if may_be_nan(&x) || may_be_nan(&lo) || may_be_nan(&hi) {
                    let on_nan = if neg { "true" } else { "false" };
                    let not = if neg { "NOT " } else { "" };
                    Some(tmpl(
                        &format!("CASE WHEN {{0}} IS NULL OR {{1}} IS NULL OR {{2}} IS NULL THEN {{0}} {not}BETWEEN {{1}} AND {{2}} WHEN isnan({{0}}) OR isnan({{1}}) OR isnan({{2}}) THEN {on_nan} ELSE {{0}} {not}BETWEEN {{1}} AND {{2}} END"),
                        vec![x, lo, hi],
                        ty,
                    ))
                } else {
                    Some(Expr::new(
                        ExprKind::Between {
                            expr: Box::new(x),
                            low: Box::new(lo),
                            high: Box::new(hi),
                            negated: neg,
                        },
                        ty,
                    ))
                }
            }
            ExprKind::InList {
                expr,
                list,
                negated,
            } => {
                let types: Vec<&Type> = std::iter::once(&expr.ty)
                    .chain(list.iter().map(|e| &e.ty))
                    .collect();
                if char_compare_length(&types).is_some() {
                    let x = trim_char(take(expr));
                    let items: Vec<Expr> =
                        std::mem::take(list).into_iter().map(trim_char).collect();
                    Some(Expr::new(
                        ExprKind::InList {
                            expr: Box::new(x),
                            list: items,
                            negated: *negated,
                        },
                        ty,
                    ))
                } else if may_be_nan(expr) {
                    let all_literals = list
                        .iter()
                        .all(|e| matches!(&e.kind, ExprKind::Literal(l) if *l != Literal::Null));
                    if all_literals {
                        let neg = *negated;
                        let x = take(expr);
                        let inner = Expr::new(
                            ExprKind::InList {
                                expr: Box::new(x.clone()),
                                list: std::mem::take(list),
                                negated: neg,
                            },
                            ty.clone(),
                        );
                        Some(tmpl(&format!("CASE WHEN {{0}} IS NULL THEN {{1}} WHEN isnan({{0}}) THEN {} ELSE {{1}} END", if neg { "true" } else { "false" }), vec![x, inner], ty))
                    } else {
                        self.flag(e, "non-mappable", "IN list over doubles with non-literal items: NaN matches NaN in Spark but nothing in Trino");
                        None
                    }
                } else {
                    None
                }
            }
            ExprKind::Extract { field, expr } => {
                let (field, x) = (field.clone(), take(expr));
                self.extract(&field, x, ty, span)
            }
            ExprKind::Grouping(args) => {
                // Trino's bit mask, first argument most significant; built from one-column
                // grouping() calls because Spark's grouping_id must list exactly the GROUP BY keys.
                let args = std::mem::take(args);
                let n = args.len();
                let terms: Vec<String> = (0..n)
                    .map(|i| {
                        let w = 1u64 << (n - 1 - i);
                        if w == 1 {
                            format!("grouping({{{i}}})")
                        } else {
                            format!("grouping({{{i}}}) * {w}")
                        }
                    })
                    .collect();
                Some(tmpl(
                    &format!("CAST({} AS INT)", terms.join(" + ")),
                    args,
                    Type::Integer,
                ))
            }
            ExprKind::Try(inner) => {
                let x = take(inner);
                Some(self.try_expr(x, span))
            }
            // `= ANY` and `<> ALL` are lowered as IN / NOT IN (subquery); the others stay.
            ExprKind::Quantified { op, quantifier, .. } => {
                let msg = format!("quantified comparison `{} {:?} (subquery)`: Spark has no quantified subquery comparison and a MIN/MAX rewrite changes NULL and empty-set results", op.symbol(), quantifier);
                self.diags
                    .push(Diagnostic::error("non-mappable", msg, span));
                None
            }
            // A composite aggregate template under OVER: the window goes into each inner aggregate.
            ExprKind::Window(w) if matches!(&w.function.kind, ExprKind::Aggregate(a) if aggregates::is_composite(a)) => {
                aggregates::push_over(w)
            }
            ExprKind::Window(w) if w.frame.as_ref().is_some_and(|f| f.units == "GROUPS") => {
                self.diags.push(Diagnostic::error(
                    "non-mappable",
                    "window frame in GROUPS units: Spark has only ROWS and RANGE frames",
                    span,
                ));
                None
            }
            ExprKind::AtTimeZone { .. } => {
                self.flag(e, "non-mappable", "AT TIME ZONE: Spark timestamps carry no per-value zone (catalog §2, timestamp with time zone)");
                None
            }
            ExprKind::Wildcard { .. } => None,
            _ => None,
        };
        if let Some(mut n) = new {
            if n.span.is_none() {
                n.span = span;
            }
            *e = n;
        }
    }

    fn binary(
        &mut self,
        op: BinaryOp,
        l: Expr,
        r: Expr,
        ty: Type,
        span: Option<Span>,
    ) -> Option<Expr> {
        match self.binary_or_same(op, l, r, ty, span) {
            BinaryOut::New(n) => n,
            BinaryOut::Same(l, r, ty) => Some(binary_node(op, l, r, ty)),
        }
    }

    /// [`Cx::binary`], telling apart the common case where the operation stays as it is.
    fn binary_or_same(
        &mut self,
        op: BinaryOp,
        l: Expr,
        r: Expr,
        ty: Type,
        span: Option<Span>,
    ) -> BinaryOut {
        if op == BinaryOp::Div && (l.ty.is_unknown() || r.ty.is_unknown()) {
            self.warn(&l, "unknown-type", "`/` with an operand of unknown type is printed as Spark's `/`: if both operands are integers, Trino truncates and Spark does not (declare the table with --schema)");
        }
        let (l, r) = if ty.is_decimal()
            && matches!(
                op,
                BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div
            ) {
            self.keep_decimal_scale(op, l, r, &ty)
        } else {
            (l, r)
        };
        // (A pure function of the operand types, computed once.)
        let char_len = if op.is_comparison() {
            char_compare_length(&[&l.ty, &r.ty])
        } else {
            None
        };
        BinaryOut::New(match op {
            BinaryOp::Div if l.ty.is_integral() && r.ty.is_integral() => {
                // Trino truncates integer division; Spark's `/` is DOUBLE (catalog §4).
                let d = Expr::new(
                    ExprKind::SparkInfix {
                        op: "div".into(),
                        left: Box::new(l),
                        right: Box::new(r),
                    },
                    Type::BigInt,
                );
                Some(if ty == Type::BigInt {
                    d.with_span(span)
                } else {
                    self.cast(d, &ty)
                })
            }
            BinaryOp::Div if ty.is_decimal() => {
                // Trino: scale max(s1, s2), HALF_UP; Spark keeps ≥ 6 digits (catalog §4).
                let Type::Decimal { scale, .. } = ty else {
                    unreachable!()
                };
                let q = binary_node(op, l, r, Type::Unknown);
                let rounded = call("round", vec![q, lit_int(scale as i64)], ty.clone());
                Some(self.cast(rounded, &ty))
            }
            BinaryOp::Div | BinaryOp::Mod
                if matches!(ty, Type::Double | Type::Real) && !is_nonzero_literal(&r) =>
            {
                // IEEE: x/0 is ±Infinity or NaN in Trino; Spark gives NULL or fails (catalog §4).
                let zero_case = if op == BinaryOp::Div {
                    "CASE WHEN {1} = 0 THEN CASE WHEN {0} > 0 THEN double('Infinity') WHEN {0} < 0 THEN double('-Infinity') WHEN {0} = 0 OR isnan({0}) THEN double('NaN') END ELSE {0} / {1} END"
                } else {
                    "CASE WHEN {1} = 0 THEN IF({0} IS NULL, NULL, double('NaN')) ELSE {0} % {1} END"
                };
                let e = tmpl(zero_case, vec![l, r], Type::Double);
                Some(if ty == Type::Real {
                    self.cast(e, &Type::Real)
                } else {
                    e
                })
            }
            BinaryOp::Add | BinaryOp::Sub if l.ty == Type::Date && r.ty.is_interval() => {
                self.date_plus_interval(op, l, r, span)
            }
            BinaryOp::Add if r.ty == Type::Date && l.ty.is_interval() => {
                self.date_plus_interval(op, r, l, span)
            }
            BinaryOp::Sub if l.ty.is_datetime() && r.ty.is_datetime() => {
                self.flag(&l, "non-mappable", "subtracting dates or timestamps gives a Trino interval whose Spark counterpart differs; use date_diff");
                None
            }
            BinaryOp::Concat => Some(match (&l.ty, &r.ty) {
                (Type::Array { .. }, Type::Array { .. }) => call("concat", vec![l, r], ty),
                (Type::Array { .. }, _) => call("array_append", vec![l, r], ty),
                (_, Type::Array { .. }) => {
                    if self.target.version == SparkVersion::V3_5 {
                        call("concat", vec![call("array", vec![l], r.ty.clone()), r], ty)
                    } else {
                        call("array_prepend", vec![r, l], ty)
                    }
                }
                _ => {
                    for side in [&l, &r] {
                        if !side.ty.is_string()
                            && !side.ty.is_unknown()
                            && side.ty != Type::Varbinary
                        {
                            self.flag(
                                side,
                                "type-mismatch",
                                format!("`||` on {}: Trino needs an explicit CAST here", side.ty),
                            );
                        }
                    }
                    call("concat", vec![l, r], ty)
                }
            }),
            _ if char_len.is_some() => {
                let n = char_len.unwrap_or(1);
                if matches!(op, BinaryOp::Eq | BinaryOp::NotEq) {
                    Some(binary_node(op, trim_char(l), trim_char(r), ty))
                } else {
                    Some(binary_node(op, pad_char(l, n), pad_char(r, n), ty))
                }
            }
            _ if op.is_comparison() && (may_be_nan(&l) || may_be_nan(&r)) => {
                // NaN compares false to everything in Trino (and `<>` true); in Spark NaN = NaN
                // and NaN is larger than any number (catalog §4).
                let guard = match (may_be_nan(&l), may_be_nan(&r)) {
                    (true, true) => "isnan({0}) OR isnan({1})",
                    (true, false) => "isnan({0})",
                    _ => "isnan({1})",
                };
                let on_nan = if op == BinaryOp::NotEq {
                    "true"
                } else {
                    "false"
                };
                // NULL stays NULL (isnan(NULL) is false in Spark, but a NULL operand must win).
                Some(tmpl(
                    &format!("CASE WHEN {{0}} IS NULL OR {{1}} IS NULL THEN NULL WHEN {guard} THEN {on_nan} ELSE {{0}} {} {{1}} END", op.symbol()),
                    vec![l, r],
                    ty,
                ))
            }
            _ => return BinaryOut::Same(l, r, ty),
        })
    }

    /// Spark's decimal arithmetic drops scale (down to 6) when the exact result type needs more
    /// than 38 digits; Trino keeps the scale and caps precision (catalog §4). Where Spark would
    /// keep fewer fractional digits than Trino's result type, narrow the operand with the most
    /// integer digits so Spark keeps them all. With ANSI on, a value too large for the narrowed
    /// type fails loudly; with ANSI off it would become NULL, so then the construct is flagged.
    fn keep_decimal_scale(&mut self, op: BinaryOp, l: Expr, r: Expr, ty: &Type) -> (Expr, Expr) {
        let Type::Decimal { scale: want, .. } = *ty else {
            return (l, r);
        };
        let (Some(a0), Some(b0)) = (spark_decimal_operand(&l), spark_decimal_operand(&r)) else {
            return (l, r);
        };
        let (_, got) = spark_decimal_result(op, a0, b0);
        if got >= want {
            return (l, r);
        }
        // Take one integer digit at a time from the (non-literal) operand with the most, until
        // Spark's result keeps `want` fractional digits; give up below 10 integer digits.
        let literal = |e: &Expr| matches!(e.kind, ExprKind::Literal(_));
        let (mut a, mut b) = (a0, b0);
        let ok = loop {
            if spark_decimal_result(op, a, b).1 >= want {
                break true;
            }
            let ia = if literal(&l) { 0 } else { a.0 - a.1 };
            let ib = if literal(&r) { 0 } else { b.0 - b.1 };
            if ia.max(ib) <= 10 {
                break false;
            }
            if ia >= ib {
                a.0 -= 1;
            } else {
                b.0 -= 1;
            }
        };
        let sym = op.symbol();
        if !ok {
            self.flag(&l, "decimal-precision-loss", format!(
                "decimal({},{}) {sym} decimal({},{}): Trino keeps scale {want}, Spark reduces it to {got}",
                a0.0, a0.1, b0.0, b0.1
            ));
            return (l, r);
        }
        if !self.target.ansi {
            self.flag(&l, "decimal-precision-loss", format!(
                "decimal({},{}) {sym} decimal({},{}): Spark keeps Trino's scale {want} only with narrowed operands, and with ANSI off an overflowing value would silently become NULL",
                a0.0, a0.1, b0.0, b0.1
            ));
            return (l, r);
        }
        let narrow = |me: &mut Self, e: Expr, from: (u8, u8), to: (u8, u8)| {
            if from == to {
                return e;
            }
            me.warn(&e, "decimal-narrowed", format!(
                "decimal({},{}) operand of `{sym}` narrowed to decimal({},{}) so that Spark keeps Trino's result scale {want}: values with more than {} integer digits fail on Spark",
                from.0, from.1, to.0, to.1, to.0 - to.1
            ));
            me.cast(e, &Type::decimal(to.0, to.1))
        };
        let l = narrow(self, l, a0, a);
        let r = narrow(self, r, b0, b);
        (l, r)
    }

    fn date_plus_interval(
        &mut self,
        op: BinaryOp,
        d: Expr,
        iv: Expr,
        span: Option<Span>,
    ) -> Option<Expr> {
        let (value, from, to) = match &iv.kind {
            ExprKind::Literal(Literal::Interval(i)) => {
                (i.value.clone(), i.from.clone(), i.to.clone())
            }
            _ => {
                self.flag(
                    &iv,
                    "non-mappable",
                    "date ± a non-literal interval is not translated yet",
                );
                return None;
            }
        };
        let n: i64 = match value.trim().parse() {
            Ok(n) if to.is_none() => n,
            _ => {
                self.flag(&iv, "non-mappable", format!("date ± INTERVAL '{value}' {from}{}: only whole single-unit intervals are translated", to.map(|t| format!(" TO {t}")).unwrap_or_default()));
                return None;
            }
        };
        let n = if op == BinaryOp::Sub { -n } else { n };
        let e = match from.as_str() {
            "DAY" => call("date_add", vec![d, lit_int(n)], Type::Date),
            "WEEK" => call("date_add", vec![d, lit_int(7 * n)], Type::Date),
            "MONTH" => call("add_months", vec![d, lit_int(n)], Type::Date),
            "YEAR" => call("add_months", vec![d, lit_int(12 * n)], Type::Date),
            other => {
                self.flag(
                    &iv,
                    "non-mappable",
                    format!("date ± INTERVAL … {other}: Trino rejects sub-day intervals on DATE"),
                );
                return None;
            }
        };
        Some(e.with_span(span))
    }

    fn cast_expr(&mut self, x: Expr, to: &Type, safe: bool, span: Option<Span>) -> Option<Expr> {
        let from = x.ty.clone();
        let st = self.stype(&x, to);
        let mk = |x: Expr| {
            Expr::new(
                ExprKind::SparkCast {
                    expr: Box::new(x),
                    spark_type: st.clone(),
                    safe,
                },
                to.clone(),
            )
            .with_span(span)
        };
        // Trino rounds half away from zero when narrowing to an integer; Spark truncates (catalog §5).
        if to.is_integral() && (from.is_floating() || from.is_decimal()) {
            return Some(mk(call("round", vec![x], from)));
        }
        if let Some(e) = self.cast_container_rounding(&x, &from, to, &st, safe) {
            return Some(e.with_span(span));
        }
        if to.is_integral() && from.is_unknown() {
            self.warn(&x, "unknown-type", format!("CAST(… AS {to}) of an operand of unknown type: if it is a double or decimal, Trino rounds and Spark truncates (declare the table with --schema)"));
        }
        if to.is_string() {
            match &from {
                Type::Double | Type::Real => {
                    self.flag(&x, "non-mappable", format!("CAST({from} AS varchar): Trino formats floating point in scientific notation (1.0E0); Spark does not (catalog §5)"));
                }
                Type::Decimal { .. } if !self.target.ansi => {
                    self.flag(&x, "non-mappable", "CAST(decimal AS varchar) with ANSI off: Spark writes small values in scientific notation");
                }
                Type::Timestamp { precision } | Type::TimestampTz { precision } => {
                    let mut pat = String::from("yyyy-MM-dd HH:mm:ss");
                    if *precision > 0 {
                        pat.push('.');
                        pat.push_str(&"S".repeat((*precision).min(6) as usize));
                    }
                    if matches!(from, Type::TimestampTz { .. }) {
                        self.flag(&x, "non-mappable", "CAST(timestamp with time zone AS varchar) appends the value's zone in Trino");
                    }
                    return Some(
                        call("date_format", vec![x, str_lit(&pat)], to.clone()).with_span(span),
                    );
                }
                Type::Varchar { .. } | Type::Char { .. }
                    if matches!(to, Type::Varchar { length: Some(_) }) =>
                {
                    let Type::Varchar { length: Some(n) } = to else {
                        unreachable!()
                    };
                    let fits = match &from {
                        Type::Varchar { length: Some(m) } | Type::Char { length: m } => *m <= *n,
                        _ => false,
                    };
                    if !fits {
                        return Some(
                            call(
                                "substr",
                                vec![x, lit_int(1), lit_int(*n as i64)],
                                to.clone(),
                            )
                            .with_span(span),
                        );
                    }
                    return Some(x);
                }
                _ => {}
            }
            if let Type::Char { length } = to {
                let s = mk(x);
                return Some(
                    call(
                        "rpad",
                        vec![s, lit_int(*length as i64), str_lit(" ")],
                        to.clone(),
                    )
                    .with_span(span),
                );
            }
        }
        if from.is_string() && !to.is_string() && !self.target.ansi && !safe {
            self.warn(&x, "ansi-off", format!("CAST(varchar AS {to}) with ANSI off returns NULL where Trino fails on invalid input"));
        }
        Some(mk(x))
    }

    /// CAST(array(double|decimal) AS array(integer)) and the map forms round each element like
    /// the scalar cast (catalog §5), instead of Spark's element-wise truncation.
    fn cast_container_rounding(
        &mut self,
        x: &Expr,
        from: &Type,
        to: &Type,
        st: &str,
        safe: bool,
    ) -> Option<Expr> {
        let narrows = |f: &Type, t: &Type| t.is_integral() && (f.is_floating() || f.is_decimal());
        let cast_kw = if safe { "TRY_CAST" } else { "CAST" };
        match (from, to) {
            (Type::Array { element: fe }, Type::Array { element: te }) if narrows(fe, te) => {
                let et = self.spark_type(te).ok()?;
                Some(tmpl(
                    &format!("transform({{0}}, _x -> {cast_kw}(round(_x) AS {et}))"),
                    vec![x.clone()],
                    to.clone(),
                ))
            }
            (Type::Map { key: fk, value: fv }, Type::Map { key: tk, value: tv })
                if narrows(fk, tk) || narrows(fv, tv) =>
            {
                let mut e = x.clone();
                if narrows(fv, tv) {
                    let vt = self.spark_type(tv).ok()?;
                    e = tmpl(
                        &format!(
                            "transform_values({{0}}, (_k, _v) -> {cast_kw}(round(_v) AS {vt}))"
                        ),
                        vec![e],
                        Type::Unknown,
                    );
                }
                if narrows(fk, tk) {
                    let kt = self.spark_type(tk).ok()?;
                    e = tmpl(
                        &format!("transform_keys({{0}}, (_k, _v) -> {cast_kw}(round(_k) AS {kt}))"),
                        vec![e],
                        Type::Unknown,
                    );
                }
                Some(Expr::new(
                    ExprKind::SparkCast {
                        expr: Box::new(e),
                        spark_type: st.to_string(),
                        safe,
                    },
                    to.clone(),
                ))
            }
            _ if contains_narrowing(from, to) => {
                self.flag(x, "non-mappable", format!("CAST({from} AS {to}): nested double/decimal → integer fields would be truncated by Spark, rounded by Trino"));
                None
            }
            _ => None,
        }
    }

    fn try_expr(&mut self, x: Expr, span: Option<Span>) -> Expr {
        // TRY() has no Spark counterpart; push it into the leaves that can fail (catalog §5).
        let ty = x.ty.clone();
        let out = match x.kind {
            ExprKind::SparkCast {
                expr, spark_type, ..
            } => {
                let inner = self.try_expr(*expr, span);
                Expr::new(
                    ExprKind::SparkCast {
                        expr: Box::new(inner),
                        spark_type,
                        safe: true,
                    },
                    ty,
                )
            }
            ExprKind::SparkInfix { op, left, right } if op == "div" => {
                let (l, r) = (self.try_expr(*left, span), self.try_expr(*right, span));
                tmpl(
                    "CASE WHEN {1} = 0 THEN NULL ELSE {0} div {1} END",
                    vec![l, r],
                    ty,
                )
            }
            ExprKind::Binary {
                op: BinaryOp::Mod,
                left,
                right,
            } => {
                let (l, r) = (self.try_expr(*left, span), self.try_expr(*right, span));
                tmpl(
                    "CASE WHEN {1} = 0 THEN NULL ELSE {0} % {1} END",
                    vec![l, r],
                    ty,
                )
            }
            ExprKind::Binary { op, left, right }
                if matches!(
                    op,
                    BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div
                ) =>
            {
                let name = match op {
                    BinaryOp::Add => "try_add",
                    BinaryOp::Sub => "try_subtract",
                    BinaryOp::Mul => "try_multiply",
                    _ => "try_divide",
                };
                let (l, r) = (self.try_expr(*left, span), self.try_expr(*right, span));
                call(name, vec![l, r], ty)
            }
            ExprKind::Binary { op, left, right }
                if op.is_comparison() || matches!(op, BinaryOp::And | BinaryOp::Or) =>
            {
                let (l, r) = (self.try_expr(*left, span), self.try_expr(*right, span));
                binary_node(op, l, r, ty)
            }
            ExprKind::SparkCall { name, args } if name == "element_at" => {
                call("try_element_at", args, ty)
            }
            ExprKind::SparkCall { name, args }
                if matches!(
                    name.as_str(),
                    "round"
                        | "abs"
                        | "coalesce"
                        | "if"
                        | "concat"
                        | "upper"
                        | "lower"
                        | "substr"
                        | "char_length"
                        | "array"
                        | "named_struct"
                        | "try_element_at"
                        | "try_add"
                        | "try_subtract"
                        | "try_multiply"
                        | "try_divide"
                ) =>
            {
                let args = args.into_iter().map(|a| self.try_expr(a, span)).collect();
                call(&name, args, ty)
            }
            kind @ (ExprKind::Column(_)
            | ExprKind::Literal(_)
            | ExprKind::SparkLiteral(_)
            | ExprKind::LambdaVar(_)) => Expr::new(kind, ty),
            kind => {
                let e = Expr::new(kind, ty);
                self.flag(&e, "non-mappable", "TRY(…) around this expression: Spark has no general TRY; only casts, arithmetic and subscripts are translated");
                e
            }
        };
        out.with_span(span)
    }

    fn extract(&mut self, field: &str, x: Expr, ty: Type, span: Option<Span>) -> Option<Expr> {
        let f = match field {
            "year" => "year",
            "quarter" => "quarter",
            "month" => "month",
            "week" | "week_of_year" => "weekofyear",
            "day" | "day_of_month" => "day",
            "day_of_week" | "dow" => {
                return Some(
                    bigint(tmpl("extract(DAYOFWEEK_ISO FROM {0})", vec![x], ty)).with_span(span),
                )
            }
            "day_of_year" | "doy" => "dayofyear",
            "hour" => "hour",
            "minute" => "minute",
            "second" => "second",
            "year_of_week" | "yow" => {
                return Some(
                    bigint(tmpl("extract(YEAROFWEEK FROM {0})", vec![x], ty)).with_span(span),
                )
            }
            other => {
                self.flag(
                    &x,
                    "non-mappable",
                    format!("EXTRACT({other} …) is not translated"),
                );
                // Flagged; printed as written so no Trino-only node reaches the emitter.
                return Some(
                    bigint(tmpl(
                        &format!("extract({} FROM {{0}})", other.to_uppercase()),
                        vec![x],
                        ty,
                    ))
                    .with_span(span),
                );
            }
        };
        Some(bigint(call(f, vec![x], ty)).with_span(span))
    }

    // ------------------------------------------------------------------ sweep 2

    /// The Spark spelling of one node. Inlined into the walk: only windows, aggregates and
    /// literals are spelled, and other nodes cost no call.
    #[inline]
    fn spelling(&mut self, e: &mut Expr) {
        if matches!(
            e.kind,
            ExprKind::Window(_) | ExprKind::Aggregate(_) | ExprKind::Literal(_)
        ) {
            self.spelling_node(e)
        }
    }

    #[inline(never)]
    fn spelling_node(&mut self, e: &mut Expr) {
        // avg(decimal) keeps Trino's scale (catalog §16): wrap the aggregate (or its window).
        // Bottom-up, the aggregate inside a window is wrapped first: move the cast outside the
        // OVER clause (`CAST(avg(x) OVER (…) AS …)`).
        if let ExprKind::Window(w) = &mut e.kind {
            if let ExprKind::SparkCast {
                expr, spark_type, ..
            } = &w.function.kind
            {
                if matches!(
                    expr.kind,
                    ExprKind::Aggregate(_) | ExprKind::SparkCall { .. }
                ) {
                    let st = spark_type.clone();
                    let inner = (**expr).clone();
                    w.function = inner;
                    let win = take(e);
                    let ty = win.ty.clone();
                    *e = Expr::spark_cast(win, st, ty);
                    return;
                }
            }
        }
        let is_decimal_avg = |x: &Expr| {
            matches!(&x.kind, ExprKind::Aggregate(a) if a.name == "avg") && x.ty.is_decimal()
        };
        if is_decimal_avg(e) {
            let inner = take(e);
            let ty = inner.ty.clone();
            let Type::Decimal { precision, scale } = ty else {
                return;
            };
            *e = Expr::spark_cast(inner, decimal_name(precision, scale), ty);
            return;
        }
        let ExprKind::Literal(l) = &mut e.kind else {
            return;
        };
        let text = match l {
            Literal::Null => "NULL".to_string(),
            Literal::Boolean(b) => {
                if *b {
                    "TRUE".into()
                } else {
                    "FALSE".into()
                }
            }
            Literal::Integer(t) => std::mem::take(t),
            Literal::Decimal(t) => suffixed_in_place(std::mem::take(t), "BD"),
            Literal::Double(t) => match t.parse::<f64>() {
                Ok(v) if v.is_nan() => "double('NaN')".into(),
                Ok(v) if v.is_infinite() => {
                    if v > 0.0 {
                        "double('Infinity')".into()
                    } else {
                        "double('-Infinity')".into()
                    }
                }
                Ok(_) if t.contains(['e', 'E']) => std::mem::take(t),
                Ok(_) => suffixed_in_place(std::mem::take(t), "D"),
                Err(_) => format!("CAST({} AS DOUBLE)", spark_string(t)),
            },
            Literal::Real(t) => format!("CAST({} AS FLOAT)", spark_string(t)),
            Literal::String(s) => spark_string(s),
            Literal::Binary(h) => format!("X'{h}'"),
            Literal::Date(d) => prefixed_spark_string(d, "DATE "),
            Literal::Timestamp(t) => prefixed_spark_string(t, "TIMESTAMP_NTZ "),
            Literal::TimestampTz(t) => prefixed_spark_string(t, "TIMESTAMP "),
            Literal::Time(t) => {
                let t = t.clone();
                self.flag(
                    e,
                    "non-mappable-type",
                    format!("TIME '{t}': Spark has no usable TIME type"),
                );
                spark_string(&t)
            }
            Literal::Interval(i) => {
                let IntervalLiteral { value, from, to } = &**i;
                match to {
                    Some(to) => format!("INTERVAL {} {from} TO {to}", spark_string(value)),
                    None => format!("INTERVAL {} {from}", spark_string(value)),
                }
            }
            Literal::Typed { type_name, text } => {
                let (tn, tx) = (type_name.clone(), text.clone());
                if tn == "uuid" {
                    spark_string(&tx.to_lowercase())
                } else {
                    self.flag(
                        e,
                        "non-mappable-type",
                        format!("{tn} literal: no Spark counterpart"),
                    );
                    spark_string(&tx)
                }
            }
        };
        // The same node (type, span) spelled for Spark.
        e.kind = ExprKind::SparkLiteral(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_for_every_spark_version() {
        assert_eq!(spark_string("it's"), r"'it\'s'");
        assert_eq!(spark_string(r"\d+"), r"'\\d+'");
        assert_eq!(spark_string("${x}"), r"'$\{x}'");
        assert_eq!(spark_string("a\tb"), r"'a\tb'");
    }

    #[test]
    fn spark_decimal_rules() {
        // decimal(38,2) / decimal(38,7): Spark keeps 6 digits where Trino keeps 7.
        assert_eq!(
            spark_decimal_result(BinaryOp::Div, (38, 2), (38, 7)),
            (38, 6)
        );
        assert_eq!(
            spark_decimal_result(BinaryOp::Div, (26, 2), (38, 7)),
            (38, 7)
        );
        assert_eq!(
            spark_decimal_result(BinaryOp::Mul, (12, 2), (13, 2)),
            (26, 4)
        );
        assert_eq!(
            spark_decimal_result(BinaryOp::Mul, (38, 7), (3, 0)),
            (38, 6)
        );
        assert_eq!(
            spark_decimal_result(BinaryOp::Add, (38, 10), (38, 10)),
            (38, 9)
        );
    }

    #[test]
    fn regex_quote_escapes_meta_characters() {
        assert_eq!(regex_quote("a.b|c"), r"a\.b\|c");
    }
}
