//! Trino sorts NULLs last in both directions unless told otherwise; Spark sorts them first for
//! ASC (catalog §6). Every sort key without an explicit null order gets `NULLS LAST`.

use t2s_ir::visit::{for_each_own_expr_mut, for_each_rel_mut, transform_up};
use t2s_ir::{Expr, ExprKind, Rel, SortKey};

/// Gives every key without an explicit null order `NULLS LAST`.
pub(crate) fn explicit(keys: &mut [SortKey]) {
    for k in keys {
        if k.nulls_first.is_none() {
            k.nulls_first = Some(false);
        }
    }
}

/// The null order of a window's or an aggregate's ORDER BY made explicit (other nodes: nothing).
#[inline]
pub(crate) fn explicit_node(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::Window(w) => explicit(&mut w.order_by),
        ExprKind::Aggregate(a) => explicit(&mut a.order_by),
        _ => {}
    }
}

pub fn make_null_order_explicit(rel: &mut Rel) {
    // One walk: every operator (subquery plans included), and every node of its own expressions.
    for_each_rel_mut(rel, &mut |r| {
        if let Rel::Sort(s) = r {
            explicit(&mut s.keys);
        }
        for_each_own_expr_mut(r, |root| transform_up(root, &mut explicit_node));
    });
}
