//! `.csv`: a header row naming the fields, then one article per row.

use std::path::Path;

use super::{describe_io, Fields, InputError, Record};

pub fn read_file(path: &Path) -> Box<dyn Iterator<Item = Record> + Send> {
    let shown = path.display().to_string();
    let reader = match ::csv::ReaderBuilder::new().flexible(false).from_path(path) {
        Ok(reader) => reader,
        Err(err) => return Box::new(std::iter::once(Err(csv_error(&shown, err)))),
    };
    let mut reader = reader;
    let headers = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_string())
            .collect::<Vec<_>>(),
        Err(err) => return Box::new(std::iter::once(Err(csv_error(&shown, err)))),
    };
    Box::new(reader.into_records().map(move |row| {
        let row = row.map_err(|err| csv_error(&shown, err))?;
        let line = row.position().map_or(0, |p| p.line());
        let mut fields = Fields::default();
        for (key, value) in headers.iter().zip(row.iter()) {
            fields.set(key, value.to_string());
        }
        fields.into_document(&shown, line)
    }))
}

fn csv_error(path: &str, err: ::csv::Error) -> InputError {
    let line = err.position().map(|p| p.line());
    let reason = match err.kind() {
        ::csv::ErrorKind::Io(io) => describe_io(io),
        ::csv::ErrorKind::Utf8 { err, .. } => {
            format!("not valid UTF-8 (field {})", err.field() + 1)
        }
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("row has {len} fields, the header has {expected_len}")
        }
        _ => err.to_string(),
    };
    InputError::new(path, line, reason)
}
