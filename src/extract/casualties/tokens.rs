//! A sentence as a list of tokens: words, counts and punctuation.
//!
//! Counts come from [`numbers::find_counts`] and stand as one token however
//! many words they span ("two hundred", "between 20 and 25"), so the rules
//! can look a fixed number of tokens around them. Quotation marks are left
//! out: they never change who was killed ("killed “three people”").

use std::ops::Range;

use crate::extract::numbers::{non_alnum_lanes, Number};
use crate::extract::text::{char_at, push_lowercase, ASCII_ALNUM};

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
pub struct Token<'a> {
    pub kind: Kind,
    /// Lower-case text (the character itself for punctuation), held in the
    /// sentence's one lower-case buffer: no allocation per token.
    pub lower: &'a str,
    /// Byte range in the sentence.
    pub range: Range<usize>,
}

impl Token<'_> {
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
pub fn tokenize<'a>(s: &str, lowered: &'a mut String) -> Vec<Token<'a>> {
    let mut counts = Vec::new();
    crate::extract::numbers::find_counts(s, &mut counts);
    tokenize_with(s, &counts, lowered, Vec::new())
}

/// Splits a sentence into tokens, given its [`numbers::find_counts`], into
/// `out` (cleared first, so a list from an earlier sentence serves again).
/// The tokens' lower-case text is written into `lowered` (cleared first):
/// no allocation per token.
pub fn tokenize_with<'a>(
    s: &str,
    counts: &[Number],
    lowered: &'a mut String,
    mut out: Vec<Token<'a>>,
) -> Vec<Token<'a>> {
    lowered.clear();
    // ASCII lower-cases byte by byte: an ASCII sentence is lowered whole
    // first, and each token takes its lower case as it is found.
    if s.is_ascii() {
        lowered.push_str(s);
        lowered.make_ascii_lowercase();
        let lowered: &'a str = lowered;
        split(s, counts, &mut out, |r| &lowered[r]);
        return out;
    }
    split(s, counts, &mut out, |_| "");
    // Outside ASCII each token is lowered on its own, in token order.
    let lower_ranges: Vec<Range<usize>> = out
        .iter()
        .map(|t| {
            let start = lowered.len();
            push_lowercase(lowered, &s[t.range.clone()]);
            start..lowered.len()
        })
        .collect();
    let lowered: &'a str = lowered;
    for (t, lower) in out.iter_mut().zip(lower_ranges) {
        t.lower = &lowered[lower];
    }
    out
}

/// The tokens of `s` into `out` (cleared first), each with the lower-case
/// text `lower` gives for its range.
fn split<'a>(
    s: &str,
    counts: &[Number],
    out: &mut Vec<Token<'a>>,
    lower: impl Fn(Range<usize>) -> &'a str,
) {
    let mut next_count = counts.iter().peekable();
    // About one token per five bytes: room up front spares regrowing.
    out.clear();
    out.reserve(s.len() / 5 + 1);
    let mut push = |kind: Kind, range: Range<usize>| {
        out.push(Token {
            kind,
            lower: lower(range.clone()),
            range,
        })
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Spaces make no token and start no count: skip them undecoded.
        if b == b' ' {
            i += 1;
            continue;
        }
        while next_count.peek().is_some_and(|n| n.range.start < i) {
            next_count.next();
        }
        if next_count.peek().is_some_and(|n| n.range.start == i) {
            let n = next_count.next().expect("peeked");
            let range = n.range.clone();
            i = range.end;
            push(Kind::Count(n.clone()), range);
            continue;
        }
        // An ASCII letter or digit starts a word without decoding.
        let c = char_at(s, i).expect("char boundary");
        if ASCII_ALNUM[usize::from(b)] || (!b.is_ascii() && is_word_char(c)) {
            let end = word_end(s, i);
            push(Kind::Word, i..end);
            i = end;
        } else {
            if !c.is_whitespace() && !is_quote(c) {
                // Punctuation has no case: its lower-case text is itself.
                push(Kind::Punct(c), i..i + c.len_utf8());
            }
            i += c.len_utf8();
        }
    }
}

/// End of the word starting at `i`: letters and digits, joined by single
/// hyphens or apostrophes ("top-ranking", "Israel’s", "7-year-old").
fn word_end(s: &str, i: usize) -> usize {
    // ASCII bytes without decoding; a word with any other char is read
    // again char by char.
    let bytes = s.as_bytes();
    let mut j = i;
    loop {
        j = alnum_end(bytes, j);
        // The byte after the letters and digits decides.
        match bytes.get(j) {
            Some(b'-' | b'\'') => match bytes.get(j + 1) {
                Some(n) if !n.is_ascii() => return word_end_chars(s, i),
                Some(n) if n.is_ascii_alphanumeric() => j += 1,
                _ => return j,
            },
            Some(b) if !b.is_ascii() => return word_end_chars(s, i),
            _ => return j,
        }
    }
}

/// End of the ASCII letters and digits from `j`: under eight of them, as
/// in most words, read in one number without a branch per byte (no loop
/// whose end the processor must guess); more in a loop.
fn alnum_end(bytes: &[u8], mut j: usize) -> usize {
    let group = bytes.get(j..).and_then(<[u8]>::first_chunk::<8>);
    if let Some(&group) = group {
        let stops = non_alnum_lanes(u64::from_le_bytes(group));
        if stops != 0 {
            return j + stops.trailing_zeros() as usize / 8;
        }
    }
    while bytes.get(j).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
        j += 1;
    }
    j
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
        tokenize(s, &mut String::new())
            .into_iter()
            .map(|t| match t.kind {
                Kind::Count(n) => format!("#{}", n.value),
                _ => t.lower.to_string(),
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

    /// The byte-at-a-time reading `word_end` replaced, kept as its reference.
    fn word_end_bytewise(s: &str, i: usize) -> usize {
        let bytes = s.as_bytes();
        let (mut end, mut j) = (i, i);
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

    #[test]
    fn word_end_matches_the_bytewise_reading() {
        let long_words = "abcdefgh-ijklmnopq abcdefg-h 1234567 12345678'9 Ab7defghéi wxyz";
        for s in [
            "top-ranking 7-year-old Israel's a--b a-'b x- y' 12,000 end-",
            "Israel’s Zürich-based a-é b'é é-a 東京-x naïve ok-",
            long_words,
        ] {
            let starts = s.char_indices().filter(|(_, c)| is_word_char(*c));
            for i in starts.map(|(i, _)| i) {
                assert_eq!(word_end(s, i), word_end_bytewise(s, i), "{s:?} at {i}");
            }
        }
    }

    #[test]
    fn lower_is_each_token_lowercased() {
        for s in [
            "Hamas SAID 20 People were Killed in GAZA.",
            "ΟΔΟΣ Σ İstanbul’s ÉTÉ killed “Two Hundred” people",
        ] {
            let mut lowered = String::new();
            for t in tokenize(s, &mut lowered) {
                assert_eq!(t.lower, s[t.range.clone()].to_lowercase(), "{s}");
            }
        }
    }

    #[test]
    fn non_counts_stay_words() {
        assert_eq!(kinds("on Oct. 7 at"), vec!["on", "oct", ".", "7", "at"]);
    }
}
