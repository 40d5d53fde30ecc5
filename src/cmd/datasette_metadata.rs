//! `newsfacts datasette-metadata`: the saved queries as Datasette canned
//! queries, so the questions `newsfacts query` answers run in a browser.
//!
//! Datasette fills a canned query's parameters from a form and sends an
//! empty string for a field left blank, where `newsfacts query` binds the
//! header's default. So each optional parameter is rewritten in the SQL to
//! fall back to that default: `:place` with default NULL becomes
//! `nullif(:place, '')`, `:limit` with default 50 becomes
//! `CASE WHEN :limit IS NULL OR :limit = '' THEN 50 ELSE CAST(:limit AS INTEGER) END`
//! (a CASE, not a function call: SQLite refuses a function call as a window
//! frame's offset, `RANGE BETWEEN :days PRECEDING`). Required parameters stay
//! as they are. The rewrite only touches `:name` tokens outside string
//! literals, quoted identifiers and comments.
//!
//! The output is Datasette's `databases -> NAME -> queries` structure, which
//! Datasette 0.x reads from `--metadata` and 1.x from `--config`, as JSON or
//! YAML.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::{json, Map, Value as Json};

use crate::saved_queries::{self, SavedQuery};

/// JSON or YAML.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetadataFormat {
    Json,
    Yaml,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The database Datasette will serve: its file name without the extension
    /// is the database's name in Datasette (newsfacts.db -> newsfacts).
    #[arg(long, default_value = "newsfacts.db")]
    pub db: PathBuf,
    /// Write to a file instead of standard output.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// JSON or YAML; by default YAML when the output file ends in .yaml or .yml, else JSON.
    #[arg(long, short, value_enum)]
    pub format: Option<MetadataFormat>,
    /// A folder of your own saved queries, adding to or overriding the built-in ones.
    #[arg(long, env = "NEWSFACTS_QUERIES", value_name = "DIR")]
    pub queries: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let queries = saved_queries::all(args.queries.as_deref())?;
    let metadata = metadata(&database_name(&args.db), &queries);
    let format = args
        .format
        .unwrap_or_else(|| format_for(args.output.as_deref()));
    let text = match format {
        MetadataFormat::Json => serde_json::to_string_pretty(&metadata)? + "\n",
        MetadataFormat::Yaml => yaml(&metadata),
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
            eprintln!(
                "Wrote {} canned queries to {}. Serve them with:\n  datasette serve {} -m {}\n(Datasette 1.x: -c instead of -m.)",
                queries.len(),
                path.display(),
                args.db.display(),
                path.display()
            );
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Datasette names a database after its file, without the extension.
pub fn database_name(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "newsfacts".to_string())
}

fn format_for(output: Option<&Path>) -> MetadataFormat {
    match output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("yaml" | "yml") => MetadataFormat::Yaml,
        _ => MetadataFormat::Json,
    }
}

/// The metadata document: every saved query as a canned query of `database`.
pub fn metadata(database: &str, queries: &[SavedQuery]) -> Json {
    let mut canned = Map::new();
    for q in queries {
        canned.insert(q.name.clone(), canned_query(q));
    }
    json!({
        "title": "newsfacts",
        "description": "Actors, statements, casualty figures and places extracted from news articles by newsfacts. The canned queries below are its saved queries (newsfacts queries).",
        "databases": { database: { "tables": tables(), "queries": canned } },
    })
}

/// Table settings Datasette cannot guess: the full-text index of articles
/// (it only recognises `content="articles"` written with double quotes), and
/// the column that names a row, shown in place of a foreign key's id.
fn tables() -> Json {
    json!({
        "articles": { "fts_table": "articles_fts", "fts_pk": "id", "label_column": "title" },
        "actors": { "label_column": "name" },
        "locations": { "label_column": "name" },
    })
}

fn canned_query(q: &SavedQuery) -> Json {
    let params: Vec<&str> = q.params.iter().map(|p| p.name.as_str()).collect();
    json!({
        "title": q.title,
        "description": describe(q),
        "sql": datasette_sql(q),
        "params": params,
    })
}

/// The query's description followed by what each parameter means (Datasette
/// has no place for a parameter's own description).
fn describe(q: &SavedQuery) -> String {
    let mut text = q.description.clone();
    for p in &q.params {
        let default = match p.default.as_deref() {
            None => "required".to_string(),
            Some("NULL") => "optional".to_string(),
            Some(d) => format!("default {d}"),
        };
        text.push_str(&format!(" | {} ({default}): {}", p.name, p.description));
    }
    text
}

/// The query's SQL without its header, each optional parameter falling back
/// to its default when left blank.
pub fn datasette_sql(q: &SavedQuery) -> String {
    let body = saved_queries::body(&q.sql);
    rewrite_params(body, |name| {
        let param = q.params.iter().find(|p| p.name == name)?;
        let default = param.default.as_deref()?;
        Some(blank_means_default(name, default))
    })
}

/// `:name` as an expression that is `default` when Datasette sends ''.
fn blank_means_default(name: &str, default: &str) -> String {
    if default == "NULL" {
        format!("nullif(:{name}, '')")
    } else if default.parse::<i64>().is_ok() {
        format!("CASE WHEN :{name} IS NULL OR :{name} = '' THEN {default} ELSE CAST(:{name} AS INTEGER) END")
    } else if default.parse::<f64>().is_ok() {
        format!("CASE WHEN :{name} IS NULL OR :{name} = '' THEN {default} ELSE CAST(:{name} AS REAL) END")
    } else {
        format!(
            "coalesce(nullif(:{name}, ''), '{}')",
            default.replace('\'', "''")
        )
    }
}

/// Replaces each `:name` token outside literals and comments by
/// `replace(name)`, when that gives something.
fn rewrite_params(sql: &str, replace: impl Fn(&str) -> Option<String>) -> String {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = String::with_capacity(sql.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end = match c {
            '\'' | '"' | '`' => skip_quoted(&chars, i, c),
            '[' => skip_quoted(&chars, i, ']'),
            '-' if chars.get(i + 1) == Some(&'-') => skip_until(&chars, i, "\n"),
            '/' if chars.get(i + 1) == Some(&'*') => skip_until(&chars, i + 2, "*/"),
            ':' => {
                let start = i + 1;
                let mut j = start;
                while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                    j += 1;
                }
                let name: String = chars[start..j].iter().collect();
                match replace(&name).filter(|_| j > start) {
                    Some(expr) => {
                        out.push_str(&expr);
                        i = j;
                        continue;
                    }
                    None => j.max(i + 1),
                }
            }
            _ => i + 1,
        };
        out.extend(&chars[i..end]);
        i = end;
    }
    out
}

/// The index just past a literal opened at `start` and closed by `close`
/// (a doubled closing character is an escaped one).
fn skip_quoted(chars: &[char], start: usize, close: char) -> usize {
    let mut j = start + 1;
    while j < chars.len() {
        if chars[j] == close {
            if close != ']' && chars.get(j + 1) == Some(&close) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j += 1;
    }
    chars.len()
}

/// The index just past the next `end` at or after `from` (or the end).
fn skip_until(chars: &[char], from: usize, end: &str) -> usize {
    let end: Vec<char> = end.chars().collect();
    let mut j = from;
    while j + end.len() <= chars.len() {
        if chars[j..j + end.len()] == end[..] {
            return j + end.len();
        }
        j += 1;
    }
    chars.len()
}

/// YAML for the metadata document: mappings as block mappings, lists as
/// block sequences, multi-line strings (the SQL) as literal blocks, other
/// strings double-quoted (JSON's string escapes are valid YAML).
pub fn yaml(doc: &Json) -> String {
    let mut out = String::new();
    yaml_value(&mut out, doc, 0);
    out
}

fn yaml_value(out: &mut String, value: &Json, indent: usize) {
    let pad = " ".repeat(indent);
    match value {
        Json::Object(map) => {
            for (key, v) in map {
                out.push_str(&format!("{pad}{}:", Json::from(key.as_str())));
                yaml_entry(out, v, indent);
            }
        }
        Json::Array(items) => {
            for v in items {
                out.push_str(&format!("{pad}-"));
                yaml_entry(out, v, indent);
            }
        }
        scalar => out.push_str(&format!("{pad}{scalar}\n")),
    }
}

/// What follows `key:` or `-`: a nested block, a literal block, or a scalar.
fn yaml_entry(out: &mut String, value: &Json, indent: usize) {
    match value {
        Json::Object(m) if !m.is_empty() => {
            out.push('\n');
            yaml_value(out, value, indent + 2);
        }
        Json::Array(a) if !a.is_empty() => {
            out.push('\n');
            yaml_value(out, value, indent + 2);
        }
        Json::String(s) if s.contains('\n') && !s.contains('\r') => {
            // Explicit indentation indicator (the SQL's first line may itself
            // start with spaces) and the chomping that keeps its final line
            // breaks exactly: none (-), one (clip), or more (+).
            let content = s.trim_end_matches('\n');
            let trailing = s.len() - content.len();
            let chomp = match trailing {
                0 => "-",
                1 => "",
                _ => "+",
            };
            out.push_str(&format!(" |2{chomp}\n"));
            let pad = " ".repeat(indent + 2);
            for line in content.split('\n') {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    out.push_str(&format!("{pad}{line}\n"));
                }
            }
            for _ in 1..trailing {
                out.push('\n');
            }
        }
        scalar => out.push_str(&format!(" {scalar}\n")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(text: &str) -> SavedQuery {
        saved_queries::parse("q", text)
    }

    #[test]
    fn optional_parameters_fall_back_to_their_default() {
        let q = query(
            "-- title: T\n-- param: place = NULL : P\n-- param: limit = 50 : L\n-- param: kind = city : K\n-- param: who : W\n\
             SELECT * FROM t WHERE (:place IS NULL OR p = :place) AND k = :kind AND w = :who LIMIT :limit",
        );
        assert_eq!(
            datasette_sql(&q),
            "SELECT * FROM t WHERE (nullif(:place, '') IS NULL OR p = nullif(:place, '')) \
             AND k = coalesce(nullif(:kind, ''), 'city') AND w = :who \
             LIMIT CASE WHEN :limit IS NULL OR :limit = '' THEN 50 ELSE CAST(:limit AS INTEGER) END"
        );
    }

    #[test]
    fn literals_and_comments_are_left_alone() {
        let q = query(
            "-- param: x = NULL : X\n--\n-- a note: :x stays\nSELECT ':x', \":x\", [:x], /* :x */ :x, :xy",
        );
        assert_eq!(
            datasette_sql(&q),
            "-- a note: :x stays\nSELECT ':x', \":x\", [:x], /* :x */ nullif(:x, ''), :xy"
        );
    }

    #[test]
    fn every_saved_query_becomes_a_canned_query_with_its_params() {
        let queries = saved_queries::all(None).unwrap();
        let doc = metadata("demo", &queries);
        let canned = doc["databases"]["demo"]["queries"].as_object().unwrap();
        assert_eq!(canned.len(), queries.len());
        let timeline = &canned["casualty_timeline"];
        assert_eq!(timeline["params"], json!(["category", "place", "limit"]));
        assert!(timeline["sql"]
            .as_str()
            .unwrap()
            .contains("nullif(:place, '')"));
        assert!(!timeline["sql"].as_str().unwrap().contains("-- title:"));
        assert!(timeline["description"]
            .as_str()
            .unwrap()
            .contains("place (optional)"));
    }

    /// The rewritten SQL still prepares, and with blanks it means what the
    /// defaults mean.
    #[test]
    fn the_rewritten_queries_prepare_and_blank_means_default() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::db::migrations::migrate(&conn).unwrap();
        for q in saved_queries::all(None).unwrap() {
            conn.prepare(&datasette_sql(&q))
                .unwrap_or_else(|e| panic!("{}: {e}", q.name));
        }
        let q = query("-- param: n = 3 : N\n-- param: s = NULL : S\nSELECT :n + 1, :s IS NULL");
        let (n, null): (i64, bool) = conn
            .query_row(
                &datasette_sql(&q),
                rusqlite::named_params! {":n": "", ":s": ""},
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((n, null), (4, true));
    }

    #[test]
    fn yaml_nests_and_keeps_sql_as_a_literal_block() {
        let doc =
            json!({"a": {"b": ["x", "y"], "sql": "SELECT 1\n  FROM t\n\nWHERE \"q\""}, "n": 2});
        assert_eq!(
            yaml(&doc),
            "\"a\":\n  \"b\":\n    - \"x\"\n    - \"y\"\n  \"sql\": |2-\n    SELECT 1\n      FROM t\n\n    WHERE \"q\"\n\"n\": 2\n"
        );
        let clip = yaml(&json!({"s": "a\nb\n"}));
        assert_eq!(clip, "\"s\": |2\n  a\n  b\n");
        let keep = yaml(&json!({"s": "a\nb\n\n"}));
        assert_eq!(keep, "\"s\": |2+\n  a\n  b\n\n");
    }

    #[test]
    fn the_database_is_named_after_its_file() {
        assert_eq!(database_name(Path::new("/tmp/x/gaza-2024.db")), "gaza-2024");
        assert_eq!(format_for(Some(Path::new("m.yml"))), MetadataFormat::Yaml);
        assert_eq!(format_for(None), MetadataFormat::Json);
    }
}
