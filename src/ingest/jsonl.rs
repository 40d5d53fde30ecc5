//! `.jsonl` / `.ndjson` and standard input: one JSON object per line.

use std::path::Path;

use serde_json::Value;

use super::lines::Lines;
use super::{decode_utf8, Fields, InputError, Record};

pub fn read_file(path: &Path) -> Box<dyn Iterator<Item = Record> + Send> {
    let shown = path.display().to_string();
    Box::new(Lines::open(path).map(move |line| parse_line(&shown, line?)))
}

pub fn read_stdin() -> Box<dyn Iterator<Item = Record> + Send> {
    let lines = Lines::new("<stdin>".to_string(), Box::new(std::io::stdin()));
    Box::new(lines.map(|line| parse_line("<stdin>", line?)))
}

fn parse_line(path: &str, (line, bytes): (u64, Vec<u8>)) -> Record {
    let text = decode_utf8(path, Some(line), bytes)?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|err| InputError::new(path, Some(line), format!("not valid JSON: {err}")))?;
    let Value::Object(map) = value else {
        return Err(InputError::new(path, Some(line), "not a JSON object"));
    };
    let mut fields = Fields::default();
    for (key, value) in map {
        let value = match value {
            Value::String(s) => s,
            Value::Null => continue,
            _ if Fields::is_text_key(&key) => {
                return Err(InputError::new(
                    path,
                    Some(line),
                    format!("field `{key}` is not a string"),
                ))
            }
            Value::Number(n) => n.to_string(),
            _ => continue,
        };
        fields.set(&key, value);
    }
    fields.into_document(path, line)
}
