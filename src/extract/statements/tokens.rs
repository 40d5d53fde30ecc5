//! Words, punctuation and masked quotes of a unit, with their byte ranges.
//!
//! Cue and speaker rules read a short window of words around a speech verb;
//! tokens make that window easy to walk in both directions.

use std::ops::Range;

use super::quotes::MASK;

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

/// Splits `masked[range]` into tokens.
pub fn tokenize(masked: &str, range: Range<usize>) -> Vec<Token> {
    let s = &masked[range.clone()];
    let mut out = Vec::with_capacity(s.len() / 4);
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = if c == MASK {
            while chars.next_if(|&(_, n)| n == MASK).is_some() {}
            Some(Kind::Quote)
        } else if c.is_alphanumeric() {
            let mut prev = c;
            while let Some(&(at, ch)) = chars.peek() {
                let next = s[at + ch.len_utf8()..].chars().next();
                let inner_mark = matches!(ch, '-' | '\'' | '’' | '.' | '&')
                    && next.is_some_and(char::is_alphanumeric);
                // "4,000", "1.5"
                let in_number =
                    ch == ',' && prev.is_ascii_digit() && next.is_some_and(|c| c.is_ascii_digit());
                if ch.is_alphanumeric() || inner_mark || in_number {
                    chars.next();
                    prev = ch;
                } else {
                    break;
                }
            }
            Some(Kind::Word)
        } else if c.is_whitespace() {
            None
        } else {
            Some(Kind::Punct(c))
        };
        let end = chars.peek().map_or(s.len(), |n| n.0);
        if let Some(kind) = kind {
            out.push(Token {
                kind,
                range: range.start + start..range.start + end,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_marks_stay_one_word() {
        let text = "Lebanon’s al-Qidra, U.S. \u{1}\u{1} said.";
        let toks = tokenize(text, 0..text.len());
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
