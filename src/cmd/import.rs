//! `newsfacts import`: read articles, extract facts in parallel, write them
//! with one writer in large transactions.
//!
//! Records stream from the readers in batches; each batch is extracted on all
//! cores (rayon) and committed in one transaction, so memory stays flat and a
//! killed import leaves only whole articles behind.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use rusqlite::Connection;

use crate::db::{self, writer};
use crate::extract::{self, Facts};
use crate::ingest::{self, Document, InputError};

/// Articles extracted and committed together.
const BATCH: usize = 512;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders to import (.txt, .jsonl, .ndjson, .csv); `-` reads JSONL from stdin.
    #[arg(required_unless_present = "facts")]
    pub paths: Vec<PathBuf>,
    /// The database file (created if missing).
    #[arg(long, default_value = "newsfacts.db")]
    pub db: PathBuf,
    /// Re-extract articles already in the database instead of skipping them.
    #[arg(long)]
    pub replace: bool,
    /// Load facts produced by `newsfacts extract` (JSONL) instead of articles.
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// What one import did.
#[derive(Debug, Default)]
pub struct Summary {
    pub new: u64,
    pub unchanged: u64,
    pub replaced: u64,
    pub failed: u64,
    pub facts: writer::FactCounts,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut conn = db::open_for_write(&args.db)?;
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let run_id = writer::start_run(&conn, &command)?;
    let summary = match &args.facts {
        Some(path) => import_facts(&mut conn, run_id, path, args.replace)?,
        None => import_paths(&mut conn, run_id, &args.paths, args.replace)?,
    };
    writer::finish_run(
        &conn,
        run_id,
        summary.new + summary.replaced,
        summary.unchanged,
        summary.failed,
    )?;
    if !args.quiet {
        println!("{}", summary.line(started.elapsed().as_secs_f64()));
    }
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Imports every article under `paths` into an open database.
pub fn import_paths(
    conn: &mut Connection,
    run_id: i64,
    paths: &[PathBuf],
    replace: bool,
) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    let (sources, walk_errors) = ingest::walk(paths);
    for err in &walk_errors {
        report_failure(conn, run_id, err, &mut summary)?;
    }
    let mut records = sources.iter().flat_map(ingest::read);
    loop {
        let batch: Vec<_> = records.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let extracted: Vec<Result<Facts, InputError>> = batch
            .into_par_iter()
            .map(|record| record.and_then(|doc: Document| extract_guarded(&doc)))
            .collect();
        write_batch(conn, run_id, replace, extracted, &mut summary)?;
    }
    Ok(summary)
}

/// Loads JSONL facts written by `newsfacts extract`, each record checked.
fn import_facts(
    conn: &mut Connection,
    run_id: i64,
    path: &Path,
    replace: bool,
) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    let mut records = ingest::facts::read(path);
    loop {
        let batch: Vec<_> = records.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        write_batch(conn, run_id, replace, batch, &mut summary)?;
    }
    Ok(summary)
}

/// Extracts one document; a panic in an extractor becomes an error for this
/// article (kept in `import_errors`) instead of ending the whole import.
fn extract_guarded(doc: &Document) -> Result<Facts, InputError> {
    std::panic::catch_unwind(|| extract::extract(doc)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        InputError::new(
            &doc.source_path,
            doc.record,
            format!("internal error in extraction ({message}); please report it"),
        )
    })
}

/// Writes a batch of extracted articles in one transaction.
fn write_batch(
    conn: &mut Connection,
    run_id: i64,
    replace: bool,
    batch: Vec<Result<Facts, InputError>>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    let tx = db::begin_write(conn)?;
    {
        let w = writer::Writer::new(&tx, run_id, replace);
        for item in batch {
            match item {
                Ok(facts) => {
                    let (outcome, counts) = w.write(&facts)?;
                    match outcome {
                        writer::Outcome::New => summary.new += 1,
                        writer::Outcome::Replaced => summary.replaced += 1,
                        writer::Outcome::Unchanged => summary.unchanged += 1,
                    }
                    summary.facts += counts;
                }
                Err(err) => report_failure(&tx, run_id, &err, summary)?,
            }
        }
    }
    tx.commit()?;
    Ok(())
}

fn report_failure(
    conn: &Connection,
    run_id: i64,
    err: &InputError,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    eprintln!("error: {err}");
    writer::record_error(conn, run_id, err)?;
    summary.failed += 1;
    Ok(())
}

impl Summary {
    /// The one-line summary printed at the end of a run.
    pub fn line(&self, seconds: f64) -> String {
        let total = self.new + self.replaced + self.unchanged;
        let rate = if seconds > 0.0 {
            total as f64 / seconds
        } else {
            0.0
        };
        let f = &self.facts;
        let replaced = if self.replaced > 0 {
            format!(", {} replaced", self.replaced)
        } else {
            String::new()
        };
        format!(
            "articles: {} new, {} unchanged{replaced}, {} failed | facts: {} actor mentions, {} statements, \
             {} casualty figures, {} location mentions | {seconds:.2} s ({rate:.0} articles/s)",
            self.new, self.unchanged, self.failed, f.actor_mentions, f.statements, f.casualty_figures,
            f.location_mentions
        )
    }
}
