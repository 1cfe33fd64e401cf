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
        Rel::Limit(l) if l.with_ties => {
            if let Err(why) = with_ties(r) {
                diags.push(Diagnostic::error("non-mappable", format!("FETCH FIRST … WITH TIES: {why}"), None));
            }
        }
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

/// `… ORDER BY k FETCH FIRST n ROWS WITH TIES` → rank() over the sort keys, kept where ≤ n.
/// Rows tied with the n-th share its rank, and the next distinct key ranks above n.
fn with_ties(rel: &mut Rel) -> Result<(), &'static str> {
    let Rel::Limit(l) = rel else { return Err("not a limit") };
    if l.offset.is_some() {
        return Err("together with OFFSET it is not translated yet");
    }
    let Some(n) = l.fetch.clone() else { return Err("no row count") };
    let Rel::Sort(sort) = &*l.input else { return Err("without ORDER BY the ties are undefined") };
    let Rel::Project(p) = &*sort.input else { return Err("only a SELECT block can be ranked") };
    if p.distinct {
        return Err("with SELECT DISTINCT the rank would count duplicates");
    }
    let mut names = HashSet::new();
    if !p.items.iter().all(|i| names.insert(i.name.clone()) && i.name != "_rank") {
        return Err("output column names are not unique");
    }
    // The window orders by the same keys, with output references replaced by their expressions.
    let keys: Vec<SortKey> = sort
        .keys
        .iter()
        .map(|k| {
            let mut k = k.clone();
            if let ExprKind::OutputRef { index, .. } = k.expr.kind {
                k.expr = p.items[index].expr.clone();
            }
            k
        })
        .collect();
    let rank = Expr::new(
        ExprKind::Window(Box::new(WindowCall {
            function: Expr::new(ExprKind::Call { name: "rank".into(), args: vec![] }, Type::BigInt),
            partition_by: vec![],
            order_by: keys,
            frame: None,
        })),
        Type::BigInt,
    );
    let mut inner = p.clone();
    inner.items.push(ProjectItem { expr: rank, name: "_rank".into(), explicit_alias: true });
    let alias = "_ties".to_string();
    let inner_rel = Rel::Project(inner);
    let fields: Vec<Field> = inner_rel.fields().into_iter().map(|f| Field { qualifier: Some(alias.clone()), ..f }).collect();
    let col = |name: &str, ty: &Type| {
        Expr::new(
            ExprKind::Column(ColumnRef { qualifier: Some(alias.clone()), name: name.to_string(), depth: 0, written_qualified: false }),
            ty.clone(),
        )
    };
    let pred = Expr::new(
        ExprKind::Binary { op: BinaryOp::LtEq, left: Box::new(col("_rank", &Type::BigInt)), right: Box::new(n) },
        Type::Boolean,
    );
    let outer_items: Vec<ProjectItem> = p
        .items
        .iter()
        .map(|i| ProjectItem { expr: col(&i.name, &i.expr.ty), name: i.name.clone(), explicit_alias: false })
        .collect();
    let outer_keys: Vec<SortKey> = sort
        .keys
        .iter()
        .map(|k| match &k.expr.kind {
            ExprKind::OutputRef { .. } => k.clone(),
            _ => k.clone(),
        })
        .collect();
    if outer_keys.iter().any(|k| !matches!(k.expr.kind, ExprKind::OutputRef { .. })) {
        return Err("ORDER BY keys that are not output columns are not translated yet");
    }
    let new = Rel::Sort(Sort {
        input: Box::new(Rel::Project(Project {
            input: Box::new(Rel::Filter(Filter {
                input: Box::new(Rel::Alias(Alias { input: Box::new(inner_rel), alias: alias.clone(), columns: None, fields })),
                predicate: pred,
            })),
            items: outer_items,
            distinct: false,
        })),
        keys: outer_keys,
    });
    *rel = new;
    Ok(())
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
