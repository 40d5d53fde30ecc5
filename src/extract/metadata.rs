//! Article metadata: the normalised body, its identity hash, the publication
//! date from a leading ` date YYYY-MM-DD` marker, and the headline.

use sha2::{Digest, Sha256};

use super::text::{char_at, eight_bytes, HIGHS, ONES};
use super::Article;
use crate::ingest::Document;

/// Builds the stored article from a document: normalises the text and reads
/// the date marker and headline when the record does not give them.
pub fn article(doc: &Document) -> Article {
    let mut text = normalise(&doc.text);
    let (marker_date, body) = split_date_marker(&text);
    let title = doc.title.clone().or_else(|| headline(body));
    let content_hash = content_hash(body);
    // The body is the end of the normalised text: cut the marker off in
    // place rather than copying the article once more.
    text.replace_range(..text.len() - body.len(), "");
    Article {
        source_path: doc.source_path.clone(),
        record: doc.record,
        external_id: doc.external_id.clone(),
        url: doc.url.clone(),
        outlet: doc.outlet.clone(),
        title,
        published_on: doc.published_on.clone().or(marker_date),
        content_hash,
        body: text,
    }
}

/// Strips a byte-order mark, turns CRLF and CR into LF, and trims the ends,
/// so the same article saved by different tools gets the same body.
pub fn normalise(text: &str) -> String {
    // Trimming first is the same (CR and LF are whitespace) and copies once.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim();
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// Splits ` date YYYY-MM-DD ` off the start of the text (the leading space is
/// already trimmed by `normalise`).
fn split_date_marker(text: &str) -> (Option<String>, &str) {
    let Some(rest) = text.strip_prefix("date ") else {
        return (None, text);
    };
    let date = rest.get(..10).filter(|d| is_iso_date(d));
    match date {
        Some(d) => (Some(d.to_string()), rest[10..].trim_start()),
        None => (None, text),
    }
}

fn is_iso_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// The headline: the first line when it has at most 25 words and does not end
/// like a sentence (`.`, `!`, `?`, or one of them before a closing quote).
pub fn headline(body: &str) -> Option<String> {
    let first = body.lines().next()?.trim();
    if first.is_empty() || first.split_whitespace().count() > 25 {
        return None;
    }
    let unquoted = first.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}']);
    if unquoted.ends_with(['.', '!', '?']) {
        return None;
    }
    Some(first.to_string())
}

/// SHA-256 of the body with all runs of whitespace folded to one space
/// (and none at the ends). The folded text is not built: the hasher takes
/// the stretches the body already holds folded (words apart by single
/// spaces), a few per article, and a space between them.
pub fn content_hash(body: &str) -> String {
    let mut hasher = Sha256::new();
    fold_whitespace(body, |piece| hasher.update(piece));
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(64);
    for byte in hasher.finalize() {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 15)]));
    }
    hex
}

/// Gives `out`, in order, the pieces of `body` with every run of
/// whitespace (`char::is_whitespace`) folded to one space and none at the
/// ends: what `split_whitespace` joined by spaces would be.
fn fold_whitespace(body: &str, mut out: impl FnMut(&[u8])) {
    let bytes = body.as_bytes();
    // The start of the stretch not given yet.
    let mut start = 0;
    let mut gave_any = false;
    let mut i = 0;
    while let Some(ws) = next_whitespace(body, i) {
        // Most whitespace is a single space between words, already folded:
        // the stretch goes on over it.
        let word_after = bytes.get(ws + 1).is_some_and(|&b| b > b' ' && b < 0x80);
        if bytes[ws] == b' ' && ws > 0 && word_after {
            i = ws + 2;
            continue;
        }
        let end = whitespace_end(body, ws);
        let inner_space = end == ws + 1 && bytes[ws] == b' ' && ws > 0 && end < bytes.len();
        if !inner_space {
            if ws > start {
                if gave_any {
                    out(b" ");
                }
                out(&bytes[start..ws]);
                gave_any = true;
            }
            start = end;
        }
        i = end;
    }
    if start < bytes.len() {
        if gave_any {
            out(b" ");
        }
        out(&bytes[start..]);
    }
}

/// The end of the run of whitespace at byte `i`.
fn whitespace_end(body: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(body, i).filter(|c| c.is_whitespace()) {
        i += c.len_utf8();
    }
    i
}

/// The first whitespace char at or after byte `i` (a char boundary),
/// passing over single spaces between words (a space after byte 0 and
/// before a printable ASCII byte), which the fold keeps as they are: most
/// of a body is read eight bytes at a time, not word by word. The byte
/// before `i` is no whitespace (`i` follows a word or starts the body).
#[inline]
fn next_whitespace(body: &str, mut i: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    if i == 0 && bytes.first() == Some(&b' ') {
        return Some(0);
    }
    loop {
        // ASCII before it: `i` stays a char boundary.
        i = next_stop(bytes, i);
        let c = char_at(body, i)?;
        if c.is_whitespace() {
            return Some(i);
        }
        i += c.len_utf8();
    }
}

/// The first byte from `i` on that may start whitespace the fold does not
/// keep (a byte below 0x21 or not ASCII, but a space before a printable
/// ASCII byte), or, when none comes before the last 16 bytes, where those
/// start (the caller reads them char by char). Eight bytes a step, each
/// load serving twice: as the bytes, then as the followers of the eight
/// before them.
#[inline]
fn next_stop(bytes: &[u8], mut i: usize) -> usize {
    let Some(mut x) = eight_bytes(bytes, i) else {
        return i;
    };
    while let Some(y) = eight_bytes(bytes, i + 8) {
        // Each byte's follower: the next byte of `x`, then the first of `y`.
        let next = x >> 8 | y << 56;
        let spaces = space_bytes(x);
        let stops = (bytes_below_0x21_or_not_ascii(x) & !spaces)
            | (spaces & bytes_below_0x21_or_not_ascii(next));
        if stops != 0 {
            return i + stops.trailing_zeros() as usize / 8;
        }
        i += 8;
        x = y;
    }
    i
}

/// The high bit of each byte of `x` that is a space; exact for every byte.
#[inline]
fn space_bytes(x: u64) -> u64 {
    let y = x ^ (ONES * u64::from(b' '));
    // A byte's low seven bits plus 0x7F reach the high bit unless all are
    // zero; or-ing the byte in catches the high bit set.
    !(((y & !HIGHS).wrapping_add(0x7F * ONES)) | y) & HIGHS
}

/// The high bit of each byte of `x` below 0x21 (space, tabs, line ends and
/// other control chars) or not ASCII; exact for every byte.
#[inline]
fn bytes_below_0x21_or_not_ascii(x: u64) -> u64 {
    // A byte's low seven bits plus 0x5F reach the high bit from 0x21 on,
    // and carry into no other byte.
    let from_0x21 = (x & !HIGHS).wrapping_add(0x5F * ONES);
    (!from_0x21 | x) & HIGHS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::{concatenations, step_random};

    fn doc(text: &str) -> Document {
        Document {
            source_path: "a.txt".into(),
            text: text.into(),
            ..Document::default()
        }
    }

    #[test]
    fn date_marker_gives_the_date_and_is_removed_from_the_body() {
        let a = article(&doc(" date 2025-03-02 Port talks resume\n\nBody."));
        assert_eq!(a.published_on.as_deref(), Some("2025-03-02"));
        assert_eq!(a.title.as_deref(), Some("Port talks resume"));
        assert!(a.body.starts_with("Port talks resume"));
    }

    #[test]
    fn a_first_line_that_ends_a_sentence_is_not_a_headline() {
        assert_eq!(headline("The minister spoke on Monday.\nMore."), None);
        assert_eq!(headline("\u{201c}We will return.\u{201d}\nMore."), None);
        assert_eq!(
            headline("Talks: envoy upbeat\nMore.").as_deref(),
            Some("Talks: envoy upbeat")
        );
    }

    #[test]
    fn same_text_with_other_line_endings_hashes_alike() {
        let a = article(&doc("Title\r\n\r\nBody  text.\r\n"));
        let b = article(&doc("\u{feff}Title\n\nBody text."));
        assert_eq!(a.content_hash, b.content_hash);
    }

    #[test]
    fn normalising_trims_before_replacing_line_ends_with_the_same_result() {
        let pieces = ["\u{feff}", "\r\n", "\r", "\n", " ", "a", "é"];
        for text in crate::extract::text::concatenations(&pieces, 5) {
            let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let replaced_then_trimmed = body.replace("\r\n", "\n").replace('\r', "\n");
            assert_eq!(normalise(&text), replaced_then_trimmed.trim(), "{text:?}");
        }
    }

    /// The fold as it was written before: the words joined by spaces.
    fn folded_by_words(body: &str) -> String {
        body.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn folded_in_pieces(body: &str) -> String {
        let mut folded = Vec::new();
        fold_whitespace(body, |piece| folded.extend_from_slice(piece));
        String::from_utf8(folded).expect("pieces of the body and spaces")
    }

    #[test]
    fn whitespace_folds_in_pieces_as_the_words_joined_by_spaces() {
        // Every whitespace char, ASCII and not, control chars that are no
        // whitespace, chars sharing lead bytes with whitespace ("\u{a0}" and
        // "é", "\u{2009}" and "\u{201c}"), and words long enough for the
        // eight-byte scan.
        let whitespace: Vec<String> = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .map(String::from)
            .collect();
        let mut pieces: Vec<&str> = whitespace.iter().map(String::as_str).collect();
        pieces.extend([
            "a",
            "é",
            "\u{201c}",
            "\u{1}",
            "\u{7f}",
            "\u{1f642}",
            "Erbil",
            "kilometres",
        ]);
        let mut bodies = concatenations(&[" ", "\n", "\u{a0}", "a", "é", "\u{201c}"], 5);
        let mut seed = 11;
        for _ in 0..5000 {
            let mut body = String::new();
            step_random(&mut seed);
            for _ in 0..(seed >> 59) * 4 {
                step_random(&mut seed);
                let piece = pieces[(seed >> 33) as usize % pieces.len()];
                // Mostly words and single spaces, as in a body.
                let piece = match seed >> 62 {
                    0 => piece,
                    1 => " ",
                    _ => pieces[pieces.len() - 1 - (seed >> 40) as usize % 8],
                };
                body.push_str(piece);
            }
            bodies.push(body);
        }
        for body in bodies {
            assert_eq!(folded_in_pieces(&body), folded_by_words(&body), "{body:?}");
        }
    }

    #[test]
    fn space_bytes_are_the_spaces_in_each_place() {
        for b in 0..=255u8 {
            for place in 0..8 {
                let others = (ONES * u64::from(b'a')) & !(0xFF << (8 * place));
                let x = u64::from(b) << (8 * place) | others;
                let expected = if b == b' ' { 0x80 << (8 * place) } else { 0 };
                assert_eq!(space_bytes(x), expected, "{b:#x} at {place}");
            }
        }
    }

    #[test]
    fn the_hash_is_of_the_folded_text() {
        let body = " Port  talks\n\nresume \u{2009}today\t";
        let folded = folded_by_words(body);
        let expected: String = Sha256::digest(folded.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(content_hash(body), expected);
    }

    #[test]
    fn a_record_date_wins_over_no_marker() {
        let mut d = doc("Body only.");
        d.published_on = Some("2024-01-05".into());
        assert_eq!(article(&d).published_on.as_deref(), Some("2024-01-05"));
    }
}
