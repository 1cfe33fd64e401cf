//! Reading and checking a mapping file.

use crate::model::Rule as MapRule;
use crate::model::{
    fill_type_holes, Action, Arm, Condition, Kind, MappingFile, Param, TypePat, TypeRule,
    TYPE_PATTERN_NAMES,
};
use pest::iterators::Pair;
use pest::Parser;
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../../../grammar/mappings.pest"]
struct MapParser;

/// An error in a mapping file, at `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for LoadError {}

/// Trino types without a structure in the IR that a rule may name as its result.
pub const OPAQUE_TYPES: &[&str] = &[
    "ipaddress",
    "ipprefix",
    "hyperloglog",
    "p4hyperloglog",
    "qdigest",
    "tdigest",
    "setdigest",
    "geometry",
    "sphericalgeography",
    "bingtile",
    "color",
    "kdbtree",
    "variant",
    "objectid",
    "jsonpath",
    "regexp",
    "likepattern",
];

/// The Spark versions a condition may name.
pub const SPARK_VERSIONS: &[&str] = &["3.5", "4"];

/// Parses and checks one mapping file. `natives` are the hook names `native` arms may use.
pub fn load_file(path: &str, text: &str, natives: &[&str]) -> Result<MappingFile, Vec<LoadError>> {
    let mut cx = Loader {
        path,
        natives,
        errors: Vec::new(),
        text,
        line_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
    };
    let file = match MapParser::parse(Rule::file, text) {
        Ok(mut pairs) => pairs.next().expect("file rule"),
        Err(e) => {
            let (line, column) = match e.line_col {
                pest::error::LineColLocation::Pos((l, c))
                | pest::error::LineColLocation::Span((l, c), _) => (l, c),
            };
            let message = match &e.variant {
                pest::error::ErrorVariant::ParsingError { positives, .. } => {
                    let names: Vec<String> = positives.iter().map(|r| format!("{r:?}")).collect();
                    format!(
                        "syntax error: expected {}",
                        if names.is_empty() {
                            "something else".into()
                        } else {
                            names.join(" or ")
                        }
                    )
                }
                pest::error::ErrorVariant::CustomError { message } => message.clone(),
            };
            return Err(vec![LoadError {
                file: path.into(),
                line: line as u32,
                column: column as u32,
                message,
            }]);
        }
    };
    let mut out = MappingFile {
        path: path.into(),
        rules: Vec::new(),
        types: Vec::new(),
    };
    for item in file.into_inner() {
        match item.as_rule() {
            Rule::func_rule => {
                if let Some(r) = cx.func_rule(item) {
                    out.rules.push(r);
                }
            }
            Rule::type_rule => {
                if let Some(t) = cx.type_rule(item) {
                    out.types.push(t);
                }
            }
            _ => {}
        }
    }
    if cx.errors.is_empty() {
        Ok(out)
    } else {
        Err(cx.errors)
    }
}

struct Loader<'a> {
    path: &'a str,
    natives: &'a [&'a str],
    errors: Vec<LoadError>,
    text: &'a str,
    /// Byte offset of each line's start: positions are looked up, not counted from the top
    /// of the file each time (pest's `line_col` does that, which made loading quadratic).
    line_starts: Vec<usize>,
}

/// The value of a quoted string token (`"…"` with `\"` and `\\`, or `'…'` with `''`).
fn unquote(p: Pair<Rule>) -> String {
    let s = p.as_str();
    if let Some(inner) = s.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        inner.replace("\\\"", "\"").replace("\\\\", "\\")
    } else {
        s[1..s.len() - 1].replace("''", "'")
    }
}

impl Loader<'_> {
    /// 1-based line and column (in characters) of where `p` starts.
    fn line_of(&self, p: &Pair<Rule>) -> (u32, u32) {
        let pos = p.as_span().start();
        let line = self.line_starts.partition_point(|&s| s <= pos);
        let start = self.line_starts[line - 1];
        let column = self.text[start..pos].chars().count() + 1;
        (line as u32, column as u32)
    }

    fn err(&mut self, at: &Pair<Rule>, msg: impl Into<String>) {
        let (line, column) = self.line_of(at);
        self.errors.push(LoadError {
            file: self.path.into(),
            line,
            column,
            message: msg.into(),
        });
    }

    fn func_rule(&mut self, p: Pair<Rule>) -> Option<MapRule> {
        let (line, _) = self.line_of(&p);
        let mut it = p.into_inner();
        let kind = match it.next()?.as_str() {
            "function" => Kind::Function,
            "aggregate" => Kind::Aggregate,
            "window" => Kind::Window,
            "syntax" => Kind::Syntax,
            _ => Kind::Table,
        };
        let name_pair = it.next()?;
        let name = match name_pair.clone().into_inner().next() {
            Some(s) if s.as_rule() == Rule::string => unquote(s),
            _ => name_pair.as_str().to_string(),
        };
        let params_pair = it.next()?;
        let mut params = Vec::new();
        let n_params = params_pair.clone().into_inner().count();
        for (i, param) in params_pair.into_inner().enumerate() {
            let inner = param.into_inner().next()?;
            match inner.as_rule() {
                Rule::consts => {
                    params.push(Param::Consts(inner.into_inner().map(unquote).collect()))
                }
                Rule::variadic => {
                    if i + 1 != n_params {
                        self.err(&inner, "a variadic parameter (`…`) must be the last one");
                    }
                    let types = inner.into_inner().next()?;
                    params.push(Param::Variadic(self.types(types)));
                }
                _ => params.push(Param::Types(self.types(inner))),
            }
        }
        let mut returns = None;
        let mut arms = Vec::new();
        for rest in it {
            match rest.as_rule() {
                Rule::returns => {
                    let t = rest.clone().into_inner().next()?;
                    let text = t.as_str().trim().to_string();
                    // Check the shape with every hole standing for a container of bigint.
                    let probe = fill_type_holes(
                        &text,
                        &vec![t2s_ir::Type::map(t2s_ir::Type::BigInt, t2s_ir::Type::BigInt); 16],
                    )
                    .or_else(|| {
                        fill_type_holes(&text, &vec![t2s_ir::Type::array(t2s_ir::Type::BigInt); 16])
                    });
                    match probe.as_deref().map(t2s_ir::parse_type) {
                        Some(Ok(t2s_ir::Type::Opaque { name })) if !OPAQUE_TYPES.contains(&name.as_str()) => {
                            self.err(&t, format!("`{name}` is not a Trino type"))
                        }
                        Some(Ok(_)) => returns = Some(text),
                        Some(Err(e)) => self.err(&t, format!("`{text}` is not a Trino type: {e}")),
                        None => self.err(&t, format!("`{text}`: bad argument reference (use {{0}}, {{0}}.element, {{0}}.key or {{0}}.value)")),
                    }
                }
                Rule::arm => {
                    if let Some(a) = self.arm(rest, Some(&params), &[]) {
                        arms.push(a);
                    }
                }
                _ => {}
            }
        }
        // A rule whose every arm is conditional could match nothing: that is allowed (the
        // rewrite then reports the call as unmapped for that target), but a final catch-all is
        // the norm. A UDF must state its result type so that lowering can type the call.
        if arms.iter().any(|a| matches!(a.action, Action::Udf { .. })) && returns.is_none() {
            self.errors.push(LoadError {
                file: self.path.into(),
                line,
                column: 1,
                message: format!("UDF `{name}` needs its Trino result type (`-> type`)"),
            });
        }
        Some(MapRule {
            kind,
            name,
            params,
            returns,
            arms,
            file: self.path.into(),
            line,
        })
    }

    fn types(&mut self, p: Pair<Rule>) -> Vec<TypePat> {
        p.into_inner().filter_map(|t| self.type_pat(t)).collect()
    }

    fn type_pat(&mut self, p: Pair<Rule>) -> Option<TypePat> {
        let at = p.clone();
        let mut it = p.into_inner();
        let name = it.next()?.as_str().to_lowercase();
        let args: Vec<TypePat> = it.filter_map(|a| self.type_pat(a)).collect();
        if !TYPE_PATTERN_NAMES.contains(&name.as_str()) {
            self.err(
                &at,
                format!(
                    "unknown type pattern `{name}` (known: {})",
                    TYPE_PATTERN_NAMES.join(", ")
                ),
            );
        }
        Some(TypePat { name, args })
    }

    /// `params`: the function's parameters (for arity checks of holes); `type_params`: the
    /// names a type rule's template may use.
    fn arm(
        &mut self,
        p: Pair<Rule>,
        params: Option<&[Param]>,
        type_params: &[String],
    ) -> Option<Arm> {
        let (line, _) = self.line_of(&p);
        let mut conditions = Vec::new();
        let mut action = None;
        let mut reason = None;
        for part in p.into_inner() {
            match part.as_rule() {
                Rule::conditions => {
                    for c in part.into_inner() {
                        if let Some(c) = self.condition(c, params, type_params) {
                            conditions.push(c);
                        }
                    }
                }
                Rule::action => action = self.action(part, params, type_params),
                Rule::reason => reason = part.into_inner().next().map(unquote),
                _ => {}
            }
        }
        Some(Arm {
            conditions,
            action: action?,
            reason,
            line,
        })
    }

    fn condition(
        &mut self,
        p: Pair<Rule>,
        params: Option<&[Param]>,
        type_params: &[String],
    ) -> Option<Condition> {
        let c = p.into_inner().next()?;
        let at = c.clone();
        Some(match c.as_rule() {
            Rule::spark_cond => {
                let v = c.into_inner().next()?.as_str().to_string();
                if !SPARK_VERSIONS.contains(&v.as_str()) {
                    self.err(
                        &at,
                        format!(
                            "unknown Spark version `{v}` (known: {})",
                            SPARK_VERSIONS.join(", ")
                        ),
                    );
                }
                Condition::Spark(v)
            }
            Rule::ansi_cond => Condition::Ansi(c.into_inner().next().is_none()),
            Rule::const_cond | Rule::nonconst_cond => {
                let is_const = c.as_rule() == Rule::const_cond;
                let hole = c.into_inner().next()?;
                let idx = self.hole_index(&hole, params)?;
                if is_const {
                    Condition::Const(idx)
                } else {
                    Condition::NonConst(idx)
                }
            }
            _ => {
                let mut it = c.into_inner();
                let hole = it.next()?;
                let name = hole
                    .as_str()
                    .trim_matches(|x| x == '{' || x == '}')
                    .to_string();
                if params.is_some() {
                    self.hole_index(&hole, params)?;
                } else if !type_params.contains(&name) {
                    self.err(
                        &hole,
                        format!("`{{{name}}}` is not a parameter of this type"),
                    );
                }
                let cmp = it.next()?.as_str().to_string();
                let value = it.next()?.as_str().parse().ok()?;
                Condition::Param {
                    hole: name,
                    cmp,
                    value,
                }
            }
        })
    }

    fn hole_index(&mut self, hole: &Pair<Rule>, params: Option<&[Param]>) -> Option<usize> {
        let name = hole.as_str().trim_matches(|x| x == '{' || x == '}');
        let Ok(i) = name.parse::<usize>() else {
            self.err(
                hole,
                format!("`{{{name}}}`: a function rule's holes are argument numbers"),
            );
            return None;
        };
        if let Some(ps) = params {
            let variadic = ps.iter().any(|p| matches!(p, Param::Variadic(_)));
            if i >= ps.len() && !variadic {
                self.err(
                    hole,
                    format!("`{{{i}}}` is past the rule's {} parameter(s)", ps.len()),
                );
            }
        }
        Some(i)
    }

    fn action(
        &mut self,
        p: Pair<Rule>,
        params: Option<&[Param]>,
        type_params: &[String],
    ) -> Option<Action> {
        let a = p.into_inner().next()?;
        let at = a.clone();
        Some(match a.as_rule() {
            Rule::template => {
                let t = unquote(a.into_inner().next()?);
                self.check_template(&at, &t, params, type_params);
                Action::Template(t)
            }
            Rule::approximate => {
                let t = a.into_inner().next().map(unquote);
                if let Some(t) = &t {
                    self.check_template(&at, t, params, type_params);
                }
                Action::Approximate(t)
            }
            Rule::non_mappable => Action::NonMappable(unquote(a.into_inner().next()?)),
            Rule::native => {
                let n = a.into_inner().next()?.as_str().to_string();
                if !self.natives.contains(&n.as_str()) {
                    self.err(&at, format!("unknown native rewrite `{n}`"));
                }
                Action::Native(n)
            }
            Rule::builtin => Action::Builtin(unquote(a.into_inner().next()?)),
            Rule::udf => {
                let mut it = a.into_inner();
                let class = unquote(it.next()?);
                let jar = it.next().map(unquote);
                if !class.split('.').all(|s| {
                    !s.is_empty()
                        && s.chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
                }) {
                    self.err(&at, format!("`{class}` is not a Java class name"));
                }
                Action::Udf { class, jar }
            }
            _ => return None,
        })
    }

    /// A template must be one Spark SQL expression once its holes are filled, and name only
    /// holes the rule has.
    fn check_template(
        &mut self,
        at: &Pair<Rule>,
        t: &str,
        params: Option<&[Param]>,
        type_params: &[String],
    ) {
        let mut filled = String::with_capacity(t.len());
        let mut rest = t;
        while let Some(open) = rest.find('{') {
            filled.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                self.err(at, format!("unclosed `{{` in template `{t}`"));
                return;
            };
            let hole = &rest[open + 1..open + close];
            match params {
                Some(ps) => {
                    match hole.parse::<usize>() {
                        Ok(i) => {
                            let variadic = ps.iter().any(|p| matches!(p, Param::Variadic(_)));
                            if i >= ps.len() && !variadic {
                                self.err(at, format!("template hole `{{{i}}}` is past the rule's {} parameter(s)", ps.len()));
                            }
                        }
                        Err(_) if hole == "args" || hole == "name" => {}
                        Err(_) => self.err(
                            at,
                            format!("template hole `{{{hole}}}` is not an argument number"),
                        ),
                    }
                }
                None => {
                    if !type_params.iter().any(|p| p == hole) && hole != "fields" {
                        self.err(
                            at,
                            format!("template hole `{{{hole}}}` is not a parameter of this type"),
                        );
                    }
                }
            }
            if params.is_some() {
                filled.push_str(&format!(
                    "h_{}",
                    hole.replace(|c: char| !c.is_alphanumeric(), "_")
                ));
            } else {
                // Type templates: length/precision/scale holes are numbers, the rest are types.
                filled.push_str(match hole {
                    "p" | "s" | "n" => "10",
                    "fields" => "a: INT",
                    _ => "INT",
                });
            }
            rest = &rest[open + close + 1..];
        }
        filled.push_str(rest);
        // Spark functions whose names are keywords to sqlparser.
        for kw in ["exists(", "EXISTS("] {
            filled = filled.replace(kw, "exists_fn(");
        }
        let sql = if params.is_some() {
            format!("SELECT {filled}")
        } else {
            format!("SELECT CAST(x AS {filled})")
        };
        if let Err(e) = parse_spark(&sql) {
            self.err(at, format!("template `{t}` is not Spark SQL: {e}"));
        }
    }

    fn type_rule(&mut self, p: Pair<Rule>) -> Option<TypeRule> {
        let (line, _) = self.line_of(&p);
        let mut it = p.into_inner();
        let name = it.next()?.as_str().to_lowercase();
        let mut params = Vec::new();
        let mut arms = Vec::new();
        for rest in it {
            match rest.as_rule() {
                Rule::type_params => {
                    params = rest.into_inner().map(|x| x.as_str().to_string()).collect()
                }
                Rule::arm => {
                    if let Some(a) = self.arm(rest, None, &params) {
                        arms.push(a);
                    }
                }
                _ => {}
            }
        }
        Some(TypeRule {
            name,
            params,
            arms,
            file: self.path.into(),
            line,
        })
    }
}

/// Parses with the sqlparser dialects closest to Spark SQL (Databricks, then Hive, MySQL for
/// `div`, then the generic one): a template is valid if one of them reads it.
fn parse_spark(sql: &str) -> Result<(), String> {
    use sqlparser::dialect::{DatabricksDialect, GenericDialect, HiveDialect, MySqlDialect};
    use sqlparser::parser::Parser as SqlParser;
    let mut first_err = None;
    let dialects: [&dyn sqlparser::dialect::Dialect; 4] = [
        &DatabricksDialect {},
        &HiveDialect {},
        &MySqlDialect {},
        &GenericDialect {},
    ];
    for d in dialects {
        match SqlParser::parse_sql(d, sql) {
            Ok(stmts) if stmts.len() == 1 => return Ok(()),
            Ok(_) => first_err.get_or_insert_with(|| "more than one statement".to_string()),
            Err(e) => first_err.get_or_insert_with(|| e.to_string()),
        };
    }
    Err(first_err.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<MappingFile, Vec<LoadError>> {
        load_file("test.map", text, &["split_literal"])
    }

    #[test]
    fn reads_rules_with_arms_conditions_and_reasons() {
        let f = load(
            "# strings\nfunction strpos(string, string) -> bigint\n  = \"CAST(instr({0}, {1}) AS BIGINT)\"\n\
             function max_by(any, any, integral)\n  when spark 3.5 = non_mappable \"needs Spark 4\"\n  = \"max_by({0}, {1}, {2})\"\n\
             function date_add('day'|'DAY', integral, date) = \"date_add({2}, {1})\" because \"days add alike\"\n\
             aggregate approx_distinct(any) = approximate \"approx_count_distinct({0})\" because \"HLL estimates differ\"\n\
             function concat(string...) = \"concat({args})\"\n\
             syntax \"AT TIME ZONE\"() = non_mappable \"not yet\"\n\
             type decimal(p, s) = \"DECIMAL({p},{s})\"\ntype timestamp(p) when {p} > 6 = non_mappable \"nanos\" = \"TIMESTAMP_NTZ\"\n",
        )
        .unwrap();
        assert_eq!(f.rules.len(), 6);
        assert_eq!(
            f.rules[1].arms[0].conditions,
            vec![Condition::Spark("3.5".into())]
        );
        assert_eq!(
            f.rules[2].params[0],
            Param::Consts(vec!["day".into(), "DAY".into()])
        );
        assert_eq!(f.rules[2].arms[0].reason.as_deref(), Some("days add alike"));
        assert_eq!(
            f.rules[3].arms[0].action,
            Action::Approximate(Some("approx_count_distinct({0})".into()))
        );
        assert_eq!(
            f.rules[4].params,
            vec![Param::Variadic(vec![TypePat {
                name: "string".into(),
                args: vec![]
            }])]
        );
        assert_eq!(f.rules[5].name, "AT TIME ZONE");
        assert_eq!(f.types[1].arms.len(), 2);
        assert_eq!(f.rules[0].line, 2);
        assert_eq!(f.rules[0].returns.as_deref(), Some("bigint"));
    }

    #[test]
    fn errors_point_at_file_and_line() {
        let e = load("function f(bigint)\n  = \"abs({0}\"\n").unwrap_err();
        assert_eq!((e[0].line, e[0].file.as_str()), (2, "test.map"), "{e:?}");
        assert!(e[0].message.contains("is not Spark SQL"), "{e:?}");

        let e = load("function f(bigint) = \"abs({1})\"").unwrap_err();
        assert!(
            e[0].message.contains("past the rule's 1 parameter"),
            "{e:?}"
        );

        let e = load("function f(bigint, strnig) = \"abs({0})\"").unwrap_err();
        assert!(
            e[0].message.contains("unknown type pattern `strnig`"),
            "{e:?}"
        );

        let e = load("function f(bigint) when spark 5 = \"abs({0})\"").unwrap_err();
        assert!(e[0].message.contains("unknown Spark version"), "{e:?}");

        let e = load("function f(bigint) = native nope").unwrap_err();
        assert!(
            e[0].message.contains("unknown native rewrite `nope`"),
            "{e:?}"
        );

        let e = load("function f(bigint) -> bigintt = \"abs({0})\"").unwrap_err();
        assert!(e[0].message.contains("not a Trino type"), "{e:?}");

        let e = load("function f(bigint) = udf \"com.acme.F\"").unwrap_err();
        assert!(
            e[0].message.contains("needs its Trino result type"),
            "{e:?}"
        );

        let e = load("function f(bigint) = \n\nfunction g() = \"1\"").unwrap_err();
        assert_eq!(e[0].line, 3, "{e:?}");
    }

    #[test]
    fn patterns_match_types_and_constants() {
        use t2s_ir::Type;
        let f = load("function date_add('day', integral, date|timestamp) = \"date_add({2}, {1})\"\nfunction concat(string...) = \"concat({args})\"").unwrap();
        let r = &f.rules[0];
        assert!(r.accepts(
            &[Type::VARCHAR, Type::BigInt, Type::Date],
            &[Some("DAY".into()), None, None]
        ));
        assert!(!r.accepts(
            &[Type::VARCHAR, Type::BigInt, Type::Date],
            &[Some("month".into()), None, None]
        ));
        assert!(!r.accepts(
            &[Type::VARCHAR, Type::Double, Type::Date],
            &[Some("day".into()), None, None]
        ));
        assert!(!r.accepts(&[Type::VARCHAR, Type::BigInt], &[Some("day".into()), None]));
        let g = load("function array_max(array) -> {0}.element = \"array_max({0})\"\nfunction map_keys(map) -> array({0}.key) = \"map_keys({0})\"").unwrap();
        assert_eq!(
            g.rules[0].result_type(&[Type::array(Type::Double)]),
            Some(Type::Double)
        );
        assert_eq!(
            g.rules[1].result_type(&[Type::map(Type::VARCHAR, Type::Double)]),
            Some(Type::array(Type::VARCHAR))
        );
        assert_eq!(g.rules[0].result_type(&[Type::Unknown]), None);
        let c = &f.rules[1];
        assert!(c.accepts(&[], &[]));
        assert!(c.accepts(
            &[Type::VARCHAR, Type::VARCHAR, Type::VARCHAR],
            &[None, None, None]
        ));
        assert!(!c.accepts(&[Type::VARCHAR, Type::BigInt], &[None, None]));
    }
}
