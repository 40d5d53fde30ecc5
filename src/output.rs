//! Printing rows: one writer per format, shared by every command that prints.
//!
//! Conventions users already know: an aligned table that wraps to the terminal
//! (comfy-table), RFC 4180 CSV, TSV, JSON as an array of objects (integers stay
//! integers, NULL is null), JSON lines, and GitHub-flavoured Markdown.
//!
//! Rows stream: [`RowWriter`] writes each row as it comes, so a query over a
//! large database prints its first rows at once and never holds them all in
//! memory. Only the table buffers, because column widths depend on every row.

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

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// A header row (table, CSV, TSV, Markdown) and the row count under a table.
    pub headers: bool,
    /// Fit the table to the terminal (its width, or `COLUMNS` when set); off
    /// when writing to a file, where lines stay whole.
    pub fit_terminal: bool,
}

impl Options {
    /// Options for printing to standard output.
    pub fn new(format: Format, headers: bool) -> Self {
        Options {
            format,
            headers,
            fit_terminal: true,
        }
    }
}

/// How NULL reads in the table and Markdown formats (CSV and TSV leave it
/// empty, JSON writes null).
pub const NULL_TEXT: &str = "∅";

/// Writes all rows in one go (for small results).
pub fn write(
    out: &mut dyn Write,
    rows: &Rows,
    format: Format,
    headers: bool,
) -> std::io::Result<()> {
    let mut writer = RowWriter::start(out, Options::new(format, headers), &rows.columns)?;
    for row in &rows.rows {
        writer.row(row)?;
    }
    writer.finish()
}

/// Writes rows one at a time: [`start`](Self::start), [`row`](Self::row) for
/// each, then [`finish`](Self::finish).
pub struct RowWriter<'w> {
    out: &'w mut dyn Write,
    options: Options,
    columns: Vec<String>,
    /// Column names made unique, as JSON object keys.
    keys: Vec<String>,
    count: usize,
    /// Table cells, held until `finish` (widths depend on every row).
    table: Vec<Vec<String>>,
}

impl<'w> RowWriter<'w> {
    /// Writes whatever comes before the first row (a header, `[`).
    pub fn start(
        out: &'w mut dyn Write,
        options: Options,
        columns: &[String],
    ) -> std::io::Result<Self> {
        let mut writer = RowWriter {
            out,
            options,
            columns: columns.to_vec(),
            keys: unique_keys(columns),
            count: 0,
            table: Vec::new(),
        };
        writer.write_start()?;
        Ok(writer)
    }

    fn write_start(&mut self) -> std::io::Result<()> {
        let headers = self.options.headers;
        match self.options.format {
            Format::Csv if headers => write_delimited(self.out, &self.columns, ',', "\r\n"),
            Format::Tsv if headers => write_delimited(self.out, &self.columns, '\t', "\n"),
            Format::Json => write!(self.out, "["),
            Format::Markdown => write_markdown_header(self.out, &self.columns, headers),
            _ => Ok(()),
        }
    }

    /// Writes one row (the table holds it until `finish`).
    pub fn row(&mut self, row: &[Value]) -> std::io::Result<()> {
        let first = self.count == 0;
        self.count += 1;
        match self.options.format {
            Format::Table => {
                self.table.push(row.iter().map(table_cell).collect());
                Ok(())
            }
            Format::Csv => write_delimited(self.out, &texts(row), ',', "\r\n"),
            Format::Tsv => write_delimited(self.out, &texts(row), '\t', "\n"),
            Format::Json => {
                write!(self.out, "{}\n  ", if first { "" } else { "," })?;
                serde_json::to_writer(&mut *self.out, &object(&self.keys, row))?;
                Ok(())
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut *self.out, &object(&self.keys, row))?;
                writeln!(self.out)
            }
            Format::Markdown => {
                let cells: Vec<String> = row
                    .iter()
                    .map(|v| markdown_cell(&display(v).unwrap_or_else(|| NULL_TEXT.into())))
                    .collect();
                writeln!(self.out, "| {} |", cells.join(" | "))
            }
        }
    }

    /// Writes whatever comes after the last row (the table, `]`) and flushes.
    pub fn finish(mut self) -> std::io::Result<()> {
        match self.options.format {
            Format::Table => self.write_table()?,
            Format::Json if self.count == 0 => writeln!(self.out, "]")?,
            Format::Json => writeln!(self.out, "\n]")?,
            _ => {}
        }
        self.out.flush()
    }

    fn write_table(&mut self) -> std::io::Result<()> {
        let mut table = Table::new();
        table.load_style(UTF8_FULL);
        if self.options.fit_terminal {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            if let Some(width) = columns_env() {
                table.set_width(width);
            }
        } else {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
        if self.options.headers {
            table.set_header(&self.columns);
        }
        for cells in self.table.drain(..) {
            table.add_row(cells);
        }
        writeln!(self.out, "{table}")?;
        if self.options.headers {
            let plural = if self.count == 1 { "" } else { "s" };
            writeln!(self.out, "({} row{plural})", self.count)?;
        }
        Ok(())
    }
}

/// The terminal's width from `COLUMNS`, when set (comfy-table asks the tty
/// itself otherwise).
fn columns_env() -> Option<u16> {
    std::env::var("COLUMNS").ok()?.trim().parse().ok()
}

/// A table cell: NULL as ∅, tabs as spaces (a tab would break the alignment).
fn table_cell(v: &Value) -> String {
    display(v).map_or_else(|| NULL_TEXT.to_string(), |s| s.replace('\t', "    "))
}

/// CSV (RFC 4180) or TSV. CSV quotes a field holding a comma, a quote or a
/// line break, doubling its quotes. TSV quotes the same way, but only a field
/// holding a tab or a line break, or starting with a quote, so ordinary text
/// stays bare for `cut` and `awk` while a tab or newline inside a field still
/// survives (Python's csv with `delimiter='\t'` and the sqlite3 shell's
/// `.import` read both back).
fn write_delimited(
    out: &mut dyn Write,
    fields: &[impl AsRef<str>],
    delimiter: char,
    terminator: &str,
) -> std::io::Result<()> {
    let needs_quotes = |f: &str| {
        if delimiter == ',' {
            f.contains([',', '"', '\r', '\n'])
        } else {
            f.contains([delimiter, '\r', '\n']) || f.starts_with('"')
        }
    };
    // A single empty field would be a blank line, which readers skip.
    let lone_empty = fields.len() == 1 && fields[0].as_ref().is_empty();
    for (i, field) in fields.iter().enumerate() {
        let field = field.as_ref();
        if i > 0 {
            write!(out, "{delimiter}")?;
        }
        if needs_quotes(field) || lone_empty {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(terminator.as_bytes())
}

/// CSV/TSV text of each value; NULL is an empty field.
fn texts(row: &[Value]) -> Vec<String> {
    row.iter().map(|v| display(v).unwrap_or_default()).collect()
}

/// GitHub tables need a header row; without headers it is left blank.
fn write_markdown_header(
    out: &mut dyn Write,
    columns: &[String],
    headers: bool,
) -> std::io::Result<()> {
    let names: Vec<String> = columns
        .iter()
        .map(|c| {
            if headers {
                markdown_cell(c)
            } else {
                String::new()
            }
        })
        .collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(columns.len()))
}

/// Pipes are escaped and line breaks become `<br>`, so a cell stays on its row.
fn markdown_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
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

/// Column names as JSON keys: a repeated name gets `_2`, `_3`, ... so no
/// column silently overwrites another (`SELECT a.id, s.id`).
fn unique_keys(columns: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(columns.len());
    for column in columns {
        let mut key = column.clone();
        let mut n = 1;
        while keys.contains(&key) {
            n += 1;
            key = format!("{column}_{n}");
        }
        keys.push(key);
    }
    keys
}

fn object(keys: &[String], row: &[Value]) -> Json {
    let mut map = Map::new();
    for (k, v) in keys.iter().zip(row) {
        map.insert(k.clone(), json(v));
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

    /// Every awkward value at once: NULL, quotes, commas, a newline, a tab,
    /// a pipe, non-ASCII text, an integer and a real.
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
                    Value::Text("a|b\tc — «ok»".into()),
                ],
            ],
        }
    }

    fn render_with(format: Format, headers: bool) -> String {
        let mut buf = Vec::new();
        write(&mut buf, &sample(), format, headers).unwrap();
        String::from_utf8(buf).unwrap()
    }

    fn render(format: Format) -> String {
        render_with(format, true)
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        assert_eq!(
            render(Format::Csv),
            "name,count,note\r\n\"Kfar, \"\"A\"\"\",3,\r\n\"Zürich\nline\",1.5,a|b\tc — «ok»\r\n"
        );
    }

    #[test]
    fn csv_reads_back_with_a_standard_reader() {
        let text = render(Format::Csv);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        assert_eq!(rows[0], ["Kfar, \"A\"", "3", ""]);
        assert_eq!(rows[1], ["Zürich\nline", "1.5", "a|b\tc — «ok»"]);
    }

    #[test]
    fn tsv_quotes_tabs_and_newlines() {
        assert_eq!(
            render(Format::Tsv),
            "name\tcount\tnote\nKfar, \"A\"\t3\t\n\"Zürich\nline\"\t1.5\t\"a|b\tc — «ok»\"\n"
        );
    }

    #[test]
    fn no_headers_leaves_out_the_header_row() {
        assert!(render_with(Format::Csv, false).starts_with("\"Kfar"));
        assert!(render_with(Format::Tsv, false).starts_with("Kfar"));
        let table = render_with(Format::Table, false);
        assert!(
            !table.contains("name") && !table.contains("rows)"),
            "{table}"
        );
        let md = render_with(Format::Markdown, false);
        assert!(md.starts_with("|  |  |  |\n|---|---|---|\n"), "{md}");
    }

    #[test]
    fn a_lone_empty_field_is_quoted_so_the_row_is_not_blank() {
        let rows = Rows {
            columns: vec!["x".into()],
            rows: vec![vec![Value::Null]],
        };
        let mut buf = Vec::new();
        write(&mut buf, &rows, Format::Csv, true).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), "x\r\n\"\"\r\n");
    }

    #[test]
    fn json_keeps_numbers_and_nulls() {
        let v: Json = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(v[0]["count"], Json::from(3));
        assert!(v[0]["count"].is_i64());
        assert_eq!(v[0]["note"], Json::Null);
        assert_eq!(v[0]["name"], Json::from("Kfar, \"A\""));
        assert_eq!(v[1]["count"], Json::from(1.5));
        assert_eq!(v[1]["name"], Json::from("Zürich\nline"));
        assert_eq!(v[1]["note"], Json::from("a|b\tc — «ok»"));
    }

    #[test]
    fn json_of_no_rows_is_an_empty_array() {
        let rows = Rows {
            columns: vec!["x".into()],
            rows: vec![],
        };
        let mut buf = Vec::new();
        write(&mut buf, &rows, Format::Json, true).unwrap();
        let v: Json = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v, Json::Array(vec![]));
    }

    #[test]
    fn json_keeps_repeated_column_names_apart() {
        let rows = Rows {
            columns: vec!["id".into(), "id".into()],
            rows: vec![vec![Value::Integer(1), Value::Integer(2)]],
        };
        let mut buf = Vec::new();
        write(&mut buf, &rows, Format::Json, true).unwrap();
        let v: Json = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v[0]["id"], Json::from(1));
        assert_eq!(v[0]["id_2"], Json::from(2));
    }

    #[test]
    fn jsonl_is_one_object_per_line() {
        let text = render(Format::Jsonl);
        assert_eq!(text.lines().count(), 2);
        assert!(text.starts_with("{\"name\":\"Kfar, \\\"A\\\"\",\"count\":3,\"note\":null}\n"));
        for line in text.lines() {
            let v: Json = serde_json::from_str(line).unwrap();
            assert!(v.is_object());
        }
        assert!(text.contains("\"Zürich\\nline\""));
    }

    #[test]
    fn markdown_escapes_pipes_and_shows_null() {
        let text = render(Format::Markdown);
        assert!(text.starts_with("| name | count | note |\n|---|---|---|\n"));
        assert!(text.contains("| Kfar, \"A\" | 3 | ∅ |"), "{text}");
        assert!(
            text.contains("| Zürich<br>line | 1.5 | a\\|b\tc — «ok» |"),
            "{text}"
        );
        assert_eq!(text.lines().count(), 4);
    }

    #[test]
    fn table_shows_null_and_counts_rows() {
        let text = render(Format::Table);
        assert!(text.contains("∅"));
        assert!(text.contains("Zürich"));
        assert!(text.contains("«ok»"));
        assert!(!text.contains('\t'));
        assert!(text.trim_end().ends_with("(2 rows)"));
    }

    #[test]
    fn table_off_the_terminal_keeps_long_lines_whole() {
        let long = "word ".repeat(60);
        let rows = Rows {
            columns: vec!["text".into()],
            rows: vec![vec![Value::Text(long.trim().into())]],
        };
        let mut buf = Vec::new();
        let options = Options {
            fit_terminal: false,
            ..Options::new(Format::Table, true)
        };
        let mut w = RowWriter::start(&mut buf, options, &rows.columns).unwrap();
        w.row(&rows.rows[0]).unwrap();
        w.finish().unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.contains(long.trim()), "{text}");
    }
}
