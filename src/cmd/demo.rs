//! `newsfacts demo`: import the built-in demo corpus and show what came out.
//!
//! The corpus (examples/demo) is embedded in the binary, written to a
//! temporary folder, and imported like any other input, so the demo runs the
//! same path as a real import.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cmd::import;
use crate::db::{self, writer};
use crate::output::{self, Format};
use crate::saved_queries::{self, DEMO_FILES};

/// The saved queries the demo prints, with their parameters.
const HEADLINE_QUERIES: &[(&str, &[(&str, &str)])] = &[
    ("casualty_timeline", &[("category", "killed")]),
    ("statements_by_speaker", &[("limit", "15")]),
    ("actors_together", &[("actor", "ICRC"), ("limit", "10")]),
    ("places", &[("limit", "15")]),
    ("outlets", &[]),
];

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to write the demo database (replaced if it exists).
    #[arg(long, default_value = "newsfacts-demo.db")]
    pub db: PathBuf,
    /// Output format for the query results.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let db_path = std::path::absolute(&args.db)?;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db_path.display()));
    }
    let started = std::time::Instant::now();
    let mut conn = db::open_for_write(&db_path)?;
    let run_id = writer::start_run(&conn, "newsfacts demo")?;
    let summary = import_demo_corpus(&mut conn, run_id)?;
    writer::finish_run(
        &conn,
        run_id,
        summary.new,
        summary.unchanged,
        summary.failed,
    )?;
    // writeln! rather than println!: a closed pipe (`| head`) is an error to return, not a panic.
    let mut out = std::io::stdout().lock();
    writeln!(out, "Imported the demo corpus into {}", args.db.display())?;
    writeln!(out, "{}\n", summary.line(started.elapsed().as_secs_f64()))?;

    let saved = saved_queries::all(None)?;
    for (name, params) in HEADLINE_QUERIES {
        let query = saved_queries::find(&saved, name)?;
        let params: Vec<(String, String)> = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let rows = super::query::run_query(&conn, &query, &params)?;
        let flags: String = params.iter().map(|(k, v)| format!(" -p {k} {v}")).collect();
        writeln!(out, "== {} (newsfacts query {name}{flags})", query.title)?;
        output::write(&mut out, &rows, args.format, true)?;
        writeln!(out)?;
    }
    writeln!(
        out,
        "Try: newsfacts queries    and    newsfacts query <name> --db {}",
        args.db.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the embedded corpus to a temporary folder and imports it from
/// there, so articles are stored as `examples/demo/...` as in the repository.
fn import_demo_corpus(
    conn: &mut rusqlite::Connection,
    run_id: i64,
) -> anyhow::Result<import::Summary> {
    let root = std::env::temp_dir().join(format!("newsfacts-demo-{}", std::process::id()));
    let corpus = PathBuf::from("examples/demo");
    for (rel, bytes) in DEMO_FILES {
        let path = root.join(&corpus).join(rel);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    let previous = std::env::current_dir()?;
    std::env::set_current_dir(&root)?;
    let summary = import::import_paths(conn, run_id, &[corpus], false);
    std::env::set_current_dir(previous)?;
    std::fs::remove_dir_all(&root).ok();
    summary
}
