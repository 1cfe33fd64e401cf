//! Native hooks for the num function rules (math, bitwise, date/time; see natives.rs for the pattern).

use super::*;

/// The hook names this file implements.
pub(super) const NATIVES: &[&str] = &[
    "log_base",
    "mod_op",
    "truncate_n",
    "date_format",
    "format_datetime",
    "date_parse",
    "parse_datetime",
    "from_iso8601_timestamp",
    "to_iso8601",
    "with_timezone",
];

impl Cx<'_, '_> {
    /// `Err(args)`: not a hook of this file (the arguments are handed back).
    pub(super) fn native_num(
        &mut self,
        hook: &str,
        name: &str,
        mut args: Vec<Expr>,
        ty: Type,
        span: Option<Span>,
    ) -> Result<Option<Expr>, Vec<Expr>> {
        let here = Expr::literal(Literal::Null, Type::Unknown).with_span(span);
        match hook {
            "log_base" => {
                // Trino: ln(x) / ln(b) on doubles, IEEE throughout (catalog §10a).
                let x = args.pop().expect("2 args");
                let b = args.pop().expect("2 args");
                let lx = self.native("log_ieee", "ln", vec![x], Type::Double, span);
                let lb = self.native("log_ieee", "ln", vec![b], Type::Double, span);
                let (Some(lx), Some(lb)) = (lx, lb) else {
                    return Ok(None);
                };
                Ok(Some(tmpl(
                    "CASE WHEN {1} = 0 THEN CASE WHEN isnan({0}) OR {0} = 0 THEN double('NaN') WHEN {0} > 0 THEN double('Infinity') WHEN {0} < 0 THEN double('-Infinity') END ELSE {0} / {1} END",
                    vec![lx, lb],
                    ty,
                )))
            }
            "mod_op" => {
                // mod(x, y) is the % operator: same rewrite (IEEE NaN for a double 0 divisor).
                let y = args.pop().expect("2 args");
                let x = args.pop().expect("2 args");
                Ok(self.binary(BinaryOp::Mod, x, y, ty, span))
            }
            "truncate_n" => {
                // Toward zero at n digits, the decimal type kept (catalog §10a).
                let e = tmpl(
                    "CASE WHEN {0} >= 0 THEN floor({0}, {1}) ELSE ceil({0}, {1}) END",
                    args,
                    Type::Unknown,
                );
                Ok(Some(self.cast(e, &ty)))
            }
            "date_format" | "format_datetime" => {
                let fmt = args.pop().expect("2 args");
                let x = args.pop().expect("2 args");
                let Some(p) = self.pattern(hook, &fmt, false, name, &here) else {
                    return Ok(None);
                };
                if matches!(x.ty, Type::TimestampTz { .. }) {
                    self.warn(&here, "session-time-zone", format!("{name} on timestamp with time zone prints the session zone's wall clock on Spark (the value's own zone on Trino)"));
                }
                Ok(Some(call("date_format", vec![x, str_lit(&p.spark)], ty)))
            }
            "date_parse" | "parse_datetime" => {
                let fmt = args.pop().expect("2 args");
                let s = args.pop().expect("2 args");
                let mysql = hook == "date_parse";
                let Some(p) = self.pattern(
                    if mysql {
                        "date_format"
                    } else {
                        "format_datetime"
                    },
                    &fmt,
                    true,
                    name,
                    &here,
                ) else {
                    return Ok(None);
                };
                let f = if mysql {
                    "to_timestamp_ntz"
                } else {
                    "to_timestamp_ltz"
                };
                let mut e = call(f, vec![s, str_lit(&p.spark)], ty.clone());
                if p.fraction {
                    // Trino keeps milliseconds (timestamp(3)); Spark parses microseconds.
                    let t = if mysql {
                        "CAST(date_trunc('MILLISECOND', {0}) AS TIMESTAMP_NTZ)"
                    } else {
                        "date_trunc('MILLISECOND', {0})"
                    };
                    e = tmpl(t, vec![e], ty.clone());
                }
                if p.two_digit_year {
                    // Joda pivots two-digit years into 1970–2069, Spark into 2000–2099 (catalog §11).
                    e = tmpl(
                        "CASE WHEN year({0}) >= 2070 THEN {0} - INTERVAL 100 YEARS ELSE {0} END",
                        vec![e],
                        ty.clone(),
                    );
                }
                Ok(Some(e))
            }
            "from_iso8601_timestamp" => {
                match args.first().and_then(const_str) {
                    Some(s) if iso_offset(s).is_some_and(|o| !matches!(o, "Z" | "+00:00" | "-00:00" | "+0000" | "+00")) => {
                        self.flag(&here, "non-mappable", format!("from_iso8601_timestamp('{s}'): the value keeps the zone {} in Trino; Spark timestamps carry no zone", iso_offset(s).unwrap_or_default()));
                        return Ok(None);
                    }
                    Some(_) => {}
                    None => self.warn(&here, "session-time-zone", "from_iso8601_timestamp: the instant is kept, a zone in the string is not (Spark shows timestamps in the session zone)"),
                }
                Ok(Some(tmpl(
                    "date_trunc('MILLISECOND', CAST({0} AS TIMESTAMP_LTZ))",
                    args,
                    ty,
                )))
            }
            "to_iso8601" => {
                let x = args.pop().expect("1 arg");
                let frac = |p: u8| {
                    if p == 0 {
                        String::new()
                    } else {
                        format!(".{}", "S".repeat(p.min(6) as usize))
                    }
                };
                let pattern = match &x.ty {
                    Type::Date => "yyyy-MM-dd".to_string(),
                    Type::Timestamp { precision } => {
                        format!("yyyy-MM-dd'T'HH:mm:ss{}", frac(*precision))
                    }
                    Type::TimestampTz { precision } => {
                        self.warn(&here, "session-time-zone", "to_iso8601 on timestamp with time zone prints the session zone's offset on Spark (the value's own zone on Trino)");
                        format!("yyyy-MM-dd'T'HH:mm:ss{}XXX", frac(*precision))
                    }
                    other => {
                        self.flag(
                            &here,
                            "non-mappable",
                            format!("to_iso8601({other}): Spark has no such type"),
                        );
                        return Ok(None);
                    }
                };
                Ok(Some(call("date_format", vec![x, str_lit(&pattern)], ty)))
            }
            "with_timezone" => {
                // The wall clock read in the zone, as an instant (the zone itself is not kept).
                self.warn(&here, "session-time-zone", "with_timezone: the instant is kept, the zone is not (Spark shows timestamps in the session zone)");
                Ok(Some(tmpl(
                    "CAST(convert_timezone({1}, current_timezone(), {0}) AS TIMESTAMP_LTZ)",
                    args,
                    ty,
                )))
            }
            _ => Err(args),
        }
    }
}

impl Cx<'_, '_> {
    /// The Spark pattern of a constant Trino date/time pattern (`date_format`: MySQL specifiers,
    /// `format_datetime`: Joda letters), or a flag saying why there is none.
    fn pattern(
        &mut self,
        kind: &str,
        fmt: &Expr,
        parse: bool,
        name: &str,
        here: &Expr,
    ) -> Option<Pattern> {
        let Some(f) = const_str(fmt) else {
            self.flag(here, "non-mappable", format!("{name} with a non-constant pattern: Trino's pattern language is translated only when it is a constant"));
            return None;
        };
        let p = if kind == "date_format" {
            mysql_pattern(f, parse)
        } else {
            joda_pattern(f, parse)
        };
        match p {
            Ok(p) => Some(p),
            Err(why) => {
                self.flag(here, "non-mappable", format!("{name}: {why}"));
                None
            }
        }
    }
}

/// The zone designator of an ISO 8601 date-time text (`Z`, `+05:30`), if it has one.
fn iso_offset(s: &str) -> Option<&str> {
    let t = s.find('T')?;
    let time = &s[t + 1..];
    if time.ends_with('Z') {
        return Some("Z");
    }
    time.find(['+', '-']).map(|i| &time[i..])
}

/// One element of a date/time pattern, in Spark's terms.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// Spark pattern letters; `numeric`: a number field whose width parsing may relax.
    Field { letters: String, numeric: bool },
    /// Literal text.
    Lit(String),
}

/// What a translated pattern needs around the Spark call.
#[derive(Debug, Default, PartialEq)]
struct Pattern {
    spark: String,
    /// The pattern reads or prints a fraction of a second.
    fraction: bool,
    /// A two-digit year is parsed (Joda pivots it into 1970–2069; Spark into 2000–2099).
    two_digit_year: bool,
}

fn field(letters: &str, numeric: bool) -> Piece {
    Piece::Field {
        letters: letters.to_string(),
        numeric,
    }
}

/// Spark pattern text: letters as they are, literal text quoted (`''` for a quote).
/// `parse`: numeric fields between literals (not next to another field) parse 1..n digits (Trino's Joda
/// parsers are lenient in width, Spark's `MM` needs two digits: catalog §11).
fn render(pieces: &[Piece], parse: bool) -> String {
    let mut out = String::new();
    let mut lit = String::new();
    let flush = |out: &mut String, lit: &mut String| {
        if !lit.is_empty() {
            out.push('\'');
            out.push_str(&lit.replace('\'', "''"));
            out.push('\'');
            lit.clear();
        }
    };
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Lit(s) => lit.push_str(s),
            Piece::Field { letters, numeric } => {
                flush(&mut out, &mut lit);
                let next_is_field = matches!(pieces.get(i + 1), Some(Piece::Field { .. }));
                let prev_is_field = i > 0 && matches!(pieces.get(i - 1), Some(Piece::Field { .. }));
                let first = letters.chars().next().unwrap_or('y');
                if parse
                    && *numeric
                    && !next_is_field
                    && !prev_is_field
                    && first != 'S'
                    && letters.chars().all(|c| c == first)
                {
                    out.push(first);
                } else {
                    out.push_str(letters);
                }
            }
        }
    }
    flush(&mut out, &mut lit);
    out
}

/// Trino's MySQL-style `date_format` / `date_parse` specifiers (catalog Appendix A).
fn mysql_pattern(fmt: &str, parse: bool) -> Result<Pattern, String> {
    let mut pieces = Vec::new();
    let mut pat = Pattern::default();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            pieces.push(Piece::Lit(c.to_string()));
            continue;
        }
        let Some(s) = chars.next() else {
            pieces.push(Piece::Lit("%".into()));
            break;
        };
        match s {
            'a' => pieces.push(field("EEE", false)),
            'b' => pieces.push(field("MMM", false)),
            'c' => pieces.push(field("M", true)),
            'd' => pieces.push(field("dd", true)),
            'e' => pieces.push(field("d", true)),
            'f' => {
                pat.fraction = true;
                if parse {
                    pieces.push(field("SSSSSS", true));
                } else {
                    // Joda prints milliseconds, padded with zeros to six digits.
                    pieces.push(field("SSS", true));
                    pieces.push(Piece::Lit("000".into()));
                }
            }
            'H' => pieces.push(field("HH", true)),
            'h' | 'I' => pieces.push(field("hh", true)),
            'i' => pieces.push(field("mm", true)),
            'j' => pieces.push(field("DDD", true)),
            'k' => pieces.push(field("H", true)),
            'l' => pieces.push(field("h", true)),
            'M' => pieces.push(field("MMMM", false)),
            'm' => pieces.push(field("MM", true)),
            'p' => pieces.push(field("a", false)),
            'r' => {
                pieces.extend([
                    field("hh", true),
                    Piece::Lit(":".into()),
                    field("mm", true),
                    Piece::Lit(":".into()),
                    field("ss", true),
                    Piece::Lit(" ".into()),
                    field("a", false),
                ]);
            }
            'S' | 's' => pieces.push(field("ss", true)),
            'T' => {
                pieces.extend([
                    field("HH", true),
                    Piece::Lit(":".into()),
                    field("mm", true),
                    Piece::Lit(":".into()),
                    field("ss", true),
                ]);
            }
            'W' => pieces.push(field("EEEE", false)),
            'Y' => pieces.push(field("yyyy", true)),
            'y' => {
                pat.two_digit_year = parse;
                pieces.push(field("yy", false));
            }
            'v' | 'x' => {
                return Err(format!(
                    "%{s} (ISO week fields) has no Spark pattern letter"
                ))
            }
            'D' | 'U' | 'u' | 'V' | 'w' | 'X' => {
                return Err(format!("%{s} is not supported by Trino (it fails)"))
            }
            other => pieces.push(Piece::Lit(other.to_string())),
        }
    }
    pat.spark = render(&pieces, parse);
    Ok(pat)
}

/// Trino's Joda `format_datetime` / `parse_datetime` patterns (catalog Appendix B).
fn joda_pattern(fmt: &str, parse: bool) -> Result<Pattern, String> {
    let mut pieces = Vec::new();
    let mut pat = Pattern::default();
    let cs: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '\'' {
            // Quoted text; '' is a quote.
            let mut j = i + 1;
            let mut text = String::new();
            if cs.get(j) == Some(&'\'') {
                pieces.push(Piece::Lit("'".into()));
                i += 2;
                continue;
            }
            while j < cs.len() {
                if cs[j] == '\'' {
                    if cs.get(j + 1) == Some(&'\'') {
                        text.push('\'');
                        j += 2;
                        continue;
                    }
                    break;
                }
                text.push(cs[j]);
                j += 1;
            }
            pieces.push(Piece::Lit(text));
            i = j + 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            pieces.push(Piece::Lit(c.to_string()));
            i += 1;
            continue;
        }
        let mut n = 1;
        while i + n < cs.len() && cs[i + n] == c {
            n += 1;
        }
        let rep = |l: char, k: usize| l.to_string().repeat(k);
        match c {
            'y' | 'Y' => {
                if n == 2 {
                    if parse {
                        return Err("a two-digit year (yy) is parsed with Joda's pivot, which Spark's does not follow".into());
                    }
                    pieces.push(field("yy", false));
                } else {
                    pieces.push(field(&rep('y', n.max(1)), true));
                }
            }
            'M' => pieces.push(field(&rep('M', n), n <= 2)),
            'd' | 'H' | 'h' | 'k' | 'K' | 'm' | 's' => pieces.push(field(&rep(c, n), true)),
            'D' => pieces.push(field(&rep('D', n), true)),
            'E' => pieces.push(field(if n >= 4 { "EEEE" } else { "EEE" }, false)),
            'a' => pieces.push(field("a", false)),
            'G' => pieces.push(field("G", false)),
            'S' => {
                pat.fraction = true;
                if parse || n <= 3 {
                    pieces.push(field(&rep('S', n.min(9)), true));
                } else {
                    // Joda prints milliseconds, then zeros.
                    pieces.push(field("SSS", true));
                    pieces.push(Piece::Lit("0".repeat(n - 3)));
                }
            }
            'Z' => match n {
                1 => pieces.push(field("Z", false)),
                2 => pieces.push(field("xxx", false)),
                _ => pieces.push(field("VV", false)),
            },
            'z' => pieces.push(field(if n >= 4 { "zzzz" } else { "z" }, false)),
            'x' | 'w' | 'e' | 'C' => return Err(format!("Joda's `{c}` (week-year, week, ISO day number or century) has no Spark pattern letter")),
            other => return Err(format!("`{other}` is not a Joda pattern letter (Trino fails)")),
        }
        i += n;
    }
    pat.spark = render(&pieces, parse);
    Ok(pat)
}

#[cfg(test)]
mod pattern_tests {
    use super::*;

    #[test]
    fn mysql_patterns_translate() {
        assert_eq!(
            mysql_pattern("%Y-%m-%d %H:%i:%s", false).unwrap().spark,
            "yyyy'-'MM'-'dd' 'HH':'mm':'ss"
        );
        assert_eq!(mysql_pattern("%Y-%m-%d", true).unwrap().spark, "y'-'M'-'d");
        assert_eq!(mysql_pattern("%Y%m%d", true).unwrap().spark, "yyyyMMdd");
        assert_eq!(mysql_pattern("%f", false).unwrap().spark, "SSS'000'");
        assert_eq!(mysql_pattern("it's %q", false).unwrap().spark, "'it''s q'");
        assert!(mysql_pattern("%v", false).is_err());
    }

    #[test]
    fn joda_patterns_translate() {
        assert_eq!(
            joda_pattern("yyyy-MM-dd'T'HH:mm:ss.SSS", false)
                .unwrap()
                .spark,
            "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'SSS"
        );
        assert_eq!(
            joda_pattern("YYYY ZZ SSSSSS", false).unwrap().spark,
            "yyyy' 'xxx' 'SSS'000'"
        );
        assert_eq!(joda_pattern("yyyy-MM-dd", true).unwrap().spark, "y'-'M'-'d");
        assert_eq!(
            joda_pattern("'o''clock' h a", false).unwrap().spark,
            "'o''clock 'h' 'a"
        );
        assert!(joda_pattern("xxxx-ww", false).is_err());
        assert!(joda_pattern("q", false).is_err());
    }

    #[test]
    fn iso_offsets() {
        assert_eq!(iso_offset("2020-01-01T10:00:00+05:30"), Some("+05:30"));
        assert_eq!(iso_offset("2020-01-01T10:00:00Z"), Some("Z"));
        assert_eq!(iso_offset("2020-01-01T10:00"), None);
        assert_eq!(iso_offset("2020-01-01"), None);
    }
}
