//! The rule model the mapping files are read into.

use serde::Serialize;
use t2s_ir::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Function,
    Aggregate,
    Window,
    Syntax,
    Table,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Function => "scalar",
            Kind::Aggregate => "aggregate",
            Kind::Window => "window",
            Kind::Syntax => "syntax",
            Kind::Table => "table",
        }
    }
}

/// A parameter pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    /// One of these types (type classes such as `integral`, `string`, `any`, or base types).
    Types(Vec<TypePat>),
    /// The argument must be one of these constant strings (case-insensitive), e.g. a unit.
    Consts(Vec<String>),
    /// Zero or more further arguments of these types (last parameter only).
    Variadic(Vec<TypePat>),
}

/// A type pattern: a class (`any`, `integral`, `numeric`, `floating`, `exact`, `string`,
/// `datetime`) or a Trino base type (`bigint`, `decimal`, `array(string)`, …).
#[derive(Debug, Clone, PartialEq)]
pub struct TypePat {
    pub name: String,
    pub args: Vec<TypePat>,
}

/// The names a type pattern may use.
pub const TYPE_PATTERN_NAMES: &[&str] = &[
    "any",
    "integral",
    "numeric",
    "floating",
    "exact",
    "string",
    "datetime",
    "interval",
    "boolean",
    "tinyint",
    "smallint",
    "integer",
    "bigint",
    "real",
    "double",
    "decimal",
    "varchar",
    "char",
    "varbinary",
    "json",
    "uuid",
    "date",
    "time",
    "timestamp",
    "timestamptz",
    "interval_ym",
    "interval_ds",
    "array",
    "map",
    "row",
    "function",
    "unknown",
    "ipaddress",
    "opaque",
];

impl TypePat {
    /// Whether a (Trino) type matches. An unknown type matches every pattern: lowering has
    /// already stated the assumption in a diagnostic.
    pub fn matches(&self, t: &Type) -> bool {
        if matches!(t, Type::Unknown) {
            return true;
        }
        let ok = match self.name.as_str() {
            "any" => true,
            "integral" => t.is_integral(),
            "numeric" => t.is_numeric(),
            "floating" => t.is_floating(),
            "exact" => t.is_integral() || t.is_decimal(),
            "string" => t.is_string(),
            "datetime" => t.is_datetime(),
            "interval" => t.is_interval(),
            "boolean" => *t == Type::Boolean,
            "tinyint" => *t == Type::TinyInt,
            "smallint" => *t == Type::SmallInt,
            "integer" => *t == Type::Integer,
            "bigint" => *t == Type::BigInt,
            "real" => *t == Type::Real,
            "double" => *t == Type::Double,
            "decimal" => t.is_decimal(),
            "varchar" => matches!(t, Type::Varchar { .. }),
            "char" => matches!(t, Type::Char { .. }),
            "varbinary" => *t == Type::Varbinary,
            "json" => *t == Type::Json,
            "uuid" => *t == Type::Uuid,
            "date" => *t == Type::Date,
            "time" => matches!(t, Type::Time { .. }),
            "timestamp" => matches!(t, Type::Timestamp { .. }),
            "timestamptz" => matches!(t, Type::TimestampTz { .. }),
            "interval_ym" => *t == Type::IntervalYearMonth,
            "interval_ds" => *t == Type::IntervalDaySecond,
            "array" => match t {
                Type::Array { element } => self.args.first().is_none_or(|p| p.matches(element)),
                _ => false,
            },
            "map" => match t {
                Type::Map { key, value } => {
                    self.args.first().is_none_or(|p| p.matches(key))
                        && self.args.get(1).is_none_or(|p| p.matches(value))
                }
                _ => false,
            },
            "row" => matches!(t, Type::Row { .. }),
            "function" => matches!(t, Type::Function { .. }),
            "unknown" => false,
            "ipaddress" => matches!(t, Type::Opaque { name } if name == "ipaddress"),
            "opaque" => matches!(t, Type::Opaque { .. }),
            _ => false,
        };
        ok
    }
}

impl std::fmt::Display for TypePat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)?;
        if !self.args.is_empty() {
            let a: Vec<String> = self.args.iter().map(|x| x.to_string()).collect();
            write!(f, "({})", a.join(", "))?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// `spark 3.5` / `spark 4`
    Spark(String),
    /// `ansi` / `not ansi`
    Ansi(bool),
    /// `const {1}`: argument 1 is a literal.
    Const(usize),
    /// `nonconst {1}`
    NonConst(usize),
    /// `{p} > 6` (type rules: a type parameter; function rules: a constant integer argument).
    Param {
        hole: String,
        cmp: String,
        value: i64,
    },
}

/// `a OP b` for the comparison of a `{hole} OP value` condition.
pub fn compare(a: i64, op: &str, b: i64) -> bool {
    match op {
        ">" => a > b,
        ">=" => a >= b,
        "<" => a < b,
        "<=" => a <= b,
        "==" => a == b,
        _ => a != b,
    }
}

impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Condition::Spark(v) => write!(f, "spark {v}"),
            Condition::Ansi(true) => write!(f, "ansi"),
            Condition::Ansi(false) => write!(f, "not ansi"),
            Condition::Const(i) => write!(f, "const {{{i}}}"),
            Condition::NonConst(i) => write!(f, "nonconst {{{i}}}"),
            Condition::Param { hole, cmp, value } => write!(f, "{{{hole}}} {cmp} {value}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Spark SQL with `{0}`, `{1}`… holes for the (already rewritten) arguments.
    Template(String),
    /// Both engines estimate; the results differ. With a template: translated, and flagged
    /// `approximate`; without: refused.
    Approximate(Option<String>),
    /// No faithful Spark form: refused with this reason.
    NonMappable(String),
    /// A rewrite implemented in code (`t2s-rewrite`), named here so the rule is data.
    Native(String),
    /// A special form handled where the IR has a node for it (operators, CASE, CAST…); the
    /// text says where.
    Builtin(String),
    /// A user function implemented by a Spark/Hive UDF class (optionally in a jar).
    Udf { class: String, jar: Option<String> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arm {
    pub conditions: Vec<Condition>,
    pub action: Action,
    pub reason: Option<String>,
    pub line: u32,
}

impl Arm {
    pub fn conditions_text(&self) -> String {
        let c: Vec<String> = self.conditions.iter().map(|c| c.to_string()).collect();
        format!("when {}", c.join(" and "))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub kind: Kind,
    pub name: String,
    pub params: Vec<Param>,
    /// The Trino result type, where the rule states it (UDFs must): a type, possibly over
    /// the argument types (`{0}`, `{0}.element`, `{0}.key`, `{0}.value`).
    pub returns: Option<String>,
    pub arms: Vec<Arm>,
    pub file: String,
    pub line: u32,
}

impl Rule {
    /// `mappings/string.map:12`
    pub fn location(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// Whether the rule's parameter patterns accept these arguments. `consts[i]` is the
    /// constant string value of argument i, if it is a string literal.
    pub fn accepts(&self, types: &[Type], consts: &[Option<String>]) -> bool {
        self.accepts_with(
            types.len(),
            |i| &types[i],
            |i| consts.get(i).and_then(|c| c.as_deref()),
        )
    }

    /// [`Rule::accepts`] for `len` arguments read through `ty` and `constant` (each called
    /// with an index below `len`), so a caller need not copy its arguments' types.
    pub fn accepts_with<'t>(
        &self,
        len: usize,
        ty: impl Fn(usize) -> &'t Type,
        constant: impl Fn(usize) -> Option<&'t str>,
    ) -> bool {
        let mut i = 0;
        for p in &self.params {
            match p {
                Param::Variadic(pats) => {
                    return (i.min(len)..len).all(|j| pats.iter().any(|x| x.matches(ty(j))));
                }
                Param::Types(pats) => {
                    if i >= len {
                        return false;
                    }
                    let t = ty(i);
                    if !pats.iter().any(|x| x.matches(t)) {
                        return false;
                    }
                }
                Param::Consts(values) => {
                    let Some(c) = (if i < len { constant(i) } else { None }) else {
                        return false;
                    };
                    if !values.iter().any(|v| v.eq_ignore_ascii_case(c)) {
                        return false;
                    }
                }
            }
            i += 1;
        }
        i == len
    }

    /// The result type for these argument types (`None` if the rule states none, or an
    /// argument type it refers to is not known).
    pub fn result_type(&self, args: &[Type]) -> Option<Type> {
        let text = self.returns.as_ref()?;
        let filled = fill_type_holes(text, args)?;
        t2s_ir::parse_type(&filled).ok()
    }

    /// A readable signature: `date_add('day', integral, date)`.
    pub fn signature(&self) -> String {
        let ps: Vec<String> = self
            .params
            .iter()
            .map(|p| match p {
                Param::Types(t) => t
                    .iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join("|"),
                Param::Consts(c) => c
                    .iter()
                    .map(|x| format!("'{x}'"))
                    .collect::<Vec<_>>()
                    .join("|"),
                Param::Variadic(t) => format!(
                    "{}...",
                    t.iter()
                        .map(|x| x.to_string())
                        .collect::<Vec<_>>()
                        .join("|")
                ),
            })
            .collect();
        format!("{}({})", self.name, ps.join(", "))
    }
}

/// `type decimal(p, s) = "DECIMAL({p},{s})"`
#[derive(Debug, Clone, PartialEq)]
pub struct TypeRule {
    pub name: String,
    pub params: Vec<String>,
    pub arms: Vec<Arm>,
    pub file: String,
    pub line: u32,
}

#[derive(Debug, Clone)]
pub struct MappingFile {
    pub path: String,
    pub rules: Vec<Rule>,
    pub types: Vec<TypeRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Exact,
    Conditional,
    Approximate,
    NonMappable,
    Unmapped,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Exact => "exact",
            Status::Conditional => "conditional",
            Status::Approximate => "approximate",
            Status::NonMappable => "non_mappable",
            Status::Unmapped => "unmapped",
        }
    }
}

/// One line of `trino2spark functions`.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub spark: String,
    pub reason: String,
    /// Where the rules are (`file:line`).
    pub rules: Vec<String>,
}

/// Replaces `{i}`, `{i}.element`, `{i}.key`, `{i}.value` in a result type text by the
/// argument types.
pub fn fill_type_holes(text: &str, args: &[Type]) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}')? + open;
        let i: usize = rest[open + 1..close].trim().parse().ok()?;
        let mut t = args.get(i)?.clone();
        let mut after = &rest[close + 1..];
        for (suffix, pick) in [(".element", 0), (".key", 1), (".value", 2)] {
            if let Some(a) = after.strip_prefix(suffix) {
                t = match (pick, t) {
                    (0, Type::Array { element }) => *element,
                    (1, Type::Map { key, .. }) => *key,
                    (2, Type::Map { value, .. }) => *value,
                    _ => return None,
                };
                after = a;
                break;
            }
        }
        if t.is_unknown() {
            return None;
        }
        out.push_str(&t.to_string());
        rest = after;
    }
    out.push_str(rest);
    Some(out)
}
