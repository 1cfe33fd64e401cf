//! Trino function signatures: which names are aggregates / window functions, and the Trino
//! result type of a call given its argument types. A function this table does not know gets
//! `None` (the caller records the assumption); whether a function can be *translated* is
//! decided by the rewrite crate, not here.

use t2s_ir::Type;

pub fn is_aggregate(name: &str) -> bool {
    matches!(
        name,
        "count"
            | "sum"
            | "avg"
            | "min"
            | "max"
            | "stddev"
            | "stddev_samp"
            | "stddev_pop"
            | "variance"
            | "var_samp"
            | "var_pop"
            | "count_if"
            | "bool_and"
            | "bool_or"
            | "every"
            | "array_agg"
            | "approx_distinct"
            | "approx_percentile"
            | "arbitrary"
            | "any_value"
            | "max_by"
            | "min_by"
            | "corr"
            | "covar_samp"
            | "covar_pop"
            | "regr_slope"
            | "regr_intercept"
            | "geometric_mean"
            | "kurtosis"
            | "skewness"
            | "listagg"
            | "map_agg"
            | "multimap_agg"
            | "histogram"
            | "bitwise_and_agg"
            | "bitwise_or_agg"
            | "bitwise_xor_agg"
            | "checksum"
            | "approx_most_frequent"
            | "map_union"
            | "numeric_histogram"
            | "set_agg"
            | "set_union"
    )
}

pub fn is_window_only(name: &str) -> bool {
    matches!(
        name,
        "rank"
            | "dense_rank"
            | "row_number"
            | "percent_rank"
            | "cume_dist"
            | "ntile"
            | "lag"
            | "lead"
            | "first_value"
            | "last_value"
            | "nth_value"
    )
}

fn bigint_or_same_integral(t: &Type) -> Type {
    if t.is_integral() {
        Type::BigInt
    } else {
        t.clone()
    }
}

/// Result type of aggregate `name` over `args`.
pub fn aggregate_type(name: &str, args: &[Type]) -> Option<Type> {
    let a0 = args.first();
    Some(match name {
        "count" | "count_if" | "approx_distinct" => Type::BigInt,
        "sum" => match a0? {
            Type::Decimal { scale, .. } => Type::decimal(38, *scale),
            Type::Unknown => Type::Unknown,
            t => bigint_or_same_integral(t),
        },
        "avg" => match a0? {
            t if t.is_integral() => Type::Double,
            Type::Decimal { .. }
            | Type::Real
            | Type::Double
            | Type::IntervalDaySecond
            | Type::IntervalYearMonth => a0?.clone(),
            _ => Type::Double,
        },
        "min" | "max" | "arbitrary" | "any_value" => a0?.clone(),
        "max_by" | "min_by" => {
            if args.len() == 3 {
                Type::array(a0?.clone())
            } else {
                a0?.clone()
            }
        }
        "stddev" | "stddev_samp" | "stddev_pop" | "variance" | "var_samp" | "var_pop" | "corr"
        | "covar_samp" | "covar_pop" | "regr_slope" | "regr_intercept" | "geometric_mean"
        | "kurtosis" | "skewness" => {
            if matches!(a0, Some(Type::Real)) {
                Type::Real
            } else {
                Type::Double
            }
        }
        "bool_and" | "bool_or" | "every" => Type::Boolean,
        "array_agg" => Type::array(a0?.clone()),
        "approx_percentile" => {
            let v = a0?.clone();
            match args.last() {
                Some(Type::Array { .. }) => Type::array(v),
                _ => v,
            }
        }
        "listagg" => Type::VARCHAR,
        "map_agg" => Type::map(a0?.clone(), args.get(1)?.clone()),
        "multimap_agg" => Type::map(a0?.clone(), Type::array(args.get(1)?.clone())),
        "histogram" => Type::map(a0?.clone(), Type::BigInt),
        "bitwise_and_agg" | "bitwise_or_agg" | "bitwise_xor_agg" => Type::BigInt,
        "checksum" => Type::Varbinary,
        _ => return None,
    })
}

/// Result type of window-only function `name`.
pub fn window_type(name: &str, args: &[Type]) -> Option<Type> {
    Some(match name {
        "rank" | "dense_rank" | "row_number" | "ntile" => Type::BigInt,
        "percent_rank" | "cume_dist" => Type::Double,
        "lag" | "lead" | "first_value" | "last_value" | "nth_value" => args.first()?.clone(),
        _ => return None,
    })
}

fn common(args: &[Type]) -> Option<Type> {
    let mut t = Type::Unknown;
    for a in args {
        t = Type::common_super_type(&t, a)?;
    }
    Some(t)
}

fn varchar_of(t: Option<&Type>) -> Type {
    match t {
        Some(Type::Varchar { length }) => Type::Varchar { length: *length },
        Some(Type::Char { length }) => Type::Varchar {
            length: Some(*length),
        },
        _ => Type::VARCHAR,
    }
}

/// Result type of scalar function `name` over `args`.
pub fn scalar_type(name: &str, args: &[Type]) -> Option<Type> {
    let a0 = args.first();
    Some(match name {
        // conditional
        "coalesce" | "greatest" | "least" => common(args)?,
        "nullif" => a0?.clone(),
        "if" => match args.len() {
            2 => args[1].clone(),
            3 => Type::common_super_type(&args[1], &args[2])?,
            _ => return None,
        },
        // math
        "abs" | "negate" => a0?.clone(),
        "sign" => match a0? {
            Type::Decimal { .. } => Type::decimal(1, 0),
            t => t.clone(),
        },
        "ceil" | "ceiling" | "floor" => match a0? {
            Type::Decimal { precision, scale } => {
                Type::decimal((precision - scale + (*scale).min(1)).max(1), 0)
            }
            t => t.clone(),
        },
        "round" => match (a0?, args.len()) {
            (Type::Decimal { precision, scale }, 1) => {
                Type::decimal((precision - scale + (*scale).min(1)).max(1), 0)
            }
            (Type::Decimal { precision, scale }, _) => {
                Type::decimal((*precision + 1).min(38), *scale)
            }
            (t, _) => t.clone(),
        },
        "truncate" => match a0? {
            Type::Decimal { precision, scale } if args.len() == 1 => {
                Type::decimal((precision - scale).max(1), 0)
            }
            t => t.clone(),
        },
        "mod" => match (a0?, args.get(1)?) {
            (a, b) if a.is_integral() && b.is_integral() => Type::common_super_type(a, b)?,
            (a, b) if a.as_decimal().is_some() && b.as_decimal().is_some() => {
                let (p1, s1) = a.as_decimal()?;
                let (p2, s2) = b.as_decimal()?;
                let s = s1.max(s2);
                Type::decimal(((p1 - s1).min(p2 - s2) + s).min(38), s)
            }
            (a, b) => Type::common_super_type(a, b)?,
        },
        "sqrt" | "cbrt" | "exp" | "ln" | "log2" | "log10" | "log" | "power" | "pow" | "radians"
        | "degrees" | "sin" | "cos" | "tan" | "asin" | "acos" | "atan" | "atan2" | "sinh"
        | "cosh" | "tanh" | "rand" | "random" | "pi" | "e" | "infinity" | "nan"
        | "cosine_similarity" | "to_unixtime" => {
            if matches!(name, "rand" | "random") && !args.is_empty() {
                a0?.clone()
            } else {
                Type::Double
            }
        }
        "is_nan"
        | "is_finite"
        | "is_infinite"
        | "starts_with"
        | "ends_with"
        | "contains"
        | "regexp_like"
        | "json_array_contains"
        | "luhn_check" => Type::Boolean,
        "width_bucket" | "bit_count" | "bitwise_and" | "bitwise_or" | "bitwise_xor"
        | "bitwise_not" | "from_base" | "crc32" | "xxhash64_bigint" => Type::BigInt,
        "to_base" => Type::VARCHAR,
        // string
        "codepoint" => Type::Integer,
        "length"
        | "strpos"
        | "position"
        | "levenshtein_distance"
        | "hamming_distance"
        | "cardinality"
        | "array_position" => Type::BigInt,
        "lower" | "upper" | "trim" | "ltrim" | "rtrim" | "reverse" | "lpad" | "rpad"
        | "replace" | "translate" | "normalize" => match name {
            "lpad" | "rpad" => Type::VARCHAR,
            _ => varchar_of(a0),
        },
        "substr" | "substring" => varchar_of(a0),
        "concat"
        | "concat_ws"
        | "format"
        | "chr"
        | "soundex"
        | "to_hex"
        | "to_base64"
        | "url_encode"
        | "url_decode"
        | "url_extract_host"
        | "url_extract_path"
        | "url_extract_query"
        | "url_extract_fragment"
        | "url_extract_protocol"
        | "url_extract_parameter"
        | "json_format"
        | "json_extract_scalar"
        | "regexp_replace"
        | "regexp_extract"
        | "split_part"
        | "format_datetime"
        | "date_format"
        | "to_iso8601"
        | "array_join"
        | "from_utf8"
        | "md5_hex"
        | "typeof"
        | "current_timezone"
        | "format_number"
        | "word_stem"
        | "title_case" => {
            if name == "concat" && matches!(a0, Some(Type::Array { .. })) {
                a0?.clone()
            } else {
                Type::VARCHAR
            }
        }
        "split" | "regexp_extract_all" | "regexp_split" => Type::array(Type::VARCHAR),
        "split_to_map" => Type::map(Type::VARCHAR, Type::VARCHAR),
        "to_utf8" | "from_hex" | "from_base64" | "md5" | "sha1" | "sha256" | "sha512" => {
            Type::Varbinary
        }
        "url_extract_port" => Type::BigInt,
        // date and time
        "current_date" => Type::Date,
        "current_timestamp" | "now" => Type::TimestampTz { precision: 3 },
        "localtimestamp" => Type::Timestamp { precision: 3 },
        "current_time" => Type::Time { precision: 3 },
        "localtime" => Type::Time { precision: 3 },
        "date" | "last_day_of_month" | "from_iso8601_date" => Type::Date,
        "date_trunc" => args.get(1)?.clone(),
        "date_add" => args.get(2)?.clone(),
        "date_diff" => Type::BigInt,
        "date_parse" | "from_iso8601_timestamp" | "parse_datetime" => {
            if name == "date_parse" {
                Type::Timestamp { precision: 3 }
            } else {
                Type::TimestampTz { precision: 3 }
            }
        }
        "from_unixtime" => Type::TimestampTz { precision: 3 },
        "year" | "quarter" | "month" | "week" | "week_of_year" | "day" | "day_of_month"
        | "day_of_week" | "dow" | "day_of_year" | "doy" | "hour" | "minute" | "second"
        | "millisecond" | "year_of_week" | "yow" => Type::BigInt,
        "with_timezone" | "at_timezone" => Type::TimestampTz { precision: 3 },
        // arrays and maps
        "array_max" | "array_min" | "element_at" => match a0? {
            Type::Array { element } => (**element).clone(),
            Type::Map { value, .. } => (**value).clone(),
            _ => Type::Unknown,
        },
        "array_distinct" | "array_sort" | "array_remove" | "array_except" | "array_intersect"
        | "array_union" | "slice" | "shuffle" | "reverse_array" | "filter" | "trim_array"
        | "array_concat" => a0?.clone(),
        "contains_sequence" | "arrays_overlap" | "all_match" | "any_match" | "none_match" => {
            Type::Boolean
        }
        "sequence" => Type::array(if a0?.is_integral() {
            Type::BigInt
        } else {
            a0?.clone()
        }),
        "repeat" => Type::array(a0?.clone()),
        "flatten" => match a0? {
            Type::Array { element } => (**element).clone(),
            _ => Type::Unknown,
        },
        "map_keys" => match a0? {
            Type::Map { key, .. } => Type::array((**key).clone()),
            _ => Type::Unknown,
        },
        "map_values" => match a0? {
            Type::Map { value, .. } => Type::array((**value).clone()),
            _ => Type::Unknown,
        },
        "map" => match (a0, args.get(1)) {
            (Some(Type::Array { element: k }), Some(Type::Array { element: v })) => {
                Type::map((**k).clone(), (**v).clone())
            }
            (None, None) => Type::map(Type::Unknown, Type::Unknown),
            _ => Type::Unknown,
        },
        "map_concat" => common(args)?,
        "json_extract" | "json_parse" | "json_array_get" => Type::Json,
        "json_array_length" | "json_size" => Type::BigInt,
        "uuid" => Type::Uuid,
        _ => return None,
    })
}
