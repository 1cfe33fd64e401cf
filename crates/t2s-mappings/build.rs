//! Embeds every `mappings/*.map` file (not `mappings/udfs/`, which holds user examples) in the
//! binary: the registry is built from this list at first use.
use std::{env, fs, path::Path};

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../mappings");
    let mut files: Vec<_> = fs::read_dir(&root)
        .expect("mappings/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "map"))
        .collect();
    files.sort();
    let mut out = String::from("pub(crate) const BUILTIN_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy();
        let abs = fs::canonicalize(f).unwrap();
        out.push_str(&format!(
            "    (\"mappings/{name}\", include_str!({:?})),\n",
            abs.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_files.rs"),
        out,
    )
    .unwrap();
    println!("cargo:rerun-if-changed={}", root.display());
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    println!("cargo:rerun-if-changed=../../grammar/mappings.pest");
}
