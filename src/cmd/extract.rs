//! `newsfacts extract`: JSONL articles on stdin, JSONL facts on stdout.
//!
//! No database: this is the map step that runs under any engine (Spark's
//! `RDD.pipe`, Hadoop streaming, GNU parallel); `newsfacts import --facts`
//! is the matching load.

use std::io::Write;
use std::process::ExitCode;

use rayon::prelude::*;

use crate::extract;
use crate::ingest::{self, Source};

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut records = ingest::read(&Source::Stdin);
    let mut failed = false;
    loop {
        let batch: Vec<_> = records.by_ref().take(512).collect();
        if batch.is_empty() {
            break;
        }
        let lines: Vec<_> = batch
            .into_par_iter()
            .map(|r| {
                r.map(|doc| {
                    serde_json::to_string(&extract::extract(&doc)).expect("facts serialise")
                })
            })
            .collect();
        for line in lines {
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
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
