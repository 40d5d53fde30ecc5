//! `.jsonl` / `.ndjson` and standard input: one JSON object per line.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde_json::Value;

use super::{decode_utf8, describe_io, Fields, InputError, Record};

pub fn read_file(path: &Path) -> Box<dyn Iterator<Item = Record> + Send> {
    let shown = path.display().to_string();
    match std::fs::File::open(path) {
        Ok(file) => Box::new(Lines::new(shown, Box::new(file))),
        Err(err) => Box::new(std::iter::once(Err(InputError::new(
            &shown,
            None,
            describe_io(&err),
        )))),
    }
}

pub fn read_stdin() -> Box<dyn Iterator<Item = Record> + Send> {
    Box::new(Lines::new(
        "<stdin>".to_string(),
        Box::new(std::io::stdin()),
    ))
}

/// Reads a stream line by line, skipping blank lines, one record per line.
struct Lines {
    path: String,
    reader: BufReader<Box<dyn Read + Send>>,
    line: u64,
    done: bool,
}

impl Lines {
    fn new(path: String, input: Box<dyn Read + Send>) -> Self {
        Lines {
            path,
            reader: BufReader::with_capacity(1 << 16, input),
            line: 0,
            done: false,
        }
    }
}

impl Iterator for Lines {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            let mut buf = Vec::new();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_line(&self.path, self.line, buf));
                }
                Err(err) => {
                    self.done = true;
                    return Some(Err(InputError::new(
                        &self.path,
                        Some(self.line),
                        describe_io(&err),
                    )));
                }
            }
        }
        None
    }
}

fn parse_line(path: &str, line: u64, bytes: Vec<u8>) -> Record {
    let text = decode_utf8(path, Some(line), bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let value: Value = serde_json::from_str(text)
        .map_err(|err| InputError::new(path, Some(line), format!("not valid JSON: {err}")))?;
    let Value::Object(map) = value else {
        return Err(InputError::new(path, Some(line), "not a JSON object"));
    };
    let mut fields = Fields::default();
    for (key, value) in map {
        let value = match value {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            _ => continue,
        };
        fields.set(&key, value);
    }
    fields.into_document(path, line)
}
