//! Inputs: which files a conversion reads, and the units (one SQL text each) in them.
//!
//! * a `.sql` file (or any file that is not a log) is one unit, however many statements it holds;
//! * a query log — `.jsonl`, `.ndjson` or `.json` (JSON lines), `.csv` (with a header row) — is
//!   one unit per record, holding the text of its query field;
//! * standard input (`-`) is one SQL unit.
//!
//! Units are read in a fixed order (inputs as given, directory entries sorted by name, records
//! in file order) and in batches, so memory stays bounded on large logs.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use trino2spark::{Diagnostic, Span};

/// Field names tried, in order, when no `--query-field` is given.
pub const DEFAULT_QUERY_FIELDS: &[&str] = &["query", "sql", "statement", "query_text"];
/// Field names tried, in order, for a record's query id.
pub const DEFAULT_ID_FIELDS: &[&str] = &["query_id", "queryId", "id"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sql,
    JsonLines,
    Csv,
}

/// Where an input comes from.
#[derive(Debug, Clone)]
pub enum Origin {
    File(PathBuf),
    /// Standard input, read up front.
    Stdin(Vec<u8>),
    /// An input path that does not exist or cannot be listed.
    Missing(PathBuf, String),
}

/// One input file.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name used in reports: the path as reached from the input argument.
    pub name: String,
    pub origin: Origin,
    pub kind: Kind,
    /// Output path relative to the output root: the file for a SQL unit, the directory of
    /// the per-query files for a log.
    pub out: PathBuf,
}

/// One SQL text to translate.
#[derive(Debug, Clone)]
pub struct Unit {
    pub source: usize,
    pub index: usize,
    /// The SQL text, or why there is none (a unit-level error with its position).
    pub text: Result<String, Diagnostic>,
    /// The line of the record in a query log.
    pub log_line: Option<u64>,
    pub query_id: Option<String>,
    /// Output path relative to the output root.
    pub out: Option<PathBuf>,
    /// The last unit of its source.
    pub last: bool,
}

impl Unit {
    pub fn key(&self) -> (usize, usize) {
        (self.source, self.index)
    }
    fn bytes(&self) -> usize {
        self.text.as_ref().map(String::len).unwrap_or(64)
    }
}

fn kind_of(path: &Path) -> Kind {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("jsonl" | "ndjson" | "json") => Kind::JsonLines,
        Some("csv") => Kind::Csv,
        _ => Kind::Sql,
    }
}

fn is_input_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("sql" | "jsonl" | "ndjson" | "json" | "csv")
    )
}

fn out_path(rel: &Path, kind: Kind) -> PathBuf {
    match kind {
        Kind::Sql => rel.with_extension("sql"),
        // A log `logs/q.jsonl` becomes the directory `logs/q/`.
        Kind::JsonLines | Kind::Csv => rel.with_extension(""),
    }
}

/// Lists the input files. Directories are walked recursively (entries sorted by name; hidden
/// entries skipped) for `.sql`, `.jsonl`, `.ndjson`, `.json` and `.csv` files; a file named
/// directly is read whatever its extension. With several inputs, each one's outputs go under
/// its own name.
pub fn discover(inputs: &[String], stdin: impl Fn() -> std::io::Result<Vec<u8>>) -> Vec<Source> {
    let mut sources = Vec::new();
    let several = inputs.len() > 1;
    let mut prefixes = HashSet::new();
    for input in inputs {
        let base_name = if input == "-" {
            "stdin".to_string()
        } else {
            Path::new(input)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "input".into())
        };
        let mut prefix = PathBuf::new();
        if several {
            let mut p = base_name.clone();
            let mut n = 2;
            while !prefixes.insert(p.clone()) {
                p = format!("{base_name}-{n}");
                n += 1;
            }
            prefix.push(p);
        }
        if input == "-" {
            let origin = match stdin() {
                Ok(b) => Origin::Stdin(b),
                Err(e) => Origin::Missing("-".into(), format!("cannot read standard input: {e}")),
            };
            let out = if several {
                prefix.with_extension("sql")
            } else {
                PathBuf::from("stdin.sql")
            };
            sources.push(Source {
                name: "<stdin>".into(),
                origin,
                kind: Kind::Sql,
                out,
            });
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
                });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_dir() => {}
                    Ok(e) => {
                        if !is_input_file(e.path()) {
                            continue;
                        }
                        let rel = e.path().strip_prefix(path).unwrap_or(e.path());
                        let kind = kind_of(e.path());
                        sources.push(Source {
                            name: e.path().to_string_lossy().into_owned(),
                            origin: Origin::File(e.path().to_path_buf()),
                            kind,
                            out: prefix.join(out_path(rel, kind)),
                        });
                    }
                    Err(e) => {
                        let p = e
                            .path()
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| path.to_path_buf());
                        sources.push(Source {
                            name: p.to_string_lossy().into_owned(),
                            origin: Origin::Missing(p.clone(), e.to_string()),
                            kind: Kind::Sql,
                            out: PathBuf::new(),
                        });
                    }
                }
            }
        } else {
            let kind = kind_of(path);
            let origin = if path.exists() {
                Origin::File(path.to_path_buf())
            } else {
                Origin::Missing(path.to_path_buf(), "no such file or directory".into())
            };
            let file_name = PathBuf::from(path.file_name().unwrap_or(path.as_os_str()));
            let out = if several {
                prefix.join(out_path(&file_name, kind))
            } else {
                out_path(&file_name, kind)
            };
            sources.push(Source {
                name: input.clone(),
                origin,
                kind,
                out,
            });
        }
    }
    sources
}

/// How log records are read.
#[derive(Debug, Clone, Default)]
pub struct LogFields {
    /// The field holding the query text (`--query-field`); dotted paths reach into nested
    /// objects (`metadata.query`). `None` tries [`DEFAULT_QUERY_FIELDS`].
    pub query: Option<String>,
    /// The field holding the query id; `None` tries [`DEFAULT_ID_FIELDS`].
    pub id: Option<String>,
}

fn unreadable(msg: String) -> Diagnostic {
    Diagnostic::error("unreadable", msg, None)
}

/// Decodes UTF-8; invalid input is an `invalid-utf8` error at the line and column of the first bad byte.
pub fn decode(bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or("");
        let line = text.matches('\n').count() as u32 + 1;
        let column = text
            .rsplit('\n')
            .next()
            .map(|l| l.chars().count())
            .unwrap_or(0) as u32
            + 1;
        Diagnostic::error(
            "invalid-utf8",
            format!(
                "input is not valid UTF-8 (first bad byte at offset {})",
                valid.len()
            ),
            Some(Span { line, column }),
        )
    })
}

/// Reads the units of every source, in order, and hands them over in batches of at most
/// `batch_units` units (or about 8 MB of text).
pub fn for_each_batch(
    sources: &[Source],
    fields: &LogFields,
    batch_units: usize,
    mut f: impl FnMut(Vec<Unit>),
) {
    let mut batch = Vec::new();
    let mut bytes = 0usize;
    let mut push = |u: Unit, batch: &mut Vec<Unit>, f: &mut dyn FnMut(Vec<Unit>)| {
        bytes += u.bytes();
        batch.push(u);
        if batch.len() >= batch_units || bytes >= 8 << 20 {
            bytes = 0;
            f(std::mem::take(batch));
        }
    };
    for (si, src) in sources.iter().enumerate() {
        for_each_unit_of(si, src, fields, |u| push(u, &mut batch, &mut f));
    }
    if !batch.is_empty() {
        f(batch);
    }
}

/// The units of source `si`, in order, one at a time (a log without a record gives one
/// unit holding that warning, so that it is still accounted for).
pub fn for_each_unit_of(si: usize, src: &Source, fields: &LogFields, mut f: impl FnMut(Unit)) {
    let mut units = UnitReader::new(si, src, fields);
    let mut pending = units.next();
    if pending.is_none() {
        let d = Diagnostic::warning("empty-input", "the query log holds no record", None);
        pending = Some(units.unit(Err(d), None, None));
    }
    while let Some(mut u) = pending {
        pending = units.next();
        u.last = pending.is_none();
        f(u);
    }
}

/// Reads the units of one source lazily.
struct UnitReader<'a> {
    si: usize,
    src: &'a Source,
    fields: &'a LogFields,
    state: ReaderState<'a>,
    index: usize,
    used_names: HashSet<String>,
}

enum ReaderState<'a> {
    Start,
    Lines {
        reader: Box<dyn BufRead + 'a>,
        line: u64,
    },
    Csv {
        reader: Box<csv::Reader<Box<dyn Read + 'a>>>,
        query_col: usize,
        id_col: Option<usize>,
    },
    Done,
}

impl<'a> UnitReader<'a> {
    fn new(si: usize, src: &'a Source, fields: &'a LogFields) -> Self {
        UnitReader {
            si,
            src,
            fields,
            state: ReaderState::Start,
            index: 0,
            used_names: HashSet::new(),
        }
    }

    fn unit(
        &mut self,
        text: Result<String, Diagnostic>,
        log_line: Option<u64>,
        query_id: Option<String>,
    ) -> Unit {
        let out = match self.src.kind {
            Kind::Sql => Some(self.src.out.clone()),
            Kind::JsonLines | Kind::Csv => {
                let base = match &query_id {
                    Some(id) => sanitize(id),
                    None => format!("line-{}", log_line.unwrap_or(self.index as u64 + 1)),
                };
                let mut name = base.clone();
                let mut n = 2;
                while !self.used_names.insert(name.clone()) {
                    name = format!("{base}-{n}");
                    n += 1;
                }
                Some(self.src.out.join(format!("{name}.sql")))
            }
        };
        let u = Unit {
            source: self.si,
            index: self.index,
            text,
            log_line,
            query_id,
            out,
            last: false,
        };
        self.index += 1;
        u
    }

    fn open(&self) -> Result<Box<dyn Read + 'a>, Diagnostic> {
        match &self.src.origin {
            Origin::File(p) => std::fs::File::open(p)
                .map(|f| Box::new(f) as Box<dyn Read>)
                .map_err(|e| unreadable(format!("cannot read {}: {e}", p.display()))),
            Origin::Stdin(b) => Ok(Box::new(b.as_slice())),
            Origin::Missing(p, why) => {
                Err(unreadable(format!("cannot read {}: {why}", p.display())))
            }
        }
    }

    fn query_fields(&self) -> Vec<String> {
        match &self.fields.query {
            Some(q) => vec![q.clone()],
            None => DEFAULT_QUERY_FIELDS.iter().map(|s| s.to_string()).collect(),
        }
    }
    fn id_fields(&self) -> Vec<String> {
        match &self.fields.id {
            Some(q) => vec![q.clone()],
            None => DEFAULT_ID_FIELDS.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn next(&mut self) -> Option<Unit> {
        loop {
            match std::mem::replace(&mut self.state, ReaderState::Done) {
                ReaderState::Done => return None,
                ReaderState::Start => {
                    let reader = match self.open() {
                        Ok(r) => r,
                        Err(d) => return Some(self.unit(Err(d), None, None)),
                    };
                    match self.src.kind {
                        Kind::Sql => {
                            let mut bytes = Vec::new();
                            let mut reader = reader;
                            let text = match reader.read_to_end(&mut bytes) {
                                Ok(_) => decode(bytes),
                                Err(e) => {
                                    Err(unreadable(format!("cannot read {}: {e}", self.src.name)))
                                }
                            };
                            return Some(self.unit(text, None, None));
                        }
                        Kind::JsonLines => {
                            self.state = ReaderState::Lines {
                                reader: Box::new(BufReader::new(reader)),
                                line: 0,
                            };
                        }
                        Kind::Csv => {
                            let mut rdr =
                                csv::ReaderBuilder::new().flexible(true).from_reader(reader);
                            let headers = match rdr.byte_headers() {
                                Ok(h) => h.clone(),
                                Err(e) => {
                                    return Some(self.unit(Err(csv_error(&e)), Some(1), None))
                                }
                            };
                            let names: Vec<String> = headers
                                .iter()
                                .map(|h| String::from_utf8_lossy(h).trim().to_string())
                                .collect();
                            let find = |cands: &[String]| {
                                cands.iter().find_map(|c| {
                                    names.iter().position(|n| n.eq_ignore_ascii_case(c))
                                })
                            };
                            let Some(query_col) = find(&self.query_fields()) else {
                                let d = Diagnostic::error(
                                    "missing-query-field",
                                    format!(
                                        "the CSV header has no query column (tried {}; choose one with --query-field)",
                                        self.query_fields().join(", ")
                                    ),
                                    Some(Span { line: 1, column: 1 }),
                                );
                                return Some(self.unit(Err(d), Some(1), None));
                            };
                            let id_col = find(&self.id_fields());
                            self.state = ReaderState::Csv {
                                reader: Box::new(rdr),
                                query_col,
                                id_col,
                            };
                        }
                    }
                }
                ReaderState::Lines {
                    mut reader,
                    mut line,
                } => {
                    let mut buf = Vec::new();
                    match reader.read_until(b'\n', &mut buf) {
                        Ok(0) => return None,
                        Err(e) => {
                            return Some(self.unit(
                                Err(unreadable(format!("cannot read {}: {e}", self.src.name))),
                                Some(line + 1),
                                None,
                            ))
                        }
                        Ok(_) => {}
                    }
                    line += 1;
                    self.state = ReaderState::Lines { reader, line };
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let (text, id) = self.json_record(buf);
                    return Some(self.unit(text, Some(line), id));
                }
                ReaderState::Csv {
                    mut reader,
                    query_col,
                    id_col,
                } => {
                    let mut rec = csv::ByteRecord::new();
                    match reader.read_byte_record(&mut rec) {
                        Ok(false) => return None,
                        Err(e) => {
                            let line = e.position().map(|p| p.line());
                            // A malformed record: report it and stop reading this file.
                            return Some(self.unit(Err(csv_error(&e)), line, None));
                        }
                        Ok(true) => {}
                    }
                    let line = rec.position().map(|p| p.line());
                    let field = |i: usize| rec.get(i).map(|b| b.to_vec());
                    let id = id_col
                        .and_then(field)
                        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
                        .filter(|s| !s.is_empty());
                    let text = match field(query_col) {
                        Some(b) => decode(b),
                        None => Err(Diagnostic::error(
                            "missing-query-field",
                            "this CSV record has no query column",
                            None,
                        )),
                    };
                    self.state = ReaderState::Csv {
                        reader,
                        query_col,
                        id_col,
                    };
                    return Some(self.unit(text, line, id));
                }
            }
        }
    }

    fn json_record(&self, buf: Vec<u8>) -> (Result<String, Diagnostic>, Option<String>) {
        let line = match decode(buf) {
            Ok(l) => l,
            Err(mut d) => {
                d.span = d.span.map(|s| Span {
                    line: 1,
                    column: s.column,
                });
                return (Err(d), None);
            }
        };
        let v: serde_json::Value = match serde_json::from_str(line.trim_end()) {
            Ok(v) => v,
            Err(e) => {
                let d = Diagnostic::error(
                    "invalid-log-record",
                    format!("not a JSON object: {e}"),
                    Some(Span {
                        line: 1,
                        column: e.column() as u32,
                    }),
                );
                return (Err(d), None);
            }
        };
        let id = self
            .id_fields()
            .iter()
            .find_map(|f| json_field(&v, f))
            .and_then(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            });
        let text = match self.query_fields().iter().find_map(|f| json_field(&v, f)) {
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(Diagnostic::error(
                "missing-query-field",
                "the query field is not a string",
                None,
            )),
            None => Err(Diagnostic::error(
                "missing-query-field",
                format!(
                    "the record has no query field (tried {}; choose one with --query-field)",
                    self.query_fields().join(", ")
                ),
                None,
            )),
        };
        (text, id)
    }
}

fn json_field<'v>(v: &'v serde_json::Value, path: &str) -> Option<&'v serde_json::Value> {
    path.split('.')
        .try_fold(v, |v, k| v.get(k))
        .filter(|v| !v.is_null())
}

fn csv_error(e: &csv::Error) -> Diagnostic {
    Diagnostic::error("invalid-log-record", format!("CSV: {e}"), None)
}

/// A query id as a file name: characters other than letters, digits, `.`, `_` and `-` become `_`.
fn sanitize(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.starts_with('.') {
        format!("q{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_has_a_position() {
        let d = decode(b"SELECT 1;\nSELECT '\xff'".to_vec()).unwrap_err();
        assert_eq!(d.code, "invalid-utf8");
        assert_eq!(d.span, Some(Span { line: 2, column: 9 }));
    }

    #[test]
    fn sanitized_ids() {
        assert_eq!(
            sanitize("20240101_000000_00001_abcde"),
            "20240101_000000_00001_abcde"
        );
        assert_eq!(sanitize("a/b c"), "a_b_c");
        assert_eq!(sanitize("..x"), "q..x");
    }
}
