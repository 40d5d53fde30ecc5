//! A sentence as a list of tokens: words, counts and punctuation.
//!
//! Counts come from [`numbers::find_counts`] and stand as one token however
//! many words they span ("two hundred", "between 20 and 25"), so the rules
//! can look a fixed number of tokens around them. Quotation marks are left
//! out: they never change who was killed ("killed “three people”").

use std::ops::Range;

use crate::extract::numbers::Number;

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Word,
    /// A count of people, possibly.
    Count(Number),
    /// One character of punctuation.
    Punct(char),
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Kind,
    /// Lower-case text (the character itself for punctuation).
    pub lower: String,
    /// Byte range in the sentence.
    pub range: Range<usize>,
}

impl Token {
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.lower == w
    }

    pub fn is_punct(&self) -> bool {
        matches!(self.kind, Kind::Punct(_))
    }

    pub fn count(&self) -> Option<&Number> {
        match &self.kind {
            Kind::Count(n) => Some(n),
            _ => None,
        }
    }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}' | '\''
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits a sentence into tokens.
#[cfg(test)]
pub fn tokenize(s: &str) -> Vec<Token> {
    tokenize_with(s, crate::extract::numbers::find_counts(s))
}

/// Splits a sentence into tokens, given its [`numbers::find_counts`].
pub fn tokenize_with(s: &str, counts: Vec<Number>) -> Vec<Token> {
    let mut next_count = counts.into_iter().peekable();
    // About one token per five bytes: room up front spares regrowing.
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        while next_count.peek().is_some_and(|n| n.range.start < i) {
            next_count.next();
        }
        if next_count.peek().is_some_and(|n| n.range.start == i) {
            let n = next_count.next().expect("peeked");
            let range = n.range.clone();
            out.push(Token {
                lower: lowercase(&s[range.clone()]),
                kind: Kind::Count(n),
                range: range.clone(),
            });
            i = range.end;
        } else if is_word_char(c) {
            let end = word_end(s, i);
            out.push(Token {
                kind: Kind::Word,
                lower: lowercase(&s[i..end]),
                range: i..end,
            });
            i = end;
        } else {
            if !c.is_whitespace() && !is_quote(c) {
                out.push(Token {
                    kind: Kind::Punct(c),
                    lower: c.to_string(),
                    range: i..i + c.len_utf8(),
                });
            }
            i += c.len_utf8();
        }
    }
    out
}

/// `s.to_lowercase()`, by the cheaper ASCII path when it gives the same.
fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// End of the word starting at `i`: letters and digits, joined by single
/// hyphens or apostrophes ("top-ranking", "Israel’s", "7-year-old").
fn word_end(s: &str, i: usize) -> usize {
    // ASCII bytes without decoding; a word with any other char is read
    // again char by char.
    let bytes = s.as_bytes();
    let mut end = i;
    let mut j = i;
    while let Some(&b) = bytes.get(j) {
        let next = bytes.get(j + 1).copied();
        if !b.is_ascii() || (matches!(b, b'-' | b'\'') && next.is_some_and(|n| !n.is_ascii())) {
            return word_end_chars(s, i);
        }
        if b.is_ascii_alphanumeric() {
            j += 1;
            end = j;
        } else if matches!(b, b'-' | b'\'') && next.is_some_and(|n| n.is_ascii_alphanumeric()) {
            j += 1;
        } else {
            break;
        }
    }
    end
}

/// [`word_end`] for words with non-ASCII chars.
fn word_end_chars(s: &str, i: usize) -> usize {
    let mut end = i;
    let mut chars = s[i..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if is_word_char(c) {
            end = i + off + c.len_utf8();
        } else if matches!(c, '-' | '\'' | '\u{2019}')
            && chars.peek().is_some_and(|(_, n)| is_word_char(*n))
        {
            continue;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        tokenize(s)
            .into_iter()
            .map(|t| match t.kind {
                Kind::Count(n) => format!("#{}", n.value),
                _ => t.lower,
            })
            .collect()
    }

    #[test]
    fn counts_are_single_tokens_and_quotes_vanish() {
        assert_eq!(
            kinds("killed “two hundred people,” officials’ said"),
            vec!["killed", "#200", "people", ",", "officials", "said"]
        );
        assert_eq!(
            kinds("top-ranking Israel’s"),
            vec!["top-ranking", "israel’s"]
        );
    }

    #[test]
    fn non_counts_stay_words() {
        assert_eq!(kinds("on Oct. 7 at"), vec!["on", "oct", ".", "7", "at"]);
    }
}
