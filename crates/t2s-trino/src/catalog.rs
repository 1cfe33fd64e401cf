//! Table schemas the lowering resolves names against.
//!
//! A catalog comes from a JSON schema file (`{"tables": [{"name", "columns": [{"name", "type"}]}]}`,
//! types in Trino spelling) or from `CREATE TABLE` statements. Lookups are case-insensitive
//! (Trino folds identifiers to lower case) and match a table by its full dotted name or by its
//! last part.

use serde::Deserialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;
use t2s_ir::{Field, Type};

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    tables: NameMap<TableSchema>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableSchema {
    /// Full name as declared (lower case), e.g. `tpch.tiny.lineitem` or `lineitem`.
    pub name: String,
    /// Column names (lower case) and types. The names are shared with every scan's fields.
    pub columns: Vec<(Arc<str>, Type)>,
    /// [`name_key`] of each column name, computed once for the lowering's scope lookups.
    column_keys: Vec<u32>,
    /// The lowering's hash index of `column_keys`, built once for a table whose scope is
    /// searched through one (empty otherwise).
    column_index: Vec<u32>,
    /// The columns as a scan's fields (no qualifier), built once and shared by every scan.
    fields: Arc<[Field]>,
}

impl TableSchema {
    pub fn new(name: String, columns: Vec<(Arc<str>, Type)>) -> Self {
        let column_keys: Vec<u32> = columns.iter().map(|(n, _)| name_key(n)).collect();
        let column_index = if column_keys.len() >= crate::lower::INDEX_FROM {
            crate::lower::build_index(&column_keys)
        } else {
            vec![]
        };
        let fields = columns
            .iter()
            .map(|(n, ty)| Field {
                qualifier: None,
                name: n.clone(),
                ty: ty.clone(),
            })
            .collect();
        TableSchema {
            name,
            columns,
            column_keys,
            column_index,
            fields,
        }
    }

    /// [`Self::columns`] as a scan's fields (no qualifier), shared.
    pub(crate) fn fields(&self) -> &Arc<[Field]> {
        &self.fields
    }

    /// [`name_key`] of each of [`Self::columns`]' names.
    pub(crate) fn column_keys(&self) -> &[u32] {
        &self.column_keys
    }

    /// The hash index of [`Self::column_keys`] a scope of this table's columns is searched
    /// through (empty if it is too small to have one).
    pub(crate) fn column_index(&self) -> &[u32] {
        &self.column_index
    }
}

/// A cheap hash of a column name (equal names, equal keys), so a scope lookup compares
/// one integer per field and the text only on a match.
pub(crate) fn name_key(name: &str) -> u32 {
    // The high half: it depends on every byte (the low half of the last product does not).
    (mix(name.len() as u64, name.as_bytes()) >> 32) as u32
}

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Folds `bytes` into `h`, eight at a time.
fn mix(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ word(c)).wrapping_mul(K);
    }
    (h.rotate_left(5) ^ word(chunks.remainder())).wrapping_mul(K)
}

/// Up to eight bytes as a little-endian word (missing bytes zero), without a call to `memcpy`
/// for a short remainder.
#[inline]
pub(crate) fn word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if let Some(w) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*w);
    }
    // Shorter: two loads that overlap (the bytes they share are the same, at the same places).
    if n >= 4 {
        let lo = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        let hi = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]);
        return u64::from(lo) | u64::from(hi) << (8 * (n - 4));
    }
    if n == 0 {
        return 0;
    }
    let (first, mid, last) = (bytes[0], bytes[n / 2], bytes[n - 1]);
    u64::from(first) | u64::from(mid) << (8 * (n / 2)) | u64::from(last) << (8 * (n - 1))
}

/// A hasher for the short names the catalog and the lowering key their maps by: [`name_key`]'s
/// mixing instead of SipHash (the maps hold names from the query and the schema, and lookups
/// are frequent while the keys are few and short).
#[derive(Default, Clone, Copy)]
pub(crate) struct NameHasher(u64);

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0 ^ bytes.len() as u64, bytes);
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(K);
    }
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(K);
    }
    fn finish(&self) -> u64 {
        // The table picks buckets by the low bits: bring the well-mixed high bits down.
        self.0.rotate_left(26)
    }
}

/// A map keyed by names, hashed with [`NameHasher`].
pub(crate) type NameMap<V> = HashMap<String, V, BuildHasherDefault<NameHasher>>;

/// A set of names, hashed with [`NameHasher`].
pub(crate) type NameSet = std::collections::HashSet<String, BuildHasherDefault<NameHasher>>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("schema file is not valid JSON of the expected shape: {0}")]
    Json(String),
    #[error("table {table}, column {column}: cannot read type `{ty}`: {reason}")]
    BadType {
        table: String,
        column: String,
        ty: String,
        reason: String,
    },
    #[error("CREATE TABLE file: {0}")]
    Ddl(String),
}

#[derive(Deserialize)]
struct JsonSchema {
    tables: Vec<JsonTable>,
}

#[derive(Deserialize)]
struct JsonTable {
    name: String,
    #[serde(default)]
    catalog: Option<String>,
    #[serde(default)]
    schema: Option<String>,
    columns: Vec<JsonColumn>,
}

#[derive(Deserialize)]
struct JsonColumn {
    name: String,
    #[serde(rename = "type")]
    ty: String,
}

impl Catalog {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let schema: JsonSchema =
            serde_json::from_str(text).map_err(|e| CatalogError::Json(e.to_string()))?;
        let mut cat = Catalog::new();
        for t in schema.tables {
            let full: Vec<String> = [t.catalog, t.schema, Some(t.name)]
                .into_iter()
                .flatten()
                .collect();
            let name = full.join(".");
            let mut columns = Vec::new();
            for c in t.columns {
                let ty = parse_type(&c.ty).map_err(|reason| CatalogError::BadType {
                    table: name.clone(),
                    column: c.name.clone(),
                    ty: c.ty.clone(),
                    reason,
                })?;
                columns.push((c.name.to_lowercase(), ty));
            }
            cat.add_table(&name, columns);
        }
        Ok(cat)
    }

    pub fn add_table(&mut self, name: &str, columns: Vec<(String, Type)>) {
        let name = name.to_lowercase();
        let columns = columns.into_iter().map(|(n, ty)| (n.into(), ty)).collect();
        self.tables
            .insert(name.clone(), TableSchema::new(name, columns));
    }

    pub fn merge(&mut self, other: Catalog) {
        self.tables.extend(other.tables);
    }

    pub fn len(&self) -> usize {
        self.tables.len()
    }
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }

    /// Finds a table by its dotted name parts (any case). A full match wins; otherwise the
    /// longest suffix of `parts` that names a table uniquely.
    pub fn lookup(&self, parts: &[String]) -> Option<&TableSchema> {
        // The common case, a bare lower-case name, without building keys.
        if let [name] = parts {
            if name.is_ascii() && !name.bytes().any(|b| b.is_ascii_uppercase()) {
                if let Some(t) = self.tables.get(name) {
                    return Some(t);
                }
            }
        }
        let lower: Vec<String> = parts.iter().map(|p| p.to_lowercase()).collect();
        for start in 0..lower.len() {
            let key = lower[start..].join(".");
            if let Some(t) = self.tables.get(&key) {
                return Some(t);
            }
        }
        // The catalog may hold qualified names while the query uses the bare table name.
        let last = lower.last()?;
        let mut hits = self
            .tables
            .values()
            .filter(|t| t.name.rsplit('.').next() == Some(last.as_str()));
        let first = hits.next()?;
        if hits.next().is_some() {
            return None;
        }
        Some(first)
    }
}

pub use t2s_ir::parse_type;

/// Reads `CREATE TABLE name (col type, …)` statements (Trino syntax) into a catalog. Other
/// statements in the file are ignored; a CREATE TABLE that does not parse is an error.
pub fn catalog_from_ddl(sql: &str) -> Result<Catalog, CatalogError> {
    let mut cat = Catalog::new();
    for st in crate::parse::parse_sql(sql) {
        let st = st.map_err(|e| {
            CatalogError::Ddl(format!(
                "line {}, column {}: {}",
                e.line, e.column, e.message
            ))
        })?;
        if let sqlparser::ast::Statement::CreateTable(ct) = &st.ast {
            let name: Vec<String> = ct
                .name
                .0
                .iter()
                .map(|p| p.to_string().trim_matches('"').to_lowercase())
                .collect();
            let mut columns = Vec::new();
            for c in &ct.columns {
                let ty = crate::lower::types::lower_data_type(&c.data_type).map_err(|reason| {
                    CatalogError::BadType {
                        table: name.join("."),
                        column: c.name.value.clone(),
                        ty: c.data_type.to_string(),
                        reason,
                    }
                })?;
                columns.push((c.name.value.to_lowercase(), ty));
            }
            cat.add_table(&name.join("."), columns);
        }
    }
    Ok(cat)
}

/// Reads a schema file: JSON (`{"tables": …}`) or SQL with CREATE TABLE statements.
pub fn catalog_from_file_text(text: &str) -> Result<Catalog, CatalogError> {
    if text.trim_start().starts_with('{') {
        Catalog::from_json(text)
    } else {
        catalog_from_ddl(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_up_to_eight_bytes_little_endian() {
        let bytes: Vec<u8> = (1..=12).map(|i| i * 17).collect();
        for n in 0..=bytes.len() {
            let b = &bytes[..n];
            let want = b
                .iter()
                .take(8)
                .enumerate()
                .fold(0u64, |w, (i, &x)| w | u64::from(x) << (8 * i));
            assert_eq!(word(b), want, "{n} bytes");
        }
    }

    #[test]
    fn parses_trino_type_names() {
        assert_eq!(parse_type("decimal(12,2)").unwrap(), Type::decimal(12, 2));
        assert_eq!(
            parse_type("VARCHAR(25)").unwrap(),
            Type::Varchar { length: Some(25) }
        );
        assert_eq!(
            parse_type("timestamp(6) with time zone").unwrap(),
            Type::TimestampTz { precision: 6 }
        );
        assert_eq!(
            parse_type("array(row(a bigint, b varchar))")
                .unwrap()
                .to_string(),
            "array(row(a bigint, b varchar))"
        );
        assert_eq!(
            parse_type("map(varchar, array(double))")
                .unwrap()
                .to_string(),
            "map(varchar, array(double))"
        );
        assert!(parse_type("decimal(40,2)").is_err());
        assert!(parse_type("array(bigint").is_err());
    }

    #[test]
    fn create_table_files_are_catalogs() {
        let cat = catalog_from_file_text(
            "-- orders\nCREATE TABLE hive.sales.Orders (o_id bigint, o_total decimal(12,2), o_tags array(varchar), o_meta row(a integer, b varchar));\n\
             SELECT 1;\nCREATE TABLE t2 (ts timestamp(6) with time zone)",
        )
        .unwrap();
        let t = cat.lookup(&["orders".into()]).unwrap();
        assert_eq!(t.name, "hive.sales.orders");
        let types: Vec<String> = t
            .columns
            .iter()
            .map(|(n, ty)| format!("{n} {ty}"))
            .collect();
        assert_eq!(
            types,
            [
                "o_id bigint",
                "o_total decimal(12,2)",
                "o_tags array(varchar)",
                "o_meta row(a integer, b varchar)"
            ]
        );
        assert_eq!(
            cat.lookup(&["t2".into()]).unwrap().columns[0].1,
            Type::TimestampTz { precision: 6 }
        );
        assert!(matches!(
            catalog_from_file_text("CREATE TABLE x (a decimal(50,2))"),
            Err(CatalogError::BadType { .. })
        ));
        assert!(matches!(
            catalog_from_file_text("CREATE TABLE x (a"),
            Err(CatalogError::Ddl(_))
        ));
    }

    #[test]
    fn lookup_matches_suffix_and_is_case_insensitive() {
        let cat = Catalog::from_json(
            r#"{"tables": [{"catalog": "tpch", "schema": "tiny", "name": "Orders",
                "columns": [{"name": "O_OrderKey", "type": "bigint"}]}]}"#,
        )
        .unwrap();
        let t = cat.lookup(&["orders".into()]).unwrap();
        assert_eq!(t.columns, vec![("o_orderkey".into(), Type::BigInt)]);
        assert!(cat
            .lookup(&["TPCH".into(), "tiny".into(), "ORDERS".into()])
            .is_some());
        assert!(cat.lookup(&["lineitem".into()]).is_none());
    }
}
