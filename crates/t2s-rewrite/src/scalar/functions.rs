//! Function calls through the mapping registry (`mappings/*.map`): pick the rule whose
//! parameter patterns accept the call, then the first arm whose conditions hold for the target,
//! and apply its action. What a rule cannot say as a template is a `native` hook
//! ([`super::natives`]).

use super::*;
use t2s_mappings::{Action, Arm, Condition, Kind, Rule};

/// What to do with a function no rule knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnknownFunctions {
    /// An error diagnostic (`unmapped-function`): the statement is flagged.
    #[default]
    Flag,
    /// A warning; the call is passed through to Spark under the same name.
    Warn,
}

pub(super) enum Picked<'r> {
    Arm(&'r Rule, &'r Arm),
    /// Rules exist for the name, but none accepts these argument types (or no arm holds).
    NoMatch,
    NoRule,
}

fn is_const(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal(_) | ExprKind::SparkLiteral(_) => true,
        ExprKind::Cast { expr, .. } | ExprKind::SparkCast { expr, .. } => is_const(expr),
        ExprKind::Unary { expr, .. } => is_const(expr),
        _ => false,
    }
}

/// Expands `{args}` to `{0}, {1}, …` for `n` arguments.
fn expand_args(template: &str, n: usize) -> std::borrow::Cow<'_, str> {
    const HOLE: &str = "{args}";
    // The first `{args}` at or after `from`: templates are short, so a plain byte loop (no
    // substring searcher, no `memchr` set-up).
    let bytes = template.as_bytes();
    let find = |from: usize| {
        (from..bytes.len()).find(|&i| bytes[i] == b'{' && bytes[i..].starts_with(HOLE.as_bytes()))
    };
    let Some(first) = find(0) else {
        return std::borrow::Cow::Borrowed(template);
    };
    let mut list = String::new();
    for i in 0..n {
        if i > 0 {
            list.push_str(", ");
        }
        list.push('{');
        super::push_decimal(&mut list, i as u64);
        list.push('}');
    }
    // Every occurrence, left to right (as `str::replace`).
    let mut out = String::with_capacity(template.len() + list.len());
    let mut done = 0;
    let mut at = Some(first);
    while let Some(i) = at {
        out.push_str(&template[done..i]);
        out.push_str(&list);
        done = i + HOLE.len();
        at = find(done);
    }
    out.push_str(&template[done..]);
    std::borrow::Cow::Owned(out)
}

impl<'r> Cx<'_, 'r> {
    fn holds(&self, c: &Condition, args: &[Expr]) -> bool {
        match c {
            Condition::Spark(v) => v == self.target.version.as_str(),
            Condition::Ansi(on) => self.target.ansi == *on,
            Condition::Const(i) => args.get(*i).is_some_and(is_const),
            Condition::NonConst(i) => args.get(*i).is_some_and(|a| !is_const(a)),
            Condition::Param {
                hole,
                cmp: op,
                value,
            } => {
                let v = hole
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| args.get(i))
                    .and_then(const_int);
                v.is_some_and(|v| t2s_mappings::compare(v, op, *value))
            }
        }
    }

    pub(super) fn pick(&mut self, name: &str, aggregate: bool, args: &[Expr]) -> Picked<'r> {
        let registry: &'r t2s_mappings::Registry = self.registry;
        let mut any = false;
        let i = match self.rules.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                self.rules
                    .push((name.to_string(), registry.rules_for(name).collect()));
                self.rules.len() - 1
            }
        };
        let mut picked = None;
        for k in 0..self.rules[i].1.len() {
            let rule: &'r Rule = self.rules[i].1[k];
            if (rule.kind == Kind::Aggregate) != aggregate || rule.kind == Kind::Syntax {
                continue;
            }
            any = true;
            // The argument types and constants, read in place.
            if !rule.accepts_with(args.len(), |j| &args[j].ty, |j| const_str(&args[j])) {
                continue;
            }
            if let Some(arm) = rule
                .arms
                .iter()
                .find(|a| a.conditions.iter().all(|c| self.holds(c, args)))
            {
                picked = Some(Picked::Arm(rule, arm));
                break;
            }
        }
        match picked {
            Some(p) => p,
            None if any => Picked::NoMatch,
            None => Picked::NoRule,
        }
    }

    fn record(&mut self, rule: &Rule, arm: &'r Arm) {
        if self.recorded.iter().any(|a| std::ptr::eq(*a, arm)) {
            return;
        }
        self.recorded.push(arm);
        let mut id = String::with_capacity(rule.name.len() + rule.file.len() + 12);
        id.push_str(&rule.name);
        id.push('@');
        id.push_str(&rule.file);
        id.push(':');
        push_decimal(&mut id, u64::from(arm.line));
        if !self.applied.contains(&id) {
            self.applied.push(id);
        }
    }

    /// Records the `CREATE TEMPORARY FUNCTION … [USING JAR …]` a UDF rule needs (once).
    fn register_udf(&mut self, name: &str, class: &str, jar: Option<&str>) {
        let mut stmt = format!(
            "CREATE TEMPORARY FUNCTION {} AS {}",
            t2s_spark_name(name),
            spark_string(class)
        );
        if let Some(j) = jar {
            stmt.push_str(&format!(" USING JAR {}", spark_string(j)));
        }
        if !self.setup.contains(&stmt) {
            self.setup.push(stmt);
        }
    }

    fn reason_of(rule: &Rule, arm: &Arm, fallback: &str) -> String {
        match &arm.reason {
            Some(r) => format!("{}: {r}", rule.name),
            None => format!("{}: {fallback}", rule.name),
        }
    }

    /// Flags an `approximate` arm (scalar or aggregate) with its reason.
    fn flag_approximate(&mut self, here: &Expr, rule: &Rule, arm: &Arm) {
        let why = Self::reason_of(rule, arm, "both engines estimate, and the estimates differ");
        self.flag(here, "approximate", why);
    }

    /// A scalar or window function call. `None` keeps the (flagged) Trino call in place.
    pub(super) fn scalar_call(
        &mut self,
        name: &str,
        args: Vec<Expr>,
        ty: Type,
        span: Option<Span>,
    ) -> Option<Expr> {
        let here = Expr::literal(Literal::Null, Type::Unknown).with_span(span);
        // `Err(args)`: keep the Trino call over these (original) arguments.
        let out: Result<Expr, Vec<Expr>> = match self.pick(name, false, &args) {
            Picked::Arm(rule, arm) => {
                self.record(rule, arm);
                match &arm.action {
                    Action::Template(t) => Ok(instantiate(&expand_args(t, args.len()), args, ty)),
                    Action::Approximate(t) => {
                        self.flag_approximate(&here, rule, arm);
                        match t {
                            Some(t) => Ok(tmpl(&expand_args(t, args.len()), args, ty)),
                            None => Err(args),
                        }
                    }
                    Action::NonMappable(why) => {
                        self.flag(&here, "non-mappable", format!("{name}: {why}"));
                        Err(args)
                    }
                    Action::Native(hook) => {
                        let orig = args.clone();
                        self.native(hook, name, args, ty, span).ok_or(orig)
                    }
                    Action::Udf { class, jar } => {
                        self.register_udf(name, class, jar.as_deref());
                        Ok(Expr::spark_call(&t2s_spark_name(name), args, ty))
                    }
                    Action::Builtin(_) => {
                        self.flag(
                            &here,
                            "internal",
                            format!("{name}: a `builtin` rule reached the function mapper"),
                        );
                        Err(args)
                    }
                }
            }
            Picked::NoMatch => {
                let types: Vec<String> = args.iter().map(|a| a.ty.to_string()).collect();
                self.flag(
                    &here,
                    "unmapped-function",
                    format!(
                        "{name}({}): no mapping rule accepts these arguments for Spark {}",
                        types.join(", "),
                        self.target.version.as_str()
                    ),
                );
                Err(args)
            }
            Picked::NoRule => match self.unknown_functions {
                UnknownFunctions::Flag => {
                    self.flag(&here, "unmapped-function", format!("function `{name}` has no mapping rule (add one in mappings/, or a UDF file with --udfs)"));
                    Err(args)
                }
                UnknownFunctions::Warn => {
                    self.warn(&here, "unknown-function", format!("function `{name}` has no mapping rule: passed through to Spark unchanged"));
                    Ok(Expr::spark_call(name, args, ty))
                }
            },
        };
        // On `Err`, keep the Trino call in place (flagged) so the rest of the output stays
        // readable.
        Some(out.unwrap_or_else(|args| {
            Expr::new(
                ExprKind::Call {
                    name: name.to_string(),
                    args,
                },
                Type::Unknown,
            )
        }))
    }

    /// An aggregate call, rewritten in place (its DISTINCT, FILTER, ORDER BY and OVER stay).
    /// A template must be one call `f(a, b…)`: the aggregate is renamed to `f` and its
    /// arguments become `a`, `b`… over the original arguments.
    pub(super) fn aggregate(&mut self, a: &mut AggregateCall, span: Option<Span>) {
        let here = Expr::new(ExprKind::Literal(Literal::Null), Type::Unknown).with_span(span);
        // Trino ignores the ORDER BY of an aggregate that does not depend on the input order.
        let ordered =
            !a.order_by.is_empty() && aggregates::ORDER_SENSITIVE.contains(&a.name.as_str());
        let picked = self.pick(&a.name, true, &a.args);
        let by_template = matches!(&picked, Picked::Arm(_, arm) if matches!(&arm.action, Action::Template(_) | Action::Approximate(Some(_))));
        let known =
            matches!(&picked, Picked::Arm(_, arm) if !matches!(arm.action, Action::Udf { .. }));
        if ordered && !by_template {
            self.flag_aggregate_order(&here, &a.name);
        } else if !a.order_by.is_empty() && !ordered && !known {
            self.flag(&here, "non-mappable", format!("{name}(… ORDER BY …): Spark aggregates take no ORDER BY, and `{name}` is not known to ignore the order", name = a.name));
        } else if !ordered {
            a.order_by.clear();
        }
        match picked {
            Picked::Arm(rule, arm) => {
                self.record(rule, arm);
                match &arm.action {
                    Action::Template(t) => self.aggregate_template(a, t, &here),
                    Action::Approximate(t) => {
                        self.flag_approximate(&here, rule, arm);
                        if let Some(t) = t {
                            self.aggregate_template(a, t, &here);
                        }
                    }
                    Action::NonMappable(why) => {
                        self.flag(&here, "non-mappable", format!("{}: {why}", a.name))
                    }
                    Action::Native(hook) => self.native_aggregate(hook, a, &here),
                    Action::Udf { class, jar } => self.register_udf(&a.name, class, jar.as_deref()),
                    Action::Builtin(_) => self.flag(
                        &here,
                        "internal",
                        format!("{}: a `builtin` rule reached the aggregate mapper", a.name),
                    ),
                }
            }
            Picked::NoMatch => {
                let types: Vec<String> = a.args.iter().map(|x| x.ty.to_string()).collect();
                self.flag(
                    &here,
                    "unmapped-function",
                    format!(
                        "{}({}): no mapping rule accepts these arguments",
                        a.name,
                        types.join(", ")
                    ),
                );
            }
            Picked::NoRule => match self.unknown_functions {
                UnknownFunctions::Flag => self.flag(
                    &here,
                    "unmapped-function",
                    format!("aggregate `{}` has no mapping rule", a.name),
                ),
                UnknownFunctions::Warn => self.warn(
                    &here,
                    "unknown-function",
                    format!("aggregate `{}` has no mapping rule: passed through", a.name),
                ),
            },
        }
    }

    /// `name(… ORDER BY …)` whose order Spark cannot keep: flagged non-mappable.
    fn flag_aggregate_order(&mut self, here: &Expr, name: &str) {
        self.flag(
            here,
            "non-mappable",
            format!("{name}(… ORDER BY …): Spark aggregates take no ORDER BY"),
        );
    }

    fn aggregate_template(&mut self, a: &mut AggregateCall, t: &str, here: &Expr) {
        // The commonest template, the same call over the same arguments (`sum({0})`,
        // `count({args})`): nothing to rewrite, as the general path below would find.
        if same_call(t, &a.name, a.args.len()) {
            if !a.order_by.is_empty() {
                self.flag_aggregate_order(here, &a.name);
            }
            return;
        }
        let t0 = expand_args(t, a.args.len());
        let Some((name0, parts0)) = split_call(&t0) else {
            self.flag(
                here,
                "internal",
                format!("aggregate template `{t0}` is not one call"),
            );
            return;
        };
        // A composite rewrite (`exp(avg(ln({0})))`, `IF(count(…) = 0, NULL, …)`) puts other
        // calls where the aggregate was: its ORDER BY, FILTER and DISTINCT go into the Spark
        // aggregate calls of the template instead (`aggregates`).
        let composite = parts0.iter().any(|p| {
            let p = p.trim();
            !(p.starts_with('{') && p.ends_with('}')) && p.contains('(')
        });
        // The template as those rewrites leave it (`None`: unchanged).
        let mut changed: Option<String> = None;
        let mut old = std::mem::take(&mut a.args);
        if !a.order_by.is_empty() {
            let t = changed.as_deref().unwrap_or(&t0);
            if composite && aggregates::collects(t) {
                let keys = std::mem::take(&mut a.order_by);
                changed = Some(aggregates::sort_collects(t, &keys, old.len()));
                old.extend(keys.into_iter().map(|k| k.expr));
            } else {
                self.flag_aggregate_order(here, &a.name);
            }
        }
        if composite && a.distinct {
            if aggregates::DISTINCT_PUSHABLE.contains(&a.name.as_str()) {
                let t = changed.as_deref().unwrap_or(&t0);
                changed = Some(aggregates::distinct_aggregates(t));
                a.distinct = false;
            } else {
                self.flag(
                    here,
                    "non-mappable",
                    format!("{}(DISTINCT …): its Spark form is a composite expression, and DISTINCT in its inner aggregates is not proven equal", a.name),
                );
            }
        }
        if composite {
            if let Some(f) = a.filter.take() {
                let t = changed.as_deref().unwrap_or(&t0);
                changed = Some(aggregates::filter_aggregates(t, old.len()));
                old.push(*f);
            }
        }
        let (fname, parts) = match &changed {
            None => (name0, parts0),
            Some(t) => match split_call(t) {
                Some(x) => x,
                None => {
                    self.flag(
                        here,
                        "internal",
                        format!("aggregate template `{t}` is not one call"),
                    );
                    return;
                }
            },
        };
        let holes: Vec<Option<usize>> = parts
            .iter()
            .map(|p| hole_index(p).filter(|i| *i < old.len()))
            .collect();
        // Only holes: each argument moves at its last use (clones before). Otherwise every
        // template part takes a copy of all of them.
        let only_holes = holes.iter().all(Option::is_some);
        let mut new = Vec::with_capacity(parts.len());
        for (k, (p, hole)) in parts.iter().zip(&holes).enumerate() {
            match *hole {
                Some(i) if only_holes && !holes[k + 1..].contains(&Some(i)) => new.push(
                    std::mem::replace(&mut old[i], Expr::literal(Literal::Null, Type::Unknown)),
                ),
                Some(i) => new.push(old[i].clone()),
                None => new.push(tmpl(p.trim(), old.clone(), Type::Unknown)),
            }
        }
        if a.name != fname {
            a.name = fname.to_string();
        }
        a.args = new;
    }
}

/// Whether template `t` is exactly `name({0}, {1}, …)` over all `n` (≥ 1) arguments in order,
/// or `name({args})`: the aggregate stays as it is.
fn same_call(t: &str, name: &str, n: usize) -> bool {
    // `split_call`'s test of the name (ASCII names only here: others take the general path).
    if n == 0 || name.is_empty() || !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
        return false;
    }
    let Some(inner) = t
        .strip_prefix(name)
        .and_then(|r| r.strip_prefix('('))
        .and_then(|r| r.strip_suffix(')'))
    else {
        return false;
    };
    if inner == "{args}" {
        return true;
    }
    // `{0}, {1}, …, {n-1}`, read byte by byte (no substring searcher).
    let b = inner.as_bytes();
    let mut at = 0;
    for i in 0..n {
        if i > 0 {
            if b.get(at..at + 2) != Some(b", ".as_slice()) {
                return false;
            }
            at += 2;
        }
        if b.get(at) != Some(&b'{') {
            return false;
        }
        at += 1;
        let start = at;
        let mut v = 0usize;
        while let Some(d) = b.get(at).filter(|d| d.is_ascii_digit()) {
            if at - start >= 9 {
                return false;
            }
            v = v * 10 + usize::from(d - b'0');
            at += 1;
        }
        if at == start || v != i || b.get(at) != Some(&b'}') {
            return false;
        }
        at += 1;
    }
    at == b.len()
}

/// `n` for a template argument that is just the hole `{n}` (blanks around it allowed).
fn hole_index(part: &str) -> Option<usize> {
    part.trim()
        .strip_prefix('{')
        .and_then(|x| x.strip_suffix('}'))
        .and_then(|x| x.parse::<usize>().ok())
}

/// A template that is a plain call over holes (`f({1}, {0})`) becomes a Spark call node (so
/// the IR stays readable); anything else a template node.
fn instantiate(t: &str, args: Vec<Expr>, ty: Type) -> Expr {
    if let Some((name, parts)) = split_call(t) {
        let idx: Option<Vec<usize>> = parts.iter().map(|p| hole_index(p)).collect();
        if let Some(idx) = idx {
            if idx.iter().all(|i| *i < args.len()) && !name.eq_ignore_ascii_case("exists") {
                let mut used = vec![false; args.len()];
                idx.iter().for_each(|i| used[*i] = true);
                // Every argument used exactly once: move them; otherwise clone.
                let new_args = if used.iter().all(|u| *u) && idx.len() == args.len() {
                    let mut slots: Vec<Option<Expr>> = args.into_iter().map(Some).collect();
                    idx.iter()
                        .map(|i| slots[*i].take().expect("each used once"))
                        .collect()
                } else {
                    idx.iter().map(|i| args[*i].clone()).collect()
                };
                return call(name, new_args, ty);
            }
        }
    }
    tmpl(t, args, ty)
}

/// `f(a, g(b, c), d)` → `("f", ["a", "g(b, c)", "d"])` (top-level commas only, quotes kept).
fn split_call(t: &str) -> Option<(&str, Vec<&str>)> {
    let t = t.trim();
    let open = t.find('(')?;
    let name = t[..open].trim();
    if name.is_empty()
        || !name.chars().all(|c| c.is_alphanumeric() || c == '_')
        || !t.ends_with(')')
    {
        return None;
    }
    let inner = &t[open + 1..t.len() - 1];
    let (mut depth, mut quote, mut parts, mut start) = (0i32, false, Vec::new(), 0);
    // Bytes: the delimiters are ASCII, which no byte of a multi-byte character equals.
    for (i, c) in inner.bytes().enumerate() {
        match c {
            b'\'' => quote = !quote,
            b'(' if !quote => depth += 1,
            b')' if !quote => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            b',' if !quote && depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = &inner[start..];
    if !last.trim().is_empty() || !parts.is_empty() {
        parts.push(last);
    }
    Some((name, parts))
}

/// A UDF's name as a Spark identifier (back-quoted unless it is a plain name).
fn t2s_spark_name(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
    {
        name.to_string()
    } else {
        format!("`{}`", name.replace('`', "``"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_calls_at_top_level_commas() {
        assert_eq!(
            split_call("any_value({0}, TRUE)"),
            Some(("any_value", vec!["{0}", " TRUE"]))
        );
        assert_eq!(
            split_call("bit_and(CAST({0} AS BIGINT))"),
            Some(("bit_and", vec!["CAST({0} AS BIGINT)"]))
        );
        assert_eq!(split_call("count()"), Some(("count", vec![])));
        assert_eq!(split_call("f(',', {0})").map(|x| x.1.len()), Some(2));
        assert_eq!(split_call("CAST(x AS INT) + 1"), None);
    }

    #[test]
    fn same_calls_are_the_identity_templates() {
        assert!(same_call("sum({0})", "sum", 1));
        assert!(same_call("count({args})", "count", 2));
        assert!(same_call("max_by({0}, {1}, {2})", "max_by", 3));
        assert!(same_call("f({00}, {1})", "f", 2));
        assert!(!same_call("count({args})", "count", 0));
        assert!(!same_call("max_by({0}, {1})", "max_by", 3));
        assert!(!same_call("max_by({0}, {1}, {2})", "max_by", 2));
        assert!(!same_call("max_by({1}, {0})", "max_by", 2));
        assert!(!same_call("any_value({0}, TRUE)", "any_value", 1));
        assert!(!same_call("avg({0})", "sum", 1));
        assert!(!same_call("sum({0},{1})", "sum", 2));
        assert!(!same_call("sum({})", "sum", 1));
        assert!(!same_call("sum({0}) ", "sum", 1));
    }

    #[test]
    fn decimals_append_as_formatted() {
        for n in [0u64, 7, 10, 1234, u64::MAX] {
            let mut s = String::from("x:");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("x:{n}"));
        }
    }

    #[test]
    fn args_hole_expands() {
        assert_eq!(expand_args("concat({args})", 3), "concat({0}, {1}, {2})");
        assert_eq!(expand_args("count({args})", 0), "count()");
    }
}
