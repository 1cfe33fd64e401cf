//! The clauses of a composite aggregate template (catalog §16): a Trino aggregate whose Spark
//! form is an expression over several Spark aggregate calls (`IF(count(1) = 0, NULL,
//! transform(collect_list(…), …))`) takes its ORDER BY, FILTER and DISTINCT by rewriting the
//! template text, since the clause cannot attach to the outer expression:
//!
//! * ORDER BY: every `collect_list(E)` becomes a sorted collection — the values collected in a
//!   struct with the sort keys, `array_sort` with a comparator that implements each key's
//!   direction and NULL placement, then the values again (NULL values still dropped, as
//!   `collect_list` drops them);
//! * FILTER (WHERE p): every Spark aggregate call gets `FILTER (WHERE p)`, so each one sees the
//!   filtered rows;
//! * DISTINCT: every Spark aggregate call gets DISTINCT (`collect_list` becomes `collect_set`).
//!
//! Which Trino aggregates depend on the order of their input is Trino's knowledge: only those
//! keep an ORDER BY; for the others Trino ignores it (checked on Trino 476: `map_union`,
//! `reduce_agg` and `sum` give the same result with and without one).

use t2s_ir::SortKey;

/// Trino's order-sensitive aggregates (`isOrderSensitive` in Trino's function metadata) among
/// the mapped ones. Any other mapped aggregate ignores its ORDER BY in Trino.
pub(super) const ORDER_SENSITIVE: &[&str] = &["array_agg", "listagg", "map_agg", "multimap_agg"];

/// Composite aggregates whose DISTINCT form is proven equal (corpus/functions/aggregate/
/// aggregate_distinct.sql): DISTINCT pushed into each inner aggregate call gives Trino's result.
pub(super) const DISTINCT_PUSHABLE: &[&str] =
    &["array_agg", "listagg", "histogram", "kurtosis", "skewness"];

/// The Spark aggregate functions a composite template may call: the calls a FILTER or
/// DISTINCT is pushed into.
const SPARK_AGGREGATES: &[&str] = &[
    "count",
    "collect_list",
    "collect_set",
    "sum",
    "avg",
    "min",
    "max",
    "kurtosis",
    "skewness",
    "any_value",
    "count_if",
    "bool_and",
    "bool_or",
    "every",
    "max_by",
    "min_by",
    "stddev",
    "stddev_samp",
    "stddev_pop",
    "variance",
    "var_samp",
    "var_pop",
    "corr",
    "covar_samp",
    "covar_pop",
    "bit_and",
    "bit_or",
    "bit_xor",
];

/// The calls `name(…)` in `t`, as (start of the name, index of `(`, index of the matching `)`),
/// outermost only, outside string literals and not as a field (`x.count(`) or part of a longer name.
fn calls(t: &str, name: &str) -> Vec<(usize, usize, usize)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut quote = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\'' {
            quote = !quote;
            i += 1;
            continue;
        }
        let word_start = !quote
            && (i == 0
                || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'.'));
        if word_start
            && t[i..].len() > name.len()
            && t[i..i + name.len()].eq_ignore_ascii_case(name)
        {
            let mut j = i + name.len();
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            if j < b.len()
                && b[j] == b'('
                && !(b[i + name.len()].is_ascii_alphanumeric() || b[i + name.len()] == b'_')
            {
                if let Some(close) = matching_paren(t, j) {
                    out.push((i, j, close));
                    i = close + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// The index of the `)` closing the `(` at `open` (quotes respected).
fn matching_paren(t: &str, open: usize) -> Option<usize> {
    let (mut depth, mut quote) = (0i32, false);
    for (k, c) in t[open..].char_indices() {
        match c {
            '\'' => quote = !quote,
            '(' if !quote => depth += 1,
            ')' if !quote => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Rewrites every (outermost) call of `name`, right to left so that indices stay valid.
fn rewrite_calls(t: &str, name: &str, f: &mut dyn FnMut(&str) -> String) -> String {
    let mut out = t.to_string();
    for (start, open, close) in calls(t, name).into_iter().rev() {
        out.replace_range(start..=close, &f(&t[open + 1..close]));
    }
    out
}

/// Whether a rewritten aggregate call is a composite template: an argument that calls a Spark
/// aggregate (`IF(count(1) = 0, NULL, transform(collect_list(…), …))`).
pub(super) fn is_composite(a: &t2s_ir::AggregateCall) -> bool {
    a.args.iter().any(|x| match &x.kind {
        t2s_ir::ExprKind::SparkTemplate { template, .. } => SPARK_AGGREGATES
            .iter()
            .any(|n| !calls(template, n).is_empty()),
        _ => false,
    })
}

/// OVER on a composite template: every Spark aggregate call of each template argument gets the
/// window (its expressions become holes), and the outer expression is a plain Spark call. Each
/// inner aggregate sees the same frame, so the expression computes over the frame's rows.
pub(super) fn push_over(w: &t2s_ir::WindowCall) -> Option<t2s_ir::Expr> {
    use t2s_ir::{Expr, ExprKind, FrameBound};
    let ExprKind::Aggregate(a) = &w.function.kind else {
        return None;
    };
    let mut args = Vec::with_capacity(a.args.len());
    for x in &a.args {
        let ExprKind::SparkTemplate {
            template,
            args: holes,
        } = &x.kind
        else {
            args.push(x.clone());
            continue;
        };
        let mut holes = holes.clone();
        let mut hole = |e: &Expr| {
            holes.push(e.clone());
            format!("{{{}}}", holes.len() - 1)
        };
        let mut spec = Vec::new();
        if !w.partition_by.is_empty() {
            spec.push(format!(
                "PARTITION BY {}",
                w.partition_by
                    .iter()
                    .map(&mut hole)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !w.order_by.is_empty() {
            let keys: Vec<String> = w
                .order_by
                .iter()
                .map(|k| {
                    let nulls = match k.nulls_first {
                        Some(true) => " NULLS FIRST",
                        Some(false) => " NULLS LAST",
                        None => "",
                    };
                    format!(
                        "{} {}{nulls}",
                        hole(&k.expr),
                        if k.asc { "ASC" } else { "DESC" }
                    )
                })
                .collect();
            spec.push(format!("ORDER BY {}", keys.join(", ")));
        }
        if let Some(fr) = &w.frame {
            let mut bound = |b: &FrameBound| match b {
                FrameBound::CurrentRow => "CURRENT ROW".to_string(),
                FrameBound::UnboundedPreceding => "UNBOUNDED PRECEDING".to_string(),
                FrameBound::UnboundedFollowing => "UNBOUNDED FOLLOWING".to_string(),
                FrameBound::Preceding(e) => format!("{} PRECEDING", hole(e)),
                FrameBound::Following(e) => format!("{} FOLLOWING", hole(e)),
            };
            let start = bound(&fr.start);
            match &fr.end {
                Some(end) => {
                    let end = bound(end);
                    spec.push(format!("{} BETWEEN {start} AND {end}", fr.units));
                }
                None => spec.push(format!("{} {start}", fr.units)),
            }
        }
        let spec = spec.join(" ");
        let mut t = template.clone();
        for name in SPARK_AGGREGATES {
            t = rewrite_calls(&t, name, &mut |inner| {
                format!("{name}({inner}) OVER ({spec})")
            });
        }
        args.push(Expr::new(
            ExprKind::SparkTemplate {
                template: t,
                args: holes,
            },
            x.ty.clone(),
        ));
    }
    Some(Expr::spark_call(&a.name, args, w.function.ty.clone()))
}

/// Whether the template calls `collect_list` (the only aggregate an ORDER BY changes).
pub(super) fn collects(t: &str) -> bool {
    !calls(t, "collect_list").is_empty()
}

/// The comparator lambda for `array_sort` over structs `{k0, k1, …, v}`: each key's direction
/// and NULL placement (NULLs compare equal to each other; later keys break ties).
fn comparator(keys: &[SortKey]) -> String {
    let mut s = String::from("(t2s_l, t2s_r) -> CASE");
    for (i, k) in keys.iter().enumerate() {
        let (l, r) = (format!("t2s_l.k{i}"), format!("t2s_r.k{i}"));
        let nulls_first = k.nulls_first.unwrap_or(false);
        let (null_l, null_r) = if nulls_first { (-1, 1) } else { (1, -1) };
        let (lt, gt) = if k.asc { (-1, 1) } else { (1, -1) };
        s.push_str(&format!(
            " WHEN {l} IS NULL AND {r} IS NOT NULL THEN {null_l} WHEN {l} IS NOT NULL AND {r} IS NULL THEN {null_r} WHEN {l} < {r} THEN {lt} WHEN {l} > {r} THEN {gt}"
        ));
    }
    s.push_str(" ELSE 0 END");
    s
}

/// ORDER BY: each `collect_list(E)` collects `E` with the sort keys (holes `{first_hole}…`),
/// sorts, and keeps the non-NULL values in order.
pub(super) fn sort_collects(t: &str, keys: &[SortKey], first_hole: usize) -> String {
    rewrite_calls(t, "collect_list", &mut |inner| {
        let e = inner.trim();
        let mut fields: Vec<String> = (0..keys.len())
            .map(|i| format!("'k{i}', {{{}}}", first_hole + i))
            .collect();
        fields.push(format!("'v', {e}"));
        let sorted = format!(
            "array_sort(collect_list(named_struct({})), {})",
            fields.join(", "),
            comparator(keys)
        );
        // collect_list drops NULL values; the struct never is NULL, so drop them explicitly
        // (a struct-valued E is never NULL).
        let kept = if e.starts_with("named_struct(") || e.starts_with("struct(") {
            sorted
        } else {
            format!("filter({sorted}, t2s_o -> t2s_o.v IS NOT NULL)")
        };
        format!("transform({kept}, t2s_o -> t2s_o.v)")
    })
}

/// FILTER (WHERE {hole}) on every Spark aggregate call of the template.
pub(super) fn filter_aggregates(t: &str, hole: usize) -> String {
    let mut out = t.to_string();
    for name in SPARK_AGGREGATES {
        out = rewrite_calls(&out, name, &mut |inner| {
            format!("{name}({inner}) FILTER (WHERE {{{hole}}})")
        });
    }
    out
}

/// DISTINCT in every Spark aggregate call of the template (`collect_list` → `collect_set`).
pub(super) fn distinct_aggregates(t: &str) -> String {
    let mut out = rewrite_calls(t, "collect_list", &mut |inner| {
        format!("collect_set({inner})")
    });
    for name in SPARK_AGGREGATES
        .iter()
        .filter(|n| **n != "collect_set" && **n != "collect_list")
    {
        out = rewrite_calls(&out, name, &mut |inner| format!("{name}(DISTINCT {inner})"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use t2s_ir::{Expr, Literal, Type};

    fn key(asc: bool, nulls_first: bool) -> SortKey {
        SortKey {
            expr: Expr::literal(Literal::Null, Type::Unknown),
            asc,
            nulls_first: Some(nulls_first),
        }
    }

    #[test]
    fn finds_calls_by_whole_name() {
        let t = "IF(count(1) = 0, NULL, transform(collect_list(named_struct('v', {0})), t2s_s -> t2s_s.v))";
        assert_eq!(calls(t, "count").len(), 1);
        assert_eq!(calls(t, "collect_list").len(), 1);
        assert!(calls("t2s_e.count(1) + xcount(2) + 'count(3)'", "count").is_empty());
    }

    #[test]
    fn pushes_filter_into_each_aggregate() {
        let t = "IF(count({0}) = 0, NULL, array_join(collect_list({0}), {1}))";
        assert_eq!(
            filter_aggregates(t, 2),
            "IF(count({0}) FILTER (WHERE {2}) = 0, NULL, array_join(collect_list({0}) FILTER (WHERE {2}), {1}))"
        );
    }

    #[test]
    fn distinct_turns_lists_into_sets() {
        assert_eq!(
            distinct_aggregates("IF(count(1) = 0, NULL, collect_list({0}))"),
            "IF(count(DISTINCT 1) = 0, NULL, collect_set({0}))"
        );
    }

    #[test]
    fn sorts_collected_values() {
        let s = sort_collects("size(collect_list({0}))", &[key(false, true)], 1);
        assert!(s.starts_with("size(transform(filter(array_sort(collect_list(named_struct('k0', {1}, 'v', {0})), (t2s_l, t2s_r) -> CASE WHEN t2s_l.k0 IS NULL AND t2s_r.k0 IS NOT NULL THEN -1"), "{s}");
        assert!(
            s.contains(
                "WHEN t2s_l.k0 < t2s_r.k0 THEN 1 WHEN t2s_l.k0 > t2s_r.k0 THEN -1 ELSE 0 END"
            ),
            "{s}"
        );
    }
}
