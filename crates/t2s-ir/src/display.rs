//! Stable, indented text form of plans and expressions (for `--emit ir` and snapshots).
//!
//! Expressions print in a Trino-like syntax; every operator's root expressions print with
//! their Trino type (`expr :: type`). The format is part of the snapshot tests: change it
//! deliberately.

use crate::expr::*;
use crate::rel::*;
use crate::Statement;
use std::fmt::{self, Write};

pub fn statement_to_string(s: &Statement) -> String {
    let mut out = String::new();
    match s {
        Statement::Query { rel } => {
            out.push_str("Query\n");
            write_rel(&mut out, rel, 1);
        }
        Statement::CreateTableAs {
            table,
            or_replace,
            if_not_exists,
            properties,
            rel,
        } => {
            let _ = writeln!(
                out,
                "CreateTableAs {}{}{}{}",
                table.parts.join("."),
                if *or_replace { " or_replace" } else { "" },
                if *if_not_exists { " if_not_exists" } else { "" },
                if properties.is_empty() {
                    String::new()
                } else {
                    format!(
                        " with({})",
                        properties
                            .iter()
                            .map(|(k, v)| format!("{k}={v}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            );
            write_rel(&mut out, rel, 1);
        }
        Statement::Insert {
            table,
            columns,
            overwrite,
            rel,
        } => {
            let _ = writeln!(
                out,
                "Insert{} {}({})",
                if *overwrite { "Overwrite" } else { "" },
                table.parts.join("."),
                columns.join(", ")
            );
            write_rel(&mut out, rel, 1);
        }
        Statement::CreateView {
            name,
            or_replace,
            columns,
            rel,
        } => {
            let _ = writeln!(
                out,
                "CreateView {}{}{}",
                name.parts.join("."),
                if *or_replace { " or_replace" } else { "" },
                if columns.is_empty() {
                    String::new()
                } else {
                    format!("({})", columns.join(", "))
                }
            );
            write_rel(&mut out, rel, 1);
        }
    }
    out
}

pub fn rel_to_string(rel: &Rel) -> String {
    let mut out = String::new();
    write_rel(&mut out, rel, 0);
    out
}

fn typed(e: &Expr) -> String {
    format!("{e} :: {}", e.ty)
}

fn fields(fs: &[Field]) -> String {
    fs.iter()
        .map(|f| format!("{}: {}", f.name, f.ty))
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_rel(out: &mut String, rel: &Rel, depth: usize) {
    stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || {
        write_rel_inner(out, rel, depth)
    })
}

fn write_rel_inner(out: &mut String, rel: &Rel, depth: usize) {
    let pad = "  ".repeat(depth);
    let _ = write!(out, "{pad}");
    match rel {
        Rel::Scan(s) => {
            let _ = write!(out, "Scan {}", s.table.parts.join("."));
            if let Some(a) = &s.alias {
                let _ = write!(out, " AS {a}");
            }
            if !s.known {
                let _ = write!(out, " (unknown table)");
            }
            if let Some(t) = &s.time_travel {
                let _ = write!(out, " FOR {} AS OF {}", t.kind, t.expr);
            }
            let _ = writeln!(out, " [{}]", fields(&s.fields));
        }
        Rel::Values(v) => {
            let _ = writeln!(out, "Values [{}]", fields(&v.fields));
            for r in &v.rows {
                let _ = writeln!(
                    out,
                    "{pad}  ({})",
                    r.iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
        }
        Rel::Alias(a) => {
            let _ = writeln!(out, "Alias {} [{}]", a.alias, fields(&a.fields));
            write_rel(out, &a.input, depth + 1);
        }
        Rel::Join(j) => {
            let _ = write!(out, "Join {:?}", j.kind);
            if j.lateral {
                let _ = write!(out, " lateral");
            }
            if let Some(c) = &j.condition {
                let _ = write!(out, " ON {}", c);
            }
            if !j.using.is_empty() {
                let _ = write!(out, " USING ({})", j.using.join(", "));
            }
            let _ = writeln!(out);
            write_rel(out, &j.left, depth + 1);
            write_rel(out, &j.right, depth + 1);
        }
        Rel::Unnest(u) => {
            let _ = writeln!(
                out,
                "Unnest{} ({}){} [{}]",
                if u.ordinality { " with_ordinality" } else { "" },
                u.exprs.iter().map(typed).collect::<Vec<_>>().join(", "),
                u.alias
                    .as_ref()
                    .map(|a| format!(" AS {a}"))
                    .unwrap_or_default(),
                fields(&u.fields)
            );
        }
        Rel::Filter(f) => {
            let _ = writeln!(out, "Filter {}", typed(&f.predicate));
            write_rel(out, &f.input, depth + 1);
        }
        Rel::Aggregate(a) => {
            let _ = write!(
                out,
                "Aggregate{}",
                if a.group_by.distinct { " distinct" } else { "" }
            );
            let els: Vec<String> = a
                .group_by
                .elements
                .iter()
                .map(|el| match el {
                    GroupingElement::Expr(e) => typed(e),
                    GroupingElement::Rollup(s) => format!("ROLLUP({})", sets(s)),
                    GroupingElement::Cube(s) => format!("CUBE({})", sets(s)),
                    GroupingElement::GroupingSets(s) => format!("GROUPING SETS({})", sets(s)),
                })
                .collect();
            let _ = writeln!(out, " [{}]", els.join(", "));
            write_rel(out, &a.input, depth + 1);
        }
        Rel::Project(p) => {
            let items: Vec<String> = p
                .items
                .iter()
                .map(|i| format!("{} := {}", i.name, typed(&i.expr)))
                .collect();
            let _ = writeln!(
                out,
                "Project{} [{}]",
                if p.distinct { " distinct" } else { "" },
                items.join(", ")
            );
            write_rel(out, &p.input, depth + 1);
        }
        Rel::Sort(s) => {
            let _ = writeln!(out, "Sort [{}]", sort_keys(&s.keys));
            write_rel(out, &s.input, depth + 1);
        }
        Rel::Limit(l) => {
            let _ = write!(out, "Limit");
            if let Some(o) = &l.offset {
                let _ = write!(out, " offset={o}");
            }
            if let Some(f) = &l.fetch {
                let _ = write!(out, " fetch={f}");
            }
            if l.with_ties {
                let _ = write!(out, " with_ties");
            }
            let _ = writeln!(out);
            write_rel(out, &l.input, depth + 1);
        }
        Rel::SetOp(s) => {
            let _ = writeln!(
                out,
                "{:?}{} [{}]",
                s.kind,
                if s.all { " all" } else { "" },
                fields(&s.fields)
            );
            write_rel(out, &s.left, depth + 1);
            write_rel(out, &s.right, depth + 1);
        }
        Rel::With(w) => {
            let _ = writeln!(out, "With{}", if w.recursive { " recursive" } else { "" });
            for c in &w.ctes {
                let _ = writeln!(
                    out,
                    "{pad}  Cte {}{}",
                    c.name,
                    c.columns
                        .as_ref()
                        .map(|c| format!("({})", c.join(", ")))
                        .unwrap_or_default()
                );
                write_rel(out, &c.rel, depth + 2);
            }
            write_rel(out, &w.body, depth + 1);
        }
        Rel::CteRef(c) => {
            let _ = writeln!(
                out,
                "CteRef {}{} [{}]",
                c.name,
                c.alias
                    .as_ref()
                    .map(|a| format!(" AS {a}"))
                    .unwrap_or_default(),
                fields(&c.fields)
            );
        }
        Rel::Sample(s) => {
            let _ = writeln!(out, "Sample {} ({})", s.method, s.percentage);
            write_rel(out, &s.input, depth + 1);
        }
    }
}

fn sets(s: &[Vec<Expr>]) -> String {
    s.iter()
        .map(|set| {
            format!(
                "({})",
                set.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn sort_keys(keys: &[SortKey]) -> String {
    keys.iter()
        .map(|k| {
            format!(
                "{} {}{}",
                typed(&k.expr),
                if k.asc { "ASC" } else { "DESC" },
                match k.nulls_first {
                    None => "",
                    Some(true) => " NULLS FIRST",
                    Some(false) => " NULLS LAST",
                }
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn join<T: fmt::Display>(xs: &[T]) -> String {
    xs.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Null => write!(f, "NULL"),
            Literal::Boolean(b) => write!(f, "{}", if *b { "TRUE" } else { "FALSE" }),
            Literal::Integer(s) => write!(f, "{s}"),
            Literal::Decimal(s) => write!(f, "DECIMAL '{s}'"),
            Literal::Double(s) => write!(f, "DOUBLE '{s}'"),
            Literal::Real(s) => write!(f, "REAL '{s}'"),
            Literal::String(s) => write!(f, "'{}'", s.replace('\'', "''")),
            Literal::Binary(s) => write!(f, "X'{s}'"),
            Literal::Date(s) => write!(f, "DATE '{s}'"),
            Literal::Time(s) => write!(f, "TIME '{s}'"),
            Literal::Timestamp(s) => write!(f, "TIMESTAMP '{s}'"),
            Literal::TimestampTz(s) => write!(f, "TIMESTAMP '{s}'"),
            Literal::Interval(i) => {
                let IntervalLiteral { value, from, to } = &**i;
                write!(f, "INTERVAL '{value}' {from}")?;
                if let Some(t) = to {
                    write!(f, " TO {t}")?;
                }
                Ok(())
            }
            Literal::Typed { type_name, text } => write!(f, "{type_name} '{text}'"),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || self.fmt_inner(f))
    }
}

impl Expr {
    fn fmt_inner(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ExprKind::*;
        match &self.kind {
            Column(c) => {
                if c.depth > 0 {
                    write!(f, "^{}", c.depth)?;
                }
                match &c.qualifier {
                    Some(q) => write!(f, "{q}.{}", c.name),
                    None => write!(f, "{}", c.name),
                }
            }
            Wildcard { qualifier } => match qualifier {
                Some(q) => write!(f, "{q}.*"),
                None => write!(f, "*"),
            },
            OutputRef { index, name } => write!(f, "${index}:{name}"),
            Literal(l) => write!(f, "{l}"),
            Call { name, args } => write!(f, "{name}({})", join(args)),
            Binary { op, left, right } => write!(f, "({left} {} {right})", op.symbol()),
            Unary { op, expr } => match op {
                UnaryOp::Not => write!(f, "(NOT {expr})"),
                UnaryOp::Neg => write!(f, "(-{expr})"),
                UnaryOp::Plus => write!(f, "(+{expr})"),
            },
            Cast { expr, to, safe } => write!(
                f,
                "{}({expr} AS {to})",
                if *safe { "TRY_CAST" } else { "CAST" }
            ),
            Case {
                operand,
                branches,
                else_result,
            } => {
                write!(f, "CASE")?;
                if let Some(o) = operand {
                    write!(f, " {o}")?;
                }
                for (w, t) in branches {
                    write!(f, " WHEN {w} THEN {t}")?;
                }
                if let Some(e) = else_result {
                    write!(f, " ELSE {e}")?;
                }
                write!(f, " END")
            }
            InList {
                expr,
                list,
                negated,
            } => {
                write!(
                    f,
                    "({expr} {}IN ({}))",
                    if *negated { "NOT " } else { "" },
                    join(list)
                )
            }
            Between {
                expr,
                low,
                high,
                negated,
            } => {
                write!(
                    f,
                    "({expr} {}BETWEEN {low} AND {high})",
                    if *negated { "NOT " } else { "" }
                )
            }
            Like {
                expr,
                pattern,
                escape,
                negated,
            } => {
                write!(
                    f,
                    "({expr} {}LIKE {pattern}",
                    if *negated { "NOT " } else { "" }
                )?;
                if let Some(e) = escape {
                    write!(f, " ESCAPE {e}")?;
                }
                write!(f, ")")
            }
            IsNull { expr, negated } => {
                write!(f, "({expr} IS {}NULL)", if *negated { "NOT " } else { "" })
            }
            IsDistinctFrom {
                left,
                right,
                negated,
            } => {
                write!(
                    f,
                    "({left} IS {}DISTINCT FROM {right})",
                    if *negated { "NOT " } else { "" }
                )
            }
            Array(xs) => write!(f, "ARRAY[{}]", join(xs)),
            Row(xs) => write!(f, "ROW({})", join(xs)),
            FieldAccess { expr, field } => write!(f, "{expr}.{field}"),
            Subscript { expr, index } => write!(f, "{expr}[{index}]"),
            Extract { field, expr } => write!(f, "EXTRACT({field} FROM {expr})"),
            AtTimeZone { expr, zone } => write!(f, "({expr} AT TIME ZONE {zone})"),
            Lambda { params, body } => write!(f, "(({}) -> {body})", params.join(", ")),
            LambdaVar(v) => write!(f, "{v}"),
            ScalarSubquery(r) => write!(f, "(subquery {})", inline_rel(r)),
            Exists { rel, negated } => write!(
                f,
                "{}EXISTS(subquery {})",
                if *negated { "NOT " } else { "" },
                inline_rel(rel)
            ),
            InSubquery { expr, rel, negated } => {
                write!(
                    f,
                    "({expr} {}IN (subquery {}))",
                    if *negated { "NOT " } else { "" },
                    inline_rel(rel)
                )
            }
            Quantified {
                left,
                op,
                quantifier,
                rel,
            } => {
                write!(
                    f,
                    "({left} {} {:?} (subquery {}))",
                    op.symbol(),
                    quantifier,
                    inline_rel(rel)
                )
            }
            Aggregate(a) => {
                write!(
                    f,
                    "{}({}{}",
                    a.name,
                    if a.distinct { "DISTINCT " } else { "" },
                    join(&a.args)
                )?;
                if !a.order_by.is_empty() {
                    write!(f, " ORDER BY {}", sort_keys(&a.order_by))?;
                }
                write!(f, ")")?;
                if let Some(flt) = &a.filter {
                    write!(f, " FILTER (WHERE {flt})")?;
                }
                Ok(())
            }
            Window(w) => {
                write!(
                    f,
                    "{}{} OVER (",
                    w.function,
                    if w.ignore_nulls { " IGNORE NULLS" } else { "" }
                )?;
                let mut sep = "";
                if !w.partition_by.is_empty() {
                    write!(f, "PARTITION BY {}", join(&w.partition_by))?;
                    sep = " ";
                }
                if !w.order_by.is_empty() {
                    write!(f, "{sep}ORDER BY {}", sort_keys(&w.order_by))?;
                    sep = " ";
                }
                if let Some(fr) = &w.frame {
                    write!(f, "{sep}{} {}", fr.units, bound(&fr.start))?;
                    if let Some(e) = &fr.end {
                        write!(f, " AND {}", bound(e))?;
                    }
                }
                write!(f, ")")
            }
            Try(e) => write!(f, "TRY({e})"),
            Grouping(args) => write!(f, "grouping({})", join(args)),
            SparkCall { name, args } => write!(f, "spark:{name}({})", join(args)),
            SparkInfix { op, left, right } => write!(f, "({left} spark:{op} {right})"),
            SparkCast {
                expr,
                spark_type,
                safe,
            } => {
                write!(
                    f,
                    "spark:{}({expr} AS {spark_type})",
                    if *safe { "TRY_CAST" } else { "CAST" }
                )
            }
            SparkLiteral(s) => write!(f, "spark:{s}"),
            SparkTemplate { template, args } => {
                let mut out = template.clone();
                for (i, a) in args.iter().enumerate().rev() {
                    out = out.replace(&format!("{{{i}}}"), &a.to_string());
                }
                write!(f, "spark:[{out}]")
            }
        }
    }
}

fn bound(b: &FrameBound) -> String {
    match b {
        FrameBound::UnboundedPreceding => "UNBOUNDED PRECEDING".into(),
        FrameBound::Preceding(e) => format!("{e} PRECEDING"),
        FrameBound::CurrentRow => "CURRENT ROW".into(),
        FrameBound::Following(e) => format!("{e} FOLLOWING"),
        FrameBound::UnboundedFollowing => "UNBOUNDED FOLLOWING".into(),
    }
}

/// A one-line rendering of a subquery plan inside an expression.
fn inline_rel(rel: &Rel) -> String {
    let text = rel_to_string(rel);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    format!("{{ {} }}", lines.join(" | "))
}
