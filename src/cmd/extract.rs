//! `newsfacts extract`: JSONL articles on stdin, JSONL facts on stdout.
//!
//! No database: this is the map step that runs under any engine (Spark's
//! `RDD.pipe`, Hadoop streaming, GNU parallel); `newsfacts import --facts`
//! is the matching load. It runs the import pipeline (reader thread, rayon
//! extraction and serialisation, output on this thread), so it streams with
//! flat memory and keeps input order.

use std::io::Write;
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;

use crate::cmd::import::pipeline::{map_batches, Batcher, DEPTH};
use crate::extract;
use crate::ingest::{self, Record, Source};

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    let failed = std::thread::scope(|s| {
        let (mut batcher, read) = Batcher::new();
        let (lines, to_print) = sync_channel(DEPTH);
        s.spawn(move || {
            for record in ingest::read(&Source::Stdin) {
                if !batcher.push(record, 0) {
                    return;
                }
            }
            batcher.finish(0);
        });
        s.spawn(|| map_batches(read, lines, facts_line));
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut failed = false;
        for batch in to_print {
            for line in batch.items {
                match line {
                    Ok(json) => writeln!(out, "{json}")?,
                    Err(err) => {
                        eprintln!("error: {err}");
                        failed = true;
                    }
                }
            }
        }
        out.flush()?;
        anyhow::Ok(failed)
    })?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// One article's facts as a JSON line (serialised on the worker threads).
fn facts_line(record: Record) -> Result<String, ingest::InputError> {
    record.map(|doc| serde_json::to_string(&extract::extract(&doc)).expect("facts serialise"))
}
