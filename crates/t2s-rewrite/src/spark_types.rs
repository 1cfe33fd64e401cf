//! Trino type → Spark SQL type spelling (catalog §2).

use crate::{SparkVersion, Target};
use t2s_ir::Type;

/// The Spark type that holds the same values, or the reason there is none.
pub fn spark_type(t: &Type, target: &Target) -> Result<String, String> {
    Ok(match t {
        Type::Boolean => "BOOLEAN".into(),
        Type::TinyInt => "TINYINT".into(),
        Type::SmallInt => "SMALLINT".into(),
        Type::Integer => "INT".into(),
        Type::BigInt => "BIGINT".into(),
        Type::Real => "FLOAT".into(),
        Type::Double => "DOUBLE".into(),
        Type::Decimal { precision, scale } => format!("DECIMAL({precision},{scale})"),
        Type::Varchar { .. } | Type::Char { .. } | Type::Uuid => "STRING".into(),
        Type::Json => return Err("Trino's JSON type has no Spark counterpart (Spark keeps JSON as STRING text)".into()),
        Type::Varbinary => "BINARY".into(),
        Type::Date => "DATE".into(),
        Type::Timestamp { precision } => {
            if *precision > 6 {
                return Err(format!("timestamp({precision}) keeps more than microseconds; Spark timestamps stop at 6 digits"));
            }
            "TIMESTAMP_NTZ".into()
        }
        Type::TimestampTz { precision } => {
            if *precision > 6 {
                return Err(format!("timestamp({precision}) with time zone keeps more than microseconds"));
            }
            "TIMESTAMP".into()
        }
        Type::Time { .. } => {
            return Err(match target.version {
                SparkVersion::V3_5 => "Spark 3.5 has no TIME type".into(),
                SparkVersion::V4 => "Spark 4 has no usable TIME type (literals only, no CAST or arithmetic)".into(),
            })
        }
        Type::IntervalYearMonth => "INTERVAL YEAR TO MONTH".into(),
        Type::IntervalDaySecond => "INTERVAL DAY TO SECOND".into(),
        Type::Array { element } => format!("ARRAY<{}>", spark_type(element, target)?),
        Type::Map { key, value } => format!("MAP<{}, {}>", spark_type(key, target)?, spark_type(value, target)?),
        Type::Row { fields } => {
            let parts = fields
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let name = f.name.clone().unwrap_or_else(|| format!("col{}", i + 1));
                    Ok(format!("`{}`: {}", name.replace('`', "``"), spark_type(&f.ty, target)?))
                })
                .collect::<Result<Vec<_>, String>>()?;
            format!("STRUCT<{}>", parts.join(", "))
        }
        Type::Unknown => return Err("the type is unknown".into()),
        Type::Function { .. } => return Err("a function type has no Spark spelling".into()),
        Type::Opaque { name } => return Err(format!("Trino type {name} has no Spark counterpart")),
    })
}
