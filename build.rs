//! Embeds the saved queries (queries/*.sql) and the demo corpus
//! (examples/demo/**) into the binary, so `newsfacts` works from any folder
//! and adding a query is adding a file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut out = String::new();

    let queries = files_under(&root.join("queries"), &["sql"]);
    out.push_str(
        "/// Saved queries: (name, SQL text).\npub const SAVED_QUERIES: &[(&str, &str)] = &[\n",
    );
    for path in &queries {
        let name = path.file_stem().unwrap().to_str().unwrap();
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");

    let demo_root = root.join("examples/demo");
    let demo = files_under(&demo_root, &["txt", "jsonl", "csv"]);
    out.push_str(
        "/// Demo corpus: (relative path, bytes).\npub const DEMO_FILES: &[(&str, &[u8])] = &[\n",
    );
    for path in &demo {
        let rel = path.strip_prefix(&demo_root).unwrap().display().to_string();
        writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");

    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=queries");
    println!("cargo:rerun-if-changed=examples/demo");
}

/// Files with one of the extensions under `dir`, recursively, sorted.
fn files_under(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                println!("cargo:rerun-if-changed={}", path.display());
                stack.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.contains(&e))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
