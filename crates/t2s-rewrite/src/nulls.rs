//! Trino sorts NULLs last in both directions unless told otherwise; Spark sorts them first for
//! ASC (catalog §6). Every sort key without an explicit null order gets `NULLS LAST`.

use t2s_ir::visit::{for_each_own_expr_mut, for_each_rel_mut, transform_up};
use t2s_ir::{ExprKind, Rel, SortKey};

fn explicit(keys: &mut [SortKey]) {
    for k in keys {
        if k.nulls_first.is_none() {
            k.nulls_first = Some(false);
        }
    }
}

pub fn make_null_order_explicit(rel: &mut Rel) {
    // One walk: every operator (subquery plans included), and every node of its own expressions.
    let mut found = Found::default();
    for_each_rel_mut(rel, &mut |r| explicit_in(r, &mut found));
}

/// What [`explicit_in`] saw in the expressions it walked.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Found {
    /// A subquery (scalar, EXISTS, IN or quantified).
    pub subplans: bool,
    /// An `IN (subquery)`.
    pub in_subquery: bool,
}

/// Makes the null order explicit in `r` itself (its sort keys and every node of its own
/// expressions, not their subquery plans), noting the subqueries met.
pub(crate) fn explicit_in(r: &mut Rel, found: &mut Found) {
    if let Rel::Sort(s) = r {
        explicit(&mut s.keys);
    }
    for_each_own_expr_mut(r, |root| {
        transform_up(root, &mut |e| match &mut e.kind {
            ExprKind::Window(w) => explicit(&mut w.order_by),
            ExprKind::Aggregate(a) => explicit(&mut a.order_by),
            ExprKind::InSubquery { .. } => {
                found.subplans = true;
                found.in_subquery = true;
            }
            ExprKind::ScalarSubquery(_) | ExprKind::Exists { .. } | ExprKind::Quantified { .. } => {
                found.subplans = true
            }
            _ => {}
        })
    });
}
