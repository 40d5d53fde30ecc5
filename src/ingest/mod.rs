//! Readers: turn files and folders into [`Document`]s, one per article.
//!
//! A path is a file or a folder walked recursively in sorted order; the
//! format follows the extension (`.txt`, `.jsonl`/`.ndjson`, `.csv`), and `-`
//! is JSONL on standard input. Each reader yields documents lazily, so memory
//! stays flat whatever the corpus size, and reports each unusable record as an
//! [`InputError`] naming the file, the line or row, and the reason, while the
//! rest of the file is still read.
//!
//! Text must be UTF-8: invalid UTF-8 is rejected with the byte offset of the
//! first bad sequence rather than silently replaced, because a wrong decoding
//! would corrupt names and offsets without anyone noticing.

mod csv;
mod jsonl;
mod txt;

use std::fmt;
use std::path::{Path, PathBuf};

/// One article as read, before extraction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub source_path: String,
    /// Line (JSONL) or row (CSV) number, 1-based; None for a .txt file.
    pub record: Option<u64>,
    pub external_id: Option<String>,
    pub title: Option<String>,
    /// Already checked to be `YYYY-MM-DD`.
    pub published_on: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub text: String,
}

/// A file or record that could not be used, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub path: String,
    /// Line or row number when the problem is inside a multi-record file.
    pub line: Option<u64>,
    pub reason: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

impl std::error::Error for InputError {}

impl InputError {
    pub fn new(path: &str, line: Option<u64>, reason: impl Into<String>) -> Self {
        InputError {
            path: path.to_string(),
            line,
            reason: reason.into(),
        }
    }
}

/// An input the walker found: a file of a known format, or standard input.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Txt(PathBuf),
    Jsonl(PathBuf),
    Csv(PathBuf),
    Stdin,
}

impl Source {
    pub fn display(&self) -> String {
        match self {
            Source::Txt(p) | Source::Jsonl(p) | Source::Csv(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
        }
    }
}

/// The result of reading one record.
pub type Record = Result<Document, InputError>;

/// Lists the inputs under the given paths, folders walked recursively in
/// sorted order. Paths that do not exist or cannot be listed are returned as
/// errors; files of other extensions inside folders are skipped, but a file
/// named explicitly with an unknown extension is an error.
pub fn walk(paths: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else {
            walk_path(path, true, &mut sources, &mut errors, &mut Vec::new());
        }
    }
    (sources, errors)
}

fn walk_path(
    path: &Path,
    explicit: bool,
    sources: &mut Vec<Source>,
    errors: &mut Vec<InputError>,
    ancestors: &mut Vec<PathBuf>,
) {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) => {
            errors.push(InputError::new(&shown, None, describe_io(&err)));
            return;
        }
    };
    if meta.is_dir() {
        // A symlink loop would otherwise recurse until the path is too long.
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if ancestors.contains(&real) {
            errors.push(InputError::new(&shown, None, "symbolic link loop; skipped"));
            return;
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(err) => {
                errors.push(InputError::new(&shown, None, describe_io(&err)));
                return;
            }
        };
        entries.sort();
        ancestors.push(real);
        for entry in entries {
            walk_path(&entry, false, sources, errors, ancestors);
        }
        ancestors.pop();
        return;
    }
    match classify(path) {
        Some(source) => sources.push(source),
        None if explicit => errors.push(InputError::new(
            &shown,
            None,
            "unknown file type (expected .txt, .jsonl, .ndjson or .csv)",
        )),
        None => {}
    }
}

fn classify(path: &Path) -> Option<Source> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let name = path.file_name()?.to_str()?;
    // Gold annotations and other sidecar files are not articles.
    if name.starts_with('.') {
        return None;
    }
    match ext.as_str() {
        "txt" => Some(Source::Txt(path.to_path_buf())),
        "jsonl" | "ndjson" => Some(Source::Jsonl(path.to_path_buf())),
        "csv" => Some(Source::Csv(path.to_path_buf())),
        _ => None,
    }
}

/// Reads one source, yielding its records lazily.
pub fn read(source: &Source) -> Box<dyn Iterator<Item = Record> + Send> {
    match source {
        Source::Txt(path) => Box::new(std::iter::once(txt::read(path))),
        Source::Jsonl(path) => jsonl::read_file(path),
        Source::Csv(path) => csv::read_file(path),
        Source::Stdin => jsonl::read_stdin(),
    }
}

/// A short, user-facing reason for an I/O error.
pub fn describe_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match err.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        _ if err.raw_os_error() == Some(40) => "symbolic link loop".into(),
        _ => err.to_string(),
    }
}

/// Checks a record's text: not empty, not binary.
fn check_text(path: &str, line: Option<u64>, text: &str) -> Result<(), InputError> {
    if text.contains('\0') {
        return Err(InputError::new(
            path,
            line,
            "binary content (NUL bytes); not an article",
        ));
    }
    if text.trim().is_empty() {
        return Err(InputError::new(path, line, "empty article (no text)"));
    }
    Ok(())
}

/// Turns bytes into a String, naming the first invalid UTF-8 offset.
fn decode_utf8(path: &str, line: Option<u64>, bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::new(
            path,
            line,
            "binary content (NUL bytes); not an article",
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        InputError::new(
            path,
            line,
            format!(
                "not valid UTF-8 (first bad byte at offset {})",
                err.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Normalises a record's date field to `YYYY-MM-DD`, accepting an ISO date,
/// an RFC 3339 timestamp or an ISO date-time.
pub fn parse_date(value: &str) -> Option<String> {
    let v = value.trim();
    if let Ok(d) = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(v) {
        return Some(dt.date_naive().format("%Y-%m-%d").to_string());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(v, fmt) {
            return Some(dt.date().format("%Y-%m-%d").to_string());
        }
    }
    None
}

/// The fields a structured record (JSONL object or CSV row) may carry.
#[derive(Debug, Default)]
struct Fields {
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    id: Option<String>,
}

impl Fields {
    /// Assigns a named field, accepting the documented synonyms.
    fn set(&mut self, key: &str, value: String) {
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "text" | "body" => &mut self.text,
            "title" | "headline" => &mut self.title,
            "date" | "published" | "published_on" => &mut self.date,
            "url" | "link" => &mut self.url,
            "source" | "outlet" => &mut self.outlet,
            "id" => &mut self.id,
            _ => return,
        };
        if slot.is_none() && !value.trim().is_empty() {
            *slot = Some(value);
        }
    }

    fn into_document(self, path: &str, line: u64) -> Record {
        let Some(text) = self.text else {
            return Err(InputError::new(
                path,
                Some(line),
                "no `text` or `body` field",
            ));
        };
        check_text(path, Some(line), &text)?;
        let published_on = match self.date {
            None => None,
            Some(d) => Some(parse_date(&d).ok_or_else(|| {
                InputError::new(
                    path,
                    Some(line),
                    format!("unrecognised date {d:?} (expected YYYY-MM-DD or RFC 3339)"),
                )
            })?),
        };
        Ok(Document {
            source_path: path.to_string(),
            record: Some(line),
            external_id: self.id,
            title: self.title.map(|t| t.trim().to_string()),
            published_on,
            url: self.url,
            outlet: self.outlet,
            text,
        })
    }
}
