//! The JSON contract shared by `trino2spark transpile --format json`, the Python package
//! (`Translation.to_json()`) and other callers: exactly one object per input,
//!
//! ```json
//! {"status": "ok"|"flagged"|"error", "spark_sql": "...", "spark_conf": {...},
//!  "setup": [...], "diagnostics": [{"severity", "code", "message", "line", "column"}],
//!  "rules": ["name@mappings/file.map:line", ...]}
//! ```
//!
//! An input that could not be translated at all (not valid SQL, no statement, not UTF-8) is
//! status `error` with an empty `spark_sql` and one diagnostic saying why.

use crate::{Diagnostic, Error, Options, Transpiled};
use serde_json::{json, Value};

/// One diagnostic in the contract's shape (`line`/`column` are `null` without a position).
pub fn diagnostic_json(d: &Diagnostic) -> Value {
    json!({
        "severity": d.severity,
        "code": d.code,
        "message": d.message,
        "line": d.span.map(|s| s.line),
        "column": d.span.map(|s| s.column),
    })
}

/// The contract object for the outcome of [`crate::transpile`] / [`crate::transpile_bytes`]:
/// the [`crate::Verdict`] as JSON.
pub fn to_json(result: &Result<Transpiled, Error>, opts: &Options) -> Value {
    serde_json::to_value(crate::Verdict::from_result(result, opts)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_and_error_share_one_shape() {
        let opts = Options::default();
        let ok = to_json(&crate::transpile("SELECT 7 / 2 AS q", &opts), &opts);
        let err = to_json(&crate::transpile("SELECT 1 +", &opts), &opts);
        for v in [&ok, &err] {
            let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(
                keys,
                [
                    "status",
                    "spark_sql",
                    "spark_conf",
                    "setup",
                    "diagnostics",
                    "rules"
                ]
            );
        }
        assert_eq!(ok["status"], "ok");
        assert_eq!(err["status"], "error");
        assert_eq!(err["diagnostics"][0]["code"], "syntax-error");
        assert_eq!(err["diagnostics"][0]["line"], 1);
    }
}
