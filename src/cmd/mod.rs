//! One module per subcommand, each with its clap `Args` and a `run`.

pub mod datasette_metadata;
pub mod demo;
pub mod extract;
pub mod import;
pub mod queries;
pub mod query;
