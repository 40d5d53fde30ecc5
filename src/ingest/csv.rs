//! `.csv`: a header row naming the fields, then one article per row.
//!
//! Problems with the file as a whole (unreadable, binary, empty, no text
//! column) are one error; a bad row is an error naming its line, and the rows
//! after it are still read.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::{describe_io, sniff, Fields, InputError, Record};

pub fn read_file(path: &Path) -> Box<dyn Iterator<Item = Record> + Send> {
    let shown = path.display().to_string();
    match Rows::open(path, shown.clone()) {
        Ok(rows) => Box::new(rows),
        Err(err) => Box::new(std::iter::once(Err(err))),
    }
}

/// The rows of one CSV file, after its header.
struct Rows {
    path: String,
    headers: Vec<String>,
    records: ::csv::StringRecordsIntoIter<BufReader<File>>,
    seen: u64,
    done: bool,
}

impl Rows {
    fn open(path: &Path, shown: String) -> Result<Self, InputError> {
        let io_error = |err: std::io::Error| InputError::new(&shown, None, describe_io(&err));
        let mut input = BufReader::with_capacity(1 << 16, File::open(path).map_err(io_error)?);
        sniff(&shown, input.fill_buf().map_err(io_error)?)?;
        let mut reader = ::csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(input);
        let headers: Vec<String> = reader
            .headers()
            .map_err(|err| csv_error(&shown, err))?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_string())
            .collect();
        check_headers(&shown, &headers)?;
        Ok(Rows {
            path: shown,
            headers,
            records: reader.into_records(),
            seen: 0,
            done: false,
        })
    }

    fn document(&self, row: ::csv::StringRecord) -> Record {
        let line = row.position().map_or(0, |p| p.line());
        let mut fields = Fields::default();
        for (key, value) in self.headers.iter().zip(row.iter()) {
            fields.set(key, value.to_string());
        }
        fields.into_document(&self.path, line)
    }
}

impl Iterator for Rows {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        match self.records.next() {
            None => {
                self.done = true;
                (self.seen == 0).then(|| {
                    Err(InputError::new(
                        &self.path,
                        None,
                        "no rows after the header",
                    ))
                })
            }
            Some(Err(err)) => {
                self.seen += 1;
                // An I/O error would repeat forever; the file ends here.
                self.done = matches!(err.kind(), ::csv::ErrorKind::Io(_));
                Some(Err(csv_error(&self.path, err)))
            }
            Some(Ok(row)) => {
                self.seen += 1;
                Some(self.document(row))
            }
        }
    }
}

/// A header must exist and name the text column.
fn check_headers(path: &str, headers: &[String]) -> Result<(), InputError> {
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(InputError::new(
            path,
            None,
            "empty file (no header, no rows)",
        ));
    }
    if !headers.iter().any(|h| Fields::is_text_key(h)) {
        return Err(InputError::new(
            path,
            Some(1),
            format!(
                "no `text` or `body` column in the header (columns: {})",
                headers.join(", ")
            ),
        ));
    }
    Ok(())
}

fn csv_error(path: &str, err: ::csv::Error) -> InputError {
    let line = err.position().map(|p| p.line());
    let reason = match err.kind() {
        ::csv::ErrorKind::Io(io) => describe_io(io),
        ::csv::ErrorKind::Utf8 { err, .. } => format!(
            "not valid UTF-8 in field {} (first bad byte at offset {} of the field)",
            err.field() + 1,
            err.valid_up_to()
        ),
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("row has {len} fields, the header has {expected_len}")
        }
        _ => err.to_string(),
    };
    InputError::new(path, line, reason)
}
