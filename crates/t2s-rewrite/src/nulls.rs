//! Trino sorts NULLs last in both directions unless told otherwise; Spark sorts them first for
//! ASC (catalog §6). Every sort key without an explicit null order gets `NULLS LAST`.

use t2s_ir::visit::{for_each_rel_mut, transform_plan};
use t2s_ir::{ExprKind, Rel, SortKey};

fn explicit(keys: &mut [SortKey]) {
    for k in keys {
        if k.nulls_first.is_none() {
            k.nulls_first = Some(false);
        }
    }
}

pub fn make_null_order_explicit(rel: &mut Rel) {
    for_each_rel_mut(rel, &mut |r| {
        if let Rel::Sort(s) = r {
            explicit(&mut s.keys);
        }
    });
    transform_plan(rel, &mut |e| match &mut e.kind {
        ExprKind::Window(w) => explicit(&mut w.order_by),
        ExprKind::Aggregate(a) => explicit(&mut a.order_by),
        _ => {}
    });
}
