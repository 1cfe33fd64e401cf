//! Every crash the fuzz targets (`fuzz/`) found, as a regression case: the input (minimised
//! where that kept it readable) and what must hold now.

use trino2spark::{Options, Severity, Status};

fn translate(sql: &str) -> trino2spark::Transpiled {
    let t = trino2spark::transpile(sql, &Options::default()).expect("a statement");
    assert!(
        !t.diagnostics.iter().any(|d| d.code == "internal"),
        "internal error: {:?}",
        t.diagnostics
    );
    let has_error = t.diagnostics.iter().any(|d| d.severity == Severity::Error);
    assert_eq!(t.status == Status::Ok, !has_error, "{:?}", t.diagnostics);
    t
}

/// pipeline, crash-0307741390…: a misspelt EXTRACT field (`MTNOH`) reached the emitter as a
/// Trino-only node (`internal`). Trino rejects the field, so it is an invalid query now, with
/// a position in the expression.
#[test]
fn unknown_extract_field_is_an_invalid_query() {
    let t = translate("SELECT d,\n       EXTRACT(YEAR FROM d) AS y,\n       EXTRACT(MTNOH FROM d) AS m\nFROM (VALUES DATE '2020-01-01') AS t(d)");
    assert_eq!(t.status, Status::Error);
    let d = t
        .diagnostics
        .iter()
        .find(|d| d.code == "invalid-extract-field")
        .expect("invalid-extract-field");
    // sqlparser gives EXTRACT the position of its operand.
    assert_eq!(d.span.map(|s| (s.line, s.column)), Some((3, 27)));
}

/// The same path for a field Trino has and Spark cannot express (`TIMEZONE_HOUR`): flagged,
/// and no Trino-only node reaches the emitter.
#[test]
fn unmappable_extract_field_is_flagged_not_internal() {
    let t =
        translate("SELECT EXTRACT(TIMEZONE_HOUR FROM TIMESTAMP '2020-01-01 00:00:00 +01:00') AS h");
    assert_eq!(t.status, Status::Flagged, "{:?}", t.diagnostics);
    assert!(
        t.diagnostics.iter().any(|d| d.code == "non-mappable"),
        "{:?}",
        t.diagnostics
    );
}
