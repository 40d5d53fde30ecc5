//! `newsfacts queries`: list the saved queries and their parameters.

use std::path::PathBuf;
use std::process::ExitCode;

use rusqlite::types::Value;

use crate::output::{self, Format, Rows};
use crate::saved_queries;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// A folder of your own saved queries, adding to or overriding the built-in ones.
    #[arg(long, env = "NEWSFACTS_QUERIES", value_name = "DIR")]
    pub queries: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let queries = saved_queries::all(args.queries.as_deref())?;
    let rows = Rows {
        columns: vec!["name".into(), "description".into(), "parameters".into()],
        rows: queries
            .iter()
            .map(|q| {
                let params: Vec<String> = q
                    .params
                    .iter()
                    .map(|p| match &p.default {
                        Some(d) => format!("-p {} VALUE (default {d}): {}", p.name, p.description),
                        None => format!("-p {} VALUE (required): {}", p.name, p.description),
                    })
                    .collect();
                vec![
                    Value::Text(q.name.clone()),
                    Value::Text(q.description.clone()),
                    Value::Text(params.join("\n")),
                ]
            })
            .collect(),
    };
    let stdout = std::io::stdout();
    output::write(&mut stdout.lock(), &rows, args.format, true)?;
    Ok(ExitCode::SUCCESS)
}
