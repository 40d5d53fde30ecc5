//! newsfacts: extract actors, statements, casualty figures and places from news
//! articles into one SQLite file that any SQLite client can open.
//!
//! The shape: readers (`ingest`) turn files into [`ingest::Document`]s;
//! [`extract::extract`] is a pure function from one document to its
//! [`extract::Facts`]; the writer (`db`) stores facts; `cmd` holds one module
//! per subcommand and `output` prints rows.

pub mod cli;
pub mod cmd;
pub mod db;
pub mod extract;
pub mod ingest;
pub mod output;
pub mod saved_queries;
