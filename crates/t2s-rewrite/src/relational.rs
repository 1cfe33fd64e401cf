//! Plan-level rewrites.
//!
//! * UNNEST … WITH ORDINALITY: Spark's `posexplode` counts from 0, Trino from 1, so every
//!   reference to the ordinality column becomes `col + 1`.
//! * UNNEST placement: Spark's LATERAL VIEW applies to the whole FROM clause, so an UNNEST must
//!   be joined after every ordinary relation of its FROM (what Trino queries almost always do);
//!   anything else is flagged.
//! * FETCH … WITH TIES, TABLESAMPLE: flagged (no faithful Spark form yet / sampling differs).

use crate::Target;
use std::collections::HashSet;
use t2s_ir::visit::{for_each_rel_mut, transform_plan};
use t2s_ir::*;

pub fn rewrite(rel: &mut Rel, _target: &Target, diags: &mut Vec<Diagnostic>) {
    // Ordinality columns, identified by (qualifier, name).
    let mut ordinality: HashSet<(Option<String>, String)> = HashSet::new();
    for_each_rel_mut(rel, &mut |r| match r {
        Rel::Unnest(u) => {
            if u.ordinality {
                if let Some(f) = u.fields.last() {
                    ordinality.insert((f.qualifier.clone(), f.name.clone()));
                }
            }
            check_unnest(u, diags);
        }
        Rel::Join(j) => check_join(j, diags),
        Rel::Limit(l) if l.with_ties => diags.push(Diagnostic::error(
            "non-mappable",
            "FETCH FIRST … WITH TIES has no Spark form yet (it needs a rank() rewrite)",
            l.fetch.as_ref().and_then(|f| f.span),
        )),
        Rel::Sample(s) => diags.push(Diagnostic::error(
            "approximate",
            format!("TABLESAMPLE {}: both engines sample at random, and their samples differ", s.method),
            s.percentage.span,
        )),
        Rel::Aggregate(a) if a.group_by.distinct => diags.push(Diagnostic::error(
            "non-mappable",
            "GROUP BY DISTINCT: Spark cannot remove duplicate grouping sets",
            None,
        )),
        _ => {}
    });
    if !ordinality.is_empty() {
        transform_plan(rel, &mut |e| {
            if let ExprKind::Column(c) = &e.kind {
                if ordinality.contains(&(c.qualifier.clone(), c.name.clone())) {
                    let col = e.clone();
                    *e = Expr::new(
                        ExprKind::SparkInfix { op: "+".into(), left: Box::new(col), right: Box::new(Expr::int(1)) },
                        Type::BigInt,
                    )
                    .with_span(e.span);
                }
            }
        });
    }
}

fn check_unnest(u: &Unnest, diags: &mut Vec<Diagnostic>) {
    let span = u.exprs.first().and_then(|e| e.span);
    let arrays_of_rows = u.exprs.iter().any(|e| matches!(&e.ty, Type::Array { element } if matches!(**element, Type::Row { .. })));
    let maps = u.exprs.iter().any(|e| matches!(e.ty, Type::Map { .. }));
    if u.exprs.len() > 1 && (u.ordinality || arrays_of_rows || maps) {
        diags.push(Diagnostic::error(
            "non-mappable",
            "UNNEST of several arrays together with WITH ORDINALITY, maps or arrays of rows is not translated yet",
            span,
        ));
    } else if arrays_of_rows && u.ordinality {
        diags.push(Diagnostic::error("non-mappable", "UNNEST of an array of rows WITH ORDINALITY is not translated yet", span));
    }
}

/// An UNNEST must be the right side of a join whose left side holds no UNNEST further up the
/// FROM tree, with a CROSS / comma / `LEFT … ON true` join.
fn check_join(j: &Join, diags: &mut Vec<Diagnostic>) {
    if let Rel::Unnest(u) = &*j.right {
        let span = u.exprs.first().and_then(|e| e.span);
        let on_true = match &j.condition {
            None => true,
            Some(c) => matches!(c.kind, ExprKind::Literal(Literal::Boolean(true))),
        };
        let ok = match j.kind {
            JoinKind::Cross | JoinKind::Inner => on_true,
            JoinKind::Left => on_true,
            _ => false,
        };
        if !ok {
            diags.push(Diagnostic::error(
                "non-mappable",
                "UNNEST joined with a condition or as a RIGHT/FULL join: Spark's LATERAL VIEW only expresses CROSS and LEFT … ON true",
                span,
            ));
        }
    }
    if contains_unnest_join(&j.left) && !matches!(*j.right, Rel::Unnest(_)) {
        diags.push(Diagnostic::error(
            "non-mappable",
            "a relation joined after an UNNEST: Spark's LATERAL VIEW applies after all joins of the FROM clause, so the order cannot be kept",
            None,
        ));
    }
}

fn contains_unnest_join(r: &Rel) -> bool {
    match r {
        Rel::Join(j) => matches!(*j.right, Rel::Unnest(_)) || contains_unnest_join(&j.left),
        _ => false,
    }
}
