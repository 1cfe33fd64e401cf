//! Traversal of plans and expressions, for passes that rewrite them.

use crate::expr::{Expr, ExprKind, FrameBound};
use crate::rel::{GroupingElement, Rel, With};

/// The expressions that belong to this operator itself (not to its inputs).
pub fn own_exprs_mut(rel: &mut Rel) -> Vec<&mut Expr> {
    match rel {
        Rel::Scan(s) => s.time_travel.iter_mut().map(|t| &mut t.expr).collect(),
        Rel::CteRef(_) | Rel::Alias(_) | Rel::SetOp(_) | Rel::With(_) => vec![],
        Rel::Values(v) => v.rows.iter_mut().flat_map(|r| r.iter_mut()).collect(),
        Rel::Join(j) => j.condition.iter_mut().collect(),
        Rel::Unnest(u) => u.exprs.iter_mut().collect(),
        Rel::Filter(x) => vec![&mut x.predicate],
        Rel::Aggregate(a) => {
            let mut v = Vec::new();
            for el in &mut a.group_by.elements {
                match el {
                    GroupingElement::Expr(e) => v.push(e),
                    GroupingElement::Rollup(sets)
                    | GroupingElement::Cube(sets)
                    | GroupingElement::GroupingSets(sets) => {
                        v.extend(sets.iter_mut().flat_map(|s| s.iter_mut()))
                    }
                }
            }
            v
        }
        Rel::Project(p) => p.items.iter_mut().map(|i| &mut i.expr).collect(),
        Rel::Sort(s) => s.keys.iter_mut().map(|k| &mut k.expr).collect(),
        Rel::Limit(l) => l.offset.iter_mut().chain(l.fetch.iter_mut()).collect(),
        Rel::Sample(s) => vec![&mut s.percentage],
    }
}

/// Mutable direct child relations.
pub fn inputs_mut(rel: &mut Rel) -> Vec<&mut Rel> {
    match rel {
        Rel::Scan(_) | Rel::Values(_) | Rel::Unnest(_) | Rel::CteRef(_) => vec![],
        Rel::Alias(a) => vec![&mut *a.input],
        Rel::Join(j) => vec![&mut *j.left, &mut *j.right],
        Rel::Filter(f) => vec![&mut *f.input],
        Rel::Aggregate(a) => vec![&mut *a.input],
        Rel::Project(p) => vec![&mut *p.input],
        Rel::Sort(s) => vec![&mut *s.input],
        Rel::Limit(l) => vec![&mut *l.input],
        Rel::SetOp(s) => vec![&mut *s.left, &mut *s.right],
        Rel::With(w) => {
            let With { ctes, body, .. } = w;
            let mut v: Vec<&mut Rel> = ctes.iter_mut().map(|c| &mut c.rel).collect();
            v.push(&mut **body);
            v
        }
        Rel::Sample(s) => vec![&mut *s.input],
    }
}

/// Calls `f` on every root expression of `rel` and of its inputs, recursively, including the
/// plans of subqueries inside expressions (those are visited before the expression holding them).
pub fn for_each_expr_mut(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr)) {
    stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || {
        for_each_expr_mut_inner(rel, f)
    })
}

fn for_each_expr_mut_inner(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr)) {
    for input in inputs_mut(rel) {
        for_each_expr_mut(input, f);
    }
    for e in own_exprs_mut(rel) {
        visit_subplans_mut(e, &mut |sub| for_each_expr_mut(sub, f));
        f(e);
    }
}

/// Calls `f` on every subquery plan nested anywhere inside `e` (outermost first, not recursing
/// into the plans themselves).
pub fn visit_subplans_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Rel)) {
    stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || {
        visit_subplans_mut_inner(e, f)
    })
}

fn visit_subplans_mut_inner(e: &mut Expr, f: &mut dyn FnMut(&mut Rel)) {
    match &mut e.kind {
        ExprKind::ScalarSubquery(r) | ExprKind::Exists { rel: r, .. } => f(r),
        ExprKind::InSubquery { rel, .. } | ExprKind::Quantified { rel, .. } => f(rel),
        _ => {}
    }
    for c in children_mut(e) {
        visit_subplans_mut_inner(c, f);
    }
}

/// Mutable direct sub-expressions (not descending into subquery plans).
pub fn children_mut(e: &mut Expr) -> Vec<&mut Expr> {
    use ExprKind::*;
    match &mut e.kind {
        Column(_)
        | Wildcard { .. }
        | OutputRef { .. }
        | Literal(_)
        | LambdaVar(_)
        | SparkLiteral(_)
        | ScalarSubquery(_)
        | Exists { .. } => {
            vec![]
        }
        Call { args, .. }
        | SparkCall { args, .. }
        | SparkTemplate { args, .. }
        | Array(args)
        | Row(args)
        | Grouping(args) => args.iter_mut().collect(),
        Binary { left, right, .. }
        | SparkInfix { left, right, .. }
        | IsDistinctFrom { left, right, .. } => {
            vec![&mut **left, &mut **right]
        }
        Unary { expr, .. }
        | Cast { expr, .. }
        | SparkCast { expr, .. }
        | IsNull { expr, .. }
        | FieldAccess { expr, .. }
        | Extract { expr, .. }
        | Try(expr)
        | InSubquery { expr, .. } => vec![&mut **expr],
        Quantified { left, .. } => vec![&mut **left],
        Case {
            operand,
            branches,
            else_result,
        } => {
            let mut v: Vec<&mut Expr> = operand.iter_mut().map(|b| &mut **b).collect();
            for (w, t) in branches {
                v.push(w);
                v.push(t);
            }
            v.extend(else_result.iter_mut().map(|b| &mut **b));
            v
        }
        InList { expr, list, .. } => std::iter::once(&mut **expr)
            .chain(list.iter_mut())
            .collect(),
        Between {
            expr, low, high, ..
        } => vec![&mut **expr, &mut **low, &mut **high],
        Like {
            expr,
            pattern,
            escape,
            ..
        } => {
            let mut v = vec![&mut **expr, &mut **pattern];
            v.extend(escape.iter_mut().map(|b| &mut **b));
            v
        }
        Subscript { expr, index } => vec![&mut **expr, &mut **index],
        AtTimeZone { expr, zone } => vec![&mut **expr, &mut **zone],
        Lambda { body, .. } => vec![&mut **body],
        Aggregate(a) => {
            let mut v: Vec<&mut Expr> = a.args.iter_mut().collect();
            v.extend(a.filter.iter_mut().map(|b| &mut **b));
            v.extend(a.order_by.iter_mut().map(|k| &mut k.expr));
            v
        }
        Window(w) => {
            let w = &mut **w;
            let mut v = vec![&mut w.function];
            v.extend(w.partition_by.iter_mut());
            v.extend(w.order_by.iter_mut().map(|k| &mut k.expr));
            if let Some(fr) = &mut w.frame {
                for b in std::iter::once(&mut fr.start).chain(fr.end.iter_mut()) {
                    if let FrameBound::Preceding(x) | FrameBound::Following(x) = b {
                        v.push(&mut **x);
                    }
                }
            }
            v
        }
    }
}

/// Rewrites `e` bottom-up: children first, then `f` on the node itself.
pub fn transform_up(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || {
        for c in children_mut(e) {
            transform_up(c, f);
        }
        f(e);
    })
}

/// Applies `f` bottom-up to every expression node in the whole plan, subqueries included.
pub fn transform_plan(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr)) {
    for_each_expr_mut(rel, &mut |root| transform_up(root, f));
}

/// Calls `f` on every relation of the plan, children first, including subquery plans.
pub fn for_each_rel_mut(rel: &mut Rel, f: &mut dyn FnMut(&mut Rel)) {
    stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || {
        for_each_rel_mut_inner(rel, f)
    })
}

fn for_each_rel_mut_inner(rel: &mut Rel, f: &mut dyn FnMut(&mut Rel)) {
    for input in inputs_mut(rel) {
        for_each_rel_mut(input, f);
    }
    for e in own_exprs_mut(rel) {
        visit_subplans_mut(e, &mut |sub| for_each_rel_mut(sub, f));
    }
    f(rel);
}
