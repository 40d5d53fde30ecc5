//! Words, punctuation and masked quotes of a unit, with their byte ranges.
//!
//! Cue and speaker rules read a short window of words around a speech verb;
//! tokens make that window easy to walk in both directions.

use std::ops::Range;

use super::quotes::MASK;
use crate::extract::text::{char_at, ASCII_ALNUM};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner hyphens, apostrophes and dots
    /// ("al-Qidra", "Lebanon’s", "U.S").
    Word,
    /// One punctuation character.
    Punct(char),
    /// A masked quotation.
    Quote,
}

/// One token: its kind and byte range in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// Splits `masked[range]` into tokens, written into `out` (cleared first):
/// one buffer serves every unit of an article.
pub fn tokenize(masked: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let s = &masked[range.clone()];
    let bytes = s.as_bytes();
    out.clear();
    out.reserve(s.len() / 4);
    let mut i = 0;
    while i < bytes.len() {
        // Spaces, a sixth of the text, make no token: skip them undecoded.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let start = i;
        let c = char_at(s, i).expect("i is inside the text");
        i += c.len_utf8();
        let kind = if c == MASK {
            while bytes.get(i) == Some(&(MASK as u8)) {
                i += 1;
            }
            Some(Kind::Quote)
        } else if is_alphanumeric(c) {
            i = word_end(s, i, c);
            Some(Kind::Word)
        } else if c.is_whitespace() {
            None
        } else {
            Some(Kind::Punct(c))
        };
        if let Some(kind) = kind {
            out.push(Token {
                kind,
                range: range.start + start..range.start + i,
            });
        }
    }
}

/// The end of a word whose first char, `first`, ends at byte `i`: letters
/// and digits, with inner marks and thousands commas.
fn word_end(s: &str, mut i: usize, first: char) -> usize {
    let bytes = s.as_bytes();
    let mut prev_digit = first.is_ascii_digit();
    loop {
        // ASCII letters and digits, most of a word, through a table; only
        // the last of them tells whether a digit comes before what follows.
        let run = i;
        while bytes.get(i).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
            i += 1;
        }
        if i > run {
            prev_digit = bytes[i - 1].is_ascii_digit();
        }
        // A space or the end ends the word: no need to decode what follows.
        if bytes.get(i).is_none_or(|&b| b == b' ') {
            break;
        }
        let ch = char_at(s, i).expect("i is inside the text");
        let len = ch.len_utf8();
        let next = s[i + len..].chars().next();
        let inner_mark =
            matches!(ch, '-' | '\'' | '’' | '.' | '&') && next.is_some_and(is_alphanumeric);
        // "4,000", "1.5"
        let in_number = ch == ',' && prev_digit && next.is_some_and(|c| c.is_ascii_digit());
        if is_alphanumeric(ch) || inner_mark || in_number {
            prev_digit = ch.is_ascii_digit();
            i += len;
        } else {
            break;
        }
    }
    i
}

/// `char::is_alphanumeric`, read from the ASCII table for ASCII chars:
/// most tokens start with one, and punctuation took every test the
/// method makes before it answered.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => ASCII_ALNUM[usize::from(b)],
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_alphanumeric_matches_the_char_method() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The byte-at-a-time reading `word_end` replaced, kept as its reference.
    fn word_end_bytewise(s: &str, mut i: usize, first: char) -> usize {
        let bytes = s.as_bytes();
        let mut prev_digit = first.is_ascii_digit();
        while i < bytes.len() {
            if bytes[i].is_ascii_alphanumeric() {
                prev_digit = bytes[i].is_ascii_digit();
                i += 1;
                continue;
            }
            if bytes[i] == b' ' {
                break;
            }
            let ch = char_at(s, i).expect("i is inside the text");
            let len = ch.len_utf8();
            let next = s[i + len..].chars().next();
            let inner_mark = matches!(ch, '-' | '\'' | '’' | '.' | '&')
                && next.is_some_and(char::is_alphanumeric);
            let in_number = ch == ',' && prev_digit && next.is_some_and(|c| c.is_ascii_digit());
            if ch.is_alphanumeric() || inner_mark || in_number {
                prev_digit = ch.is_ascii_digit();
                i += len;
            } else {
                break;
            }
        }
        i
    }

    #[test]
    fn word_end_matches_the_bytewise_reading() {
        let pieces = [
            "a", "7", ",", "1", ".", "-", "’", "é", "5", " ", "&", "Z", "東",
        ];
        for s in crate::extract::text::concatenations(&pieces, 4) {
            for (i, c) in s.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
                let after = i + c.len_utf8();
                assert_eq!(
                    word_end(&s, after, c),
                    word_end_bytewise(&s, after, c),
                    "{s:?} at {i}"
                );
            }
        }
    }

    #[test]
    fn names_with_marks_stay_one_word() {
        let text = "Lebanon’s al-Qidra, U.S. \u{1}\u{1} said.";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.range.clone()]).collect();
        assert_eq!(
            words,
            vec![
                "Lebanon’s",
                "al-Qidra",
                ",",
                "U.S",
                ".",
                "\u{1}\u{1}",
                "said",
                "."
            ]
        );
        assert_eq!(toks[5].kind, Kind::Quote);
    }
}
