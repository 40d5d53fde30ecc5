//! Article metadata: the normalised body, its identity hash, the publication
//! date from a leading ` date YYYY-MM-DD` marker, and the headline.

use sha2::{Digest, Sha256};

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

/// SHA-256 of the body with all runs of whitespace folded to one space.
/// The folded text is built first and hashed in one call: two hasher
/// updates per word cost more than the hashing itself.
pub fn content_hash(body: &str) -> String {
    let mut folded = String::with_capacity(body.len());
    for word in body.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    let mut hex = String::with_capacity(64);
    for byte in Sha256::digest(folded.as_bytes()) {
        use std::fmt::Write;
        write!(hex, "{byte:02x}").expect("writing to a String");
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_record_date_wins_over_no_marker() {
        let mut d = doc("Body only.");
        d.published_on = Some("2024-01-05".into());
        assert_eq!(article(&d).published_on.as_deref(), Some("2024-01-05"));
    }
}
