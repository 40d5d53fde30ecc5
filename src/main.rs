//! The `newsfacts` binary: parse the command line, run it, report errors.
//!
//! Everything else lives in the library so tests and other tools can use it.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc for everything Rust allocates (SQLite keeps the system malloc):
/// see the note on the dependency in Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = newsfacts::cli::Cli::parse();
    match newsfacts::cli::run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("Error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Output piped into `head` closes early; that is not an error worth reporting.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
