//! Traversal of plans and expressions, for passes that rewrite them.
//!
//! The walkers take callbacks instead of returning lists, so a walk allocates nothing.

use crate::expr::{Expr, ExprKind, FrameBound};
use crate::rel::{GroupingElement, Rel, With};

/// Calls `f` on each expression that belongs to this operator itself (not to its inputs).
pub fn for_each_own_expr_mut<'r>(rel: &'r mut Rel, mut f: impl FnMut(&'r mut Expr)) {
    match rel {
        Rel::Scan(s) => s.time_travel.iter_mut().for_each(|t| f(&mut t.expr)),
        Rel::CteRef(_) | Rel::Alias(_) | Rel::SetOp(_) | Rel::With(_) => {}
        Rel::Values(v) => v.rows.iter_mut().flatten().for_each(f),
        Rel::Join(j) => j.condition.iter_mut().for_each(f),
        Rel::Unnest(u) => u.exprs.iter_mut().for_each(f),
        Rel::Filter(x) => f(&mut x.predicate),
        Rel::Aggregate(a) => {
            for el in &mut a.group_by.elements {
                match el {
                    GroupingElement::Expr(e) => f(e),
                    GroupingElement::Rollup(sets)
                    | GroupingElement::Cube(sets)
                    | GroupingElement::GroupingSets(sets) => {
                        sets.iter_mut().flatten().for_each(&mut f)
                    }
                }
            }
        }
        Rel::Project(p) => p.items.iter_mut().for_each(|i| f(&mut i.expr)),
        Rel::Sort(s) => s.keys.iter_mut().for_each(|k| f(&mut k.expr)),
        Rel::Limit(l) => l.offset.iter_mut().chain(l.fetch.iter_mut()).for_each(f),
        Rel::Sample(s) => f(&mut s.percentage),
    }
}

/// Calls `f` on each direct child relation.
pub fn for_each_input_mut<'r>(rel: &'r mut Rel, mut f: impl FnMut(&'r mut Rel)) {
    match rel {
        Rel::Scan(_) | Rel::Values(_) | Rel::Unnest(_) | Rel::CteRef(_) => {}
        Rel::Alias(a) => f(&mut a.input),
        Rel::Join(j) => {
            f(&mut j.left);
            f(&mut j.right)
        }
        Rel::Filter(x) => f(&mut x.input),
        Rel::Aggregate(a) => f(&mut a.input),
        Rel::Project(p) => f(&mut p.input),
        Rel::Sort(s) => f(&mut s.input),
        Rel::Limit(l) => f(&mut l.input),
        Rel::SetOp(s) => {
            f(&mut s.left);
            f(&mut s.right)
        }
        Rel::With(w) => {
            let With { ctes, body, .. } = w;
            ctes.iter_mut().for_each(|c| f(&mut c.rel));
            f(body)
        }
        Rel::Sample(s) => f(&mut s.input),
    }
}

/// How many levels of operators the plan walks below descend between two checks of the stack.
const REL_CHECK_LEVELS: u32 = 4;

/// The stack a plan walk wants free at a check: for each level until the next check, the
/// operator's frames and the walks of its own expressions.
const REL_RED_ZONE: usize = REL_CHECK_LEVELS as usize * 96 * 1024;

/// Runs `walk` with the stack checked if `level` is a level to check it at.
#[inline(always)]
fn rel_level<R>(level: u32, walk: impl FnOnce() -> R) -> R {
    if level.is_multiple_of(REL_CHECK_LEVELS) {
        stacker::maybe_grow(REL_RED_ZONE, 4 * 1024 * 1024, walk)
    } else {
        walk()
    }
}

/// Calls `f` on every root expression of `rel` and of its inputs, recursively, including the
/// plans of subqueries inside expressions (those are visited before the expression holding them).
pub fn for_each_expr_mut(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr)) {
    for_each_expr_mut_at(rel, f, 0)
}

fn for_each_expr_mut_at(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr), level: u32) {
    rel_level(level, || for_each_expr_mut_inner(rel, f, level))
}

fn for_each_expr_mut_inner(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr), level: u32) {
    for_each_input_mut(rel, |input| for_each_expr_mut_at(input, f, level + 1));
    for_each_own_expr_mut(rel, |e| {
        visit_subplans_mut_inner(e, &mut |sub| for_each_expr_mut(sub, f), &|_: &Expr| {});
        f(e);
    });
}

/// Calls `f` on every subquery plan nested anywhere inside `e` (outermost first, not recursing
/// into the plans themselves).
pub fn visit_subplans_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Rel)) {
    stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || {
        visit_subplans_mut_inner(e, f, &|_: &Expr| {})
    })
}

/// `holder` sees each node that holds a subquery plan, before `f` gets the plan.
fn visit_subplans_mut_inner<H: Fn(&Expr) + ?Sized>(
    e: &mut Expr,
    f: &mut dyn FnMut(&mut Rel),
    holder: &H,
) {
    if matches!(
        e.kind,
        ExprKind::ScalarSubquery(_)
            | ExprKind::Exists { .. }
            | ExprKind::InSubquery { .. }
            | ExprKind::Quantified { .. }
    ) {
        holder(e);
    }
    match &mut e.kind {
        ExprKind::ScalarSubquery(r) | ExprKind::Exists { rel: r, .. } => f(r),
        ExprKind::InSubquery { rel, .. } | ExprKind::Quantified { rel, .. } => f(rel),
        _ => {}
    }
    for_each_child_mut(e, |c| {
        // Most children are leaves (columns, literals), which hold no subquery.
        if !is_plain_leaf(c) {
            visit_subplans_mut_inner(c, f, holder)
        }
    });
}

/// A node with no sub-expression and no subquery plan.
pub fn is_plain_leaf(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Column(_)
            | ExprKind::Wildcard { .. }
            | ExprKind::OutputRef { .. }
            | ExprKind::Literal(_)
            | ExprKind::LambdaVar(_)
            | ExprKind::SparkLiteral(_)
    )
}

/// Calls `f` on each direct sub-expression (not descending into subquery plans).
pub fn for_each_child_mut<'e>(e: &'e mut Expr, mut f: impl FnMut(&'e mut Expr)) {
    use ExprKind::*;
    match &mut e.kind {
        Column(_)
        | Wildcard { .. }
        | OutputRef { .. }
        | Literal(_)
        | LambdaVar(_)
        | SparkLiteral(_)
        | ScalarSubquery(_)
        | Exists { .. } => {}
        Call { args, .. }
        | SparkCall { args, .. }
        | SparkTemplate { args, .. }
        | Array(args)
        | Row(args)
        | Grouping(args) => args.iter_mut().for_each(f),
        Binary { left, right, .. }
        | SparkInfix { left, right, .. }
        | IsDistinctFrom { left, right, .. } => {
            f(left);
            f(right)
        }
        Unary { expr, .. }
        | Cast { expr, .. }
        | SparkCast { expr, .. }
        | IsNull { expr, .. }
        | FieldAccess { expr, .. }
        | Extract { expr, .. }
        | Try(expr)
        | InSubquery { expr, .. } => f(expr),
        Quantified { left, .. } => f(left),
        Case {
            operand,
            branches,
            else_result,
        } => {
            operand.iter_mut().for_each(|b| f(b));
            for (w, t) in branches {
                f(w);
                f(t);
            }
            else_result.iter_mut().for_each(|b| f(b));
        }
        InList { expr, list, .. } => {
            f(expr);
            list.iter_mut().for_each(f)
        }
        Between {
            expr, low, high, ..
        } => {
            f(expr);
            f(low);
            f(high)
        }
        Like {
            expr,
            pattern,
            escape,
            ..
        } => {
            f(expr);
            f(pattern);
            escape.iter_mut().for_each(|b| f(b));
        }
        Subscript { expr, index } => {
            f(expr);
            f(index)
        }
        AtTimeZone { expr, zone } => {
            f(expr);
            f(zone)
        }
        Lambda { body, .. } => f(body),
        Aggregate(a) => {
            a.args.iter_mut().for_each(&mut f);
            a.filter.iter_mut().for_each(|b| f(b));
            a.order_by.iter_mut().for_each(|k| f(&mut k.expr));
        }
        Window(w) => {
            let w = &mut **w;
            f(&mut w.function);
            w.partition_by.iter_mut().for_each(&mut f);
            w.order_by.iter_mut().for_each(|k| f(&mut k.expr));
            if let Some(fr) = &mut w.frame {
                for b in std::iter::once(&mut fr.start).chain(fr.end.iter_mut()) {
                    if let FrameBound::Preceding(x) | FrameBound::Following(x) = b {
                        f(x);
                    }
                }
            }
        }
    }
}

/// How many levels [`transform_up`] descends between two checks of the stack.
const STACK_CHECK_LEVELS: u32 = 16;

/// Rewrites `e` bottom-up: children first, then `f` on the node itself.
pub fn transform_up(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    transform_up_checked(e, f)
}

/// [`transform_up`] from a fresh stack check, for any callback (also `dyn`).
fn transform_up_checked<F: FnMut(&mut Expr) + ?Sized>(e: &mut Expr, f: &mut F) {
    // The red zone covers `f` plus the frames of the levels until the next check.
    stacker::maybe_grow(96 * 1024, 4 * 1024 * 1024, || transform_up_inner(e, f, 0))
}

fn transform_up_inner<F: FnMut(&mut Expr) + ?Sized>(e: &mut Expr, f: &mut F, level: u32) {
    for_each_child_mut(e, |c| {
        if is_plain_leaf(c) {
            f(c)
        } else if level + 1 >= STACK_CHECK_LEVELS {
            transform_up_checked(c, f)
        } else {
            transform_up_inner(c, f, level + 1)
        }
    });
    f(e);
}

/// [`transform_up`] for a root expression handed out by [`for_each_expr_mut`] or
/// [`for_each_expr_mut_without_subplans`]: their red zone covers the first levels, so the
/// stack is not checked on entry. Generic, so a pass's callback is compiled into the walk.
pub fn transform_up_in_walk<F: FnMut(&mut Expr)>(e: &mut Expr, f: &mut F) {
    transform_up_inner(e, f, 0)
}

/// [`for_each_expr_mut`] for a plan known to hold no subquery: the same order, without
/// looking for subquery plans inside the expressions (any there would not be visited).
pub fn for_each_expr_mut_without_subplans(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr)) {
    without_subplans_at(rel, f, 0)
}

fn without_subplans_at(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr), level: u32) {
    rel_level(level, || {
        for_each_input_mut(rel, |input| without_subplans_at(input, f, level + 1));
        for_each_own_expr_mut(rel, &mut *f);
    })
}

/// Applies `f` bottom-up to every expression node in the whole plan, subqueries included.
pub fn transform_plan(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr)) {
    for_each_expr_mut(rel, &mut |root| transform_up_inner(root, f, 0));
}

/// [`transform_plan`] for a plan known to hold no subquery: the same order, without looking
/// for subquery plans inside the expressions (any there would not be visited).
pub fn transform_plan_without_subplans(rel: &mut Rel, f: &mut dyn FnMut(&mut Expr)) {
    for_each_expr_mut_without_subplans(rel, &mut |root| transform_up_inner(root, f, 0));
}

/// Calls `f` on every relation of the plan, children first, including subquery plans.
pub fn for_each_rel_mut(rel: &mut Rel, f: &mut dyn FnMut(&mut Rel)) {
    for_each_rel_mut_noting(rel, f, &|_| {})
}

/// [`for_each_rel_mut`]; `holder` also sees each expression node that holds a subquery plan
/// (scalar, EXISTS, IN, quantified), before the relations of that plan are visited.
pub fn for_each_rel_mut_noting(rel: &mut Rel, f: &mut dyn FnMut(&mut Rel), holder: &dyn Fn(&Expr)) {
    for_each_rel_mut_at(rel, f, holder, 0)
}

fn for_each_rel_mut_at(
    rel: &mut Rel,
    f: &mut dyn FnMut(&mut Rel),
    holder: &dyn Fn(&Expr),
    level: u32,
) {
    rel_level(level, || for_each_rel_mut_inner(rel, f, holder, level))
}

fn for_each_rel_mut_inner(
    rel: &mut Rel,
    f: &mut dyn FnMut(&mut Rel),
    holder: &dyn Fn(&Expr),
    level: u32,
) {
    for_each_input_mut(rel, |input| {
        for_each_rel_mut_at(input, f, holder, level + 1)
    });
    for_each_own_expr_mut(rel, |e| {
        visit_subplans_mut_inner(
            e,
            &mut |sub| for_each_rel_mut_noting(sub, f, holder),
            holder,
        )
    });
    f(rel);
}
