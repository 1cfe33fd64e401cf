//! `t2s-mappings`: the function and type knowledge of trino2spark, as data.
//!
//! Rules live in `mappings/*.map` (embedded in the binary at build time) and in user UDF files
//! (`--udfs PATH`); they are read through the pest grammar in `grammar/mappings.pest` and
//! checked when loaded: a template that does not parse, a hole past the arity, an unknown type
//! pattern, native hook or Spark version is an error naming `file:line`.
//!
//! This crate holds the rules and answers "which rules exist for this name"; choosing the arm
//! for a call (argument types, constants, target) is done by `t2s-rewrite`, which owns meaning.

mod load;
mod model;

pub use load::{load_file, LoadError};
pub use model::*;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the registry's keys are short function names, fixed once loaded, for which
/// the default (DoS-resistant) hasher costs more than the rest of a lookup. Nothing iterates
/// these maps, so their order does not matter.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type NameHash = BuildHasherDefault<Fnv>;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The embedded mapping files: `(path, text)`.
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    BUILTIN_FILES
}

/// All rules, indexed by lower-case name.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub rules: Vec<Rule>,
    pub types: Vec<TypeRule>,
    by_name: HashMap<String, Vec<usize>, NameHash>,
    types_by_name: HashMap<String, Vec<usize>, NameHash>,
}

impl Registry {
    /// Builds a registry from loaded files. Later files may add overloads; a user (UDF) file's
    /// rules come first when `prepend` so a company can override a built-in mapping.
    pub fn from_files(files: Vec<MappingFile>) -> Registry {
        let mut r = Registry::default();
        for f in files {
            r.add(f);
        }
        r
    }

    pub fn add(&mut self, f: MappingFile) {
        for rule in f.rules {
            self.by_name
                .entry(rule.name.to_lowercase())
                .or_default()
                .push(self.rules.len());
            self.rules.push(rule);
        }
        for t in f.types {
            self.types_by_name
                .entry(t.name.to_lowercase())
                .or_default()
                .push(self.types.len());
            self.types.push(t);
        }
    }

    /// Adds user rules in front of the built-in ones for the same names.
    pub fn with_overrides(&self, user: Vec<MappingFile>) -> Registry {
        let mut out = Registry::default();
        for f in user {
            out.add(f);
        }
        out.add(MappingFile {
            path: String::new(),
            rules: self.rules.clone(),
            types: self.types.clone(),
        });
        out
    }

    /// The rules for `name` (case-insensitive), in file order.
    pub fn rules_for(&self, name: &str) -> impl Iterator<Item = &Rule> {
        // Names are mostly lower case already: looked up as they are, without a copy.
        let found = if name.bytes().any(|b| b.is_ascii_uppercase()) || !name.is_ascii() {
            self.by_name.get(&name.to_lowercase())
        } else {
            self.by_name.get(name)
        };
        let idx = found.map(|v| v.as_slice()).unwrap_or(&[]);
        idx.iter().map(move |i| &self.rules[*i])
    }

    pub fn has(&self, name: &str) -> bool {
        self.by_name.contains_key(&name.to_lowercase())
    }

    pub fn type_rules_for(&self, name: &str) -> impl Iterator<Item = &TypeRule> {
        let idx = self
            .types_by_name
            .get(&name.to_lowercase())
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        idx.iter().map(move |i| &self.types[*i])
    }

    /// The names that have rules, sorted, deduplicated.
    pub fn names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.rules.iter().map(|r| r.name.as_str()).collect();
        v.sort_by_key(|n| n.to_lowercase());
        v.dedup_by_key(|n| n.to_lowercase());
        v
    }

    /// The coverage entry of one name: its status over all its rules and arms.
    pub fn coverage(&self, name: &str) -> Option<Coverage> {
        let rules: Vec<&Rule> = self.rules_for(name).collect();
        let first = rules.first()?;
        let arms: Vec<&Arm> = rules.iter().flat_map(|r| r.arms.iter()).collect();
        let flagged =
            |a: &&Arm| matches!(a.action, Action::NonMappable(_) | Action::Approximate(None));
        let status = if arms.iter().all(flagged) {
            if arms
                .iter()
                .any(|a| matches!(a.action, Action::Approximate(_)))
            {
                Status::Approximate
            } else {
                Status::NonMappable
            }
        } else if arms
            .iter()
            .any(|a| matches!(a.action, Action::Approximate(_)))
        {
            Status::Approximate
        } else if arms
            .iter()
            .any(|a| !a.conditions.is_empty() || matches!(a.action, Action::NonMappable(_)))
            || rules
                .iter()
                .any(|r| r.params.iter().any(|p| matches!(p, Param::Consts(_))))
        {
            Status::Conditional
        } else {
            Status::Exact
        };
        let spark = arms
            .iter()
            .find_map(|a| match &a.action {
                Action::Template(t) | Action::Approximate(Some(t)) => Some(t.clone()),
                Action::Native(n) => Some(format!("(rewritten in code: {n})")),
                Action::Builtin(w) => Some(format!("(rewritten in code: {w})")),
                Action::Udf { class, .. } => Some(format!("UDF {class}")),
                _ => None,
            })
            .unwrap_or_default();
        let mut reasons: Vec<String> = Vec::new();
        for a in &arms {
            let r = match (&a.action, &a.reason) {
                (Action::NonMappable(m), _) => Some(if a.conditions.is_empty() {
                    m.clone()
                } else {
                    format!("{}: {m}", a.conditions_text())
                }),
                (_, Some(r)) => Some(r.clone()),
                _ => None,
            };
            if let Some(r) = r {
                if !reasons.contains(&r) {
                    reasons.push(r);
                }
            }
        }
        Some(Coverage {
            name: first.name.clone(),
            kind: first.kind,
            status,
            spark,
            reason: reasons.join("; "),
            rules: rules.iter().map(|r| r.location()).collect(),
        })
    }
}

static BUILTIN: OnceLock<Result<Registry, Vec<LoadError>>> = OnceLock::new();

/// The registry of the embedded mapping files, loaded and checked once per process.
/// `natives` are the hook names the rewrite crate implements (checked against `native` arms).
pub fn builtin(natives: &[&str]) -> Result<&'static Registry, &'static [LoadError]> {
    BUILTIN
        .get_or_init(|| {
            let mut errors = Vec::new();
            let mut files = Vec::new();
            for (path, text) in builtin_files() {
                match load_file(path, text, natives) {
                    Ok(f) => files.push(f),
                    Err(mut e) => errors.append(&mut e),
                }
            }
            if errors.is_empty() {
                Ok(Registry::from_files(files))
            } else {
                Err(errors)
            }
        })
        .as_ref()
        .map_err(|e| e.as_slice())
}
