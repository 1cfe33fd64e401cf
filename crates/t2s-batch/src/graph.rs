//! The dependency graph of a repository's definitions (`CREATE VIEW`, `CREATE TABLE … AS`):
//! which statement defines which name and which definitions read which. Definitions are
//! typed in dependency order (level by level, in parallel within a level) so that each
//! view's columns and types are in the catalog where it is used.

use crate::names::NameRef;
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use trino2spark::{Catalog, Diagnostic, Options};

/// Identifies a statement: (source, unit, statement index in the unit).
pub type StmtKey = (usize, usize, usize);

/// One defining statement found by the scan.
#[derive(Debug, Clone)]
pub struct Definition {
    pub key: StmtKey,
    pub name: NameRef,
    /// The statement's text (positions are not needed to type it).
    pub text: String,
    pub references: Vec<NameRef>,
    /// `source:line:column` for messages.
    pub location: String,
}

/// What the graph adds to the conversion.
#[derive(Debug, Default)]
pub struct Resolved {
    /// The `--schema` catalog plus every definition's output columns.
    pub catalog: Catalog,
    /// Diagnostics for particular statements (cycles, duplicate definitions).
    pub diagnostics: HashMap<StmtKey, Vec<Diagnostic>>,
    /// Number of definitions and of dependency edges between them.
    pub definitions: usize,
    pub edges: usize,
    /// Number of levels the definitions were typed in.
    pub levels: usize,
}

struct Index {
    by_full: HashMap<String, Vec<NodeIndex>>,
    by_last: HashMap<String, Vec<NodeIndex>>,
}

impl Index {
    /// The definitions a reference names: the longest suffix of the reference that is a
    /// defined full name, or else the definitions whose last part matches, if they all
    /// share one full name (the catalog's lookup rule).
    fn resolve(&self, parts: &[String], defs: &[Definition]) -> Vec<NodeIndex> {
        for start in 0..parts.len() {
            if let Some(v) = self.by_full.get(&parts[start..].join(".")) {
                return v.clone();
            }
        }
        if let Some(v) = parts.last().and_then(|l| self.by_last.get(l)) {
            let first = &defs[v[0].index()].name.parts;
            if v.iter().all(|n| &defs[n.index()].name.parts == first) {
                return v.clone();
            }
        }
        vec![]
    }
}

/// Builds the graph over `defs` (in scan order), reports cycles and duplicates, and types the
/// definitions in dependency order on top of `opts.catalog`.
pub fn resolve(defs: Vec<Definition>, opts: &Options) -> Resolved {
    let mut out = Resolved {
        catalog: (*opts.catalog).clone(),
        definitions: defs.len(),
        ..Default::default()
    };
    if defs.is_empty() {
        return out;
    }
    let mut g: DiGraph<usize, ()> = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..defs.len()).map(|i| g.add_node(i)).collect();
    let mut index = Index {
        by_full: HashMap::new(),
        by_last: HashMap::new(),
    };
    for (i, d) in defs.iter().enumerate() {
        let full = d.name.dotted();
        if let Some(prev) = index.by_full.get(&full).and_then(|v| v.first()) {
            out.diagnostics.entry(d.key).or_default().push(Diagnostic::warning(
                "duplicate-definition",
                format!(
                    "`{full}` is also defined at {}: statements that use it see the definition typed last",
                    defs[prev.index()].location
                ),
                d.name.span,
            ));
        }
        index.by_full.entry(full).or_default().push(nodes[i]);
        index
            .by_last
            .entry(d.name.parts.last().cloned().unwrap_or_default())
            .or_default()
            .push(nodes[i]);
    }
    for (i, d) in defs.iter().enumerate() {
        for r in &d.references {
            for dep in index.resolve(&r.parts, &defs) {
                // `CREATE TABLE t AS SELECT … FROM t` rebuilds a table the schema already knows.
                if dep == nodes[i] && opts.catalog.lookup(&r.parts).is_some() {
                    continue;
                }
                if !g.contains_edge(dep, nodes[i]) {
                    g.add_edge(dep, nodes[i], ());
                }
            }
        }
    }
    out.edges = g.edge_count();

    // Strongly connected components come out in reverse topological order.
    let mut sccs = petgraph::algo::tarjan_scc(&g);
    sccs.reverse();
    let mut comp_of = vec![0usize; defs.len()];
    for (c, scc) in sccs.iter().enumerate() {
        for n in scc {
            comp_of[n.index()] = c;
        }
    }
    let mut level = vec![0usize; sccs.len()];
    for (c, scc) in sccs.iter().enumerate() {
        for n in scc {
            for p in g.neighbors_directed(*n, petgraph::Direction::Incoming) {
                let pc = comp_of[p.index()];
                if pc != c {
                    level[c] = level[c].max(level[pc] + 1);
                }
            }
        }
        let cyclic = scc.len() > 1 || g.contains_edge(scc[0], scc[0]);
        if cyclic {
            let mut members: Vec<usize> = scc.iter().map(|n| n.index()).collect();
            members.sort_unstable();
            let names: Vec<String> = members
                .iter()
                .map(|&i| format!("`{}` ({})", defs[i].name.dotted(), defs[i].location))
                .collect();
            for &i in &members {
                out.diagnostics.entry(defs[i].key).or_default().push(Diagnostic::error(
                    "dependency-cycle",
                    format!(
                        "`{}` is part of a dependency cycle: {}; the columns of a relation in the cycle cannot be known where it is used",
                        defs[i].name.dotted(),
                        names.join(" → ")
                    ),
                    defs[i].name.span,
                ));
            }
        }
    }

    // Type level by level: everything a definition reads (outside its own cycle) is in the
    // catalog before it is translated.
    let mut by_level: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..defs.len() {
        by_level.entry(level[comp_of[i]]).or_default().push(i);
    }
    out.levels = by_level.len();
    for members in by_level.values() {
        let level_opts = Options {
            catalog: std::sync::Arc::new(out.catalog.clone()),
            ..opts.clone()
        };
        let typed: Vec<_> = members
            .par_iter()
            .map(|&i| {
                trino2spark::transpile(&defs[i].text, &level_opts)
                    .ok()
                    .and_then(|t| t.statements.first().and_then(|s| s.defined_relation()))
            })
            .collect();
        for rel in typed.into_iter().flatten() {
            rel.add_to(&mut out.catalog);
        }
    }
    out
}
