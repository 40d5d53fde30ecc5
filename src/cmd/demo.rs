//! `newsfacts demo`: import the built-in demo corpus and show what came out.
//!
//! The corpus (examples/demo) is embedded in the binary, written to a
//! temporary folder, and imported like any other input, so the demo runs the
//! same path as a real import.

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
    ("statements_by_speaker", &[]),
    ("actors_together", &[("limit", "10")]),
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
    let dir = std::env::temp_dir().join(format!("newsfacts-demo-{}", std::process::id()));
    for (rel, bytes) in DEMO_FILES {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", args.db.display()));
    }
    let started = std::time::Instant::now();
    let mut conn = db::open_for_write(&args.db)?;
    let run_id = writer::start_run(&conn, "newsfacts demo")?;
    let summary = import::import_paths(&mut conn, run_id, std::slice::from_ref(&dir), false)?;
    writer::finish_run(
        &conn,
        run_id,
        summary.new,
        summary.unchanged,
        summary.failed,
    )?;
    std::fs::remove_dir_all(&dir).ok();
    println!("Imported the demo corpus into {}", args.db.display());
    println!("{}\n", summary.line(started.elapsed().as_secs_f64()));

    let saved = saved_queries::all(None)?;
    let mut stdout = std::io::stdout().lock();
    for (name, params) in HEADLINE_QUERIES {
        let query = saved_queries::find(&saved, name)?;
        let params: Vec<(String, String)> = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let rows = super::query::run_query(&conn, &query, &params)?;
        let flags: String = params.iter().map(|(k, v)| format!(" -p {k} {v}")).collect();
        println!("== {} (newsfacts query {name}{flags})", query.title);
        output::write(&mut stdout, &rows, args.format, true)?;
        println!();
    }
    println!(
        "Try: newsfacts queries    and    newsfacts query <name> --db {}",
        args.db.display()
    );
    Ok(ExitCode::SUCCESS)
}
