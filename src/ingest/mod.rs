//! Readers: turn files and folders into [`Document`]s, one per article.
//!
//! A path is a file or a folder walked recursively in sorted order; the
//! format follows the extension (`.txt`, `.jsonl`/`.ndjson`, `.csv`), and `-`
//! is JSONL on standard input. Each reader yields documents lazily, so memory
//! stays flat whatever the corpus size, and reports each unusable record as an
//! [`InputError`] naming the file, the line or row, and the reason, while the
//! rest of the file is still read. Nothing is dropped silently: an empty
//! file, a folder entry that cannot be listed, a named pipe or a symbolic link
//! loop each produce an error too.
//!
//! Text must be UTF-8: invalid UTF-8 is rejected with the byte offset of the
//! first bad sequence (from the start of the file for `.txt`, of the line for
//! JSONL, of the field for CSV) rather than silently replaced, because a wrong
//! decoding would corrupt names and offsets without anyone noticing. A UTF-8
//! byte-order mark is accepted and dropped; UTF-16 and binary files are named
//! as such after a look at their first bytes, once per file.
//!
//! One article may hold at most [`MAX_ARTICLE_BYTES`]: a longer "article" is
//! a dump or a wrong file, and reading it whole would cost memory and
//! extraction time out of proportion to any news text.

mod csv;
pub mod facts;
mod jsonl;
mod lines;
mod txt;

use std::fmt;
use std::path::{Path, PathBuf};

/// The largest article text accepted, in bytes (10 MB, about a hundred times
/// the longest news article).
pub const MAX_ARTICLE_BYTES: usize = 10_000_000;

/// How many leading bytes are examined to tell binary or UTF-16 from text.
const SNIFF_BYTES: usize = 8192;

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
/// named explicitly with an unknown extension is an error. Only regular files
/// are read: a named pipe would block the import forever, and a socket or
/// device is never an article.
pub fn walk(paths: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    let mut walker = Walker::default();
    for path in paths {
        if path.as_os_str() == "-" {
            walker.sources.push(Source::Stdin);
        } else {
            walker.visit(path, true);
        }
    }
    (walker.sources, walker.errors)
}

/// The state of one walk: what was found, what failed, and the folders being
/// visited (to notice a symbolic link that loops back to one of them).
#[derive(Default)]
struct Walker {
    sources: Vec<Source>,
    errors: Vec<InputError>,
    ancestors: Vec<PathBuf>,
}

impl Walker {
    fn visit(&mut self, path: &Path, explicit: bool) {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => return self.fail(path, describe_io(&err)),
        };
        if meta.is_dir() {
            self.visit_folder(path);
        } else if !meta.is_file() {
            // Other file types in a folder are skipped like any unknown file,
            // unless their name says they should be an article.
            if explicit || classify(path).is_some() {
                let kind = describe_file_type(&meta.file_type());
                self.fail(path, format!("not a regular file ({kind}); skipped"));
            }
        } else if let Some(source) = classify(path) {
            self.sources.push(source);
        } else if explicit {
            self.fail(
                path,
                "unknown file type (expected .txt, .jsonl, .ndjson or .csv)",
            );
        }
    }

    fn visit_folder(&mut self, path: &Path) {
        // A symlink loop would otherwise recurse until the path is too long.
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if self.ancestors.contains(&real) {
            return self.fail(path, "symbolic link loop; skipped");
        }
        let listing = match std::fs::read_dir(path) {
            Ok(listing) => listing,
            Err(err) => return self.fail(path, describe_io(&err)),
        };
        let mut entries = Vec::new();
        for entry in listing {
            match entry {
                Ok(entry) => entries.push(entry.path()),
                Err(err) => self.fail(path, format!("listing stopped: {}", describe_io(&err))),
            }
        }
        entries.sort();
        self.ancestors.push(real);
        for entry in entries {
            self.visit(&entry, false);
        }
        self.ancestors.pop();
    }

    fn fail(&mut self, path: &Path, reason: impl Into<String>) {
        let shown = path.display().to_string();
        self.errors.push(InputError::new(&shown, None, reason));
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

#[cfg(unix)]
fn describe_file_type(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "an unusual file type"
    }
}

#[cfg(not(unix))]
fn describe_file_type(_kind: &std::fs::FileType) -> &'static str {
    "an unusual file type"
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
        IsADirectory => "is a folder, not a file".into(),
        _ if err.raw_os_error() == Some(40) => "symbolic link loop".into(),
        _ => err.to_string(),
    }
}

/// Names a file that is plainly not UTF-8 text from its first bytes, so a
/// binary or UTF-16 file gets one clear error instead of one per line.
fn sniff(path: &str, head: &[u8]) -> Result<(), InputError> {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::new(
            path,
            None,
            "encoded as UTF-16; save it as UTF-8",
        ));
    }
    if head[..head.len().min(SNIFF_BYTES)].contains(&0) {
        return Err(InputError::new(
            path,
            None,
            "binary content (NUL bytes); not a text file",
        ));
    }
    Ok(())
}

/// Checks a record's text: not empty (a byte-order mark alone counts as
/// empty), not binary, not longer than [`MAX_ARTICLE_BYTES`].
fn check_text(path: &str, line: Option<u64>, text: &str) -> Result<(), InputError> {
    if text.contains('\0') {
        return Err(InputError::new(
            path,
            line,
            "binary content (NUL bytes); not an article",
        ));
    }
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(InputError::new(path, line, "empty article (no text)"));
    }
    check_size(path, line, text.len())
}

/// Refuses an article longer than [`MAX_ARTICLE_BYTES`].
fn check_size(path: &str, line: Option<u64>, bytes: usize) -> Result<(), InputError> {
    if bytes > MAX_ARTICLE_BYTES {
        return Err(InputError::new(path, line, too_long(bytes)));
    }
    Ok(())
}

fn too_long(bytes: usize) -> String {
    format!(
        "article too long ({:.1} MB; the limit is {} MB per article): split it into articles",
        bytes as f64 / 1e6,
        MAX_ARTICLE_BYTES / 1_000_000
    )
}

/// Turns bytes into a String, naming the first invalid UTF-8 offset (from the
/// start of the file, or of the line for a record inside a file).
fn decode_utf8(path: &str, line: Option<u64>, bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::new(
            path,
            line,
            "binary content (NUL bytes); not an article",
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let whence = if line.is_some() { " of the line" } else { "" };
        InputError::new(
            path,
            line,
            format!("not valid UTF-8 (first bad byte at offset {at}{whence})"),
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
    /// Whether a field or column name holds the article text.
    fn is_text_key(key: &str) -> bool {
        matches!(key.trim().to_ascii_lowercase().as_str(), "text" | "body")
    }

    /// Assigns a named field, accepting the documented synonyms. An empty
    /// text is kept, so the record fails as "empty" rather than "missing".
    fn set(&mut self, key: &str, value: String) {
        if Self::is_text_key(key) {
            if self.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
                self.text = Some(value);
            }
            return;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
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
