//! `newsfacts queries`: list the saved queries and their parameters, or show
//! one in full with its SQL.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use rusqlite::types::Value;

use crate::output::{self, Format, Rows};
use crate::saved_queries::{self, SavedQuery};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Show this saved query in full: what it answers, its parameters and its SQL.
    pub name: Option<String>,
    /// Output format of the list.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// A folder of your own saved queries, adding to or overriding the built-in ones.
    #[arg(long, env = "NEWSFACTS_QUERIES", value_name = "DIR")]
    pub queries: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let queries = saved_queries::all(args.queries.as_deref())?;
    let mut stdout = std::io::stdout().lock();
    match &args.name {
        Some(name) => show(&mut stdout, &saved_queries::find(&queries, name)?)?,
        None => output::write(&mut stdout, &listing(&queries), args.format, true)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// One row per query: name, description, and how to pass each parameter (the
/// title is left to `newsfacts queries NAME`, to keep the table narrow).
fn listing(queries: &[SavedQuery]) -> Rows {
    Rows {
        columns: vec!["name".into(), "description".into(), "parameters".into()],
        rows: queries
            .iter()
            .map(|q| {
                vec![
                    Value::Text(q.name.clone()),
                    Value::Text(q.description.clone()),
                    Value::Text(param_lines(q).join("\n")),
                ]
            })
            .collect(),
    }
}

/// `-p NAME VALUE (default D): meaning`, one per parameter.
fn param_lines(q: &SavedQuery) -> Vec<String> {
    q.params
        .iter()
        .map(|p| match &p.default {
            Some(d) => format!("-p {} VALUE (default {d}): {}", p.name, p.description),
            None => format!("-p {} VALUE (required): {}", p.name, p.description),
        })
        .collect()
}

fn show(out: &mut dyn Write, q: &SavedQuery) -> std::io::Result<()> {
    writeln!(out, "{} ({})\n{}\n", q.title, q.name, q.description)?;
    let params = param_lines(q);
    if params.is_empty() {
        writeln!(out, "Parameters: none")?;
    } else {
        writeln!(out, "Parameters:")?;
        for line in params {
            writeln!(out, "  {line}")?;
        }
    }
    let required: String = q
        .params
        .iter()
        .filter(|p| p.default.is_none())
        .map(|p| format!(" -p {} VALUE", p.name))
        .collect();
    writeln!(out, "\nRun: newsfacts query {}{required}", q.name)?;
    writeln!(out, "\n{}", saved_queries::body(&q.sql).trim_end())
}
