//! sqlparser `DataType` (as the Trino dialect produces it) → Trino [`Type`], and literal typing.

use sqlparser::ast::{ArrayElemTypeDef, DataType, ExactNumberInfo, TimezoneInfo};
use t2s_ir::{RowField, Type};

/// Converts a parsed type to a Trino type. Unknown names become `Type::Opaque`.
pub fn lower_data_type(dt: &DataType) -> Result<Type, String> {
    use DataType as D;
    Ok(match dt {
        D::Boolean | D::Bool => Type::Boolean,
        D::TinyInt(_) => Type::TinyInt,
        D::SmallInt(_) => Type::SmallInt,
        D::Int(_) | D::Integer(_) => Type::Integer,
        D::BigInt(_) => Type::BigInt,
        D::Real | D::Float4 => Type::Real,
        D::Float(_) => Type::Real,
        D::Double(_) | D::DoublePrecision | D::Float8 => Type::Double,
        D::Decimal(info) | D::Numeric(info) | D::Dec(info) => match info {
            ExactNumberInfo::None => Type::decimal(38, 0),
            ExactNumberInfo::Precision(p) => Type::decimal(check_precision(*p)?, 0),
            ExactNumberInfo::PrecisionAndScale(p, s) => {
                let p = check_precision(*p)?;
                let s = u8::try_from(*s).map_err(|_| "decimal scale out of range".to_string())?;
                if s > p {
                    return Err(format!("decimal scale {s} exceeds precision {p}"));
                }
                Type::decimal(p, s)
            }
        },
        D::Varchar(len) | D::CharacterVarying(len) | D::CharVarying(len) => Type::Varchar {
            length: len.as_ref().and_then(|l| match l {
                sqlparser::ast::CharacterLength::IntegerLength { length, .. } => {
                    u32::try_from(*length).ok()
                }
                sqlparser::ast::CharacterLength::Max => None,
            }),
        },
        D::String(_) | D::Text => Type::VARCHAR,
        D::Char(len) | D::Character(len) => Type::Char {
            length: len
                .as_ref()
                .and_then(|l| match l {
                    sqlparser::ast::CharacterLength::IntegerLength { length, .. } => {
                        u32::try_from(*length).ok()
                    }
                    sqlparser::ast::CharacterLength::Max => None,
                })
                .unwrap_or(1),
        },
        D::Varbinary(_) | D::Binary(_) | D::Bytea | D::Blob(_) => Type::Varbinary,
        D::JSON => Type::Json,
        D::Uuid => Type::Uuid,
        D::Date => Type::Date,
        D::Time(p, _) => Type::Time {
            precision: p.map(|p| p as u8).unwrap_or(3),
        },
        D::Timestamp(p, tz) => {
            let precision = p.map(|p| p.min(12) as u8).unwrap_or(3);
            match tz {
                TimezoneInfo::WithTimeZone | TimezoneInfo::Tz => Type::TimestampTz { precision },
                _ => Type::Timestamp { precision },
            }
        }
        D::Interval { fields, .. } => {
            let text = fields
                .as_ref()
                .map(|f| f.to_string().to_lowercase())
                .unwrap_or_default();
            if text.starts_with("year") || text.starts_with("month") {
                Type::IntervalYearMonth
            } else {
                Type::IntervalDaySecond
            }
        }
        D::Array(elem) => match elem {
            ArrayElemTypeDef::Parenthesis(t)
            | ArrayElemTypeDef::AngleBracket(t)
            | ArrayElemTypeDef::SquareBracket(t, _) => Type::array(lower_data_type(t)?),
            ArrayElemTypeDef::None | ArrayElemTypeDef::Qualified(..) => {
                return Err("ARRAY needs an element type".into())
            }
        },
        D::Map(k, v, _) => Type::map(lower_data_type(k)?, lower_data_type(v)?),
        D::Struct(fields, _) => Type::Row {
            fields: fields
                .iter()
                .map(|f| {
                    Ok(RowField {
                        name: f.field_name.as_ref().map(|n| n.value.to_lowercase()),
                        ty: lower_data_type(&f.field_type)?,
                    })
                })
                .collect::<Result<Vec<_>, String>>()?,
        },
        D::Custom(name, params) => {
            // The dialect keeps Trino-only names here; give them a second chance through the
            // catalog's type reader (which knows e.g. `varbinary`, `ipaddress`).
            let text = if params.is_empty() {
                name.to_string()
            } else {
                format!("{}({})", name, params.join(","))
            };
            crate::catalog::parse_type(&text.replace('"', "")).unwrap_or(Type::Opaque {
                name: text.to_lowercase(),
            })
        }
        other => {
            let text = other.to_string();
            crate::catalog::parse_type(&text)
                .map_err(|_| format!("type `{text}` is not a Trino type"))?
        }
    })
}

fn check_precision(p: u64) -> Result<u8, String> {
    if (1..=38).contains(&p) {
        Ok(p as u8)
    } else {
        Err(format!("decimal precision {p} is out of range 1..38"))
    }
}

/// Trino's type of an exact decimal literal text (`1.50` → decimal(3,2), `.5` → decimal(1,1)).
pub fn decimal_literal_type(text: &str) -> Option<(u8, u8, String)> {
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let int_trim = int.trim_start_matches('0');
    let scale = frac.len();
    let precision = (int_trim.len() + scale).max(1).max(scale);
    if precision > 38 {
        return None;
    }
    let canonical = format!(
        "{}{}{}{}",
        if neg { "-" } else { "" },
        if int_trim.is_empty() { "0" } else { int_trim },
        if scale > 0 { "." } else { "" },
        frac
    );
    Some((precision as u8, scale as u8, canonical))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_literals_get_trino_precision_and_scale() {
        assert_eq!(decimal_literal_type("1.50"), Some((3, 2, "1.50".into())));
        assert_eq!(decimal_literal_type(".5"), Some((1, 1, "0.5".into())));
        assert_eq!(decimal_literal_type("0.06"), Some((2, 2, "0.06".into())));
        assert_eq!(decimal_literal_type("10"), Some((2, 0, "10".into())));
        assert_eq!(
            decimal_literal_type("-007.25"),
            Some((3, 2, "-7.25".into()))
        );
        assert_eq!(decimal_literal_type("1e3"), None);
    }
}
