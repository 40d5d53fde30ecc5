//! `.txt`: one article per file (optional date marker, optional headline, body).

use std::io::Read;
use std::path::Path;

use super::{
    check_size, check_text, decode_utf8, describe_io, sniff, Document, InputError, Record,
    MAX_ARTICLE_BYTES,
};

pub fn read(path: &Path) -> Record {
    let shown = path.display().to_string();
    let bytes = read_capped(path, &shown)?;
    sniff(&shown, &bytes)?;
    let text = decode_utf8(&shown, None, bytes)?;
    check_text(&shown, None, &text)?;
    Ok(Document {
        source_path: shown,
        text,
        ..Document::default()
    })
}

/// Reads the file unless it is over the article size limit; never reads
/// more than one byte past the limit (the file may grow while read).
fn read_capped(path: &Path, shown: &str) -> Result<Vec<u8>, InputError> {
    let io_error = |err: std::io::Error| InputError::new(shown, None, describe_io(&err));
    let file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    check_size(shown, None, usize::try_from(size).unwrap_or(usize::MAX))?;
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    check_size(shown, None, bytes.len())?;
    Ok(bytes)
}
