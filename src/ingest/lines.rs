//! Line-by-line reading for the JSONL readers (articles and facts).
//!
//! Lines are read as bytes with a length cap, so a huge file without line
//! breaks costs at most one capped line of memory and gets one clear error;
//! blank lines and byte-order marks are skipped; a file with no line at all is
//! reported as empty rather than passing unnoticed. Empty standard input is
//! not an error: a pipeline stage (a filter with no match, an empty Spark
//! partition) legitimately sends nothing.

use std::io::{BufRead, BufReader, Read};

use super::{describe_io, sniff, InputError, MAX_ARTICLE_BYTES};

/// The longest line accepted. JSON escapes can make a line several times
/// longer than the article it holds, so this is a multiple of the article cap.
pub const MAX_LINE_BYTES: usize = 4 * MAX_ARTICLE_BYTES;

/// One non-blank line: its 1-based number and its bytes (byte-order mark and
/// line break removed), or why it could not be read.
pub type Line = Result<(u64, Vec<u8>), InputError>;

/// The non-blank lines of one stream.
pub struct Lines {
    path: String,
    reader: BufReader<Box<dyn Read + Send>>,
    line: u64,
    non_blank: u64,
    started: bool,
    done: bool,
    /// Whether a stream without records is an error (files) or not (stdin).
    empty_is_error: bool,
}

impl Lines {
    /// Reads standard input or another stream, where no records is no error.
    pub fn new(path: String, input: Box<dyn Read + Send>) -> Self {
        Lines {
            path,
            reader: BufReader::with_capacity(1 << 16, input),
            line: 0,
            non_blank: 0,
            started: false,
            done: false,
            empty_is_error: false,
        }
    }

    /// Opens a file, or yields its one opening error.
    pub fn open(path: &std::path::Path) -> Box<dyn Iterator<Item = Line> + Send> {
        let shown = path.display().to_string();
        match std::fs::File::open(path) {
            Ok(file) => Box::new(Lines {
                empty_is_error: true,
                ..Lines::new(shown, Box::new(file))
            }),
            Err(err) => Box::new(std::iter::once(Err(InputError::new(
                &shown,
                None,
                describe_io(&err),
            )))),
        }
    }

    fn error(&mut self, line: Option<u64>, reason: impl Into<String>) -> Option<Line> {
        Some(Err(InputError::new(&self.path, line, reason)))
    }

    /// Looks at the first bytes once, to name a binary or UTF-16 file.
    fn sniff_start(&mut self) -> Result<(), InputError> {
        match self.reader.fill_buf() {
            Ok(head) => sniff(&self.path, head),
            Err(err) => Err(InputError::new(&self.path, None, describe_io(&err))),
        }
    }
}

impl Iterator for Lines {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if !self.started {
            self.started = true;
            if let Err(err) = self.sniff_start() {
                self.done = true;
                return Some(Err(err));
            }
        }
        while !self.done {
            self.line += 1;
            let line = self.line;
            match read_capped_line(&mut self.reader, MAX_LINE_BYTES) {
                Ok(Chunk::Eof) => {
                    self.done = true;
                    if self.non_blank == 0 && self.empty_is_error {
                        return self.error(None, "empty file (no records)");
                    }
                }
                Ok(Chunk::Line(bytes)) => {
                    let bytes = strip_bom(bytes);
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.non_blank += 1;
                    return Some(Ok((line, bytes)));
                }
                Ok(Chunk::TooLong(len)) => {
                    self.non_blank += 1;
                    let reason = format!(
                        "line too long ({:.1} MB; the limit is {} MB per line)",
                        len as f64 / 1e6,
                        MAX_LINE_BYTES / 1_000_000
                    );
                    return self.error(Some(line), reason);
                }
                Err(err) => {
                    // An I/O error mid-file usually repeats; stop this file.
                    self.done = true;
                    return self.error(Some(line), describe_io(&err));
                }
            }
        }
        None
    }
}

/// What one capped read returned.
#[derive(Debug, PartialEq)]
enum Chunk {
    Eof,
    Line(Vec<u8>),
    /// The line's length in bytes; its content was skipped.
    TooLong(usize),
}

/// Reads up to and including the next `\n`, keeping at most `cap` bytes: a
/// longer line is consumed to its end and reported by length only.
fn read_capped_line(reader: &mut impl BufRead, cap: usize) -> std::io::Result<Chunk> {
    let mut kept = Vec::new();
    let mut total = 0usize;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if available.is_empty() {
            break;
        }
        let (len, found_end) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        total += len;
        if total <= cap {
            kept.extend_from_slice(&available[..len]);
        } else {
            kept = Vec::new();
        }
        reader.consume(len);
        if found_end {
            break;
        }
    }
    Ok(match total {
        0 => Chunk::Eof,
        _ if total > cap => Chunk::TooLong(total),
        _ => Chunk::Line(kept),
    })
}

fn strip_bom(bytes: Vec<u8>) -> Vec<u8> {
    match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &'static [u8]) -> Vec<Line> {
        let lines = Lines {
            empty_is_error: true,
            ..Lines::new("t.jsonl".into(), Box::new(input))
        };
        lines.collect()
    }

    #[test]
    fn a_capped_line_is_skipped_to_its_end() {
        let mut input: &[u8] = b"0123456789\nabc\n";
        assert_eq!(read_capped_line(&mut input, 5).unwrap(), Chunk::TooLong(11));
        assert_eq!(
            read_capped_line(&mut input, 5).unwrap(),
            Chunk::Line(b"abc\n".to_vec())
        );
        assert_eq!(read_capped_line(&mut input, 5).unwrap(), Chunk::Eof);
    }

    #[test]
    fn blank_lines_and_byte_order_marks_are_skipped_with_line_numbers_kept() {
        let got = lines(b"\xEF\xBB\xBF{}\r\n\n  \n{}");
        let numbers: Vec<u64> = got.iter().map(|l| l.as_ref().unwrap().0).collect();
        assert_eq!(numbers, vec![1, 4]);
        assert_eq!(got[0].as_ref().unwrap().1, b"{}\r\n");
    }

    #[test]
    fn a_file_of_blank_lines_is_empty() {
        let got = lines(b"\n \r\n\xEF\xBB\xBF\n");
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].as_ref().unwrap_err().reason,
            "empty file (no records)"
        );
    }

    #[test]
    fn empty_standard_input_is_no_error() {
        let input: &[u8] = b"\n\n";
        assert_eq!(Lines::new("<stdin>".into(), Box::new(input)).count(), 0);
    }

    #[test]
    fn a_binary_stream_is_one_error() {
        let got = lines(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\n\n\n");
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().unwrap_err().reason.contains("binary"));
    }
}
