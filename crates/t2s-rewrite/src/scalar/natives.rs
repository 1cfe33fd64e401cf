//! The `native` hooks of mapping rules: rewrites that need code (constant inspection, type
//! dispatch, diagnostics) rather than a template. Each hook is named in a rule in
//! `mappings/*.map`; [`NATIVES`] is the list the loader checks rule files against.

use super::*;

/// Every hook name a `native` arm may use.
pub fn natives() -> &'static [&'static str] {
    static ALL: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<&'static str> = NATIVES.to_vec();
        v.extend_from_slice(super::natives_text::NATIVES);
        v.extend_from_slice(super::natives_num::NATIVES);
        v.extend_from_slice(super::natives_coll::NATIVES);
        v
    })
}

/// The hooks of this file.
const NATIVES: &[&str] = &[
    "window_bigint",
    "greatest_least",
    "sign",
    "round_decimal",
    "round_floating",
    "ceil_floor",
    "truncate_fraction",
    "log_ieee",
    "substr",
    "replace",
    "trim_unicode",
    "split",
    "split_part",
    "extract_field",
    "to_date",
    "date_trunc",
    "date_add",
    "date_diff",
    "element_at",
    "slice",
    "sequence",
    "if2",
    "sum_decimal",
    "bitwise_agg",
];

impl Cx<'_, '_> {
    /// Applies hook `hook` to a call of Trino function `name`. `None`: not translated (the hook
    /// has flagged why).
    pub(super) fn native(
        &mut self,
        hook: &str,
        name: &str,
        mut args: Vec<Expr>,
        ty: Type,
        span: Option<Span>,
    ) -> Option<Expr> {
        let here = Expr::literal(Literal::Null, Type::Unknown).with_span(span);
        let a0t = args.first().map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
        match hook {
            "window_bigint" => Some(bigint(call(name, args, ty))),
            "if2" => {
                args.push(Expr::literal(Literal::Null, Type::Unknown));
                Some(call("if", args, ty))
            }
            "greatest_least" => {
                // Trino: NULL if any argument is NULL; Spark skips NULLs (catalog §10a).
                let n = args.len();
                let nulls: Vec<String> = (0..n).map(|i| format!("{{{i}}} IS NULL")).collect();
                let list: Vec<String> = (0..n).map(|i| format!("{{{i}}}")).collect();
                if args
                    .iter()
                    .all(|a| matches!(a.kind, ExprKind::Literal(ref l) if *l != Literal::Null))
                {
                    Some(call(name, args, ty))
                } else {
                    Some(tmpl(
                        &format!(
                            "CASE WHEN {} THEN NULL ELSE {name}({}) END",
                            nulls.join(" OR "),
                            list.join(", ")
                        ),
                        args,
                        ty,
                    ))
                }
            }
            "sign" => {
                let s = call("sign", args, Type::Double);
                Some(if ty.is_floating() {
                    s
                } else {
                    self.cast(s, &ty)
                })
            }
            "round_decimal" => {
                let r = call("round", args, Type::Unknown);
                Some(self.cast(r, &ty))
            }
            "round_floating" => {
                // Trino: Math.round(x * 10^d) / 10^d on the binary value (catalog §10a).
                let e = tmpl(
                    "round({0} * power(10, {1})) / power(10, {1})",
                    args,
                    Type::Double,
                );
                Some(if ty == Type::Real {
                    self.cast(e, &Type::Real)
                } else {
                    e
                })
            }
            "ceil_floor" => {
                let f = if name == "floor" { "floor" } else { "ceil" };
                match &a0t {
                    Type::Double | Type::Real => Some(tmpl(
                        &format!("CASE WHEN isnan({{0}}) OR abs({{0}}) >= 4503599627370496.0 THEN {{0}} ELSE CAST({f}({{0}}) AS {}) END", if a0t == Type::Real { "FLOAT" } else { "DOUBLE" }),
                        args,
                        ty,
                    )),
                    Type::Decimal { .. } => {
                        let c = call(f, args, Type::Unknown);
                        Some(self.cast(c, &ty))
                    }
                    _ => Some(call(f, args, ty)),
                }
            }
            "truncate_fraction" => {
                let e = tmpl(
                    "CASE WHEN {0} >= 0 THEN floor({0}) ELSE ceil({0}) END",
                    args,
                    Type::Unknown,
                );
                Some(self.cast(e, &ty))
            }
            "log_ieee" => {
                // Math.log gives -Infinity at 0 and NaN below; Spark gives NULL (catalog §10a).
                Some(tmpl(&format!("CASE WHEN {{0}} = 0 THEN double('-Infinity') WHEN {{0}} < 0 OR isnan({{0}}) THEN double('NaN') ELSE {name}({{0}}) END"), args, ty))
            }
            "substr" => {
                let start = const_int(&args[1]);
                match start {
                    Some(p) if p > 0 => Some(call("substr", args, ty)),
                    Some(0) => {
                        let t = if args.len() == 3 {
                            "CASE WHEN {0} IS NULL OR {2} IS NULL THEN NULL ELSE '' END"
                        } else {
                            "CASE WHEN {0} IS NULL THEN NULL ELSE '' END"
                        };
                        Some(tmpl(t, args, ty))
                    }
                    _ => {
                        // Trino: start 0 → '', start beyond -length → '' (catalog §7).
                        let body = if args.len() == 3 {
                            "substr({0}, {1}, {2})"
                        } else {
                            "substr({0}, {1})"
                        };
                        Some(tmpl(&format!("CASE WHEN {{1}} = 0 OR ({{1}} < 0 AND -{{1}} > char_length({{0}})) THEN '' ELSE {body} END"), args, ty))
                    }
                }
            }
            "replace" => {
                if args.len() == 2 {
                    args.push(str_lit(""));
                }
                self.replace(args, ty)
            }
            "trim_unicode" => {
                // Trino strips Unicode whitespace; Spark only U+0020 (catalog §7).
                let re = match name {
                    "trim" => "^[\\s\\p{Z}]+|[\\s\\p{Z}]+$",
                    "ltrim" => "^[\\s\\p{Z}]+",
                    _ => "[\\s\\p{Z}]+$",
                };
                args.push(str_lit(re));
                args.push(str_lit(""));
                Some(call("regexp_replace", args, ty))
            }
            "split" => {
                let d = args.pop().expect("2 args");
                let pat = match const_str(&d) {
                    Some("") => {
                        self.flag(
                            &here,
                            "non-mappable",
                            "split with an empty delimiter fails in Trino",
                        );
                        str_lit("")
                    }
                    Some(s) => str_lit(&regex_quote(s)),
                    None => tmpl(
                        "concat('\\\\Q', replace({0}, '\\\\E', '\\\\E\\\\\\\\E\\\\Q'), '\\\\E')",
                        vec![d],
                        Type::VARCHAR,
                    ),
                };
                args.push(pat);
                args.push(lit_int(-1));
                Some(call("split", args, ty))
            }
            "split_part" => {
                let idx = args.pop().expect("3 args");
                let d = args.pop().expect("3 args");
                let pat = match const_str(&d) {
                    Some(s) if !s.is_empty() => str_lit(&regex_quote(s)),
                    _ => {
                        self.flag(&here, "non-mappable", "split_part with a non-constant or empty delimiter is not translated yet");
                        d
                    }
                };
                if const_int(&idx).is_none_or(|i| i <= 0) {
                    self.warn(
                        &here,
                        "index-check",
                        "split_part: Trino fails on an index ≤ 0; Spark counts from the end",
                    );
                }
                let s = args.pop().expect("3 args");
                Some(call(
                    "try_element_at",
                    vec![
                        call(
                            "split",
                            vec![s, pat, lit_int(-1)],
                            Type::array(Type::VARCHAR),
                        ),
                        int_index(idx),
                    ],
                    ty,
                ))
            }
            "extract_field" => {
                let x = args.pop().expect("1 arg");
                self.extract(name, x, ty, span)
            }
            "to_date" => Some(self.cast(args.pop().expect("1 arg"), &Type::Date)),
            "date_trunc" => self.date_trunc(args, ty, &here),
            "date_add" => self.date_add(args, ty, &here),
            "date_diff" => self.date_diff(args, ty, &here),
            "element_at" => {
                let idx = args.pop().expect("2 args");
                let idx = if matches!(a0t, Type::Array { .. }) {
                    int_index(idx)
                } else {
                    idx
                };
                args.push(idx);
                Some(call("try_element_at", args, ty))
            }
            "slice" => {
                let args = args
                    .into_iter()
                    .enumerate()
                    .map(|(i, a)| if i > 0 { int_index(a) } else { a })
                    .collect();
                Some(call("slice", args, ty))
            }
            "sequence" => {
                // Trino's integer sequence is array(bigint); Spark's follows the argument type.
                let args = args
                    .into_iter()
                    .map(|a| {
                        if a.ty.is_integral() && a.ty != Type::BigInt {
                            bigint(a)
                        } else {
                            a
                        }
                    })
                    .collect();
                Some(call("sequence", args, ty))
            }
            other => {
                let args = match self.native_text(other, name, args, ty.clone(), span) {
                    Ok(r) => return r,
                    Err(a) => a,
                };
                let args = match self.native_num(other, name, args, ty.clone(), span) {
                    Ok(r) => return r,
                    Err(a) => a,
                };
                match self.native_coll(other, name, args, ty, span) {
                    Ok(r) => r,
                    Err(_) => {
                        self.flag(
                            &here,
                            "internal",
                            format!("{name}: native rewrite `{other}` is not a scalar hook"),
                        );
                        None
                    }
                }
            }
        }
    }

    /// Aggregate hooks: rewrite the call in place.
    pub(super) fn native_aggregate(&mut self, hook: &str, a: &mut AggregateCall, here: &Expr) {
        match hook {
            "sum_decimal" => {
                // Trino sums decimal(p,s) into decimal(38,s); Spark into decimal(p+10,s), which can overflow first.
                if let Some(Type::Decimal { scale, .. }) = a.args.first().map(|x| x.ty.clone()) {
                    if let Some(x) = a.args.pop() {
                        let t = Type::decimal(38, scale);
                        a.args.push(Expr::spark_cast(x, decimal_name(38, scale), t));
                    }
                }
            }
            "bitwise_agg" => {
                a.name = a.name.replace("bitwise_", "bit_").replace("_agg", "");
                if let Some(x) = a.args.pop() {
                    a.args
                        .push(Expr::spark_cast(x, "BIGINT".into(), Type::BigInt));
                }
            }
            other => self.flag(
                here,
                "internal",
                format!(
                    "{}: native rewrite `{other}` is not an aggregate hook",
                    a.name
                ),
            ),
        }
    }

    fn replace(&mut self, args: Vec<Expr>, ty: Type) -> Option<Expr> {
        match const_str(&args[1]) {
            Some(s) if !s.is_empty() => Some(call("replace", args, ty)),
            _ => {
                // replace(s, '', r) inserts r around every character in Trino; Spark returns s.
                let mut args = args;
                let r = args.pop().expect("3 args");
                let search = args.pop().expect("3 args");
                let s = args.pop().expect("3 args");
                let quoted_r = tmpl(
                    "replace(replace({0}, '\\\\', '\\\\\\\\'), '$', '\\\\$')",
                    vec![r.clone()],
                    Type::VARCHAR,
                );
                Some(tmpl(
                    "CASE WHEN {1} = '' THEN regexp_replace({0}, '', {2}) ELSE replace({0}, {1}, {3}) END",
                    vec![s, search, quoted_r, r],
                    ty,
                ))
            }
        }
    }

    fn unit_of(&mut self, e: &Expr, what: &str) -> Option<String> {
        match const_str(e) {
            Some(u) => Some(u.to_lowercase()),
            None => {
                self.flag(
                    e,
                    "non-mappable",
                    format!("{what} with a non-constant unit: Spark needs the unit as a keyword"),
                );
                None
            }
        }
    }

    fn date_trunc(&mut self, mut args: Vec<Expr>, ty: Type, here: &Expr) -> Option<Expr> {
        let unit = self.unit_of(&args[0], "date_trunc")?;
        let x = args.pop().expect("2 args");
        if x.ty == Type::Date {
            return match unit.as_str() {
                "day" => Some(x),
                "week" | "month" | "quarter" | "year" => {
                    Some(call("trunc", vec![x, str_lit(&unit.to_uppercase())], ty))
                }
                other => {
                    self.flag(here, "non-mappable", format!("date_trunc('{other}', date)"));
                    None
                }
            };
        }
        if !matches!(
            unit.as_str(),
            "millisecond"
                | "second"
                | "minute"
                | "hour"
                | "day"
                | "week"
                | "month"
                | "quarter"
                | "year"
        ) {
            self.flag(here, "non-mappable", format!("date_trunc('{unit}', …)"));
            return None;
        }
        if matches!(x.ty, Type::TimestampTz { .. }) {
            self.warn(here, "session-time-zone", "date_trunc on timestamp with time zone truncates in the session zone on Spark (the value's own zone on Trino)");
        }
        let t = call(
            "date_trunc",
            vec![str_lit(&unit.to_uppercase()), x],
            ty.clone(),
        );
        Some(self.cast(t, &ty))
    }

    fn date_add(&mut self, mut args: Vec<Expr>, ty: Type, here: &Expr) -> Option<Expr> {
        let unit = self.unit_of(&args[0], "date_add")?;
        let x = args.pop().expect("3 args");
        let n = args.pop().expect("3 args");
        if x.ty == Type::Date {
            return match unit.as_str() {
                "day" => Some(call("date_add", vec![x, n], ty)),
                "week" => Some(tmpl("date_add({0}, 7 * {1})", vec![x, n], ty)),
                "month" => Some(call("add_months", vec![x, n], ty)),
                "quarter" => Some(tmpl("add_months({0}, 3 * {1})", vec![x, n], ty)),
                "year" => Some(tmpl("add_months({0}, 12 * {1})", vec![x, n], ty)),
                other => {
                    self.flag(
                        here,
                        "non-mappable",
                        format!(
                            "date_add('{other}', …, date): Trino rejects sub-day units on DATE"
                        ),
                    );
                    None
                }
            };
        }
        let Some(kw) = unit_keyword(&unit) else {
            self.flag(here, "non-mappable", format!("date_add('{unit}', …)"));
            return None;
        };
        Some(tmpl(
            &format!("timestampadd({kw}, {{0}}, {{1}})"),
            vec![n, x],
            ty,
        ))
    }

    fn date_diff(&mut self, mut args: Vec<Expr>, ty: Type, here: &Expr) -> Option<Expr> {
        let unit = self.unit_of(&args[0], "date_diff")?;
        let b = args.pop().expect("3 args");
        let a = args.pop().expect("3 args");
        if a.ty == Type::Date
            && b.ty == Type::Date
            && matches!(unit.as_str(), "month" | "quarter" | "year")
        {
            // Joda's end-of-month-aware month difference (catalog §11).
            let months = "(CASE WHEN {1} >= {0} THEN 1 ELSE -1 END) * ((year(greatest({0}, {1})) - year(least({0}, {1}))) * 12 + month(greatest({0}, {1})) - month(least({0}, {1})) - IF(day(greatest({0}, {1})) < IF(greatest({0}, {1}) = last_day(greatest({0}, {1})) AND day(least({0}, {1})) > day(greatest({0}, {1})), day(greatest({0}, {1})), day(least({0}, {1}))), 1, 0))";
            let div = match unit.as_str() {
                "month" => 1,
                "quarter" => 3,
                _ => 12,
            };
            let text = if div == 1 {
                format!("CAST({months} AS BIGINT)")
            } else {
                format!("CAST(({months}) div {div} AS BIGINT)")
            };
            return Some(tmpl(&text, vec![a, b], ty));
        }
        if matches!(unit.as_str(), "month" | "quarter" | "year") {
            self.flag(here, "non-mappable", "date_diff by month/quarter/year on timestamps: Joda's end-of-month rule is not emulated for timestamps yet");
            return None;
        }
        let Some(kw) = unit_keyword(&unit) else {
            self.flag(here, "non-mappable", format!("date_diff('{unit}', …)"));
            return None;
        };
        Some(tmpl(
            &format!("timestampdiff({kw}, {{0}}, {{1}})"),
            vec![a, b],
            ty,
        ))
    }
}
