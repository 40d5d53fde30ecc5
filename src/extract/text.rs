//! The shared view of an article body: sentences, paragraphs and the
//! conversion from byte ranges (what Rust string slicing uses) to character
//! offsets (what users see in SQL).

use std::cell::Cell;
use std::ops::Range;

use super::{Mention, Span};

/// An article body with its sentence boundaries.
pub struct Text<'a> {
    pub body: &'a str,
    /// Byte ranges of sentences, in order, trimmed of surrounding whitespace.
    pub sentences: Vec<Range<usize>>,
    /// The chars longer than one byte, in order; empty when the body is
    /// ASCII. Offsets differ from char counts only by their extra bytes.
    multibyte: Vec<Wide>,
}

/// A char of more than one byte.
struct Wide {
    /// Byte offset where it starts.
    start: usize,
    /// Its bytes beyond the first.
    extra: usize,
    /// The extra bytes of all wide chars before it.
    extra_before: usize,
}

impl<'a> Text<'a> {
    pub fn new(body: &'a str) -> Self {
        let multibyte = if body.is_ascii() {
            Vec::new()
        } else {
            wide_chars(body)
        };
        Text {
            body,
            sentences: split_sentences(body),
            multibyte,
        }
    }

    /// Character offset of a byte offset (which must be a char boundary):
    /// the number of chars starting before it.
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.multibyte.is_empty() {
            return byte;
        }
        let byte = byte.min(self.body.len());
        let wide_before = self.multibyte.partition_point(|w| w.start < byte);
        // Continuation bytes before `byte` start no char.
        let continuation = wide_before.checked_sub(1).map_or(0, |k| {
            let w = &self.multibyte[k];
            w.extra_before + w.extra.min(byte - w.start - 1)
        });
        byte - continuation
    }

    /// Byte offset of a character offset.
    pub fn byte_offset(&self, chars: usize) -> usize {
        if self.multibyte.is_empty() {
            return chars;
        }
        let total_extra = self
            .multibyte
            .last()
            .map_or(0, |w| w.extra_before + w.extra);
        if chars >= self.body.len() - total_extra {
            return self.body.len();
        }
        let wide_before = self
            .multibyte
            .partition_point(|w| w.start - w.extra_before < chars);
        let extra = wide_before.checked_sub(1).map_or(0, |k| {
            self.multibyte[k].extra_before + self.multibyte[k].extra
        });
        chars + extra
    }

    pub fn span(&self, bytes: &Range<usize>) -> Span {
        Span {
            start: self.char_offset(bytes.start),
            end: self.char_offset(bytes.end),
        }
    }

    pub fn byte_range(&self, span: Span) -> Range<usize> {
        self.byte_offset(span.start)..self.byte_offset(span.end)
    }

    pub fn mention(&self, bytes: Range<usize>) -> Mention {
        Mention {
            span: self.span(&bytes),
            text: self.body[bytes].to_string(),
        }
    }

    /// The sentence holding a byte offset.
    pub fn sentence_at(&self, byte: usize) -> Option<Range<usize>> {
        let i = self.sentences.partition_point(|s| s.end <= byte);
        self.sentences.get(i).filter(|s| s.start <= byte).cloned()
    }
}

/// Eight bytes of `bytes` from `i` as one integer, if there are eight.
#[inline]
pub(super) fn eight_bytes(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = bytes.get(i..i + 8)?;
    Some(u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
}

pub(super) const ONES: u64 = 0x0101_0101_0101_0101;
pub(super) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each zero byte of `x` set (and maybe of bytes above the
/// first zero one, so only the lowest set bit is exact).
#[inline]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// Which bytes are ASCII letters or digits: the stages' word scanners test
/// every byte of every word, and one load beats range tests.
pub const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether byte `b` is ASCII whitespace as `char::is_whitespace` reads it
/// (`u8::is_ascii_whitespace` leaves out the vertical tab).
#[inline]
pub fn is_ascii_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The words of `s` as `split_whitespace` counts them, read over the bytes
/// when it is ASCII.
pub fn whitespace_words(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let bytes = s.as_bytes();
    // A word starts at each non-blank byte after a blank or at the start.
    let starts = bytes
        .windows(2)
        .filter(|w| is_ascii_blank(w[0]) && !is_ascii_blank(w[1]))
        .count();
    starts + usize::from(bytes.first().is_some_and(|&b| !is_ascii_blank(b)))
}

/// The word length from which [`WordShapes`] keeps one row of first bytes.
const LONG: usize = 15;

/// The lengths and first bytes of a set of words (a lexicon), together: a word no
/// word of the set has both the length and the first byte of is not in
/// it, which one bit test tells without hashing.
pub struct WordShapes {
    /// By length (the last row for [`LONG`] bytes or more), bit `b` set
    /// when a word of that length starts with byte `b`.
    firsts_by_length: [[u64; 4]; LONG + 1],
}

impl WordShapes {
    pub const NONE: WordShapes = WordShapes {
        firsts_by_length: [[0; 4]; LONG + 1],
    };

    /// Adds a word to the set; an empty one, which no token is, adds nothing.
    pub const fn add(&mut self, word: &[u8]) {
        if word.is_empty() {
            return;
        }
        let row = if word.len() < LONG { word.len() } else { LONG };
        self.firsts_by_length[row][(word[0] / 64) as usize] |= 1 << (word[0] % 64);
    }

    /// Adds every word of a list (a `while` loop: `for` is not allowed in a
    /// const fn, and the sets are built at compile time).
    pub const fn add_all(&mut self, words: &[&str]) {
        let mut k = 0;
        while k < words.len() {
            self.add(words[k].as_bytes());
            k += 1;
        }
    }

    /// The shapes of a list of words.
    pub const fn of(words: &[&str]) -> WordShapes {
        let mut shapes = WordShapes::NONE;
        shapes.add_all(words);
        shapes
    }

    /// False when no word of the set has both the length and the first
    /// byte of `w`.
    #[inline]
    pub fn may_hold(&self, w: &[u8]) -> bool {
        w.first()
            .is_some_and(|&first| self.may_hold_shape(w.len(), first))
    }

    /// False when no word of the set is `len` bytes long and starts with
    /// byte `first` (a set of lower-case words asked in any ASCII case
    /// passes the first byte lowered).
    #[inline]
    pub fn may_hold_shape(&self, len: usize, first: u8) -> bool {
        let row = &self.firsts_by_length[len.min(LONG)];
        row[usize::from(first / 64)] >> (first % 64) & 1 == 1
    }
}

/// The char starting at byte `i` (a char boundary), None past the end;
/// decoded only when it is not ASCII.
#[inline]
pub fn char_at(body: &str, i: usize) -> Option<char> {
    match body.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => body[i..].chars().next(),
    }
}

/// The chars of `body` longer than one byte, in order.
fn wide_chars(body: &str) -> Vec<Wide> {
    let bytes = body.as_bytes();
    let mut wide = Vec::new();
    let mut extra_before = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Most of a body is ASCII: pass it eight bytes at a time.
        if let Some(eight) = eight_bytes(bytes, i) {
            let high = eight & HIGHS;
            if high == 0 {
                i += 8;
                continue;
            }
            i += high.trailing_zeros() as usize / 8;
        }
        // Lead bytes of multi-byte chars are 0xC0 and above; the count of
        // leading one bits is the char's length.
        let lead = bytes[i];
        if lead >= 0xC0 {
            let extra = lead.leading_ones() as usize - 1;
            wide.push(Wide {
                start: i,
                extra,
                extra_before,
            });
            extra_before += extra;
            i += extra;
        }
        i += 1;
    }
    wide
}

/// Whether a byte is one a sentence may end at.
fn is_sentence_mark(b: u8) -> bool {
    matches!(b, b'\n' | b'.' | b'!' | b'?')
}

/// The first byte at or after `i` that a sentence may end at: eight bytes
/// at a time, as bodies are long and the marks few.
fn next_sentence_mark(bytes: &[u8], mut i: usize) -> Option<usize> {
    let [newline, stop, bang, question] = [b'\n', b'.', b'!', b'?'].map(|b| ONES * u64::from(b));
    while let Some(x) = eight_bytes(bytes, i) {
        let found = zero_bytes(x ^ newline)
            | zero_bytes(x ^ stop)
            | zero_bytes(x ^ bang)
            | zero_bytes(x ^ question);
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    rest.iter()
        .position(|&b| is_sentence_mark(b))
        .map(|p| i + p)
}

/// Words that end in a full stop without ending a sentence (a `match` on
/// strings compiles to a length switch, cheaper than a linear list search).
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Sgt"
            | "Adm"
            | "Cmdr"
            | "Rep"
            | "Sen"
            | "Gov"
            | "Sec"
            | "St"
            | "Jr"
            | "Sr"
            | "No"
            | "Nos"
            | "vs"
            | "etc"
            | "Inc"
            | "Ltd"
            | "Co"
            | "Corp"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
            | "approx"
            | "Brig"
            | "Pres"
            | "Rev"
            | "Hon"
            | "Mt"
            | "Ft"
            | "a.m"
            | "p.m"
    )
}

/// Splits text into sentences: at `.`, `!`, `?` (after any closing quotes or
/// brackets) followed by whitespace and an upper-case letter, digit or quote,
/// and always at line breaks. Initials ("Lloyd J. Austin"), dotted acronyms
/// ("U.S.") and common abbreviations do not end a sentence.
pub fn split_sentences(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only line breaks and sentence marks can end a sentence: skip to one.
        match next_sentence_mark(bytes, i) {
            Some(mark) => i = mark,
            None => break,
        }
        let c = bytes[i];
        if c == b'\n' {
            push_trimmed(body, start..i, &mut out);
            start = i + 1;
        } else {
            let end = closing_end(body, i + 1);
            // Last, as the dearest test: most marks fail the cheap ones.
            if opens_sentence_after_blanks(body, end) && ends_sentence(body, i) {
                push_trimmed(body, start..end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(body, start..body.len(), &mut out);
    out
}

/// Where the closing quotes and brackets from byte `i` on end.
fn closing_end(body: &str, mut i: usize) -> usize {
    while let Some(ch) = char_at(body, i) {
        if matches!(ch, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']') {
            i += ch.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Whether spaces or tabs start at byte `i`, and an upper-case letter, a
/// digit or an opening quote follows them. Blanks are one byte each: they
/// are passed undecoded.
fn opens_sentence_after_blanks(body: &str, i: usize) -> bool {
    let bytes = body.as_bytes();
    if !matches!(bytes.get(i), Some(b' ' | b'\t')) {
        return false;
    }
    let mut k = i + 1;
    while matches!(bytes.get(k), Some(b' ' | b'\t')) {
        k += 1;
    }
    char_at(body, k).is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit() || is_open_quote(ch))
}

fn is_open_quote(ch: char) -> bool {
    matches!(ch, '"' | '\u{201c}' | '\'' | '\u{2018}')
}

/// Whether the `.`/`!`/`?` at byte `i` can end a sentence.
fn ends_sentence(body: &str, i: usize) -> bool {
    if body.as_bytes()[i] != b'.' {
        return true;
    }
    // Abbreviations and initials are short: look back a bounded window so a
    // long run without spaces ("a.b.a.b...") stays linear.
    let mut window_start = i.saturating_sub(16);
    while !body.is_char_boundary(window_start) {
        window_start += 1;
    }
    let before = &body[window_start..i];
    let after_opening = if before.is_ascii() {
        // The same search over bytes: an ASCII char is one byte, and its
        // whitespace is 0x09 to 0x0D and the space.
        before
            .bytes()
            .rposition(|b| matches!(b, b'\t'..=b'\r' | b' ' | b'(' | b'"'))
            .map(|p| p + 1)
    } else {
        before
            .rfind(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"' || ch == '\u{201c}')
            .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
    };
    let Some(word_start) = after_opening.or((window_start == 0).then_some(0)) else {
        return true;
    };
    let word = &before[word_start..];
    // A single capital letter is an initial; a dotted acronym ends in "X.Y".
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    if word.contains('.') && word.len() <= 6 {
        return false;
    }
    !is_abbreviation(word)
}

fn push_trimmed(body: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &body[range.clone()];
    // Most sentences start and end with a printable ASCII char, no
    // whitespace: then nothing is trimmed, and no char is decoded.
    let lead = match s.as_bytes().first() {
        Some(&b) if is_printable_ascii(b) => 0,
        _ => s.len() - s.trim_start().len(),
    };
    let trail = match s.as_bytes().last() {
        Some(&b) if is_printable_ascii(b) => 0,
        _ => s.len() - s.trim_end().len(),
    };
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// An ASCII byte above the space (0x21 to 0x7F): a whole char, and no
/// whitespace.
#[inline]
fn is_printable_ascii(b: u8) -> bool {
    b > b' ' && b < 0x80
}

/// Whether `word` lower-cased is `lower` (a lower-cased text): an ASCII word
/// is compared in place, without a lower-case copy.
pub fn lowers_to(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        // `lower` holds no upper-case ASCII, so ignoring ASCII case is exact.
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

/// Appends `s.to_lowercase()` to `out`: ASCII text is copied and lowered in
/// place, with no String of its own.
pub fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&s.to_lowercase());
    }
}

/// Calls `f` with `word` in lower case (as `str::to_lowercase` gives it),
/// without allocating for ASCII words of up to [`LOWERCASE_LIMIT`] bytes.
/// Shared by the stages' word-list look-ups.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.is_ascii() {
        return f(&word.to_lowercase());
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    if word.len() > LOWERCASE_LIMIT {
        return f(&word.to_ascii_lowercase());
    }
    // Lowered in a String kept per thread: lowering a str in place needs no
    // UTF-8 check, which lowering bytes on the stack did (a call that cost
    // more than the lowering). Taken out while `f` runs, so a nested call
    // finds an empty one.
    let mut lower = LOWERCASE.take();
    lower.clear();
    lower.push_str(word);
    lower.make_ascii_lowercase();
    let found = f(&lower);
    LOWERCASE.set(lower);
    found
}

/// The longest word [`with_lowercase`] lowers in its kept String: the
/// String stays this small.
const LOWERCASE_LIMIT: usize = 48;

thread_local! {
    /// See [`with_lowercase`].
    static LOWERCASE: Cell<String> = const { Cell::new(String::new()) };
}

/// Whether the byte at `i` starts a word (not preceded by a letter or digit).
#[inline]
pub fn word_start(body: &str, i: usize) -> bool {
    // The common ASCII case without decoding.
    if let Some(b) = i.checked_sub(1).map(|p| body.as_bytes()[p]) {
        if b.is_ascii() {
            return !b.is_ascii_alphanumeric();
        }
    }
    body[..i]
        .chars()
        .next_back()
        .is_none_or(|ch| !ch.is_alphanumeric())
}

/// Whether the byte at `i` ends a word (not followed by a letter or digit).
#[inline]
pub fn word_end(body: &str, i: usize) -> bool {
    if let Some(b) = body.as_bytes().get(i) {
        if b.is_ascii() {
            return !b.is_ascii_alphanumeric();
        }
    }
    body[i..]
        .chars()
        .next()
        .is_none_or(|ch| !ch.is_alphanumeric())
}

/// Every string of `n` of `pieces` in a row (repeats allowed), for tests that
/// compare a fast scanner with the slow path it replaces on all short mixes.
#[cfg(test)]
pub fn concatenations(pieces: &[&str], n: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for _ in 0..n {
        out = out
            .iter()
            .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
            .collect();
    }
    out
}

/// Advances a test's pseudo-random `seed` (Knuth's MMIX LCG): random texts
/// from pieces, with no dependency. Use the high bits.
#[cfg(test)]
pub fn step_random(seed: &mut u64) {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(body: &str) -> Vec<&str> {
        split_sentences(body)
            .into_iter()
            .map(|r| &body[r])
            .collect()
    }

    #[test]
    fn initials_and_titles_stay_inside_a_sentence() {
        let s = sentences("Defence chief Mary K. Osei met Gen. Tan in the U.S. capital. She left.");
        assert_eq!(
            s,
            vec![
                "Defence chief Mary K. Osei met Gen. Tan in the U.S. capital.",
                "She left."
            ]
        );
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence_it_ends() {
        let s = sentences("\u{201c}We are ready.\u{201d} The envoy smiled.");
        assert_eq!(
            s,
            vec!["\u{201c}We are ready.\u{201d}", "The envoy smiled."]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        let s = sentences("Headline without stop\n\nBody starts here.");
        assert_eq!(s, vec!["Headline without stop", "Body starts here."]);
    }

    #[test]
    fn offsets_agree_with_a_table_of_char_starts() {
        for body in ["", "plain", "Café in Zürich", "“a” — 🙂b’s\u{1}", "🙂🙂x"] {
            let text = Text::new(body);
            let starts: Vec<usize> = body.char_indices().map(|(i, _)| i).collect();
            for byte in 0..body.len() + 3 {
                let expected = if body.is_ascii() {
                    byte
                } else {
                    starts.partition_point(|&b| b < byte)
                };
                assert_eq!(text.char_offset(byte), expected, "{body:?} byte {byte}");
            }
            for chars in 0..starts.len() + 3 {
                let expected = if body.is_ascii() {
                    chars
                } else {
                    starts.get(chars).copied().unwrap_or(body.len())
                };
                assert_eq!(text.byte_offset(chars), expected, "{body:?} char {chars}");
            }
        }
    }

    /// Bodies of ASCII and wider chars, sentence marks among them, long
    /// enough for the eight-byte scans.
    fn mixed_bodies() -> Vec<String> {
        let pieces = [
            "a", " ", ".", "!", "?", "\n", "é", "®", "î", "…", "。", "🙂", "\u{7f}", "Ab.", "xyzw",
        ];
        let mut bodies = concatenations(&pieces, 3);
        let mut seed = 7;
        for _ in 0..2000 {
            let mut body = String::new();
            for _ in 0..40 {
                step_random(&mut seed);
                body.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            bodies.push(body);
        }
        bodies
    }

    #[test]
    fn wide_chars_are_the_chars_of_more_than_one_byte() {
        for body in mixed_bodies() {
            let found: Vec<(usize, usize, usize)> = wide_chars(&body)
                .iter()
                .map(|w| (w.start, w.extra, w.extra_before))
                .collect();
            let mut expected = Vec::new();
            let mut extra_before = 0;
            for (start, ch) in body.char_indices().filter(|(_, ch)| ch.len_utf8() > 1) {
                expected.push((start, ch.len_utf8() - 1, extra_before));
                extra_before += ch.len_utf8() - 1;
            }
            assert_eq!(found, expected, "{body:?}");
        }
    }

    #[test]
    fn sentence_marks_are_found_as_a_byte_scan_finds_them() {
        for body in mixed_bodies() {
            let bytes = body.as_bytes();
            for from in 0..=bytes.len() {
                let expected = bytes[from..]
                    .iter()
                    .position(|&b| is_sentence_mark(b))
                    .map(|p| from + p);
                assert_eq!(next_sentence_mark(bytes, from), expected, "{body:?} {from}");
            }
        }
    }

    /// The splitter as first written, char by char: the reference the
    /// byte-wise tests must agree with.
    fn split_sentences_reference(body: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !is_sentence_mark(bytes[i]) {
                i += 1;
                continue;
            }
            if bytes[i] == b'\n' {
                push_trimmed(body, start..i, &mut out);
                start = i + 1;
            } else {
                let mut end = i + 1;
                while let Some(ch) = body[end..].chars().next() {
                    if matches!(ch, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']') {
                        end += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                let next = body[end..].chars().next();
                let after_space = body[end..].trim_start_matches([' ', '\t']);
                if next.is_some_and(|ch| ch == ' ' || ch == '\t')
                    && after_space.chars().next().is_some_and(|ch| {
                        ch.is_uppercase() || ch.is_ascii_digit() || is_open_quote(ch)
                    })
                    && ends_sentence_reference(body, i)
                {
                    push_trimmed(body, start..end, &mut out);
                    start = end;
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        push_trimmed(body, start..body.len(), &mut out);
        out
    }

    fn ends_sentence_reference(body: &str, i: usize) -> bool {
        if body.as_bytes()[i] != b'.' {
            return true;
        }
        let mut window_start = i.saturating_sub(16);
        while !body.is_char_boundary(window_start) {
            window_start += 1;
        }
        let before = &body[window_start..i];
        let Some(word_start) = before
            .rfind(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"' || ch == '\u{201c}')
            .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
            .or((window_start == 0).then_some(0))
        else {
            return true;
        };
        let word = &before[word_start..];
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return false;
        }
        if word.contains('.') && word.len() <= 6 {
            return false;
        }
        !is_abbreviation(word)
    }

    #[test]
    fn sentences_split_as_the_char_by_char_reading_splits_them() {
        let pieces = [
            "Mr", "U.S", "A", "b", "Ab", ".", " ", "\t", "\u{b}", "\u{a0}", "\"", "\u{201c}",
            "\u{201d}", "\u{2019}", "'", ")", "(", "9", "é", "É", "\n", "!", "?", "xyzwvut",
        ];
        let mut bodies = mixed_bodies();
        bodies.extend(concatenations(&pieces, 3));
        let mut seed = 5;
        for _ in 0..5000 {
            let mut body = String::new();
            for _ in 0..30 {
                step_random(&mut seed);
                body.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            bodies.push(body);
        }
        for body in &bodies {
            assert_eq!(
                split_sentences(body),
                split_sentences_reference(body),
                "{body:?}"
            );
        }
    }

    #[test]
    fn sentences_are_trimmed_as_trim_trims_them() {
        for body in mixed_bodies().into_iter().chain(concatenations(
            &[" ", "\t", "\u{a0}", "\u{2009}", "a", ".", "\n", "A"],
            5,
        )) {
            let mut out = Vec::new();
            push_trimmed(&body, 0..body.len(), &mut out);
            let expected: Vec<&str> = Some(body.trim())
                .filter(|t| !t.is_empty())
                .into_iter()
                .collect();
            let trimmed: Vec<&str> = out.iter().map(|r| &body[r.clone()]).collect();
            assert_eq!(trimmed, expected, "{body:?}");
        }
    }

    #[test]
    fn char_offsets_count_characters_not_bytes() {
        let text = Text::new("Café in Zürich");
        let at = "Café in ".len();
        assert_eq!(text.char_offset(at), 8);
        assert_eq!(text.byte_offset(8), at);
    }

    #[test]
    fn push_lowercase_appends_to_lowercase() {
        for s in [
            "",
            "IDF Spokesperson",
            "the UN rights chief",
            "ÉTÉ İstanbul ΣΟΦΟΣ",
            "\u{212A}",
        ] {
            let mut out = String::from("Head ");
            push_lowercase(&mut out, s);
            assert_eq!(out, format!("Head {}", s.to_lowercase()), "{s:?}");
        }
    }

    #[test]
    fn with_lowercase_lowers_as_to_lowercase_does() {
        let long = "A".repeat(40);
        let words = [
            "",
            "gaza",
            "Gaza",
            "KHARKIV",
            "Sa'ar",
            "US",
            "a1B2",
            "Zürich",
            "ΟΔΟΣ",
            "İstanbul",
            "\u{212a}elvin",
            &long,
        ];
        let longer = "B".repeat(LOWERCASE_LIMIT + 1);
        for w in words.into_iter().chain([longer.as_str()]) {
            with_lowercase(w, |lower| assert_eq!(lower, w.to_lowercase(), "{w}"));
        }
        // A call inside another lowers its own word.
        with_lowercase("Gaza", |outer| {
            with_lowercase("RAFAH", |inner| assert_eq!(inner, "rafah"));
            assert_eq!(outer, "gaza");
        });
    }
}
