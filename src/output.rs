//! Printing rows: one writer per format, shared by every command that prints.
//!
//! Conventions users already know: an aligned table that wraps to the terminal
//! (comfy-table), RFC 4180 CSV, TSV, JSON as an array of objects (integers stay
//! integers, NULL is null), JSON lines, and GitHub-flavoured Markdown.

use std::io::Write;

use comfy_table::{presets::UTF8_FULL, ContentArrangement, Table};
use rusqlite::types::Value;
use serde_json::{Map, Value as Json};

/// Output formats for rows.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Tsv,
    Json,
    Jsonl,
    Markdown,
}

/// A result set: column names and rows of SQLite values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// How NULL reads in the table and Markdown formats (CSV and TSV leave it empty).
const NULL_TEXT: &str = "∅";

/// Writes rows in a format.
pub fn write(
    out: &mut dyn Write,
    rows: &Rows,
    format: Format,
    headers: bool,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_table(out, rows, headers),
        Format::Csv => write_delimited(out, rows, b',', headers),
        Format::Tsv => write_delimited(out, rows, b'\t', headers),
        Format::Json => {
            let array: Vec<Json> = rows.rows.iter().map(|r| object(&rows.columns, r)).collect();
            serde_json::to_writer_pretty(&mut *out, &array)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for r in &rows.rows {
                serde_json::to_writer(&mut *out, &object(&rows.columns, r))?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Markdown => write_markdown(out, rows, headers),
    }
}

fn write_table(out: &mut dyn Write, rows: &Rows, headers: bool) -> std::io::Result<()> {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some((width, _)) = terminal_width() {
        table.set_width(width);
    }
    if headers {
        table.set_header(&rows.columns);
    }
    for r in &rows.rows {
        table.add_row(
            r.iter()
                .map(|v| display(v).unwrap_or_else(|| NULL_TEXT.to_string())),
        );
    }
    writeln!(out, "{table}")?;
    writeln!(
        out,
        "({} row{})",
        rows.rows.len(),
        if rows.rows.len() == 1 { "" } else { "s" }
    )
}

/// The terminal's width from `COLUMNS`, when set (comfy-table finds the tty itself).
fn terminal_width() -> Option<(u16, u16)> {
    std::env::var("COLUMNS").ok()?.parse().ok().map(|w| (w, 0))
}

fn write_delimited(
    out: &mut dyn Write,
    rows: &Rows,
    delimiter: u8,
    headers: bool,
) -> std::io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    if headers {
        w.write_record(&rows.columns)?;
    }
    for r in &rows.rows {
        w.write_record(r.iter().map(|v| display(v).unwrap_or_default()))?;
    }
    w.flush()
}

fn write_markdown(out: &mut dyn Write, rows: &Rows, headers: bool) -> std::io::Result<()> {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', "<br>");
    if headers || rows.columns.is_empty() {
        writeln!(
            out,
            "| {} |",
            rows.columns
                .iter()
                .map(|c| cell(c))
                .collect::<Vec<_>>()
                .join(" | ")
        )?;
        writeln!(out, "|{}", "---|".repeat(rows.columns.len()))?;
    }
    for r in &rows.rows {
        let cells: Vec<String> = r
            .iter()
            .map(|v| cell(&display(v).unwrap_or_else(|| NULL_TEXT.to_string())))
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// Text form of a value; None for NULL.
fn display(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Integer(i) => Some(i.to_string()),
        Value::Real(f) => Some(f.to_string()),
        Value::Text(s) => Some(s.clone()),
        Value::Blob(b) => Some(format!("<{} bytes>", b.len())),
    }
}

fn object(columns: &[String], row: &[Value]) -> Json {
    let mut map = Map::new();
    for (c, v) in columns.iter().zip(row) {
        map.insert(c.clone(), json(v));
    }
    Json::Object(map)
}

fn json(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Integer(i) => Json::from(*i),
        Value::Real(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        Value::Text(s) => Json::String(s.clone()),
        Value::Blob(b) => Json::String(b.iter().map(|x| format!("{x:02x}")).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Rows {
        Rows {
            columns: vec!["name".into(), "count".into(), "note".into()],
            rows: vec![
                vec![
                    Value::Text("Kfar, \"A\"".into()),
                    Value::Integer(3),
                    Value::Null,
                ],
                vec![
                    Value::Text("Zürich\nline".into()),
                    Value::Real(1.5),
                    Value::Text("x".into()),
                ],
            ],
        }
    }

    fn render(format: Format) -> String {
        let mut buf = Vec::new();
        write(&mut buf, &sample(), format, true).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        assert_eq!(
            render(Format::Csv),
            "name,count,note\r\n\"Kfar, \"\"A\"\"\",3,\r\n\"Zürich\nline\",1.5,x\r\n"
        );
    }

    #[test]
    fn json_keeps_numbers_and_nulls() {
        let v: Json = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(v[0]["count"], Json::from(3));
        assert_eq!(v[0]["note"], Json::Null);
        assert_eq!(v[1]["count"], Json::from(1.5));
        assert_eq!(v[1]["name"], Json::from("Zürich\nline"));
    }

    #[test]
    fn jsonl_is_one_object_per_line() {
        let text = render(Format::Jsonl);
        assert_eq!(text.lines().count(), 2);
        assert!(text.starts_with("{\"name\":\"Kfar, \\\"A\\\"\",\"count\":3,\"note\":null}"));
    }

    #[test]
    fn markdown_escapes_pipes_and_shows_null() {
        let text = render(Format::Markdown);
        assert!(text.starts_with("| name | count | note |\n|---|---|---|\n"));
        assert!(text.contains("| ∅ |"));
        assert!(text.contains("Zürich<br>line"));
    }

    #[test]
    fn table_shows_null_and_counts_rows() {
        let text = render(Format::Table);
        assert!(text.contains("∅"));
        assert!(text.trim_end().ends_with("(2 rows)"));
    }
}
