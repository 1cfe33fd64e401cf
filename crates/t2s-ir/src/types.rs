//! Trino's type system, as the IR carries it. Every expression has one of these.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A Trino type. Names and parameters follow Trino (`varchar(25)`, `decimal(12,2)`,
/// `timestamp(3) with time zone`, `row(a bigint, b varchar)`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Type {
    /// The type of a bare `NULL`: coerces to anything.
    Unknown,
    Boolean,
    TinyInt,
    SmallInt,
    Integer,
    BigInt,
    Real,
    Double,
    Decimal {
        precision: u8,
        scale: u8,
    },
    /// `varchar` (unbounded) or `varchar(n)`.
    Varchar {
        length: Option<u32>,
    },
    Char {
        length: u32,
    },
    Varbinary,
    Json,
    Uuid,
    Date,
    Time {
        precision: u8,
    },
    Timestamp {
        precision: u8,
    },
    TimestampTz {
        precision: u8,
    },
    IntervalYearMonth,
    IntervalDaySecond,
    Array {
        element: Box<Type>,
    },
    Map {
        key: Box<Type>,
        value: Box<Type>,
    },
    Row {
        fields: Vec<RowField>,
    },
    /// A function type, for lambda parameters while inferring.
    Function {
        params: Vec<Type>,
        ret: Box<Type>,
    },
    /// A type Trino has that this IR does not model (ipaddress, HyperLogLog, …), kept by name.
    Opaque {
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RowField {
    pub name: Option<String>,
    pub ty: Type,
}

impl Type {
    pub const VARCHAR: Type = Type::Varchar { length: None };

    pub fn decimal(precision: u8, scale: u8) -> Type {
        Type::Decimal { precision, scale }
    }
    pub fn array(element: Type) -> Type {
        Type::Array {
            element: Box::new(element),
        }
    }
    pub fn map(key: Type, value: Type) -> Type {
        Type::Map {
            key: Box::new(key),
            value: Box::new(value),
        }
    }

    /// `self == other`, deciding inline the common cases (different kinds; the same kind
    /// without parameters) and calling the derived comparison only for parameterized kinds.
    #[inline]
    pub fn same(&self, other: &Type) -> bool {
        use Type::*;
        if std::mem::discriminant(self) != std::mem::discriminant(other) {
            return false;
        }
        match self {
            Unknown | Boolean | TinyInt | SmallInt | Integer | BigInt | Real | Double
            | Varbinary | Json | Uuid | Date | IntervalYearMonth | IntervalDaySecond => true,
            _ => self == other,
        }
    }

    pub fn is_integral(&self) -> bool {
        matches!(
            self,
            Type::TinyInt | Type::SmallInt | Type::Integer | Type::BigInt
        )
    }
    pub fn is_decimal(&self) -> bool {
        matches!(self, Type::Decimal { .. })
    }
    pub fn is_floating(&self) -> bool {
        matches!(self, Type::Real | Type::Double)
    }
    pub fn is_numeric(&self) -> bool {
        self.is_integral() || self.is_decimal() || self.is_floating()
    }
    pub fn is_string(&self) -> bool {
        matches!(self, Type::Varchar { .. } | Type::Char { .. })
    }
    pub fn is_unknown(&self) -> bool {
        matches!(self, Type::Unknown)
    }
    pub fn is_datetime(&self) -> bool {
        matches!(
            self,
            Type::Date | Type::Time { .. } | Type::Timestamp { .. } | Type::TimestampTz { .. }
        )
    }
    pub fn is_interval(&self) -> bool {
        matches!(self, Type::IntervalDaySecond | Type::IntervalYearMonth)
    }

    /// Rank of an integral type (tinyint < smallint < integer < bigint).
    fn int_rank(&self) -> Option<u8> {
        match self {
            Type::TinyInt => Some(1),
            Type::SmallInt => Some(2),
            Type::Integer => Some(3),
            Type::BigInt => Some(4),
            _ => None,
        }
    }

    /// The decimal type an integral type widens to (Trino: tinyint→decimal(3,0) … bigint→decimal(19,0)).
    pub fn as_decimal(&self) -> Option<(u8, u8)> {
        match self {
            Type::TinyInt => Some((3, 0)),
            Type::SmallInt => Some((5, 0)),
            Type::Integer => Some((10, 0)),
            Type::BigInt => Some((19, 0)),
            Type::Decimal { precision, scale } => Some((*precision, *scale)),
            _ => None,
        }
    }

    /// Trino's common super type of two types (implicit coercion), if one exists.
    pub fn common_super_type(a: &Type, b: &Type) -> Option<Type> {
        use Type::*;
        if a.same(b) {
            return Some(a.clone());
        }
        match (a, b) {
            (Unknown, t) | (t, Unknown) => Some(t.clone()),
            _ if a.int_rank().is_some() && b.int_rank().is_some() => {
                Some(if a.int_rank() > b.int_rank() {
                    a.clone()
                } else {
                    b.clone()
                })
            }
            (Double, t) | (t, Double) if t.is_numeric() => Some(Double),
            (Real, t) | (t, Real) if t.is_integral() || t.is_decimal() => Some(Real),
            _ if a.as_decimal().is_some() && b.as_decimal().is_some() => {
                let (p1, s1) = a.as_decimal()?;
                let (p2, s2) = b.as_decimal()?;
                let s = s1.max(s2);
                let int = (p1 - s1).max(p2 - s2);
                Some(Type::decimal((int + s).min(38), s))
            }
            (Varchar { length: l1 }, Varchar { length: l2 }) => Some(Varchar {
                length: match (l1, l2) {
                    (Some(x), Some(y)) => Some(*x.max(y)),
                    _ => None,
                },
            }),
            (Char { length: l1 }, Char { length: l2 }) => Some(Char {
                length: *l1.max(l2),
            }),
            (Char { length: c }, Varchar { length: v })
            | (Varchar { length: v }, Char { length: c }) => {
                // Trino coerces char(n) with varchar(m) to char(max(n, m)); unbounded varchar wins as varchar.
                match v {
                    Some(v) => Some(Char {
                        length: (*c).max(*v),
                    }),
                    None => Some(Varchar { length: None }),
                }
            }
            (Timestamp { precision: p1 }, Timestamp { precision: p2 }) => Some(Timestamp {
                precision: *p1.max(p2),
            }),
            (TimestampTz { precision: p1 }, TimestampTz { precision: p2 }) => Some(TimestampTz {
                precision: *p1.max(p2),
            }),
            (Date, Timestamp { precision }) | (Timestamp { precision }, Date) => Some(Timestamp {
                precision: *precision,
            }),
            (Date, TimestampTz { precision }) | (TimestampTz { precision }, Date) => {
                Some(TimestampTz {
                    precision: *precision,
                })
            }
            (Timestamp { precision: p1 }, TimestampTz { precision: p2 })
            | (TimestampTz { precision: p2 }, Timestamp { precision: p1 }) => Some(TimestampTz {
                precision: *p1.max(p2),
            }),
            (Array { element: x }, Array { element: y }) => {
                Some(Type::array(Type::common_super_type(x, y)?))
            }
            (Map { key: k1, value: v1 }, Map { key: k2, value: v2 }) => Some(Type::map(
                Type::common_super_type(k1, k2)?,
                Type::common_super_type(v1, v2)?,
            )),
            (Row { fields: f1 }, Row { fields: f2 }) if f1.len() == f2.len() => {
                let fields = f1
                    .iter()
                    .zip(f2)
                    .map(|(x, y)| {
                        Some(RowField {
                            name: x.name.clone().or_else(|| y.name.clone()),
                            ty: Type::common_super_type(&x.ty, &y.ty)?,
                        })
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some(Row { fields })
            }
            _ => None,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Unknown => write!(f, "unknown"),
            Type::Boolean => write!(f, "boolean"),
            Type::TinyInt => write!(f, "tinyint"),
            Type::SmallInt => write!(f, "smallint"),
            Type::Integer => write!(f, "integer"),
            Type::BigInt => write!(f, "bigint"),
            Type::Real => write!(f, "real"),
            Type::Double => write!(f, "double"),
            Type::Decimal { precision, scale } => write!(f, "decimal({precision},{scale})"),
            Type::Varchar { length: None } => write!(f, "varchar"),
            Type::Varchar { length: Some(n) } => write!(f, "varchar({n})"),
            Type::Char { length } => write!(f, "char({length})"),
            Type::Varbinary => write!(f, "varbinary"),
            Type::Json => write!(f, "json"),
            Type::Uuid => write!(f, "uuid"),
            Type::Date => write!(f, "date"),
            Type::Time { precision } => write!(f, "time({precision})"),
            Type::Timestamp { precision } => write!(f, "timestamp({precision})"),
            Type::TimestampTz { precision } => write!(f, "timestamp({precision}) with time zone"),
            Type::IntervalYearMonth => write!(f, "interval year to month"),
            Type::IntervalDaySecond => write!(f, "interval day to second"),
            Type::Array { element } => write!(f, "array({element})"),
            Type::Map { key, value } => write!(f, "map({key}, {value})"),
            Type::Row { fields } => {
                write!(f, "row(")?;
                for (i, fl) in fields.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    match &fl.name {
                        Some(n) => write!(f, "{n} {}", fl.ty)?,
                        None => write!(f, "{}", fl.ty)?,
                    }
                }
                write!(f, ")")
            }
            Type::Function { params, ret } => {
                write!(f, "function(")?;
                for (i, p) in params.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{p}")?;
                }
                write!(f, ") -> {ret}")
            }
            Type::Opaque { name } => write!(f, "{name}"),
        }
    }
}

/// Parses a Trino type name: `bigint`, `decimal(12,2)`, `varchar(25)`, `char(1)`,
/// `timestamp(3) with time zone`, `array(row(a bigint, b varchar))`, `map(varchar, double)`.
pub fn parse_type(text: &str) -> Result<Type, String> {
    let mut p = TypeParser {
        s: text.as_bytes(),
        pos: 0,
    };
    let t = p.ty()?;
    p.ws();
    if p.pos != p.s.len() {
        return Err(format!("unexpected `{}`", &text[p.pos..]));
    }
    Ok(t)
}

struct TypeParser<'a> {
    s: &'a [u8],
    pos: usize,
}

impl TypeParser<'_> {
    fn ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }
    fn word(&mut self) -> String {
        self.ws();
        let start = self.pos;
        while self.pos < self.s.len()
            && (self.s[self.pos].is_ascii_alphanumeric() || self.s[self.pos] == b'_')
        {
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.s[start..self.pos]).to_lowercase()
    }
    fn peek_word(&mut self) -> String {
        let save = self.pos;
        let w = self.word();
        self.pos = save;
        w
    }
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.pos < self.s.len() && self.s[self.pos] == c {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, c: u8) -> Result<(), String> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(format!("expected `{}`", c as char))
        }
    }
    fn number(&mut self) -> Result<u32, String> {
        let w = self.word();
        w.parse::<u32>()
            .map_err(|_| format!("expected a number, found `{w}`"))
    }
    fn params(&mut self) -> Result<Vec<u32>, String> {
        let mut v = Vec::new();
        if self.eat(b'(') {
            loop {
                v.push(self.number()?);
                if self.eat(b')') {
                    break;
                }
                self.expect(b',')?;
            }
        }
        Ok(v)
    }
    fn ty(&mut self) -> Result<Type, String> {
        let w = self.word();
        let t = match w.as_str() {
            "boolean" => Type::Boolean,
            "tinyint" => Type::TinyInt,
            "smallint" => Type::SmallInt,
            "integer" | "int" => Type::Integer,
            "bigint" => Type::BigInt,
            "real" => Type::Real,
            "double" => {
                if self.peek_word() == "precision" {
                    self.word();
                }
                Type::Double
            }
            "decimal" | "numeric" => {
                let p = self.params()?;
                let (prec, scale) = match p.as_slice() {
                    [] => (38, 0),
                    [p] => (*p, 0),
                    [p, s] => (*p, *s),
                    _ => return Err("decimal takes at most two parameters".into()),
                };
                if prec == 0 || prec > 38 || scale > prec {
                    return Err(format!("invalid decimal({prec},{scale})"));
                }
                Type::decimal(prec as u8, scale as u8)
            }
            "varchar" => Type::Varchar {
                length: self.params()?.first().copied(),
            },
            "char" => Type::Char {
                length: self.params()?.first().copied().unwrap_or(1),
            },
            "varbinary" => Type::Varbinary,
            "json" => Type::Json,
            "uuid" => Type::Uuid,
            "date" => Type::Date,
            "time" | "timestamp" => {
                let p = self.params()?.first().copied().unwrap_or(3) as u8;
                let with_tz = if self.peek_word() == "with" {
                    self.word();
                    let a = self.word();
                    let b = self.word();
                    if a != "time" || b != "zone" {
                        return Err("expected WITH TIME ZONE".into());
                    }
                    true
                } else {
                    if self.peek_word() == "without" {
                        self.word();
                        self.word();
                        self.word();
                    }
                    false
                };
                match (w.as_str(), with_tz) {
                    ("time", _) => Type::Time { precision: p },
                    (_, true) => Type::TimestampTz { precision: p },
                    _ => Type::Timestamp { precision: p },
                }
            }
            "interval" => {
                let a = self.word();
                let _to = self.word();
                let _b = self.word();
                if a == "year" {
                    Type::IntervalYearMonth
                } else {
                    Type::IntervalDaySecond
                }
            }
            "array" => {
                self.expect(b'(')?;
                let e = self.ty()?;
                self.expect(b')')?;
                Type::array(e)
            }
            "map" => {
                self.expect(b'(')?;
                let k = self.ty()?;
                self.expect(b',')?;
                let v = self.ty()?;
                self.expect(b')')?;
                Type::map(k, v)
            }
            "row" => {
                self.expect(b'(')?;
                let mut fields = Vec::new();
                loop {
                    // `name type` or just `type`.
                    let save = self.pos;
                    let first = self.word();
                    let second = self.peek_word();
                    let named = !second.is_empty()
                        && !matches!(first.as_str(), "double" | "timestamp" | "time" | "interval")
                        || (first == "double" && second != "precision" && !second.is_empty());
                    let field = if named {
                        RowField {
                            name: Some(first),
                            ty: self.ty()?,
                        }
                    } else {
                        self.pos = save;
                        RowField {
                            name: None,
                            ty: self.ty()?,
                        }
                    };
                    fields.push(field);
                    if self.eat(b')') {
                        break;
                    }
                    self.expect(b',')?;
                }
                Type::Row { fields }
            }
            "" => return Err("expected a type name".into()),
            other => {
                // Keep parameters of opaque types out of the way.
                let _ = self.params();
                Type::Opaque {
                    name: other.to_string(),
                }
            }
        };
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_agrees_with_eq() {
        let types = [
            Type::Unknown,
            Type::Boolean,
            Type::Integer,
            Type::BigInt,
            Type::Double,
            Type::decimal(12, 2),
            Type::decimal(12, 3),
            Type::VARCHAR,
            Type::Varchar { length: Some(25) },
            Type::Char { length: 1 },
            Type::Date,
            Type::Timestamp { precision: 3 },
            Type::TimestampTz { precision: 3 },
            Type::IntervalDaySecond,
            Type::array(Type::Integer),
            Type::array(Type::BigInt),
            Type::map(Type::VARCHAR, Type::Double),
            Type::Opaque {
                name: "ipaddress".into(),
            },
        ];
        for a in &types {
            for b in &types {
                assert_eq!(a.same(b), a == b, "{a} vs {b}");
            }
        }
    }

    #[test]
    fn super_type_of_integer_and_decimal_widens_integer_digits() {
        assert_eq!(
            Type::common_super_type(&Type::Integer, &Type::decimal(12, 2)),
            Some(Type::decimal(12, 2))
        );
        assert_eq!(
            Type::common_super_type(&Type::BigInt, &Type::decimal(7, 2)),
            Some(Type::decimal(21, 2))
        );
        assert_eq!(
            Type::common_super_type(&Type::Integer, &Type::VARCHAR),
            None
        );
    }

    #[test]
    fn display_is_trino_spelling() {
        let t = Type::Row {
            fields: vec![
                RowField {
                    name: Some("a".into()),
                    ty: Type::BigInt,
                },
                RowField {
                    name: None,
                    ty: Type::array(Type::decimal(10, 2)),
                },
            ],
        };
        assert_eq!(t.to_string(), "row(a bigint, array(decimal(10,2)))");
    }
}
