//! `.txt`: one article per file (optional date marker, optional headline, body).

use std::path::Path;

use super::{check_text, decode_utf8, describe_io, Document, InputError, Record};

pub fn read(path: &Path) -> Record {
    let shown = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|err| InputError::new(&shown, None, describe_io(&err)))?;
    let text = decode_utf8(&shown, None, bytes)?;
    check_text(&shown, None, &text)?;
    Ok(Document {
        source_path: shown,
        text,
        ..Document::default()
    })
}
