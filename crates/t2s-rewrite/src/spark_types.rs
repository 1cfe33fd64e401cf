//! Trino type → Spark SQL type spelling, from the `type` rules in `mappings/types.map`
//! (catalog §2).

use crate::{builtin_registry, Target};
use std::fmt::Write as _;
use t2s_ir::Type;
use t2s_mappings::{Action, Condition};

/// The Spark type that holds the same values, or the reason there is none.
pub fn spark_type(t: &Type, target: &Target) -> Result<String, String> {
    let registry =
        builtin_registry().map_err(|e| format!("mapping files failed to load: {}", e[0]))?;
    let (name, p, s): (&str, i64, i64) = match t {
        Type::Boolean => ("boolean", 0, 0),
        Type::TinyInt => ("tinyint", 0, 0),
        Type::SmallInt => ("smallint", 0, 0),
        Type::Integer => ("integer", 0, 0),
        Type::BigInt => ("bigint", 0, 0),
        Type::Real => ("real", 0, 0),
        Type::Double => ("double", 0, 0),
        Type::Decimal { precision, scale } => ("decimal", *precision as i64, *scale as i64),
        Type::Varchar { length } => ("varchar", length.map(i64::from).unwrap_or(0), 0),
        Type::Char { length } => ("char", *length as i64, 0),
        Type::Uuid => ("uuid", 0, 0),
        Type::Json => ("json", 0, 0),
        Type::Varbinary => ("varbinary", 0, 0),
        Type::Date => ("date", 0, 0),
        Type::Timestamp { precision } => ("timestamp", *precision as i64, 0),
        Type::TimestampTz { precision } => ("timestamptz", *precision as i64, 0),
        Type::Time { precision } => ("time", *precision as i64, 0),
        Type::IntervalYearMonth => ("interval_ym", 0, 0),
        Type::IntervalDaySecond => ("interval_ds", 0, 0),
        Type::Array { .. } => ("array", 0, 0),
        Type::Map { .. } => ("map", 0, 0),
        Type::Row { .. } => ("row", 0, 0),
        Type::Unknown => ("unknown", 0, 0),
        Type::Function { .. } => ("function", 0, 0),
        Type::Opaque { .. } => ("opaque", 0, 0),
    };
    let holds = |c: &Condition| match c {
        Condition::Spark(v) => v == target.version.as_str(),
        Condition::Ansi(on) => target.ansi == *on,
        Condition::Param { hole, cmp, value } => {
            t2s_mappings::compare(if hole == "s" { s } else { p }, cmp, *value)
        }
        Condition::Const(_) | Condition::NonConst(_) => false,
    };
    let arm = registry
        .type_rules_for(name)
        .flat_map(|r| r.arms.iter())
        .find(|a| a.conditions.iter().all(holds))
        .ok_or_else(|| format!("no type rule for {name} in mappings/types.map"))?;
    let template = match &arm.action {
        Action::Template(x) => x,
        Action::NonMappable(why) => {
            return Err(match t {
                Type::Opaque { name } => format!("Trino type {name}: {why}"),
                _ => why.clone(),
            })
        }
        other => {
            return Err(format!(
                "type rule for {name} has an unsupported action {other:?}"
            ))
        }
    };
    if !template.contains('{') {
        return Ok(template.clone());
    }
    let mut out = fill_precision_scale(template, p, s);
    {
        match t {
            Type::Array { element } => out = out.replace("{e}", &spark_type(element, target)?),
            Type::Map { key, value } => {
                out = out
                    .replace("{k}", &spark_type(key, target)?)
                    .replace("{v}", &spark_type(value, target)?);
            }
            Type::Row { fields } => {
                let parts = fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let name = f.name.clone().unwrap_or_else(|| format!("col{}", i + 1));
                        Ok(format!(
                            "`{}`: {}",
                            name.replace('`', "``"),
                            spark_type(&f.ty, target)?
                        ))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                out = out.replace("{fields}", &parts.join(", "));
            }
            _ => {}
        }
    }
    Ok(out)
}

/// `template` with each `{p}` replaced by `p` and each `{s}` by `s`, in one pass (as
/// `.replace("{p}", …).replace("{s}", …)`: the two holes cannot overlap, and the digits put
/// in make no new hole).
fn fill_precision_scale(template: &str, p: i64, s: i64) -> String {
    let mut out = String::with_capacity(template.len() + 4);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let hole = &rest[i..];
        let value = if hole.starts_with("{p}") {
            Some(p)
        } else if hole.starts_with("{s}") {
            Some(s)
        } else {
            None
        };
        match value {
            Some(v) => {
                let _ = write!(out, "{v}");
                rest = &hole[3..];
            }
            None => {
                out.push('{');
                rest = &hole[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SparkVersion;

    #[test]
    fn precision_and_scale_fill_as_replace_does() {
        for t in [
            "DECIMAL({p},{s})",
            "x{p}{s}{p}",
            "{e}{p",
            "{{p}}",
            "{s}{",
            "plain",
            "{fields}",
        ] {
            assert_eq!(
                fill_precision_scale(t, 38, -2),
                t.replace("{p}", "38").replace("{s}", "-2"),
                "{t}"
            );
        }
    }

    #[test]
    fn types_follow_the_type_rules() {
        let t4 = Target {
            version: SparkVersion::V4,
            ansi: true,
        };
        let t35 = Target {
            version: SparkVersion::V3_5,
            ansi: false,
        };
        assert_eq!(
            spark_type(&Type::decimal(12, 2), &t4).unwrap(),
            "DECIMAL(12,2)"
        );
        assert_eq!(
            spark_type(&Type::map(Type::VARCHAR, Type::array(Type::Integer)), &t4).unwrap(),
            "MAP<STRING, ARRAY<INT>>"
        );
        assert_eq!(
            spark_type(&Type::Timestamp { precision: 3 }, &t4).unwrap(),
            "TIMESTAMP_NTZ"
        );
        assert!(spark_type(&Type::Timestamp { precision: 9 }, &t4)
            .unwrap_err()
            .contains("microseconds"));
        assert!(spark_type(&Type::Time { precision: 3 }, &t35)
            .unwrap_err()
            .contains("3.5"));
        assert!(spark_type(&Type::Time { precision: 3 }, &t4)
            .unwrap_err()
            .contains("Spark 4"));
        assert!(spark_type(
            &Type::Opaque {
                name: "hyperloglog".into()
            },
            &t4
        )
        .unwrap_err()
        .contains("hyperloglog"));
        let row = Type::Row {
            fields: vec![
                t2s_ir::RowField {
                    name: Some("a".into()),
                    ty: Type::BigInt,
                },
                t2s_ir::RowField {
                    name: None,
                    ty: Type::Double,
                },
            ],
        };
        assert_eq!(
            spark_type(&row, &t4).unwrap(),
            "STRUCT<`a`: BIGINT, `col2`: DOUBLE>"
        );
    }
}
