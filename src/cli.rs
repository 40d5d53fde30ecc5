//! The command line: one subcommand per module in `cmd`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd;

/// Turn news articles into facts an analyst can query.
#[derive(Parser, Debug)]
#[command(name = "newsfacts", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Import articles (.txt, .jsonl/.ndjson, .csv, or `-` for JSONL on stdin) into a database.
    Import(cmd::import::Args),
    /// Run a saved query by name, a .sql file, or ad-hoc SQL.
    Query(cmd::query::Args),
    /// List the saved queries with their parameters.
    Queries(cmd::queries::Args),
    /// Extract facts from JSONL articles on stdin to JSONL on stdout, no database.
    Extract(cmd::extract::Args),
    /// Import the built-in demo corpus and print the headline saved queries.
    Demo(cmd::demo::Args),
    /// Write Datasette metadata with the saved queries as canned queries.
    DatasetteMetadata(cmd::datasette_metadata::Args),
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Import(args) => cmd::import::run(args),
        Command::Query(args) => cmd::query::run(args),
        Command::Queries(args) => cmd::queries::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Demo(args) => cmd::demo::run(args),
        Command::DatasetteMetadata(args) => cmd::datasette_metadata::run(args),
    }
}
