//! Plan-level rewrites.
//!
//! * UNNEST … WITH ORDINALITY: Spark's `posexplode` counts from 0, Trino from 1, so every
//!   reference to the ordinality column becomes `col + 1`.
//! * UNNEST placement: Spark's LATERAL VIEW applies to the whole FROM clause, so an UNNEST must
//!   be joined after every ordinary relation of its FROM (what Trino queries almost always do);
//!   anything else is flagged.
//! * FETCH … WITH TIES, TABLESAMPLE: flagged (no faithful Spark form yet / sampling differs).

use crate::nulls::explicit;
use crate::Target;
use std::cell::Cell;
use std::collections::HashSet;
use std::sync::Arc;
use t2s_ir::visit::{
    for_each_child_mut, for_each_input_mut, for_each_own_expr_mut, for_each_rel_mut,
    for_each_rel_mut_noting, is_plain_leaf, transform_plan, visit_subplans_mut,
};
use t2s_ir::*;

pub fn rewrite(rel: &mut Rel, target: &Target, diags: &mut Vec<Diagnostic>) {
    rewrite_walk(rel, target, diags, false);
}

/// What the walk of [`rewrite`] saw in the plan's expressions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    /// A subquery (scalar, EXISTS, IN or quantified).
    pub subplans: bool,
}

/// [`rewrite`], with the null order of every `Sort` made explicit in the same walk (the one of
/// windows' and aggregates' ORDER BY is left to the scalar pass: no rewrite here reads it, and
/// that pass sees every expression node of the final plan); returns what the walk saw.
pub(crate) fn rewrite_with_sort_null_order(
    rel: &mut Rel,
    target: &Target,
    diags: &mut Vec<Diagnostic>,
) -> Found {
    rewrite_walk(rel, target, diags, true)
}

/// [`rewrite`]; with `sort_nulls`, each `Sort` also gets its null order made explicit as the
/// walk reaches it (before the rewrites here look at it or at the operators above it).
fn rewrite_walk(
    rel: &mut Rel,
    target: &Target,
    diags: &mut Vec<Diagnostic>,
    sort_nulls: bool,
) -> Found {
    // Ordinality columns, identified by (qualifier, name).
    let mut ordinality: HashSet<(Option<Arc<str>>, Arc<str>)> = HashSet::new();
    // The subqueries met (none of the rewrites of this walk adds one).
    let subplans = Cell::new(false);
    // The IN (subquery) nodes met, and those of them that are top-level conjuncts of a WHERE
    // or ON (which `in_subquery_values` leaves as they are).
    let in_subqueries = Cell::new(0usize);
    let mut top_level_in = 0usize;
    let note = |e: &Expr| {
        subplans.set(true);
        if matches!(e.kind, ExprKind::InSubquery { .. }) {
            in_subqueries.set(in_subqueries.get() + 1);
        }
    };
    for_each_rel_mut_noting(
        rel,
        &mut |r| {
            if in_subqueries.get() > top_level_in {
                let root = match r {
                    Rel::Filter(f) => Some(&f.predicate),
                    Rel::Join(j) => j.condition.as_ref(),
                    _ => None,
                };
                if let Some(root) = root {
                    top_level_in += top_level_in_conjuncts(root);
                }
            }
            if sort_nulls {
                if let Rel::Sort(s) = r {
                    explicit(&mut s.keys);
                }
            }
            match r {
        Rel::Unnest(u) => {
            if u.ordinality {
                if let Some(f) = u.fields.last() {
                    ordinality.insert((f.qualifier.clone(), f.name.clone()));
                }
            }
            if u.exprs.len() > 1 {
                // arrays_zip is NULL when any array is NULL; Trino treats a NULL array as empty.
                for e in &mut u.exprs {
                    if let Type::Array { .. } = &e.ty {
                        let ty = e.ty.clone();
                        if let Ok(st) = crate::spark_types::spark_type(&ty, target) {
                            let inner = std::mem::replace(e, Expr::literal(Literal::Null, Type::Unknown));
                            *e = Expr::new(
                                ExprKind::SparkTemplate { template: format!("coalesce({{0}}, CAST(array() AS {st}))"), args: vec![inner] },
                                ty,
                            );
                        }
                    }
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
        Rel::With(w) if w.recursive => match target.version {
            crate::SparkVersion::V3_5 => diags.push(Diagnostic::error(
                "non-mappable",
                "WITH RECURSIVE: Spark 3.5 has no recursive CTEs",
                None,
            )),
            crate::SparkVersion::V4 => diags.push(Diagnostic::warning(
                "spark-version",
                "WITH RECURSIVE runs on Spark 4.3 (verified); Spark 4.0 rejects it at run time when the CTE has a column list",
                None,
            )),
        },
        Rel::Aggregate(a) if a.group_by.distinct => diags.push(Diagnostic::error(
            "non-mappable",
            "GROUP BY DISTINCT: Spark cannot remove duplicate grouping sets",
            None,
        )),
        _ => {}
    }
        },
        &note,
    );
    // Nothing to do without an IN (subquery) other than a top-level conjunct of WHERE / ON.
    if in_subqueries.get() > top_level_in {
        in_subquery_values(rel, diags);
    }
    if !ordinality.is_empty() {
        transform_plan(rel, &mut |e| {
            if let ExprKind::Column(c) = &e.kind {
                if ordinality.contains(&(c.qualifier.clone(), c.name.clone())) {
                    let col = e.clone();
                    // posexplode's position is a 0-based INT; Trino's ordinality a 1-based BIGINT.
                    let plus = Expr::new(
                        ExprKind::SparkInfix {
                            op: "+".into(),
                            left: Box::new(col),
                            right: Box::new(Expr::int(1)),
                        },
                        Type::BigInt,
                    );
                    *e = Expr::spark_cast(plus, "BIGINT".into(), Type::BigInt).with_span(e.span);
                }
            }
        });
    }
    Found {
        subplans: subplans.get(),
    }
}

/// `… ORDER BY k FETCH FIRST n ROWS WITH TIES` → rank() over the sort keys, kept where ≤ n.
/// Rows tied with the n-th share its rank, and the next distinct key ranks above n.
fn with_ties(rel: &mut Rel) -> Result<(), &'static str> {
    let Rel::Limit(l) = rel else {
        return Err("not a limit");
    };
    if l.offset.is_some() {
        return Err("together with OFFSET it is not translated yet");
    }
    let Some(n) = l.fetch.clone() else {
        return Err("no row count");
    };
    let Rel::Sort(sort) = &*l.input else {
        return Err("without ORDER BY the ties are undefined");
    };
    let Rel::Project(p) = &*sort.input else {
        return Err("only a SELECT block can be ranked");
    };
    if p.distinct {
        return Err("with SELECT DISTINCT the rank would count duplicates");
    }
    let mut names = HashSet::new();
    if !p
        .items
        .iter()
        .all(|i| names.insert(i.name.clone()) && i.name != "_rank")
    {
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
            function: Expr::new(
                ExprKind::Call {
                    name: "rank".into(),
                    args: vec![],
                },
                Type::BigInt,
            ),
            partition_by: vec![],
            order_by: keys,
            frame: None,
            ignore_nulls: false,
        })),
        Type::BigInt,
    );
    let mut inner = p.clone();
    inner.items.push(ProjectItem {
        expr: rank,
        name: "_rank".into(),
        explicit_alias: true,
    });
    let alias = "_ties".to_string();
    let inner_rel = Rel::Project(inner);
    let fields: Vec<Field> = inner_rel
        .fields()
        .into_iter()
        .map(|f| Field {
            qualifier: Some(alias.as_str().into()),
            ..f
        })
        .collect();
    let col = |name: &str, ty: &Type| {
        Expr::new(
            ExprKind::Column(ColumnRef {
                qualifier: Some(alias.as_str().into()),
                name: name.into(),
                depth: 0,
                written_qualified: false,
            }),
            ty.clone(),
        )
    };
    let pred = Expr::new(
        ExprKind::Binary {
            op: BinaryOp::LtEq,
            left: Box::new(col("_rank", &Type::BigInt)),
            right: Box::new(n),
        },
        Type::Boolean,
    );
    let outer_items: Vec<ProjectItem> = p
        .items
        .iter()
        .map(|i| ProjectItem {
            expr: col(&i.name, &i.expr.ty),
            name: i.name.clone(),
            explicit_alias: false,
        })
        .collect();
    let outer_keys: Vec<SortKey> = sort.keys.clone();
    if outer_keys
        .iter()
        .any(|k| !matches!(k.expr.kind, ExprKind::OutputRef { .. }))
    {
        return Err("ORDER BY keys that are not output columns are not translated yet");
    }
    let new = Rel::Sort(Sort {
        input: Box::new(Rel::Project(Project {
            input: Box::new(Rel::Filter(Filter {
                input: Box::new(Rel::Alias(Alias {
                    input: Box::new(inner_rel),
                    alias: alias.clone(),
                    columns: None,
                    fields,
                })),
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
    let arrays_of_rows = u
        .exprs
        .iter()
        .any(|e| matches!(&e.ty, Type::Array { element } if matches!(**element, Type::Row { .. })));
    let maps = u.exprs.iter().any(|e| matches!(e.ty, Type::Map { .. }));
    if u.exprs.len() > 1 && (u.ordinality || arrays_of_rows || maps) {
        diags.push(Diagnostic::error(
            "non-mappable",
            "UNNEST of several arrays together with WITH ORDINALITY, maps or arrays of rows is not translated yet",
            span,
        ));
    } else if arrays_of_rows && u.ordinality {
        diags.push(Diagnostic::error(
            "non-mappable",
            "UNNEST of an array of rows WITH ORDINALITY is not translated yet",
            span,
        ));
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

/// Spark evaluates `x IN (subquery)` as false where SQL (and Trino) says NULL — the probe is
/// NULL or the subquery holds a NULL — unless the IN is a top-level conjunct of WHERE / ON,
/// where Spark's null-aware joins are right (apache/spark SPARK-58442). Everywhere else the IN
/// becomes a CASE over EXISTS subqueries with SQL's three-valued result.
fn in_subquery_values(rel: &mut Rel, diags: &mut Vec<Diagnostic>) {
    for_each_rel_mut(rel, &mut |r| {
        let predicate_roots: bool = matches!(r, Rel::Filter(_) | Rel::Join(_));
        for_each_own_expr_mut(r, |root| {
            if predicate_roots {
                for_each_conjunct_mut(root, &mut |conj| {
                    // A top-level (NOT) IN conjunct is fine; rewrite what is inside it.
                    match &mut conj.kind {
                        ExprKind::InSubquery { expr, .. } => rewrite_in_values(expr, diags),
                        ExprKind::Unary {
                            op: UnaryOp::Not,
                            expr,
                        } if matches!(expr.kind, ExprKind::InSubquery { .. }) => {
                            if let ExprKind::InSubquery { expr: x, .. } = &mut expr.kind {
                                rewrite_in_values(x, diags);
                            }
                        }
                        _ => rewrite_in_values(conj, diags),
                    }
                });
            } else {
                rewrite_in_values(root, diags);
            }
        });
    });
}

/// How many conjuncts of `e` are `x [NOT] IN (subquery)` (the ones [`in_subquery_values`]
/// leaves as they are).
fn top_level_in_conjuncts(e: &Expr) -> usize {
    match &e.kind {
        ExprKind::Binary {
            op: BinaryOp::And,
            left,
            right,
        } => top_level_in_conjuncts(left) + top_level_in_conjuncts(right),
        ExprKind::InSubquery { .. } => 1,
        ExprKind::Unary {
            op: UnaryOp::Not,
            expr,
        } => usize::from(matches!(expr.kind, ExprKind::InSubquery { .. })),
        _ => 0,
    }
}

/// Calls `f` on each conjunct of `e` (the operands of its top-level ANDs), left to right.
fn for_each_conjunct_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    if let ExprKind::Binary {
        op: BinaryOp::And,
        left,
        right,
    } = &mut e.kind
    {
        for_each_conjunct_mut(left, f);
        for_each_conjunct_mut(right, f);
    } else {
        f(e)
    }
}

fn rewrite_in_values(e: &mut Expr, diags: &mut Vec<Diagnostic>) {
    for_each_child_mut(e, |c| {
        if !is_plain_leaf(c) {
            rewrite_in_values(c, diags)
        }
    });
    let ExprKind::InSubquery { expr, rel, negated } = &mut e.kind else {
        return;
    };
    let negated = *negated;
    if rel.width() != 1 || is_correlated(rel, 0) || expr_has_subquery(expr) {
        diags.push(Diagnostic::error(
            "non-mappable",
            "IN (subquery) used as a value with a correlated subquery: Spark returns false where Trino returns NULL when NULLs are involved",
            e.span,
        ));
        return;
    }
    let probe = shift_depth((**expr).clone(), 1);
    let sub = (**rel).clone();
    let ty = sub.fields()[0].ty.clone();
    let alias = "_in".to_string();
    let v = Expr::new(
        ExprKind::Column(ColumnRef {
            qualifier: Some(alias.as_str().into()),
            name: "_v".into(),
            depth: 0,
            written_qualified: true,
        }),
        ty.clone(),
    );
    let source = || {
        Rel::Alias(Alias {
            input: Box::new(sub.clone()),
            alias: alias.clone(),
            columns: Some(vec!["_v".into()]),
            fields: vec![Field {
                qualifier: Some(alias.as_str().into()),
                name: "_v".into(),
                ty: ty.clone(),
            }],
        })
    };
    let exists = |pred: Option<Expr>| {
        let mut r = source();
        if let Some(p) = pred {
            r = Rel::Filter(Filter {
                input: Box::new(r),
                predicate: p,
            });
        }
        let one = Expr::literal(Literal::Integer("1".into()), Type::Integer);
        let r = Rel::Project(Project {
            input: Box::new(r),
            items: vec![ProjectItem {
                expr: one,
                name: "_one".into(),
                explicit_alias: true,
            }],
            distinct: false,
        });
        Expr::new(
            ExprKind::Exists {
                rel: Box::new(r),
                negated: false,
            },
            Type::Boolean,
        )
    };
    let eq = Expr::new(
        ExprKind::Binary {
            op: BinaryOp::Eq,
            left: Box::new(v.clone()),
            right: Box::new(probe),
        },
        Type::Boolean,
    );
    let v_null = Expr::new(
        ExprKind::IsNull {
            expr: Box::new(v),
            negated: false,
        },
        Type::Boolean,
    );
    let x_null = Expr::new(
        ExprKind::IsNull {
            expr: expr.clone(),
            negated: false,
        },
        Type::Boolean,
    );
    let lit_bool = |b: bool| Expr::literal(Literal::Boolean(b), Type::Boolean);
    let null = Expr::literal(Literal::Null, Type::Boolean);
    let x_null_and_any = Expr::new(
        ExprKind::Binary {
            op: BinaryOp::And,
            left: Box::new(x_null),
            right: Box::new(exists(None)),
        },
        Type::Boolean,
    );
    let case = Expr::new(
        ExprKind::Case {
            operand: None,
            branches: vec![
                (exists(Some(eq)), lit_bool(true)),
                (x_null_and_any, null.clone()),
                (exists(Some(v_null)), null),
            ],
            else_result: Some(Box::new(lit_bool(false))),
        },
        Type::Boolean,
    );
    let span = e.span;
    *e = if negated {
        Expr::new(
            ExprKind::Unary {
                op: UnaryOp::Not,
                expr: Box::new(case),
            },
            Type::Boolean,
        )
    } else {
        case
    };
    e.span = span;
}

fn expr_has_subquery(e: &mut Expr) -> bool {
    let mut found = false;
    visit_subplans_mut(e, &mut |_| found = true);
    found
}

/// Moves every column reference of `e` (outside nested subqueries) `by` query levels out.
fn shift_depth(mut e: Expr, by: usize) -> Expr {
    t2s_ir::visit::transform_up(&mut e, &mut |x| {
        if let ExprKind::Column(c) = &mut x.kind {
            c.depth += by;
        }
    });
    e
}

/// Whether `rel`, a query at nesting `level` below the subquery's own, refers to a column
/// outside the subquery.
fn is_correlated(rel: &mut Rel, level: usize) -> bool {
    let deeper = |r: &Rel| {
        !matches!(
            r,
            Rel::Scan(_) | Rel::CteRef(_) | Rel::Values(_) | Rel::Unnest(_)
        )
    };
    let input_level: Vec<usize> = match &*rel {
        Rel::Alias(a) => vec![if deeper(&a.input) { level + 1 } else { level }],
        Rel::With(w) => w
            .ctes
            .iter()
            .map(|_| level + 1)
            .chain(std::iter::once(level))
            .collect(),
        _ => vec![],
    };
    let mut found = false;
    let mut i = 0;
    for_each_input_mut(rel, |input| {
        found = found || is_correlated(input, input_level.get(i).copied().unwrap_or(level));
        i += 1;
    });
    for_each_own_expr_mut(rel, |e| found = found || expr_correlated(e, level));
    found
}

fn expr_correlated(e: &mut Expr, level: usize) -> bool {
    let mut found = false;
    visit_subplans_mut(e, &mut |sub| found |= is_correlated(sub, level + 1));
    let mut stack = vec![&*e];
    while let Some(x) = stack.pop() {
        if let ExprKind::Column(c) = &x.kind {
            if c.depth > level {
                found = true;
            }
        }
        x.for_each_child(|c| stack.push(c));
    }
    found
}
