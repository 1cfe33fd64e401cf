//! Native hooks for the text function rules (see natives.rs for the pattern): string, regexp,
//! binary, url, json, teradata and conversion topics.

use super::*;

/// The hook names this file implements.
pub(super) const NATIVES: &[&str] = &[
    "split_limit",
    "split_to_map",
    "typeof",
    "regexp_group",
    "json_path",
    "format",
];

impl Cx<'_, '_> {
    /// `Err(args)`: not a hook of this file (the arguments are handed back).
    pub(super) fn native_text(
        &mut self,
        hook: &str,
        name: &str,
        mut args: Vec<Expr>,
        ty: Type,
        span: Option<Span>,
    ) -> Result<Option<Expr>, Vec<Expr>> {
        let here = Expr::literal(Literal::Null, Type::Unknown).with_span(span);
        Ok(match hook {
            "split_limit" => {
                let limit = args.pop().expect("3 args");
                let d = args.pop().expect("3 args");
                let Some(pat) = const_str(&d).filter(|s| !s.is_empty()).map(regex_quote) else {
                    self.flag(
                        &here,
                        "non-mappable",
                        "split with a non-constant or empty delimiter: Spark's split takes a regex",
                    );
                    return Ok(None);
                };
                match const_int(&limit) {
                    Some(l) if l > 0 => {}
                    Some(_) => self.flag(
                        &here,
                        "non-mappable",
                        "split with a limit ≤ 0 fails in Trino",
                    ),
                    None => self.warn(
                        &here,
                        "index-check",
                        "split: Trino fails on a limit ≤ 0; Spark splits without limit",
                    ),
                }
                args.push(str_lit(&pat));
                args.push(int_index(limit));
                Some(call("split", args, ty))
            }
            "split_to_map" => {
                let kv = args.pop().expect("3 args");
                let e = args.pop().expect("3 args");
                let (Some(e), Some(kv)) = (
                    const_str(&e).filter(|s| !s.is_empty()),
                    const_str(&kv).filter(|s| !s.is_empty()),
                ) else {
                    self.flag(&here, "non-mappable", format!("{name} with non-constant or empty delimiters: Spark's str_to_map/split take regexes"));
                    return Ok(None);
                };
                if e == kv {
                    self.flag(
                        &here,
                        "non-mappable",
                        format!(
                            "{name}: the entry and key-value delimiters are the same (Trino fails)"
                        ),
                    );
                    return Ok(None);
                }
                let (qe, qkv) = (regex_quote(e), regex_quote(kv));
                // Entries: one trailing entry delimiter is ignored, '' has no entries (Trino).
                let ents = format!(
                    "filter(split(regexp_replace({{0}}, {}, ''), {}, -1), _e -> {{0}} <> '')",
                    spark_string(&format!("{qe}$")),
                    spark_string(&qe)
                );
                let part =
                    |i: u8| format!("element_at(split(_e, {}, -1), {i})", spark_string(&qkv));
                let map = if name == "split_to_multimap" {
                    let keys = format!("array_distinct(transform({ents}, _e -> {}))", part(1));
                    format!("map_from_arrays({keys}, transform({keys}, _k -> transform(filter({ents}, _e -> {} = _k), _e -> {})))", part(1), part(2))
                } else {
                    format!(
                        "map_from_arrays(transform({ents}, _e -> {}), transform({ents}, _e -> {}))",
                        part(1),
                        part(2)
                    )
                };
                let t = format!(
                    "CASE WHEN exists({ents}, _e -> size(split(_e, {}, -1)) <> 2) THEN raise_error('Key-value delimiter must appear exactly once in each entry') ELSE {map} END",
                    spark_string(&qkv)
                );
                Some(tmpl(&t, args, ty))
            }
            "regexp_group" => {
                // Trino: NULL for no match and for a group that did not participate; Spark: ''.
                let group = const_int(&args[2]);
                if group != Some(0) {
                    match const_str(&args[1]) {
                        Some(p) if !has_optional_group(p) => {}
                        Some(_) => {
                            self.flag(&here, "non-mappable", format!("{name}: a group that may not participate is NULL in Trino and '' in Spark (catalog §8)"));
                            return Ok(None);
                        }
                        None => {
                            self.flag(&here, "non-mappable", format!("{name} with a non-constant pattern and group: a group that did not participate is NULL in Trino and '' in Spark (catalog §8)"));
                            return Ok(None);
                        }
                    }
                }
                let g = args.pop().expect("3 args");
                args.push(int_index(g));
                if name == "regexp_extract" {
                    Some(tmpl(
                        "CASE WHEN {0} RLIKE {1} THEN regexp_extract({0}, {1}, {2}) END",
                        args,
                        ty,
                    ))
                } else {
                    Some(call("regexp_extract_all", args, ty))
                }
            }
            "json_path" => {
                let path = args.pop().expect("2 args");
                let Some(steps) = const_str(&path).and_then(json_path_steps) else {
                    self.flag(&here, "non-mappable", format!("{name}: only constant paths of keys and array indexes ($.a, $[0], $[\"k\"]) are translated"));
                    return Ok(None);
                };
                let spark_path = |steps: &[PathStep]| -> String {
                    let mut p = String::from("$");
                    for s in steps {
                        match s {
                            PathStep::Key(k) => p.push_str(&format!("['{k}']")),
                            PathStep::Index(i) => p.push_str(&format!("[{i}]")),
                        }
                    }
                    spark_string(&p)
                };
                let v = if steps.is_empty() {
                    "{0}".to_string()
                } else {
                    format!("get_json_object({{0}}, {})", spark_path(&steps))
                };
                if name == "json_size" {
                    self.warn(&here, "json-text", "json_size: a string value whose text is itself a JSON array or object is measured as that JSON in Spark");
                    // A JSON null at the path has size 0 in Trino; get_json_object returns NULL for
                    // it as for a missing path, so the last step is checked on the parent.
                    let present = match steps.split_last() {
                        None => "{0} IS NOT NULL".to_string(),
                        Some((last, parent)) => {
                            let pv = if parent.is_empty() {
                                "{0}".to_string()
                            } else {
                                format!("get_json_object({{0}}, {})", spark_path(parent))
                            };
                            match last {
                                PathStep::Key(k) => format!(
                                    "array_contains(json_object_keys({pv}), {})",
                                    spark_string(k)
                                ),
                                PathStep::Index(i) => format!("json_array_length({pv}) > {i}"),
                            }
                        }
                    };
                    let t = format!(
                        "CASE WHEN {v} IS NULL THEN CASE WHEN {present} THEN CAST(0 AS BIGINT) END ELSE CAST(coalesce(json_array_length({v}), size(json_object_keys({v})), 0) AS BIGINT) END"
                    );
                    Some(tmpl(&t, args, ty))
                } else if name == "json_extract" {
                    // Strings come back unquoted and JSON null as NULL from get_json_object: those
                    // two are serialized from Spark 4's VARIANT instead.
                    self.warn(&here, "json-text", "json_extract: in a document with duplicate keys (which Spark's VARIANT rejects) string values come back unquoted");
                    let var = format!("variant_get(try_parse_json({{0}}), {})", spark_path(&steps));
                    let t = format!("CASE WHEN schema_of_variant({var}) IN ('STRING', 'VOID') THEN to_json({var}) ELSE {v} END");
                    Some(tmpl(&t, args, ty))
                } else {
                    self.warn(&here, "json-text", "json_extract_scalar: Spark re-spells numbers that are not in canonical form (1.50 → 1.5, 1e2 → 100.0), and a string whose text is itself a JSON array or object reads as one (NULL)");
                    let t = format!("CASE WHEN json_array_length({v}) IS NOT NULL OR json_object_keys({v}) IS NOT NULL THEN NULL ELSE {v} END");
                    Some(tmpl(&t, args, ty))
                }
            }
            "format" => {
                // Both use java.util.Formatter; Trino passes every integer as a Long.
                let mut out = Vec::with_capacity(args.len());
                for (i, a) in args.into_iter().enumerate() {
                    let t = a.ty.clone();
                    if i == 0
                        || t.is_floating()
                        || t.is_decimal()
                        || t.is_string()
                        || t == Type::Boolean
                    {
                        out.push(a);
                    } else if t.is_integral() {
                        out.push(bigint(a));
                    } else if t.is_unknown() || matches!(a.kind, ExprKind::Literal(Literal::Null)) {
                        self.warn(&a, "unknown-type", "format: an argument of unknown type: integers must be BIGINT and date/time values are formatted differently in Spark");
                        out.push(a);
                    } else {
                        self.flag(&a, "non-mappable", format!("format: a {t} argument is passed to the formatter as a different Java object in Spark"));
                        return Ok(None);
                    }
                }
                Some(call("format_string", out, ty))
            }
            "typeof" => {
                // The Trino type is known here: its name is the answer (catalog §21).
                let a = &args[0];
                let text = a.ty.to_string();
                let exact_varchar = matches!(a.kind, ExprKind::Column(_) | ExprKind::Literal(_));
                if text.contains("unknown") {
                    self.flag(
                        &here,
                        "non-mappable",
                        "typeof of an expression whose Trino type trino2spark does not know",
                    );
                    return Ok(None);
                }
                if text.contains("char") && !exact_varchar {
                    self.flag(&here, "non-mappable", "typeof: the varchar length Trino infers for this expression is not tracked exactly");
                    return Ok(None);
                }
                Some(spark_lit(&spark_string(&text), ty))
            }
            _ => return Err(args),
        })
    }
}

/// A step of a (legacy Trino) JSON path.
enum PathStep {
    Key(String),
    Index(u64),
}

/// The steps of a Trino JSON path made of keys and array indexes (`$.a.b`, `$[0]`, `$["k"]`,
/// `$.a[b]`); `None` for anything else (wildcards, quotes in keys, …).
fn json_path_steps(path: &str) -> Option<Vec<PathStep>> {
    let rest = path.trim().strip_prefix('$')?;
    let mut steps = Vec::new();
    let mut chars = rest.chars().peekable();
    let key_ok = |k: &str| !k.is_empty() && !k.contains(['\'', '\\', '*', '"', '[', ']']);
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                let mut k = String::new();
                while let Some(&n) = chars.peek() {
                    if n == '.' || n == '[' {
                        break;
                    }
                    k.push(n);
                    chars.next();
                }
                if !key_ok(&k)
                    || !k
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '$')
                {
                    return None;
                }
                steps.push(PathStep::Key(k));
            }
            '[' => {
                let mut inner = String::new();
                loop {
                    let n = chars.next()?;
                    if n == ']'
                        && !(inner.starts_with('"') && (inner.len() < 2 || !inner.ends_with('"')))
                    {
                        break;
                    }
                    inner.push(n);
                }
                if let Ok(i) = inner.parse::<u64>() {
                    steps.push(PathStep::Index(i));
                } else if let Some(k) = inner.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
                    if !key_ok(k) {
                        return None;
                    }
                    steps.push(PathStep::Key(k.to_string()));
                } else if key_ok(&inner) && inner.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    steps.push(PathStep::Key(inner));
                } else {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(steps)
}

/// Whether a regex may leave a capturing group unmatched: an alternation, or a group followed by
/// `?`, `*` or `{0`. Conservative (escapes and character classes are skipped).
fn has_optional_group(p: &str) -> bool {
    let b: Vec<char> = p.chars().collect();
    let mut i = 0;
    let mut in_class = false;
    while i < b.len() {
        match b[i] {
            '\\' => i += 1,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '|' if !in_class => return true,
            ')' if !in_class => {
                let next = b.get(i + 1).copied();
                if matches!(next, Some('?') | Some('*'))
                    || (next == Some('{') && b.get(i + 2) == Some(&'0'))
                {
                    return true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}
