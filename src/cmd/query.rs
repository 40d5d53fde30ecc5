//! `newsfacts query`: run a saved query, a .sql file, or ad-hoc SQL.
//!
//! Parameters are always bound (`-p NAME VALUE` binds `:NAME`), never pasted
//! into the SQL; a parameter the query uses but nobody set is an error, not a
//! silent NULL. The database opens read-only unless `--write` is given.
//! Rows stream to the output as SQLite produces them; with `-o FILE`, a query
//! that fails halfway leaves no file behind.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use rusqlite::types::Value;
use rusqlite::{Connection, Statement};

use crate::db;
use crate::output::{self, Format, Rows};
use crate::saved_queries::{self, SavedQuery};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A saved query's name, a path to a .sql file, or SQL.
    pub query: String,
    /// The database file.
    #[arg(long, default_value = "newsfacts.db")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Bind a parameter: `-p place Gaza` binds `:place`. Repeatable.
    #[arg(short = 'p', long = "param", num_args = 2, value_names = ["NAME", "VALUE"])]
    pub params: Vec<String>,
    /// Write the output to a file instead of standard output.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// Leave out the header row.
    #[arg(long)]
    pub no_headers: bool,
    /// Open the database for writing (needed for INSERT, UPDATE, DELETE).
    #[arg(long)]
    pub write: bool,
    /// A folder of your own saved queries, adding to or overriding the built-in ones.
    #[arg(long, env = "NEWSFACTS_QUERIES", value_name = "DIR")]
    pub queries: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let saved = saved_queries::all(args.queries.as_deref())?;
    let query = resolve(&args.query, &saved)?;
    let conn = db::open_existing(&args.db, args.write)?;
    note_missing_indexes(&conn, &args.db)?;
    let pairs: Vec<(String, String)> = args
        .params
        .chunks(2)
        .map(|p| (p[0].trim_start_matches(':').to_string(), p[1].clone()))
        .collect();
    let mut stmt = bound_statement(&conn, &query, &pairs)?;
    let options = output::Options {
        fit_terminal: args.output.is_none(),
        ..output::Options::new(args.format, !args.no_headers)
    };
    match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let written = print_rows(&mut stmt, &query, &mut out, options);
            if written.is_err() {
                // No half-written file left behind to be mistaken for a result.
                drop(out);
                let _ = std::fs::remove_file(path);
            }
            written.with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            print_rows(&mut stmt, &query, &mut out, options)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr when a large import has the query indexes dropped (or one
/// was killed before building them): the answers are right, only slower.
fn note_missing_indexes(conn: &Connection, db: &Path) -> anyhow::Result<()> {
    let missing = db::indexes::missing(conn)?.len();
    if missing > 0 {
        eprintln!(
            "note: {missing} indexes of {} are being rebuilt by an import (or the next import \
             will rebuild them, if one was interrupted); queries may be slow until then",
            db.display()
        );
    }
    Ok(())
}

/// Streams the statement's rows into a writer in the chosen format.
fn print_rows(
    stmt: &mut Statement,
    query: &SavedQuery,
    out: &mut dyn std::io::Write,
    options: output::Options,
) -> anyhow::Result<()> {
    let columns = column_names(stmt);
    let mut writer = output::RowWriter::start(out, options, &columns)?;
    for_each_row(stmt, query, |row| Ok(writer.row(&row)?))?;
    writer.finish()?;
    Ok(())
}

/// Turns the user's QUERY argument into a query: a .sql file, a saved query,
/// or ad-hoc SQL (anything with a space in it).
pub fn resolve(arg: &str, saved: &[SavedQuery]) -> anyhow::Result<SavedQuery> {
    if arg.ends_with(".sql") && Path::new(arg).is_file() {
        let text = std::fs::read_to_string(arg).with_context(|| format!("reading {arg}"))?;
        return Ok(saved_queries::parse(arg, &text));
    }
    if arg.trim().contains(char::is_whitespace) {
        return Ok(saved_queries::parse("ad-hoc SQL", arg));
    }
    Ok(saved_queries::find(saved, arg)?)
}

/// Prepares, binds and runs a query, naming it in any error; all rows in memory.
pub fn run_query(
    conn: &Connection,
    query: &SavedQuery,
    params: &[(String, String)],
) -> anyhow::Result<Rows> {
    let mut stmt = bound_statement(conn, query, params)?;
    let columns = column_names(&stmt);
    let mut rows = Vec::new();
    for_each_row(&mut stmt, query, |row| {
        rows.push(row);
        Ok(())
    })?;
    Ok(Rows { columns, rows })
}

/// Prepares a query and binds every parameter it uses: from `params`, else
/// the header's default, else an error saying how to pass it.
pub fn bound_statement<'c>(
    conn: &'c Connection,
    query: &SavedQuery,
    params: &[(String, String)],
) -> anyhow::Result<Statement<'c>> {
    let name = &query.name;
    let mut stmt = conn
        .prepare(&query.sql)
        .map_err(|err| sql_error(name, &query.sql, err))?;
    for (given, _) in params {
        if stmt.parameter_index(&format!(":{given}"))?.is_none() {
            bail!(
                "query {name} has no parameter :{given}{}",
                list_params(query)
            );
        }
    }
    for i in 1..=stmt.parameter_count() {
        let Some(pname) = stmt.parameter_name(i).map(str::to_string) else {
            bail!("query {name}: use named parameters (:name), not ? placeholders");
        };
        let key = pname.trim_start_matches([':', '@', '$']);
        let value = match params.iter().rev().find(|(k, _)| k == key) {
            Some((_, v)) => bind_value(v),
            None => match query
                .params
                .iter()
                .find(|p| p.name == key)
                .and_then(|p| p.default.as_deref())
            {
                Some(default) => bind_value(default),
                None => bail!("query {name} needs parameter :{key}; pass it with -p {key} VALUE"),
            },
        };
        stmt.raw_bind_parameter(i, value)?;
    }
    Ok(stmt)
}

fn column_names(stmt: &Statement) -> Vec<String> {
    stmt.column_names().map(str::to_string).collect()
}

/// Steps through a bound statement, handing each row to `f`.
fn for_each_row(
    stmt: &mut Statement,
    query: &SavedQuery,
    mut f: impl FnMut(Vec<Value>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let width = stmt.column_count();
    let mut rows = stmt.raw_query();
    while let Some(row) = rows
        .next()
        .map_err(|err| sql_error(&query.name, &query.sql, err))?
    {
        let values = (0..width)
            .map(|i| row.get::<_, Value>(i))
            .collect::<Result<Vec<_>, _>>()?;
        f(values)?;
    }
    Ok(())
}

/// Integers bind as integers (so `LIMIT :n` works), `NULL` as NULL, the rest as text.
fn bind_value(v: &str) -> Value {
    if v == "NULL" {
        Value::Null
    } else if let Ok(i) = v.parse::<i64>() {
        Value::Integer(i)
    } else {
        Value::Text(v.to_string())
    }
}

fn list_params(q: &SavedQuery) -> String {
    if q.params.is_empty() {
        return String::new();
    }
    let names: Vec<String> = q.params.iter().map(|p| format!(":{}", p.name)).collect();
    format!(" (it takes {})", names.join(", "))
}

/// SQLite's message, the query's name, and the SQL with a caret at the fault.
fn sql_error(name: &str, sql: &str, err: rusqlite::Error) -> anyhow::Error {
    if let rusqlite::Error::SqlInputError { msg, offset, .. } = &err {
        if let Ok(offset) = usize::try_from(*offset) {
            let line_start = sql[..offset.min(sql.len())]
                .rfind('\n')
                .map_or(0, |p| p + 1);
            let line_end = sql[line_start..]
                .find('\n')
                .map_or(sql.len(), |p| line_start + p);
            let caret = " ".repeat(sql[line_start..offset.min(sql.len())].chars().count());
            return anyhow!(
                "in query {name}: {msg}\n  {}\n  {caret}^",
                &sql[line_start..line_end]
            );
        }
    }
    anyhow!("in query {name}: {err}")
}
