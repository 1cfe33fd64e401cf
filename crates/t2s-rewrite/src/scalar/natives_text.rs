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
    "hmac_utf8",
    "teradata_to_char",
    "teradata_parse",
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
                    // json_extract_scalar. get_json_object unquotes strings but re-spells numbers
                    // (1.50 → 1.5) and serializes arrays/objects; Trino returns a string's text, a
                    // number's source text and NULL for a container. The value's JSON type is read
                    // through from_json on the parent (key steps); what stays ambiguous raises.
                    let Some((last, parent)) = steps.split_last() else {
                        self.flag(
                            &here,
                            "non-mappable",
                            "json_extract_scalar(…, '$'): the document itself is not translated",
                        );
                        return Ok(None);
                    };
                    let pv = if parent.is_empty() {
                        "{0}".to_string()
                    } else {
                        format!("get_json_object({{0}}, {})", spark_path(parent))
                    };
                    let fail = |why: &str| {
                        format!(
                            "raise_error({})",
                            spark_string(&format!("json_extract_scalar: {why}"))
                        )
                    };
                    let number = "{0} RLIKE '-0([^0-9.eE]|$)'";
                    let float_like = "'^-?[0-9]+([.][0-9]+)?[eE.]'";
                    let t = match last {
                        PathStep::Key(k) if !k.contains('`') => {
                            let field = |t: &str| format!("from_json({pv}, {}).`{k}`", spark_string(&format!("STRUCT<`{k}`: {t}>")));
                            // A number's source text, read from the document itself when its key
                            // appears there exactly once as a key (a quote inside a string is
                            // escaped, so an unescaped `"k":` is a key): Trino returns that text.
                            // Only for plain keys in text (JSON-typed values are canonical text).
                            let source = if args[0].ty.is_string()
                                && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                            {
                                let key = format!(r#"(^|[^\\])"{k}"\s*:"#);
                                format!(
                                    "WHEN size(split({{0}}, {key_re}, -1)) = 2 THEN regexp_extract({{0}}, {num_re}, 2) ",
                                    key_re = spark_string(&key),
                                    num_re = spark_string(&format!("{key}\\s*(-?[0-9][0-9.eE+-]*)")),
                                )
                            } else {
                                String::new()
                            };
                            format!(
                                "CASE WHEN {v} IS NULL THEN NULL \
                                 WHEN json_array_length({v}) IS NOT NULL OR json_object_keys({v}) IS NOT NULL THEN CASE WHEN {arr} IS NOT NULL OR {map} IS NOT NULL THEN NULL ELSE {v} END \
                                 WHEN {num} IS NULL THEN {v} \
                                 {source}\
                                 WHEN {v} RLIKE {float_like} THEN {f1} \
                                 WHEN {v} = '0' AND {number} THEN {f2} \
                                 ELSE {v} END",
                                arr = field("ARRAY<STRING>"),
                                map = field("MAP<STRING, STRING>"),
                                num = field("DOUBLE"),
                                f1 = fail("a JSON number with a fraction or exponent: Spark re-spells it (1.50 → 1.5), Trino keeps its text"),
                                f2 = fail("the document holds -0, which Spark spells 0"),
                            )
                        }
                        PathStep::Key(_) => {
                            self.flag(&here, "non-mappable", "json_extract_scalar: a key with a backquote is not translated");
                            return Ok(None);
                        }
                        PathStep::Index(_) => format!(
                            "CASE WHEN {v} IS NULL THEN NULL \
                             WHEN json_array_length({v}) IS NOT NULL OR json_object_keys({v}) IS NOT NULL THEN {f0} \
                             WHEN {v} RLIKE {float_like} THEN {f1} \
                             WHEN {v} = '0' AND {number} THEN {f2} \
                             ELSE {v} END",
                            f0 = fail("an array element that is an array, an object or a string holding one: Spark cannot tell them apart"),
                            f1 = fail("an array element that is a number with a fraction or exponent (or a string holding one): Spark re-spells numbers"),
                            f2 = fail("the document holds -0, which Spark spells 0"),
                        ),
                    };
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
            "hmac_utf8" => {
                // Spark has no HMAC; commons-codec's HmacUtils (on Spark's classpath) is reached
                // through reflect(), which takes strings: only UTF-8 text arguments qualify.
                let method = match name {
                    "hmac_md5" => "hmacMd5Hex",
                    "hmac_sha1" => "hmacSha1Hex",
                    "hmac_sha256" => "hmacSha256Hex",
                    _ => "hmacSha512Hex",
                };
                let Some(texts) = args.iter().map(utf8_text).collect::<Option<Vec<Expr>>>() else {
                    self.flag(&here, "non-mappable", format!("{name}: only arguments written to_utf8(varchar) are translated (Spark reaches HMAC through reflect(), which takes strings)"));
                    return Ok(None);
                };
                // Trino: hmac(value, key); HmacUtils: hmacXxxHex(key, value).
                let t = format!("CASE WHEN {{0}} IS NULL OR {{1}} IS NULL THEN NULL ELSE unhex(reflect('org.apache.commons.codec.digest.HmacUtils', '{method}', {{1}}, {{0}})) END");
                Some(tmpl(&t, texts, ty))
            }
            "teradata_to_char" => {
                let fmt = args.pop().expect("2 args");
                let x = args.pop().expect("2 args");
                let Some(tokens) = self.teradata_tokens(name, &fmt, &here) else {
                    return Ok(None);
                };
                if matches!(x.ty, Type::TimestampTz { .. }) {
                    self.warn(&here, "session-time-zone", "to_char on timestamp with time zone prints the session zone's wall clock on Spark (the value's own zone on Trino)");
                }
                let pieces: Vec<String> = tokens
                    .iter()
                    .map(|t| match t {
                        TdToken::Text(c) => spark_string(&c.to_string()),
                        TdToken::Field(f) => match f.spark_letters() {
                            Some(l) => format!("date_format({{0}}, '{l}')"),
                            None if *f == TdField::Year4 => "CASE WHEN year({0}) < 0 THEN concat('-', format_string('%04d', -year({0}))) ELSE format_string('%04d', year({0})) END".to_string(),
                            None => "format_string('%02d', abs(year({0})) % 100)".to_string(),
                        },
                    })
                    .collect();
                let t = format!(
                    "CASE WHEN {{0}} IS NULL THEN NULL ELSE concat({}) END",
                    pieces.join(", ")
                );
                Some(tmpl(&t, vec![x], ty))
            }
            "teradata_parse" => {
                let fmt = args.pop().expect("2 args");
                let s = args.pop().expect("2 args");
                let Some(tokens) = self.teradata_tokens(name, &fmt, &here) else {
                    return Ok(None);
                };
                Some(tmpl(
                    &teradata_parse_sql(&tokens, name == "to_date"),
                    vec![s],
                    ty,
                ))
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

/// The UTF-8 text a varbinary argument is made of, when that is visible: `to_utf8(s)` (already
/// rewritten to `encode(s, 'UTF-8')`) or a binary literal holding valid UTF-8.
fn utf8_text(e: &Expr) -> Option<Expr> {
    match &e.kind {
        ExprKind::SparkTemplate { template, args }
            if template == "encode({0}, 'UTF-8')" && args.len() == 1 =>
        {
            Some(args[0].clone())
        }
        ExprKind::Literal(Literal::Binary(hex)) => {
            let bytes: Option<Vec<u8>> = (0..hex.len())
                .step_by(2)
                .map(|i| {
                    hex.get(i..i + 2)
                        .and_then(|b| u8::from_str_radix(b, 16).ok())
                })
                .collect();
            String::from_utf8(bytes?).ok().map(|s| str_lit(&s))
        }
        _ => None,
    }
}

/// A field of a Teradata date format (Trino's teradata-functions `DateFormat` lexer).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TdField {
    Day,
    Hour24,
    Hour12,
    Month,
    Minute,
    Second,
    Year4,
    Year2,
}

impl TdField {
    /// The Spark pattern letters that print the field as Joda prints it (two digits, zero-padded);
    /// `None` for the years, printed by hand (Joda's year has no '+' and a '-' sign).
    fn spark_letters(self) -> Option<&'static str> {
        match self {
            TdField::Day => Some("dd"),
            TdField::Hour24 => Some("HH"),
            // Joda's appendHourOfHalfday is 0-11 (Spark 'K'), not the clock hour 1-12.
            TdField::Hour12 => Some("KK"),
            TdField::Month => Some("MM"),
            TdField::Minute => Some("mm"),
            TdField::Second => Some("ss"),
            TdField::Year4 | TdField::Year2 => None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TdToken {
    Text(char),
    Field(TdField),
}

/// Tokenizes a Teradata format like Trino's ANTLR lexer (longest match; punctuation and
/// whitespace are literal text); `Err(offset)` at a character Trino fails on.
fn teradata_tokenize(f: &str) -> Result<Vec<TdToken>, usize> {
    const WORDS: &[(&str, TdField)] = &[
        ("hh24", TdField::Hour24),
        ("yyyy", TdField::Year4),
        ("dd", TdField::Day),
        ("hh", TdField::Hour12),
        ("mm", TdField::Month),
        ("mi", TdField::Minute),
        ("ss", TdField::Second),
        ("yy", TdField::Year2),
    ];
    let mut out = Vec::new();
    let mut rest = f;
    while let Some(c) = rest.chars().next() {
        if let Some((w, field)) = WORDS.iter().find(|(w, _)| rest.starts_with(w)) {
            out.push(TdToken::Field(*field));
            rest = &rest[w.len()..];
        } else if " \r\n\t-/,.;:".contains(c) {
            out.push(TdToken::Text(c));
            rest = &rest[c.len_utf8()..];
        } else {
            return Err(f.len() - rest.len());
        }
    }
    Ok(out)
}

impl Cx<'_, '_> {
    /// The tokens of a constant Teradata format, or a flag saying why it is not translated.
    fn teradata_tokens(&mut self, name: &str, fmt: &Expr, here: &Expr) -> Option<Vec<TdToken>> {
        let Some(f) = const_str(fmt) else {
            self.flag(here, "non-mappable", format!("{name} with a non-constant format: the Teradata format is converted at translation time"));
            return None;
        };
        let tokens = match teradata_tokenize(f) {
            Ok(t) if !t.is_empty() => t,
            Ok(_) => {
                self.flag(
                    here,
                    "non-mappable",
                    format!("{name}: an empty format fails in Trino"),
                );
                return None;
            }
            Err(at) => {
                self.flag(here, "non-mappable", format!("{name}: Trino fails on the format '{f}' at offset {at} (only dd, hh, hh24, mi, mm, ss, yy, yyyy in lower case and - / , . ; : whitespace)"));
                return None;
            }
        };
        let fields: Vec<TdField> = tokens
            .iter()
            .filter_map(|t| {
                if let TdToken::Field(f) = t {
                    Some(*f)
                } else {
                    None
                }
            })
            .collect();
        let hours = fields
            .iter()
            .filter(|f| matches!(f, TdField::Hour12 | TdField::Hour24))
            .count();
        let years = fields
            .iter()
            .filter(|f| matches!(f, TdField::Year2 | TdField::Year4))
            .count();
        let dup = fields
            .iter()
            .enumerate()
            .any(|(i, f)| fields[..i].contains(f));
        if name != "to_char" && (dup || hours > 1 || years > 1) {
            self.flag(here, "non-mappable", format!("{name}: the format '{f}' sets a field twice (Joda's resolution order is not emulated)"));
            return None;
        }
        Some(tokens)
    }
}

/// Spark SQL (hole `{0}`: the string) parsing like Joda's formatter built from the tokens:
/// each number greedy up to its width (possessive: Joda never backtracks), the whole input
/// consumed, unset fields from 2000-01-01 00:00:00 (1970 for time-only formats), every field range-checked; what Trino rejects
/// raises an error. `to_date` keeps Trino's MILLISECONDS.toDays, which truncates toward 1970.
fn teradata_parse_sql(tokens: &[TdToken], date: bool) -> String {
    let mut re = String::from("^");
    let at = |f: TdField| -> Option<usize> {
        let mut g = 0;
        for t in tokens {
            if let TdToken::Field(x) = t {
                g += 1;
                if *x == f {
                    return Some(g);
                }
            }
        }
        None
    };
    for t in tokens {
        match t {
            TdToken::Text(c) => re.push_str(&format!("[{c}]")),
            TdToken::Field(f) => {
                re.push_str(match f {
                    TdField::Year4 => "([-+]?[0-9]{1,4}+)",
                    TdField::Year2 => "([0-9]{2})",
                    _ => "([0-9]{1,2}+)",
                });
            }
        }
    }
    re.push('$');
    let re_lit = spark_string(&re);
    let grp = |g: usize| format!("CAST(regexp_extract({{0}}, {re_lit}, {g}) AS INT)");
    let year = match (at(TdField::Year4), at(TdField::Year2)) {
        (Some(g), _) => grp(g),
        (None, Some(g)) => format!("2000 + {}", grp(g)),
        // Joda's default year 2000 applies when the largest field parsed is a month or a day;
        // a format of time fields only starts from 1970-01-01.
        _ if at(TdField::Month).is_some() || at(TdField::Day).is_some() => "2000".to_string(),
        _ => "1970".to_string(),
    };
    let or = |f: TdField, d: &str| at(f).map(grp).unwrap_or_else(|| d.to_string());
    let hour_max = if at(TdField::Hour12).is_some() {
        11
    } else {
        23
    };
    let hour = at(TdField::Hour24)
        .or(at(TdField::Hour12))
        .map(grp)
        .unwrap_or_else(|| "0".to_string());
    let fields = [
        year,
        or(TdField::Month, "1"),
        or(TdField::Day, "1"),
        hour,
        or(TdField::Minute, "0"),
        or(TdField::Second, "0"),
    ];
    let valid = format!(
        "CASE WHEN _td[1] BETWEEN 1 AND 12 AND _td[3] BETWEEN 0 AND {hour_max} AND _td[4] BETWEEN 0 AND 59 AND _td[5] BETWEEN 0 AND 59 THEN _td[2] BETWEEN 1 AND day(last_day(make_date(_td[0], _td[1], 1))) ELSE false END"
    );
    let has_time = tokens.iter().any(|t| {
        matches!(
            t,
            TdToken::Field(TdField::Hour12 | TdField::Hour24 | TdField::Minute | TdField::Second)
        )
    });
    let value = if !date {
        "make_timestamp_ntz(_td[0], _td[1], _td[2], _td[3], _td[4], _td[5])".to_string()
    } else if has_time {
        "date_add(make_date(_td[0], _td[1], _td[2]), IF(make_date(_td[0], _td[1], _td[2]) < DATE '1970-01-01' AND _td[3] * 3600 + _td[4] * 60 + _td[5] > 0, 1, 0))".to_string()
    } else {
        "make_date(_td[0], _td[1], _td[2])".to_string()
    };
    let fail = "raise_error(concat('Invalid format: \"', {0}, '\"'))";
    format!(
        "CASE WHEN {{0}} IS NULL THEN NULL WHEN NOT {{0}} RLIKE {re_lit} THEN {fail} ELSE element_at(transform(array(array({})), _td -> CASE WHEN {valid} THEN {value} ELSE {fail} END), 1) END",
        fields.join(", ")
    )
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
