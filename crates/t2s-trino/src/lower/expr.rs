//! Expression lowering and Trino type inference.

use super::functions;
use super::types::{decimal_literal_type, lower_data_type};
use super::{ident, lc_cow, object_part, object_parts, FieldRef, Lowerer};
use crate::catalog::NameMap;
use sqlparser::ast;
use std::borrow::Cow;
use std::sync::Arc;
use t2s_ir::*;

/// Deepest expression nesting lowered; deeper input is reported, not recursed into.
pub const MAX_DEPTH: usize = 2000;
pub(crate) const STACK_RED_ZONE: usize = 128 * 1024;
pub(crate) const STACK_GROW: usize = 4 * 1024 * 1024;
/// [`Lowerer::expr`] checks the stack (for [`STACK_RED_ZONE`]) at every this many levels of
/// expression nesting. An optimized build's frames for one level (`expr`, `expr_inner`, a
/// callee such as `function` or `call`) take about 3 KiB, so the unchecked levels between two
/// checks stay far inside the red zone; a debug build's frames are many times larger, and it
/// checks at every level.
const STACK_CHECK_EVERY: usize = 4;

/// The fields Trino's EXTRACT accepts (its `ExtractExpression.Field`).
const TRINO_EXTRACT_FIELDS: &[&str] = &[
    "year",
    "quarter",
    "month",
    "week",
    "day",
    "day_of_month",
    "day_of_week",
    "dow",
    "day_of_year",
    "doy",
    "year_of_week",
    "yow",
    "hour",
    "minute",
    "second",
    "timezone_minute",
    "timezone_hour",
];

fn unknown() -> Type {
    Type::Unknown
}

impl Lowerer<'_> {
    pub(crate) fn expr(&mut self, e: &ast::Expr) -> Expr {
        let span = self.expr_start(e);
        if !self.enter_level(0, span) {
            return Expr::literal(Literal::Null, unknown());
        }
        // The stack is checked at every STACK_CHECK_EVERY-th level only: the levels between
        // two checks use a few KiB each, far less than the red zone.
        let mut out = if cfg!(debug_assertions) || self.depth.is_multiple_of(STACK_CHECK_EVERY) {
            stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, || self.expr_inner(e, span))
        } else {
            self.expr_inner(e, span)
        };
        self.depth -= 1;
        if out.span.is_none() {
            out.span = span;
        }
        out
    }

    /// [`Lowerer::expr`] of `e`, which starts at `span`.
    fn expr_inner(&mut self, e: &ast::Expr, span: Option<Span>) -> Expr {
        use ast::Expr as E;
        match e {
            E::Identifier(id) => self.resolve(&[lc_cow(&id.value)], span, false),
            // `t.c` (nearly every compound name) without a list on the heap.
            E::CompoundIdentifier(parts) if parts.len() == 2 => {
                let p = [lc_cow(&parts[0].value), lc_cow(&parts[1].value)];
                self.resolve(&p, span, true)
            }
            E::CompoundIdentifier(parts) => {
                let p: Vec<Cow<str>> = parts.iter().map(|i| lc_cow(&i.value)).collect();
                self.resolve(&p, span, true)
            }
            E::CompoundFieldAccess { root, access_chain } => {
                let mut cur = self.expr(root);
                for (n, a) in access_chain.iter().enumerate() {
                    if !self.chain_link_fits(n + 1, span) {
                        break;
                    }
                    cur = match a {
                        ast::AccessExpr::Dot(ast::Expr::Identifier(f)) => {
                            self.field_access(cur, &ident(f), span)
                        }
                        ast::AccessExpr::Dot(other) => {
                            self.error(
                                "unsupported-syntax",
                                format!("field access `.{other}`"),
                                span,
                            );
                            cur
                        }
                        ast::AccessExpr::Subscript(ast::Subscript::Index { index }) => {
                            let idx = self.expr(index);
                            self.subscript(cur, idx, span)
                        }
                        ast::AccessExpr::Subscript(_) => {
                            self.error(
                                "unsupported-syntax",
                                "array slices `a[i:j]` are not Trino syntax (use slice())",
                                span,
                            );
                            cur
                        }
                    };
                }
                cur
            }
            E::Value(v) => self.value(&v.value, span),
            E::TypedString(ts) => self.typed_string(&ts.data_type, &ts.value.value, span),
            E::Interval(iv) => self.interval(iv, span),
            E::Nested(inner) => self.expr(inner),
            E::Tuple(items) => {
                let xs: Vec<Expr> = items.iter().map(|x| self.expr(x)).collect();
                let ty = Type::Row {
                    fields: xs
                        .iter()
                        .map(|x| RowField {
                            name: None,
                            ty: x.ty.clone(),
                        })
                        .collect(),
                };
                Expr::new(ExprKind::Row(xs), ty)
            }
            E::BinaryOp { left, op, right } => {
                let l = self.expr(left);
                let r = self.expr(right);
                self.binary(op, l, r, span)
            }
            E::UnaryOp { op, expr } => {
                let x = self.expr(expr);
                match op {
                    ast::UnaryOperator::Not => Expr::new(
                        ExprKind::Unary {
                            op: UnaryOp::Not,
                            expr: Box::new(x),
                        },
                        Type::Boolean,
                    ),
                    ast::UnaryOperator::Minus => {
                        // Fold `-<literal>` so that literal typing sees the sign.
                        if let ExprKind::Literal(Literal::Integer(t)) = &x.kind {
                            let v = format!("-{t}");
                            let ty = if v.parse::<i32>().is_ok() {
                                Type::Integer
                            } else {
                                Type::BigInt
                            };
                            return Expr::literal(Literal::Integer(v), ty);
                        }
                        if let ExprKind::Literal(Literal::Decimal(t)) = &x.kind {
                            return Expr::literal(Literal::Decimal(format!("-{t}")), x.ty.clone());
                        }
                        if let ExprKind::Literal(Literal::Double(t)) = &x.kind {
                            return Expr::literal(Literal::Double(format!("-{t}")), x.ty.clone());
                        }
                        let ty = x.ty.clone();
                        Expr::new(
                            ExprKind::Unary {
                                op: UnaryOp::Neg,
                                expr: Box::new(x),
                            },
                            ty,
                        )
                    }
                    ast::UnaryOperator::Plus => x,
                    other => {
                        self.error(
                            "unsupported-syntax",
                            format!("unary operator `{other}` is not Trino syntax"),
                            span,
                        );
                        x
                    }
                }
            }
            E::IsNull(x) => self.is_null(x, false),
            E::IsNotNull(x) => self.is_null(x, true),
            E::IsDistinctFrom(a, b) | E::IsNotDistinctFrom(a, b) => {
                let mut l = self.expr(a);
                let mut r = self.expr(b);
                self.coerce_pair(&mut l, &mut r);
                Expr::new(
                    ExprKind::IsDistinctFrom {
                        left: Box::new(l),
                        right: Box::new(r),
                        negated: matches!(e, E::IsNotDistinctFrom(..)),
                    },
                    Type::Boolean,
                )
            }
            E::IsTrue(_)
            | E::IsFalse(_)
            | E::IsNotTrue(_)
            | E::IsNotFalse(_)
            | E::IsUnknown(_)
            | E::IsNotUnknown(_) => {
                self.error(
                    "unsupported-syntax",
                    "IS [NOT] TRUE/FALSE/UNKNOWN is not Trino syntax",
                    span,
                );
                Expr::literal(Literal::Null, Type::Boolean)
            }
            E::InList {
                expr,
                list,
                negated,
            } => {
                let x = self.expr(expr);
                let items: Vec<Expr> = list.iter().map(|i| self.expr(i)).collect();
                let mut t = x.ty.clone();
                for i in &items {
                    t = Type::common_super_type(&t, &i.ty).unwrap_or(t);
                }
                let mut x = x;
                let mut items = items;
                self.coerce(&mut x, &t);
                for i in &mut items {
                    self.coerce(i, &t);
                }
                Expr::new(
                    ExprKind::InList {
                        expr: Box::new(x),
                        list: items,
                        negated: *negated,
                    },
                    Type::Boolean,
                )
            }
            E::InSubquery {
                expr,
                subquery,
                negated,
            } => {
                let x = self.expr(expr);
                let rel = self.subquery(subquery);
                Expr::new(
                    ExprKind::InSubquery {
                        expr: Box::new(x),
                        rel: Box::new(rel),
                        negated: *negated,
                    },
                    Type::Boolean,
                )
            }
            E::Between {
                expr,
                negated,
                low,
                high,
            } => {
                let x = self.expr(expr);
                let lo = self.expr(low);
                let hi = self.expr(high);
                let mut t = Type::common_super_type(&x.ty, &lo.ty).unwrap_or(x.ty.clone());
                t = Type::common_super_type(&t, &hi.ty).unwrap_or(t);
                let (mut x, mut lo, mut hi) = (x, lo, hi);
                self.coerce(&mut x, &t);
                self.coerce(&mut lo, &t);
                self.coerce(&mut hi, &t);
                Expr::new(
                    ExprKind::Between {
                        expr: Box::new(x),
                        low: Box::new(lo),
                        high: Box::new(hi),
                        negated: *negated,
                    },
                    Type::Boolean,
                )
            }
            E::Like {
                negated,
                any,
                expr,
                pattern,
                escape_char,
            } => {
                if *any {
                    self.error("unsupported-syntax", "LIKE ANY is not Trino syntax", span);
                }
                let x = self.expr(expr);
                let p = self.expr(pattern);
                let esc = escape_char.as_ref().map(|c| Box::new(self.expr(c)));
                Expr::new(
                    ExprKind::Like {
                        expr: Box::new(x),
                        pattern: Box::new(p),
                        escape: esc,
                        negated: *negated,
                    },
                    Type::Boolean,
                )
            }
            E::ILike { .. } | E::SimilarTo { .. } | E::RLike { .. } => {
                self.error(
                    "unsupported-syntax",
                    "ILIKE / SIMILAR TO / RLIKE are not Trino syntax",
                    span,
                );
                Expr::literal(Literal::Null, Type::Boolean)
            }
            E::AnyOp {
                left,
                compare_op,
                right,
                ..
            }
            | E::AllOp {
                left,
                compare_op,
                right,
            } => {
                let quantifier = if matches!(e, E::AllOp { .. }) {
                    Quantifier::All
                } else {
                    Quantifier::Any
                };
                let l = self.expr(left);
                let Some(op) = comparison(compare_op) else {
                    self.error(
                        "unsupported-syntax",
                        format!("quantified `{compare_op}`"),
                        span,
                    );
                    return l;
                };
                match &**right {
                    // `x = ANY (q)` is `x IN (q)` and `x <> ALL (q)` is `x NOT IN (q)` in SQL's
                    // three-valued logic: lowered as such, they get every IN-subquery rewrite
                    // (as a value, Spark's IN gives false where SQL gives NULL).
                    ast::Expr::Subquery(q)
                        if matches!(
                            (op, quantifier),
                            (BinaryOp::Eq, Quantifier::Any) | (BinaryOp::NotEq, Quantifier::All)
                        ) =>
                    {
                        let rel = self.subquery(q);
                        Expr::new(
                            ExprKind::InSubquery {
                                expr: Box::new(l),
                                rel: Box::new(rel),
                                negated: op == BinaryOp::NotEq,
                            },
                            Type::Boolean,
                        )
                    }
                    ast::Expr::Subquery(q) => {
                        let rel = self.subquery(q);
                        Expr::new(
                            ExprKind::Quantified {
                                left: Box::new(l),
                                op,
                                quantifier,
                                rel: Box::new(rel),
                            },
                            Type::Boolean,
                        )
                    }
                    other => {
                        self.error(
                            "unsupported-syntax",
                            format!("quantified comparison needs a subquery, got `{other}`"),
                            span,
                        );
                        l
                    }
                }
            }
            E::Cast {
                kind,
                expr,
                data_type,
                format,
            } => {
                if format.is_some() {
                    self.error(
                        "unsupported-syntax",
                        "CAST … FORMAT is not Trino syntax",
                        span,
                    );
                }
                let x = self.expr(expr);
                let to = match lower_data_type(data_type) {
                    Ok(t) => t,
                    Err(msg) => {
                        self.error("unsupported-type", msg, span);
                        unknown()
                    }
                };
                let safe = match kind {
                    ast::CastKind::TryCast | ast::CastKind::SafeCast => true,
                    ast::CastKind::Cast => false,
                    ast::CastKind::DoubleColon => {
                        self.error(
                            "unsupported-syntax",
                            "`::` casts are not Trino syntax",
                            span,
                        );
                        false
                    }
                };
                Expr::new(
                    ExprKind::Cast {
                        expr: Box::new(x),
                        to: to.clone(),
                        safe,
                    },
                    to,
                )
            }
            E::AtTimeZone {
                timestamp,
                time_zone,
            } => {
                let t = self.expr(timestamp);
                let z = self.expr(time_zone);
                let p = match t.ty {
                    Type::Timestamp { precision } | Type::TimestampTz { precision } => precision,
                    _ => 3,
                };
                Expr::new(
                    ExprKind::AtTimeZone {
                        expr: Box::new(t),
                        zone: Box::new(z),
                    },
                    Type::TimestampTz { precision: p },
                )
            }
            E::Extract { field, expr, .. } => {
                let x = self.expr(expr);
                let f = field.to_string().to_lowercase();
                if !TRINO_EXTRACT_FIELDS.contains(&f.as_str()) {
                    self.error(
                        "invalid-extract-field",
                        format!("`{field}` is not an EXTRACT field in Trino"),
                        span,
                    );
                    return Expr::literal(Literal::Null, Type::BigInt);
                }
                Expr::new(
                    ExprKind::Extract {
                        field: f,
                        expr: Box::new(x),
                    },
                    Type::BigInt,
                )
            }
            E::Ceil { expr, field } | E::Floor { expr, field } => {
                let name = if matches!(e, E::Ceil { .. }) {
                    "ceil"
                } else {
                    "floor"
                };
                if !matches!(
                    field,
                    ast::CeilFloorKind::DateTimeField(ast::DateTimeField::NoDateTime)
                ) {
                    self.error(
                        "unsupported-syntax",
                        format!("{name}(x TO unit) is not Trino syntax"),
                        span,
                    );
                }
                let x = self.expr(expr);
                self.call(name, vec![x], span)
            }
            E::Position { expr, r#in } => {
                let needle = self.expr(expr);
                let hay = self.expr(r#in);
                self.call("strpos", vec![hay, needle], span)
            }
            E::Substring {
                expr,
                substring_from,
                substring_for,
                special,
                shorthand,
            } => {
                // `substring(s, p, n)` (a call) keeps its name; `substr(…)` and
                // `SUBSTRING(s FROM p FOR n)` are substr.
                let name = if *special && !*shorthand {
                    "substring"
                } else {
                    "substr"
                };
                let mut args = vec![self.expr(expr)];
                args.push(match substring_from {
                    Some(f) => self.expr(f),
                    None => Expr::int(1),
                });
                if let Some(f) = substring_for {
                    args.push(self.expr(f));
                }
                self.call(name, args, span)
            }
            E::Trim {
                trim_where,
                trim_what,
                expr,
                trim_characters,
            } => {
                if trim_characters.is_some() {
                    self.error(
                        "unsupported-syntax",
                        "TRIM(s, chars…) with several character arguments",
                        span,
                    );
                }
                let name = match trim_where {
                    None | Some(ast::TrimWhereField::Both) => "trim",
                    Some(ast::TrimWhereField::Leading) => "ltrim",
                    Some(ast::TrimWhereField::Trailing) => "rtrim",
                };
                let mut args = vec![self.expr(expr)];
                if let Some(w) = trim_what {
                    args.push(self.expr(w));
                }
                self.call(name, args, span)
            }
            E::Case {
                operand,
                conditions,
                else_result,
                ..
            } => {
                let op = operand.as_ref().map(|o| self.expr(o));
                let mut branches: Vec<(Expr, Expr)> = conditions
                    .iter()
                    .map(|c| (self.expr(&c.condition), self.expr(&c.result)))
                    .collect();
                let mut els = else_result.as_ref().map(|x| self.expr(x));
                let mut t = Type::Unknown;
                for (_, r) in &branches {
                    t = Type::common_super_type(&t, &r.ty).unwrap_or(t);
                }
                if let Some(x) = &els {
                    t = Type::common_super_type(&t, &x.ty).unwrap_or(t);
                }
                for (_, r) in &mut branches {
                    self.coerce(r, &t);
                }
                if let Some(x) = &mut els {
                    self.coerce(x, &t);
                }
                Expr::new(
                    ExprKind::Case {
                        operand: op.map(Box::new),
                        branches,
                        else_result: els.map(Box::new),
                    },
                    t,
                )
            }
            E::Exists { subquery, negated } => {
                let rel = self.subquery(subquery);
                Expr::new(
                    ExprKind::Exists {
                        rel: Box::new(rel),
                        negated: *negated,
                    },
                    Type::Boolean,
                )
            }
            E::Subquery(q) => {
                let rel = self.subquery(q);
                let fields = rel.fields();
                let ty = match fields.as_slice() {
                    [one] => one.ty.clone(),
                    _ => Type::Row {
                        fields: fields
                            .iter()
                            .map(|f| RowField {
                                name: Some(String::from(&*f.name)),
                                ty: f.ty.clone(),
                            })
                            .collect(),
                    },
                };
                Expr::new(ExprKind::ScalarSubquery(Box::new(rel)), ty)
            }
            E::Array(arr) => {
                let xs: Vec<Expr> = arr.elem.iter().map(|x| self.expr(x)).collect();
                let mut t = Type::Unknown;
                for x in &xs {
                    t = Type::common_super_type(&t, &x.ty).unwrap_or(t);
                }
                let mut xs = xs;
                for x in &mut xs {
                    self.coerce(x, &t);
                }
                Expr::new(ExprKind::Array(xs), Type::array(t))
            }
            E::Function(f) => self.function(f, span),
            E::Lambda(lf) => {
                // A lambda outside a function argument: type its body with unknown parameters.
                let params: Vec<String> = lambda_params(lf);
                self.lambda(&params, &lf.body, &vec![Type::Unknown; params.len()])
            }
            E::Wildcard(_) | E::QualifiedWildcard(..) => {
                self.error(
                    "unsupported-syntax",
                    "`*` is only allowed in a select list or count(*)",
                    span,
                );
                Expr::literal(Literal::Null, unknown())
            }
            other => {
                let text = other.to_string();
                let short: String = text.chars().take(40).collect();
                self.error(
                    "unsupported-syntax",
                    format!("expression `{short}` is not supported"),
                    span,
                );
                Expr::literal(Literal::Null, unknown())
            }
        }
    }

    fn is_null(&mut self, x: &ast::Expr, negated: bool) -> Expr {
        let x = self.expr(x);
        Expr::new(
            ExprKind::IsNull {
                expr: Box::new(x),
                negated,
            },
            Type::Boolean,
        )
    }

    // ------------------------------------------------------------------ names

    /// Resolves a (possibly qualified) name to a column, a correlated column, a lambda
    /// variable, or a row-field access on one of those.
    fn resolve<P: AsRef<str>>(
        &mut self,
        parts: &[P],
        span: Option<Span>,
        written_qualified: bool,
    ) -> Expr {
        // `r.f.f.…` may become a chain of field accesses, nested in the IR.
        if !self.chain_link_fits(parts.len(), span) {
            return Expr::literal(Literal::Null, unknown());
        }
        // Lambda variables shadow columns.
        for vars in self.lambda_vars.iter().rev() {
            if let Some(t) = vars.get(parts[0].as_ref()) {
                let mut e = Expr::new(
                    ExprKind::LambdaVar(parts[0].as_ref().to_string()),
                    t.clone(),
                );
                for f in &parts[1..] {
                    e = self.field_access(e, f.as_ref(), span);
                }
                return e;
            }
        }
        // In ORDER BY, a bare name that is a SELECT output refers to that output (Trino
        // resolves ORDER BY against the output columns first), also inside expressions.
        if parts.len() == 1 {
            if let Some(outputs) = &self.order_by_outputs {
                if let Some(k) = outputs.iter().position(|(n, _)| n == parts[0].as_ref()) {
                    let ty = outputs[k].1.clone();
                    return Expr::new(
                        ExprKind::OutputRef {
                            index: k,
                            name: parts[0].as_ref().to_string(),
                        },
                        ty,
                    )
                    .with_span(span);
                }
            }
        }
        let n_scopes = self.outer.len() + 1;
        for depth in 0..n_scopes {
            let found = {
                let scope = if depth == 0 {
                    &self.scope
                } else {
                    &self.outer[self.outer.len() - depth]
                };
                find_in_scope(scope, parts)
            };
            match found {
                Found::Column { field, used } => {
                    let mut e = Expr::new(
                        ExprKind::Column(ColumnRef {
                            qualifier: field.qualifier.cloned(),
                            name: Arc::clone(field.name),
                            depth,
                            written_qualified: written_qualified && used > 1,
                        }),
                        super::clone_type(field.ty),
                    )
                    .with_span(span);
                    for f in &parts[used..] {
                        e = self.field_access(e, f.as_ref(), span);
                    }
                    return e;
                }
                Found::Ambiguous => {
                    self.error(
                        "ambiguous-column",
                        format!("column `{}` is ambiguous", join_parts(parts)),
                        span,
                    );
                    return Expr::literal(Literal::Null, unknown());
                }
                Found::Open { qualifier, used } => {
                    let qualifier = qualifier.to_string();
                    let name = parts[used - 1].as_ref().to_string();
                    self.warn_once(
                        &format!("col:{qualifier}.{name}"),
                        "unknown-column-type",
                        || format!("column `{name}` is assumed to belong to `{qualifier}` (not in the catalog); its type is unknown"),
                        span,
                    );
                    let mut e = Expr::new(
                        ExprKind::Column(ColumnRef {
                            qualifier: Some(qualifier.into()),
                            name: name.into(),
                            depth,
                            written_qualified: used > 1,
                        }),
                        unknown(),
                    );
                    for f in &parts[used..] {
                        e = Expr::new(
                            ExprKind::FieldAccess {
                                expr: Box::new(e),
                                field: f.as_ref().to_string(),
                            },
                            unknown(),
                        );
                    }
                    return e;
                }
                Found::None => {}
            }
        }
        self.error(
            "unresolved-column",
            format!("column `{}` cannot be resolved", join_parts(parts)),
            span,
        );
        Expr::new(
            ExprKind::Column(ColumnRef {
                qualifier: None,
                name: join_parts(parts).into(),
                depth: 0,
                written_qualified: false,
            }),
            unknown(),
        )
    }

    fn field_access(&mut self, base: Expr, field: &str, span: Option<Span>) -> Expr {
        let ty = match &base.ty {
            Type::Row { fields } => {
                match fields.iter().find(|f| f.name.as_deref() == Some(field)) {
                    Some(f) => f.ty.clone(),
                    None => {
                        self.error(
                            "unresolved-field",
                            format!("row has no field `{field}`"),
                            span,
                        );
                        unknown()
                    }
                }
            }
            Type::Unknown => unknown(),
            other => {
                self.error(
                    "type-mismatch",
                    format!("`.{field}` needs a ROW, got {other}"),
                    span,
                );
                unknown()
            }
        };
        Expr::new(
            ExprKind::FieldAccess {
                expr: Box::new(base),
                field: field.to_string(),
            },
            ty,
        )
        .with_span(span)
    }

    fn subscript(&mut self, base: Expr, index: Expr, span: Option<Span>) -> Expr {
        let ty = match &base.ty {
            Type::Array { element } => (**element).clone(),
            Type::Map { value, .. } => (**value).clone(),
            Type::Row { fields } => {
                // `row[1]`: positional access with a constant index.
                let pos = match &index.kind {
                    ExprKind::Literal(Literal::Integer(v)) => v.parse::<usize>().ok(),
                    _ => None,
                };
                match pos.and_then(|p| fields.get(p.wrapping_sub(1))) {
                    Some(f) => f.ty.clone(),
                    None => {
                        self.error(
                            "type-mismatch",
                            "ROW subscript must be a constant field position",
                            span,
                        );
                        unknown()
                    }
                }
            }
            Type::Unknown => unknown(),
            other => {
                self.error(
                    "type-mismatch",
                    format!("subscript needs an array, map or row, got {other}"),
                    span,
                );
                unknown()
            }
        };
        Expr::new(
            ExprKind::Subscript {
                expr: Box::new(base),
                index: Box::new(index),
            },
            ty,
        )
        .with_span(span)
    }

    // ------------------------------------------------------------------ literals

    fn value(&mut self, v: &ast::Value, span: Option<Span>) -> Expr {
        use ast::Value as V;
        match v {
            V::Number(n, _) => {
                let n = n.to_string();
                if n.contains(['e', 'E']) {
                    return Expr::literal(Literal::Double(n), Type::Double);
                }
                // Trino: integer literals beyond BIGINT are decimal when they fit 38 digits.
                if !n.contains('.') && n.parse::<i64>().is_ok() {
                    let ty = if n.parse::<i32>().is_ok() {
                        Type::Integer
                    } else {
                        Type::BigInt
                    };
                    return Expr::literal(Literal::Integer(n), ty);
                }
                match decimal_literal_type(&n) {
                    Some((p, s, canon)) => {
                        Expr::literal(Literal::Decimal(canon), Type::decimal(p, s))
                    }
                    None => {
                        self.error(
                            "invalid-literal",
                            format!("numeric literal `{n}` is out of range"),
                            span,
                        );
                        Expr::literal(Literal::Null, unknown())
                    }
                }
            }
            V::SingleQuotedString(s) => {
                let len = s.chars().count() as u32;
                Expr::literal(
                    Literal::String(s.clone()),
                    Type::Varchar { length: Some(len) },
                )
            }
            V::UnicodeStringLiteral(s) => {
                let len = s.chars().count() as u32;
                Expr::literal(
                    Literal::String(s.clone()),
                    Type::Varchar { length: Some(len) },
                )
            }
            V::HexStringLiteral(h) => {
                Expr::literal(Literal::Binary(h.to_uppercase()), Type::Varbinary)
            }
            V::Boolean(b) => Expr::literal(Literal::Boolean(*b), Type::Boolean),
            V::Null => Expr::literal(Literal::Null, Type::Unknown),
            V::Placeholder(p) => {
                self.error(
                    "unsupported-syntax",
                    format!("parameter placeholder `{p}`: bind values before translating"),
                    span,
                );
                Expr::literal(Literal::Null, unknown())
            }
            other => {
                self.error(
                    "unsupported-syntax",
                    format!("literal `{other}` is not Trino syntax"),
                    span,
                );
                Expr::literal(Literal::Null, unknown())
            }
        }
    }

    fn typed_string(&mut self, dt: &ast::DataType, v: &ast::Value, span: Option<Span>) -> Expr {
        let text = match v {
            ast::Value::SingleQuotedString(s) | ast::Value::UnicodeStringLiteral(s) => s.clone(),
            other => other.to_string(),
        };
        let ty = match lower_data_type(dt) {
            Ok(t) => t,
            Err(msg) => {
                self.error("unsupported-type", msg, span);
                return Expr::literal(Literal::Null, unknown());
            }
        };
        let bad = |me: &mut Self, what: &str| {
            me.error(
                "invalid-literal",
                format!("`{text}` is not a valid {what} literal"),
                span,
            );
            Expr::literal(Literal::Null, unknown())
        };
        match &ty {
            Type::Decimal { .. } => match decimal_literal_type(&text) {
                // `DECIMAL '1.20'`: precision and scale come from the text, not defaults.
                Some((p, s, canon)) => Expr::literal(Literal::Decimal(canon), Type::decimal(p, s)),
                None => bad(self, "DECIMAL"),
            },
            Type::TinyInt | Type::SmallInt | Type::Integer | Type::BigInt => {
                let t = text.trim();
                let ok = match ty {
                    Type::TinyInt => t.parse::<i8>().is_ok(),
                    Type::SmallInt => t.parse::<i16>().is_ok(),
                    Type::Integer => t.parse::<i32>().is_ok(),
                    _ => t.parse::<i64>().is_ok(),
                };
                if !ok {
                    return bad(self, &ty.to_string());
                }
                let lit = Expr::literal(
                    Literal::Integer(t.to_string()),
                    if t.parse::<i32>().is_ok() {
                        Type::Integer
                    } else {
                        Type::BigInt
                    },
                );
                if lit.ty == ty {
                    lit
                } else {
                    Expr::new(
                        ExprKind::Cast {
                            expr: Box::new(lit),
                            to: ty.clone(),
                            safe: false,
                        },
                        ty,
                    )
                }
            }
            Type::Double => {
                if text.trim().parse::<f64>().is_err() {
                    return bad(self, "DOUBLE");
                }
                Expr::literal(Literal::Double(text.trim().to_string()), Type::Double)
            }
            Type::Real => {
                if text.trim().parse::<f32>().is_err() {
                    return bad(self, "REAL");
                }
                Expr::literal(Literal::Real(text.trim().to_string()), Type::Real)
            }
            Type::Varchar { length } => {
                let n = text.chars().count() as u32;
                let t = Type::Varchar {
                    length: Some(length.unwrap_or(n)),
                };
                Expr::literal(Literal::String(text), t)
            }
            Type::Char { .. } => {
                let n = text.chars().count() as u32;
                Expr::literal(Literal::String(text), Type::Char { length: n.max(1) })
            }
            Type::Date => {
                if !is_date(&text) {
                    return bad(self, "DATE");
                }
                Expr::literal(Literal::Date(text.trim().to_string()), Type::Date)
            }
            Type::Timestamp { .. } | Type::TimestampTz { .. } => {
                let t = text.trim().to_string();
                let (body, zone) = split_zone(&t);
                if !is_timestamp(body) {
                    return bad(self, "TIMESTAMP");
                }
                let frac = body
                    .split_once('.')
                    .map(|(_, f)| f.len() as u8)
                    .unwrap_or(0);
                if zone.is_some() || matches!(ty, Type::TimestampTz { .. }) {
                    Expr::literal(
                        Literal::TimestampTz(t.clone()),
                        Type::TimestampTz { precision: frac },
                    )
                } else {
                    Expr::literal(
                        Literal::Timestamp(t.clone()),
                        Type::Timestamp { precision: frac },
                    )
                }
            }
            Type::Time { .. } => {
                let frac = text
                    .split_once('.')
                    .map(|(_, f)| f.len() as u8)
                    .unwrap_or(0);
                Expr::literal(
                    Literal::Time(text.trim().to_string()),
                    Type::Time { precision: frac },
                )
            }
            Type::Varbinary => Expr::literal(
                Literal::Binary(text.bytes().map(|b| format!("{b:02X}")).collect()),
                Type::Varbinary,
            ),
            Type::Boolean => match text.trim().to_lowercase().as_str() {
                "true" => Expr::literal(Literal::Boolean(true), Type::Boolean),
                "false" => Expr::literal(Literal::Boolean(false), Type::Boolean),
                _ => bad(self, "BOOLEAN"),
            },
            other => Expr::literal(
                Literal::Typed {
                    type_name: other.to_string(),
                    text,
                },
                other.clone(),
            ),
        }
    }

    fn interval(&mut self, iv: &ast::Interval, span: Option<Span>) -> Expr {
        let value = match &*iv.value {
            ast::Expr::Value(v) => match &v.value {
                ast::Value::SingleQuotedString(s) => s.clone(),
                ast::Value::Number(n, _) => n.to_string(),
                other => other.to_string(),
            },
            ast::Expr::UnaryOp {
                op: ast::UnaryOperator::Minus,
                expr,
            } => format!("-{}", expr.to_string().trim_matches('\'')),
            other => {
                self.error(
                    "unsupported-syntax",
                    format!("INTERVAL needs a string literal, got `{other}`"),
                    span,
                );
                return Expr::literal(Literal::Null, unknown());
            }
        };
        let from = iv
            .leading_field
            .as_ref()
            .map(|f| f.to_string().to_uppercase())
            .unwrap_or_else(|| "DAY".into());
        let to = iv.last_field.as_ref().map(|f| f.to_string().to_uppercase());
        let ty = if from.starts_with("YEAR") || from.starts_with("MONTH") {
            Type::IntervalYearMonth
        } else {
            Type::IntervalDaySecond
        };
        if iv.leading_precision.is_some() || iv.fractional_seconds_precision.is_some() {
            self.error(
                "unsupported-syntax",
                "interval field precision is not Trino syntax",
                span,
            );
        }
        Expr::literal(
            Literal::Interval(Box::new(IntervalLiteral { value, from, to })),
            ty,
        )
    }

    // ------------------------------------------------------------------ operators

    fn binary(&mut self, op: &ast::BinaryOperator, l: Expr, r: Expr, span: Option<Span>) -> Expr {
        use ast::BinaryOperator as B;
        let op = match op {
            B::Plus => BinaryOp::Add,
            B::Minus => BinaryOp::Sub,
            B::Multiply => BinaryOp::Mul,
            B::Divide => BinaryOp::Div,
            B::Modulo => BinaryOp::Mod,
            B::StringConcat => BinaryOp::Concat,
            B::Gt => BinaryOp::Gt,
            B::Lt => BinaryOp::Lt,
            B::GtEq => BinaryOp::GtEq,
            B::LtEq => BinaryOp::LtEq,
            B::Eq => BinaryOp::Eq,
            B::NotEq => BinaryOp::NotEq,
            B::And => BinaryOp::And,
            B::Or => BinaryOp::Or,
            other => {
                self.error(
                    "unsupported-syntax",
                    format!("operator `{other}` is not Trino syntax"),
                    span,
                );
                return l;
            }
        };
        if op.is_comparison() {
            let (mut l, mut r) = (l, r);
            self.coerce_pair(&mut l, &mut r);
            return Expr::new(
                ExprKind::Binary {
                    op,
                    left: Box::new(l),
                    right: Box::new(r),
                },
                Type::Boolean,
            );
        }
        let ty = match op {
            BinaryOp::And | BinaryOp::Or => Type::Boolean,
            BinaryOp::Concat => match (&l.ty, &r.ty) {
                (Type::Array { .. }, _) => l.ty.clone(),
                (_, Type::Array { .. }) => r.ty.clone(),
                (Type::Varbinary, _) => Type::Varbinary,
                _ => Type::VARCHAR,
            },
            _ => match arithmetic_type(op, &l.ty, &r.ty) {
                Some(t) => t,
                None => {
                    if !l.ty.is_unknown() && !r.ty.is_unknown() {
                        self.error(
                            "type-mismatch",
                            format!(
                                "operator {} is not defined for {} and {}",
                                op.symbol(),
                                l.ty,
                                r.ty
                            ),
                            span,
                        );
                    }
                    unknown()
                }
            },
        };
        Expr::new(
            ExprKind::Binary {
                op,
                left: Box::new(l),
                right: Box::new(r),
            },
            ty,
        )
    }

    /// Makes both sides of a comparison the same type where Trino would coerce implicitly
    /// (so the emitter never leaves Spark to coerce differently).
    fn coerce_pair(&mut self, l: &mut Expr, r: &mut Expr) {
        // Equal types, or one unknown: the common type is the other's, and neither changes.
        if l.ty.same(&r.ty) || matches!(l.ty, Type::Unknown) || matches!(r.ty, Type::Unknown) {
            return;
        }
        if let Some(t) = Type::common_super_type(&l.ty, &r.ty) {
            self.coerce(l, &t);
            self.coerce(r, &t);
        }
    }

    /// Inserts an implicit cast where Trino coerces `e` to `to` and Spark might not agree.
    /// Literal NULLs and same-family widenings Spark performs identically are left alone.
    /// In place: an expression left alone is not moved.
    pub(crate) fn coerce(&mut self, e: &mut Expr, to: &Type) {
        if e.ty.same(to) || e.ty.is_unknown() || to.is_unknown() {
            return;
        }
        let same_family = (e.ty.is_integral() && to.is_integral())
            || (e.ty.is_string() && to.is_string())
            || (e.ty.is_decimal() && to.is_decimal())
            || ((e.ty.is_integral() || e.ty.is_decimal()) && to.is_decimal())
            || (e.ty.is_numeric() && to.is_floating())
            || matches!(
                (&e.ty, to),
                (Type::Timestamp { .. }, Type::Timestamp { .. })
                    | (Type::TimestampTz { .. }, Type::TimestampTz { .. })
            )
            || matches!(
                (&e.ty, to),
                (Type::Array { .. }, Type::Array { .. })
                    | (Type::Map { .. }, Type::Map { .. })
                    | (Type::Row { .. }, Type::Row { .. })
            );
        if same_family {
            // Spark widens these itself with the same result; keep the text readable.
            return;
        }
        let span = e.span;
        let inner = std::mem::replace(e, Expr::literal(Literal::Null, Type::Unknown));
        *e = Expr::new(
            ExprKind::Cast {
                expr: Box::new(inner),
                to: to.clone(),
                safe: false,
            },
            to.clone(),
        )
        .with_span(span);
    }

    // ------------------------------------------------------------------ functions

    fn function(&mut self, f: &ast::Function, span: Option<Span>) -> Expr {
        // Nearly every function name has one part: no list of parts is built for it.
        let (mut name, parts) = match &f.name.0[..] {
            [p] => (object_part(p), vec![]),
            _ => {
                let parts = object_parts(&f.name);
                (parts.last().cloned().unwrap_or_default(), parts)
            }
        };
        if parts.len() > 1 {
            self.warn_once(
                &format!("qualified-fn:{}", parts.join(".")),
                "qualified-function",
                || {
                    format!(
                        "function `{}` is qualified: it is treated as `{name}`",
                        parts.join(".")
                    )
                },
                span,
            );
        }
        if !matches!(f.parameters, ast::FunctionArguments::None) || f.uses_odbc_syntax {
            self.error(
                "unsupported-syntax",
                format!("`{name}` parameters are not Trino syntax"),
                span,
            );
        }
        if !f.within_group.is_empty() && name != "listagg" {
            self.error(
                "unsupported-syntax",
                "WITHIN GROUP is only Trino syntax for listagg",
                span,
            );
        }
        let (distinct, raw_args, mut order_by, star) = match &f.args {
            ast::FunctionArguments::None => (false, vec![], vec![], false),
            ast::FunctionArguments::Subquery(q) => {
                let rel = self.subquery(q);
                let ty = rel
                    .fields()
                    .first()
                    .map(|f| f.ty.clone())
                    .unwrap_or(Type::Unknown);
                let arg = Expr::new(ExprKind::ScalarSubquery(Box::new(rel)), ty);
                return self.call(&name, vec![arg], span);
            }
            ast::FunctionArguments::List(list) => {
                let distinct = matches!(
                    list.duplicate_treatment,
                    Some(ast::DuplicateTreatment::Distinct)
                );
                let mut args = vec![];
                let mut star = false;
                for a in &list.args {
                    match a {
                        ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Expr(x)) => args.push(x),
                        ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Wildcard) => star = true,
                        other => {
                            self.error(
                                "unsupported-syntax",
                                format!("function argument `{other}`"),
                                span,
                            );
                        }
                    }
                }
                let mut ob = vec![];
                for c in &list.clauses {
                    match c {
                        ast::FunctionArgumentClause::OrderBy(keys) => ob.extend(keys.clone()),
                        // Trino's default: fail when the result exceeds 1 MB.
                        ast::FunctionArgumentClause::OnOverflow(ast::ListAggOnOverflow::Error) if name == "listagg" => {}
                        ast::FunctionArgumentClause::OnOverflow(o) if name == "listagg" => self.error(
                            "non-mappable",
                            format!("listagg … {o}: Trino cuts a result over 1 MB at a whole value and appends the filler (and the count); not emulated"),
                            span,
                        ),
                        other => self.error("unsupported-syntax", format!("function clause `{other}`"), span),
                    }
                }
                (distinct, args, ob, star)
            }
        };
        order_by.extend(f.within_group.iter().cloned());
        let ignore_nulls = matches!(f.null_treatment, Some(ast::NullTreatment::IgnoreNulls));
        if f.null_treatment.is_some()
            && !matches!(
                name.as_str(),
                "lead" | "lag" | "first_value" | "last_value" | "nth_value"
            )
        {
            self.error(
                "type-mismatch",
                format!(
                    "null treatment clause (IGNORE / RESPECT NULLS) is not allowed for `{name}`"
                ),
                span,
            );
        }

        // Special forms first.
        match name.as_str() {
            "try" if raw_args.len() == 1 => {
                let x = self.expr(raw_args[0]);
                let ty = x.ty.clone();
                return Expr::new(ExprKind::Try(Box::new(x)), ty);
            }
            "row" => {
                let xs: Vec<Expr> = raw_args.iter().map(|a| self.expr(a)).collect();
                let ty = Type::Row {
                    fields: xs
                        .iter()
                        .map(|x| RowField {
                            name: None,
                            ty: x.ty.clone(),
                        })
                        .collect(),
                };
                return Expr::new(ExprKind::Row(xs), ty);
            }
            "array" if !raw_args.is_empty() => {}
            "grouping" => {
                let xs: Vec<Expr> = raw_args.iter().map(|a| self.expr(a)).collect();
                return Expr::new(ExprKind::Grouping(xs), Type::Integer);
            }
            _ => {}
        }

        // Aggregate arguments see the input columns, not the SELECT outputs (ORDER BY sum(x)).
        let saved_outputs = if functions::is_aggregate(&name) {
            self.order_by_outputs.take()
        } else {
            None
        };
        // Arguments; lambdas get their parameter types from the other arguments.
        let mut args: Vec<Expr> = Vec::new();
        let mut pending_lambdas: Vec<(usize, &ast::LambdaFunction)> = Vec::new();
        for (i, a) in raw_args.iter().enumerate() {
            if let ast::Expr::Lambda(lf) = a {
                pending_lambdas.push((i, lf));
                args.push(Expr::literal(Literal::Null, Type::Unknown));
            } else if let Some(form) = (name == "normalize" && i == 1)
                .then(|| normalization_form(a))
                .flatten()
            {
                // `normalize(s, NFD)`: the form is a keyword, passed as a string constant.
                args.push(Expr::literal(
                    Literal::String(form.into()),
                    Type::Varchar {
                        length: Some(form.len() as u32),
                    },
                ));
            } else {
                args.push(self.expr(a));
            }
        }
        for (i, lf) in pending_lambdas {
            let params = lambda_params(lf);
            let ptypes = lambda_param_types(&name, &args, i, params.len());
            args[i] = self.lambda(&params, &lf.body, &ptypes);
        }

        let is_agg =
            functions::is_aggregate(&name) || self.sigs.is_some_and(|s| s.is_aggregate(&name));
        let is_win = functions::is_window_only(&name);
        let filter = f.filter.as_ref().map(|x| Box::new(self.expr(x)));
        if saved_outputs.is_some() {
            self.order_by_outputs = saved_outputs;
        }

        let base = if is_agg {
            let ty = if star && name == "count" {
                Type::BigInt
            } else {
                let types = self.arg_types(&args);
                // The mapping rules' signatures are asked only when the built-in table has no
                // type (they answer without side effects).
                let sigs = self.sigs;
                let from_sigs = || {
                    let consts: Vec<Option<String>> = args.iter().map(string_const).collect();
                    sigs.and_then(|s| s.result_type(&name, true, &types, &consts))
                };
                let ty = functions::aggregate_type(&name, &types)
                    .or_else(from_sigs)
                    .unwrap_or_else(|| {
                        self.warn_once(
                            &format!("fnty:{name}"),
                            "unknown-function-type",
                            || {
                                format!(
                                    "result type of `{name}` over ({}) is unknown",
                                    types
                                        .iter()
                                        .map(|t| t.to_string())
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                )
                            },
                            span,
                        );
                        unknown()
                    });
                self.give_back_types(types);
                ty
            };
            let ob: Vec<SortKey> = order_by.iter().map(|o| self.sort_key(o, false)).collect();
            self.aggregates_built += 1;
            Expr::new(
                ExprKind::Aggregate(Box::new(AggregateCall {
                    name: name.clone(),
                    args,
                    distinct,
                    filter,
                    order_by: ob,
                })),
                ty,
            )
        } else {
            if distinct || filter.is_some() || !order_by.is_empty() {
                self.error("unsupported-syntax", format!("DISTINCT / FILTER / ORDER BY in a call of `{name}`, which is not an aggregate"), span);
            }
            if is_win {
                let types: Vec<Type> = args.iter().map(|a| a.ty.clone()).collect();
                let ty = functions::window_type(&name, &types).unwrap_or_else(unknown);
                Expr::new(
                    ExprKind::Call {
                        name: name.clone(),
                        args,
                    },
                    ty,
                )
            } else {
                // `name` is read below only for a window function.
                self.call_named(std::mem::take(&mut name), args, span)
            }
        };

        match &f.over {
            None => {
                if is_win {
                    self.error(
                        "window-without-over",
                        format!("`{name}` needs an OVER clause"),
                        span,
                    );
                }
                base
            }
            Some(w) => {
                let spec = match w {
                    ast::WindowType::WindowSpec(s) => s.clone(),
                    ast::WindowType::NamedWindow(n) => match self.windows.get(&ident(n)) {
                        Some(s) => s.clone(),
                        None => {
                            self.error(
                                "unknown-window",
                                format!("window `{}` is not defined", n.value),
                                span,
                            );
                            return base;
                        }
                    },
                };
                let spec = self.merge_window(spec);
                let ty = base.ty.clone();
                let partition_by: Vec<Expr> =
                    spec.partition_by.iter().map(|p| self.expr(p)).collect();
                let order_by: Vec<SortKey> = spec
                    .order_by
                    .iter()
                    .map(|o| self.sort_key(o, false))
                    .collect();
                let frame = spec.window_frame.as_ref().map(|fr| self.frame(fr));
                Expr::new(
                    ExprKind::Window(Box::new(WindowCall {
                        function: base,
                        partition_by,
                        order_by,
                        frame,
                        ignore_nulls,
                    })),
                    ty,
                )
            }
        }
    }

    /// `OVER (w ORDER BY …)`: a window spec that names a base window extends it.
    fn merge_window(&mut self, spec: ast::WindowSpec) -> ast::WindowSpec {
        let Some(base_name) = &spec.window_name else {
            return spec;
        };
        let Some(base) = self.windows.get(&ident(base_name)).cloned() else {
            self.error(
                "unknown-window",
                format!("window `{}` is not defined", base_name.value),
                None,
            );
            return spec;
        };
        ast::WindowSpec {
            window_name: None,
            partition_by: if spec.partition_by.is_empty() {
                base.partition_by
            } else {
                spec.partition_by
            },
            order_by: if spec.order_by.is_empty() {
                base.order_by
            } else {
                spec.order_by
            },
            window_frame: spec.window_frame.or(base.window_frame),
        }
    }

    fn frame(&mut self, fr: &ast::WindowFrame) -> WindowFrame {
        let units = fr.units.to_string().to_uppercase();
        let start = self.bound(&fr.start_bound);
        let end = fr.end_bound.as_ref().map(|b| self.bound(b));
        WindowFrame { units, start, end }
    }

    fn bound(&mut self, b: &ast::WindowFrameBound) -> FrameBound {
        match b {
            ast::WindowFrameBound::CurrentRow => FrameBound::CurrentRow,
            ast::WindowFrameBound::Preceding(None) => FrameBound::UnboundedPreceding,
            ast::WindowFrameBound::Following(None) => FrameBound::UnboundedFollowing,
            ast::WindowFrameBound::Preceding(Some(e)) => {
                FrameBound::Preceding(Box::new(self.expr(e)))
            }
            ast::WindowFrameBound::Following(Some(e)) => {
                FrameBound::Following(Box::new(self.expr(e)))
            }
        }
    }

    fn lambda(&mut self, params: &[String], body: &ast::Expr, types: &[Type]) -> Expr {
        let vars: NameMap<Type> = params
            .iter()
            .cloned()
            .zip(
                types
                    .iter()
                    .cloned()
                    .chain(std::iter::repeat(Type::Unknown)),
            )
            .collect();
        self.lambda_vars.push(vars);
        let b = self.expr(body);
        self.lambda_vars.pop();
        let ty = Type::Function {
            params: types.to_vec(),
            ret: Box::new(b.ty.clone()),
        };
        Expr::new(
            ExprKind::Lambda {
                params: params.to_vec(),
                body: Box::new(b),
            },
            ty,
        )
    }

    /// The types of `args`, in a list reused from call to call (handed back with
    /// [`Lowerer::give_back_types`]): a call's types are looked up, not kept.
    fn arg_types(&mut self, args: &[Expr]) -> Vec<Type> {
        let mut types = std::mem::take(&mut self.types_scratch);
        types.extend(args.iter().map(|a| super::clone_type(&a.ty)));
        types
    }

    fn give_back_types(&mut self, mut types: Vec<Type>) {
        types.clear();
        self.types_scratch = types;
    }

    /// A scalar call with Trino's result type.
    pub(crate) fn call(&mut self, name: &str, args: Vec<Expr>, span: Option<Span>) -> Expr {
        self.call_named(name.to_string(), args, span)
    }

    /// [`Lowerer::call`] with the name already owned.
    fn call_named(&mut self, name: String, args: Vec<Expr>, span: Option<Span>) -> Expr {
        let types = self.arg_types(&args);
        let ty = match name.as_str() {
            "transform" => match args.get(1).map(|a| &a.ty) {
                Some(Type::Function { ret, .. }) => Type::array((**ret).clone()),
                _ => unknown(),
            },
            "reduce" => match args.get(3).map(|a| &a.ty) {
                Some(Type::Function { ret, .. }) => (**ret).clone(),
                _ => unknown(),
            },
            "zip_with" => match args.get(2).map(|a| &a.ty) {
                Some(Type::Function { ret, .. }) => Type::array((**ret).clone()),
                _ => unknown(),
            },
            "transform_values" => match (args.first().map(|a| &a.ty), args.get(1).map(|a| &a.ty)) {
                (Some(Type::Map { key, .. }), Some(Type::Function { ret, .. })) => {
                    Type::map((**key).clone(), (**ret).clone())
                }
                _ => unknown(),
            },
            "transform_keys" => match (args.first().map(|a| &a.ty), args.get(1).map(|a| &a.ty)) {
                (Some(Type::Map { value, .. }), Some(Type::Function { ret, .. })) => {
                    Type::map((**ret).clone(), (**value).clone())
                }
                _ => unknown(),
            },
            "map_filter" => types.first().cloned().unwrap_or_else(unknown),
            _ => match functions::scalar_type(&name, &types).or_else(|| {
                let consts: Vec<Option<String>> = args.iter().map(string_const).collect();
                self.sigs
                    .and_then(|s| s.result_type(&name, false, &types, &consts))
            }) {
                Some(t) => t,
                None => {
                    if !types.iter().any(Type::is_unknown) {
                        self.warn_once(
                            &format!("fnty:{name}"),
                            "unknown-function-type",
                            || format!("result type of `{name}` is not known to trino2spark; expressions using it are typed `unknown`"),
                            span,
                        );
                    }
                    unknown()
                }
            },
        };
        self.give_back_types(types);
        Expr::new(ExprKind::Call { name, args }, ty).with_span(span)
    }
}

enum Found<'s> {
    Column { field: FieldRef<'s>, used: usize },
    Open { qualifier: &'s str, used: usize },
    Ambiguous,
    None,
}

/// Finds `parts` in one scope. Tries `qualifier.column[.field…]` (qualifier possibly
/// multi-part) before `column[.field…]`, as Trino does.
fn find_in_scope<'s, P: AsRef<str>>(scope: &'s super::Scope<'_>, parts: &'s [P]) -> Found<'s> {
    // qualified: the longest prefix that names a relation qualifier.
    if parts.len() >= 2 {
        for qlen in (1..parts.len()).rev() {
            let q = parts[qlen - 1].as_ref();
            let col = parts[qlen].as_ref();
            let key = super::name_key(col);
            let mut hits = key_hits(scope, key)
                .filter(|f| **f.name == *col && f.qualifier.map(|x| &**x) == Some(q));
            match (hits.next(), hits.next()) {
                (None, _) => {}
                (Some(field), None) => {
                    return Found::Column {
                        field,
                        used: qlen + 1,
                    }
                }
                (Some(_), Some(_)) => return Found::Ambiguous,
            }
            if scope.open.iter().any(|o| o == q) {
                return Found::Open {
                    qualifier: q,
                    used: qlen + 1,
                };
            }
        }
    }
    let key = super::name_key(parts[0].as_ref());
    let mut hits = key_hits(scope, key).filter(|f| !f.hidden && **f.name == *parts[0].as_ref());
    if let Some(first) = hits.next() {
        // The same column seen twice through USING or a CTE alias is not ambiguous.
        return if hits.all(|h| h.qualifier == first.qualifier) {
            Found::Column {
                field: first,
                used: 1,
            }
        } else {
            Found::Ambiguous
        };
    }
    if let Some(q) = scope.open.first() {
        return Found::Open {
            qualifier: q,
            used: 1,
        };
    }
    Found::None
}

/// Scopes with at least this many fields are searched through a hash index.
pub(crate) const INDEX_FROM: usize = 16;

/// The fields of `scope` whose [`super::name_key`] is `key`, in order. Scopes hold up to
/// hundreds of fields and nearly all of them miss: a large scope's are found through its hash
/// index (built on the first lookup), a small one's keys are compared one by one.
fn key_hits<'s, 'f>(scope: &'s super::Scope<'f>, key: u32) -> impl Iterator<Item = FieldRef<'s>> {
    let keys = &scope.keys[..];
    let index: &[u32] = if let Some(t) = scope.table {
        t.column_index()
    } else if keys.len() >= INDEX_FROM {
        scope
            .index
            .get_or_init(|| build_index(keys).into_boxed_slice())
    } else {
        &[]
    };
    let mask = index.len().wrapping_sub(1);
    // In the index, the next slot to probe; otherwise the next key to compare.
    let mut i = if index.is_empty() {
        0
    } else {
        key as usize & mask
    };
    std::iter::from_fn(move || {
        if index.is_empty() {
            while let Some(&k) = keys.get(i) {
                i += 1;
                if k == key {
                    return scope.get(i - 1);
                }
            }
            return None;
        }
        loop {
            let e = index[i] as usize;
            if e == 0 {
                return None;
            }
            i = (i + 1) & mask;
            if keys[e - 1] == key {
                return scope.get(e - 1);
            }
        }
    })
}

/// The hash index of `keys` (see [`super::Scope`]): at most half full.
pub(crate) fn build_index(keys: &[u32]) -> Vec<u32> {
    let size = (keys.len() * 2).next_power_of_two();
    let mask = size - 1;
    let mut index = vec![0u32; size];
    for (i, &k) in keys.iter().enumerate() {
        let mut s = k as usize & mask;
        while index[s] != 0 {
            s = (s + 1) & mask;
        }
        index[s] = i as u32 + 1;
    }
    index
}

/// `parts` joined by dots, as written in messages.
fn join_parts<P: AsRef<str>>(parts: &[P]) -> String {
    let v: Vec<&str> = parts.iter().map(AsRef::as_ref).collect();
    v.join(".")
}

fn comparison(op: &ast::BinaryOperator) -> Option<BinaryOp> {
    use ast::BinaryOperator as B;
    Some(match op {
        B::Eq => BinaryOp::Eq,
        B::NotEq => BinaryOp::NotEq,
        B::Lt => BinaryOp::Lt,
        B::LtEq => BinaryOp::LtEq,
        B::Gt => BinaryOp::Gt,
        B::GtEq => BinaryOp::GtEq,
        _ => return None,
    })
}

fn lambda_params(lf: &ast::LambdaFunction) -> Vec<String> {
    match &lf.params {
        ast::OneOrManyWithParens::One(p) => vec![ident(&p.name)],
        ast::OneOrManyWithParens::Many(ps) => ps.iter().map(|p| ident(&p.name)).collect(),
    }
}

/// Parameter types of the lambda at argument `idx` of `func`, from the other arguments.
fn lambda_param_types(func: &str, args: &[Expr], idx: usize, n: usize) -> Vec<Type> {
    let elem = |t: &Type| match t {
        Type::Array { element } => (**element).clone(),
        _ => Type::Unknown,
    };
    let kv = |t: &Type| match t {
        Type::Map { key, value } => vec![(**key).clone(), (**value).clone()],
        _ => vec![Type::Unknown, Type::Unknown],
    };
    let a0 = args.first().map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
    let t = match func {
        "transform" | "filter" | "any_match" | "all_match" | "none_match" | "find_first" => {
            vec![elem(&a0)]
        }
        "array_sort" => vec![elem(&a0), elem(&a0)],
        "zip_with" => vec![
            elem(&a0),
            args.get(1).map(|a| elem(&a.ty)).unwrap_or(Type::Unknown),
        ],
        "reduce" => {
            let state = args.get(1).map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
            if idx == 2 {
                vec![state, elem(&a0)]
            } else {
                // The output function receives the state type the input function returns.
                let st = match args.get(2).map(|a| &a.ty) {
                    Some(Type::Function { ret, .. }) => (**ret).clone(),
                    _ => state,
                };
                vec![st]
            }
        }
        "transform_keys" | "transform_values" | "map_filter" => kv(&a0),
        "map_zip_with" => {
            let k = kv(&a0);
            let v2 = args
                .get(1)
                .map(|a| kv(&a.ty)[1].clone())
                .unwrap_or(Type::Unknown);
            vec![k[0].clone(), k[1].clone(), v2]
        }
        _ => vec![],
    };
    let mut t = t;
    t.resize(n, Type::Unknown);
    t
}

/// Trino's result type of an arithmetic operator.
pub fn arithmetic_type(op: BinaryOp, l: &Type, r: &Type) -> Option<Type> {
    use Type::*;
    if l.is_unknown() && r.is_unknown() {
        return Some(Unknown);
    }
    if l.is_unknown() {
        return arithmetic_type(op, r, r);
    }
    if r.is_unknown() {
        return arithmetic_type(op, l, l);
    }
    // Date/time arithmetic.
    match (op, l, r) {
        (BinaryOp::Add | BinaryOp::Sub, Date, IntervalDaySecond | IntervalYearMonth) => {
            return Some(Date)
        }
        (BinaryOp::Add, IntervalDaySecond | IntervalYearMonth, Date) => return Some(Date),
        (
            BinaryOp::Add | BinaryOp::Sub,
            Timestamp { .. } | TimestampTz { .. },
            IntervalDaySecond | IntervalYearMonth,
        ) => return Some(l.clone()),
        (
            BinaryOp::Add,
            IntervalDaySecond | IntervalYearMonth,
            Timestamp { .. } | TimestampTz { .. },
        ) => return Some(r.clone()),
        (BinaryOp::Sub, Timestamp { .. }, Timestamp { .. })
        | (BinaryOp::Sub, TimestampTz { .. }, TimestampTz { .. })
        | (BinaryOp::Sub, Date, Date) => return Some(IntervalDaySecond),
        (BinaryOp::Add | BinaryOp::Sub, IntervalDaySecond, IntervalDaySecond) => {
            return Some(IntervalDaySecond)
        }
        (BinaryOp::Add | BinaryOp::Sub, IntervalYearMonth, IntervalYearMonth) => {
            return Some(IntervalYearMonth)
        }
        (BinaryOp::Mul | BinaryOp::Div, IntervalDaySecond | IntervalYearMonth, t)
            if t.is_numeric() =>
        {
            return Some(l.clone())
        }
        (BinaryOp::Mul, t, IntervalDaySecond | IntervalYearMonth) if t.is_numeric() => {
            return Some(r.clone())
        }
        _ => {}
    }
    if !l.is_numeric() || !r.is_numeric() {
        return None;
    }
    if l.is_integral() && r.is_integral() {
        return Type::common_super_type(l, r);
    }
    if matches!(l, Double) || matches!(r, Double) {
        return Some(Double);
    }
    if matches!(l, Real) || matches!(r, Real) {
        return Some(Real);
    }
    let (p1, s1) = l.as_decimal()?;
    let (p2, s2) = r.as_decimal()?;
    let (p, s) = match op {
        BinaryOp::Add | BinaryOp::Sub => {
            let s = s1.max(s2);
            ((p1 - s1).max(p2 - s2) as u16 + s as u16 + 1, s)
        }
        BinaryOp::Mul => (p1 as u16 + p2 as u16, s1 + s2),
        BinaryOp::Div => {
            let s = s1.max(s2);
            (p1 as u16 + s2 as u16 + s2.saturating_sub(s1) as u16, s)
        }
        BinaryOp::Mod => {
            let s = s1.max(s2);
            ((p1 - s1).min(p2 - s2) as u16 + s as u16, s)
        }
        _ => return None,
    };
    Some(Type::decimal(p.min(38) as u8, s.min(38)))
}

fn is_date(t: &str) -> bool {
    let t = t.trim();
    let parts: Vec<&str> = t.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && parts[2].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn split_zone(t: &str) -> (&str, Option<&str>) {
    // `2020-01-01 10:00:00.123 America/New_York`, `… +02:00`, `… UTC`
    let mut it = t.splitn(3, ' ');
    let d = it.next().unwrap_or("");
    match (it.next(), it.next()) {
        (Some(time), Some(zone)) => (&t[..d.len() + 1 + time.len()], Some(zone)),
        (Some(time), None) if time.chars().next().is_some_and(|c| c.is_ascii_digit()) => (t, None),
        (Some(_), None) => (d, Some(&t[d.len() + 1..])),
        _ => (t, None),
    }
}

fn is_timestamp(t: &str) -> bool {
    let (d, time) = match t.split_once(' ') {
        Some((d, tm)) => (d, Some(tm)),
        None => (t, None),
    };
    is_date(d)
        && time.is_none_or(|tm| {
            tm.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
                && tm.split(':').count() >= 2
        })
}

fn string_const(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Literal(Literal::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// The Unicode normalization form keyword of `normalize(s, form)`: NFC, NFD, NFKC or NFKD,
/// upper-case as Trino requires (it rejects `nfc` when the query runs).
fn normalization_form(a: &ast::Expr) -> Option<&'static str> {
    let ast::Expr::Identifier(id) = a else {
        return None;
    };
    if id.quote_style.is_some() {
        return None;
    }
    ["NFC", "NFD", "NFKC", "NFKD"]
        .into_iter()
        .find(|f| *f == id.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_division_follows_trino() {
        // decimal(12,2) / decimal(12,2) → decimal(14,2): Trino keeps the larger scale.
        assert_eq!(
            arithmetic_type(BinaryOp::Div, &Type::decimal(12, 2), &Type::decimal(12, 2)),
            Some(Type::decimal(14, 2))
        );
        assert_eq!(
            arithmetic_type(BinaryOp::Mul, &Type::decimal(12, 2), &Type::decimal(15, 2)),
            Some(Type::decimal(27, 4))
        );
        assert_eq!(
            arithmetic_type(BinaryOp::Add, &Type::Integer, &Type::decimal(12, 2)),
            Some(Type::decimal(13, 2))
        );
        assert_eq!(
            arithmetic_type(BinaryOp::Div, &Type::Integer, &Type::Integer),
            Some(Type::Integer)
        );
        assert_eq!(
            arithmetic_type(BinaryOp::Sub, &Type::Date, &Type::IntervalDaySecond),
            Some(Type::Date)
        );
    }

    #[test]
    fn timestamp_literal_zone_split() {
        assert_eq!(
            split_zone("2020-01-01 10:00:00 UTC"),
            ("2020-01-01 10:00:00", Some("UTC"))
        );
        assert_eq!(
            split_zone("2020-01-01 10:00:00"),
            ("2020-01-01 10:00:00", None)
        );
        assert!(is_timestamp("2020-01-01 10:00:00.123"));
        assert!(!is_timestamp("2020-13-01"));
    }
}
