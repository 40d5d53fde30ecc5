//! Words and proper-noun phrases: the units place names are looked for in.
//!
//! A phrase is a run of capitalised words inside one sentence, joined by
//! single spaces or hyphens, that may hold lower-case particles between two
//! capitalised words ("Gulf of Aden", "Democratic Republic of the Congo",
//! "Ashraf al-Qidra"). Where a phrase starts and ends is what tells a place
//! ("Kharkiv") from a place inside a longer name ("Kharkiv Polytechnic").

use std::cell::Cell;
use std::ops::Range;

use super::super::text::{char_at, Text};
use super::words;

/// One word of the body.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the body (without a possessive "'s").
    pub range: Range<usize>,
    /// Index of the sentence holding it.
    pub sentence: usize,
    /// The word's letter case and length: see the methods of the same
    /// names ([`cap`](Self::cap) ...), one byte written per word.
    shape: Shape,
    /// First word of its sentence, of a quotation or of the text after a
    /// date marker: capitalisation there is no evidence of a name.
    pub initial: bool,
    /// In one sentence with the next word and separated from it by a
    /// single space or hyphen only ([`Tokens::joined`]).
    pub joined: bool,
    /// Joined to the next word by a hyphen ([`Tokens::hyphen_after`]).
    pub hyphen: bool,
    /// What follows it, as far as the cues for places ask.
    pub spacing: Spacing,
}

impl Token {
    /// Starts with an upper-case letter.
    #[inline]
    pub fn cap(&self) -> bool {
        self.shape.has(Shape::CAP)
    }

    /// Two or more letters, all upper-case ("US", "KIGALI").
    #[inline]
    pub fn all_caps(&self) -> bool {
        self.shape.has(Shape::ALL_CAPS)
    }

    /// Written "Like" this: capital first, then no upper case.
    #[inline]
    pub fn title(&self) -> bool {
        self.shape.has(Shape::TITLE)
    }

    /// Four or more chars, the first a letter: a word a headline's
    /// capitals are counted over.
    #[inline]
    pub fn long(&self) -> bool {
        self.shape.has(Shape::LONG)
    }

    /// ASCII letters and digits only (most words): its gazetteer key is
    /// its text in lower case.
    #[inline]
    pub fn ascii_alphanumeric(&self) -> bool {
        self.shape.has(Shape::ASCII_ALPHANUMERIC)
    }

    /// Sets how this word joins the next, `gap` apart (the joins are known
    /// once the next word is found: worked out once here rather than on
    /// every question), and returns whether the next word opens a clause.
    #[inline(always)]
    fn join(&mut self, gap: &Gap, same_sentence: bool) -> bool {
        self.joined = same_sentence && gap.joins;
        self.hyphen = self.joined && gap.hyphen;
        self.spacing = gap.spacing;
        !same_sentence || gap.opens
    }
}

/// What follows a word before the next (or the end of the body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spacing {
    /// A single space.
    Space,
    /// A comma and a single space.
    CommaSpace,
    Other,
}

/// The words of a body, in order.
pub struct Tokens<'a> {
    pub body: &'a str,
    pub list: Vec<Token>,
}

/// Token lists longer than this are not kept for the next text: memory
/// stays flat whatever one article holds.
const SPARE_LIMIT: usize = 1 << 16;

thread_local! {
    /// The last text's token list, emptied, for the thread's next text: a
    /// large allocation saved per article.
    static SPARE: Cell<Vec<Token>> = const { Cell::new(Vec::new()) };
}

impl Drop for Tokens<'_> {
    fn drop(&mut self) {
        let mut list = std::mem::take(&mut self.list);
        if list.capacity() <= SPARE_LIMIT {
            list.clear();
            SPARE.set(list);
        }
    }
}

impl<'a> Tokens<'a> {
    pub fn new(text: &Text<'a>) -> Tokens<'a> {
        let body = text.body;
        let bytes = body.as_bytes();
        let mut list: Vec<Token> = SPARE.take();
        list.reserve(body.len() / 5);
        // Words come in order: the sentence index only moves forward.
        let mut sentence = 0;
        let sentence_end = |s: usize| text.sentences.get(s).map_or(usize::MAX, |r| r.end);
        let mut end_of_sentence = sentence_end(0);
        for (range, shape) in Words::new(body) {
            while end_of_sentence <= range.start {
                sentence += 1;
                end_of_sentence = sentence_end(sentence);
            }
            let initial = match list.last_mut() {
                None => true,
                Some(prev) => {
                    let same_sentence = prev.sentence == sentence;
                    // Most gaps are one space: told by one byte, and the
                    // joins set from constants.
                    let one_space =
                        range.start == prev.range.end + 1 && bytes[prev.range.end] == b' ';
                    if one_space {
                        prev.join(&Gap::SPACE, same_sentence)
                    } else {
                        let gap = Gap::of(&body[prev.range.end..range.start]);
                        prev.join(&gap, same_sentence)
                    }
                }
            } || after_date_marker(body, &list, sentence);
            list.push(Token {
                shape,
                initial,
                joined: false,
                hyphen: false,
                spacing: Spacing::Other,
                sentence,
                range,
            });
        }
        if let Some(last) = list.last_mut() {
            last.spacing = Gap::of(&body[last.range.end..]).spacing;
        }
        Tokens { body, list }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The text of word `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.body[self.list[i].range.clone()]
    }

    /// True if word `i` is `w`: its bytes compared, without slicing the
    /// body as text (the cues ask it of a word after every phrase).
    #[inline]
    pub fn word_is(&self, i: usize, w: &str) -> bool {
        let r = &self.list[i].range;
        r.len() == w.len() && self.body.as_bytes()[r.clone()] == *w.as_bytes()
    }

    /// What stands between word `i` and the next one.
    #[inline]
    pub fn gap(&self, i: usize) -> &'a str {
        match self.list.get(i + 1) {
            Some(next) => &self.body[self.list[i].range.end..next.range.start],
            None => &self.body[self.list[i].range.end..],
        }
    }

    /// Byte range of words `r` (a range of word indices, not empty).
    pub fn span(&self, r: &Range<usize>) -> Range<usize> {
        self.list[r.start].range.start..self.list[r.end - 1].range.end
    }

    /// The body text of words `r`.
    pub fn text(&self, r: &Range<usize>) -> &'a str {
        &self.body[self.span(r)]
    }

    /// True if words `i` and `i + 1` are in one sentence and separated by
    /// a single space or hyphen only: they may belong to one name.
    pub fn joined(&self, i: usize) -> bool {
        self.list[i].joined
    }

    /// True if a single space follows word `i`: `gap(i) == " "`.
    pub fn space_after(&self, i: usize) -> bool {
        self.list[i].spacing == Spacing::Space
    }

    /// True if a comma and a single space follow word `i`.
    pub fn comma_after(&self, i: usize) -> bool {
        self.list[i].spacing == Spacing::CommaSpace
    }

    /// True if word `i` is joined to the next by a hyphen.
    pub fn hyphen_after(&self, i: usize) -> bool {
        self.list[i].hyphen
    }

    /// True if word `i` is a lower-case name particle ("of", "al", "de"):
    /// its bytes are asked, not the body sliced as text.
    pub fn particle(&self, i: usize) -> bool {
        let tok = &self.list[i];
        !tok.cap() && words::is_particle(&self.body.as_bytes()[tok.range.clone()])
    }

    /// True if word `i` is written "Like" this: capital first, then lower case.
    pub fn title_case(&self, i: usize) -> bool {
        self.list[i].title()
    }
}

/// What stands between two neighbouring words, as far as names care.
#[derive(Debug, PartialEq, Eq)]
struct Gap {
    /// A single space or hyphen: the words may belong to one name.
    joins: bool,
    /// A hyphen.
    hyphen: bool,
    /// Opens a quotation, a bracket or a clause after a colon: the next
    /// word's capital is no evidence of a name.
    opens: bool,
    spacing: Spacing,
}

impl Gap {
    /// Most gaps are one space: no other test need be made.
    const SPACE: Gap = Gap {
        joins: true,
        hyphen: false,
        opens: false,
        spacing: Spacing::Space,
    };

    /// A comma and a space, the commonest gap after a single space.
    const COMMA_SPACE: Gap = Gap {
        joins: false,
        hyphen: false,
        opens: false,
        spacing: Spacing::CommaSpace,
    };

    /// A full stop and a space: a sentence goes on to the next.
    const STOP_SPACE: Gap = Gap {
        joins: false,
        hyphen: false,
        opens: false,
        spacing: Spacing::Other,
    };

    #[inline]
    fn of(gap: &str) -> Gap {
        match gap {
            " " => Gap::SPACE,
            ", " => Gap::COMMA_SPACE,
            ". " => Gap::STOP_SPACE,
            _ => Gap::read(gap),
        }
    }

    /// [`of`](Self::of) any gap but a single space, read char by char.
    fn read(gap: &str) -> Gap {
        let hyphen = matches!(gap, "-" | "\u{2010}" | "\u{2011}");
        Gap {
            joins: hyphen,
            hyphen,
            opens: gap.ends_with(['"', '“', '‘', '(']) || gap.trim_end().ends_with(':'),
            spacing: if gap == ", " {
                Spacing::CommaSpace
            } else {
                Spacing::Other
            },
        }
    }
}

/// The letter case of a word, read in one pass: the flags its token
/// takes, in one byte (a word's end and shape then travel in registers,
/// not through a stack slot, from the scanner to the token).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Shape(u8);

impl Shape {
    /// [`Token::cap`].
    const CAP: u8 = 1;
    /// [`Token::all_caps`].
    const ALL_CAPS: u8 = 2;
    /// [`Token::title`].
    const TITLE: u8 = 4;
    /// [`Token::ascii_alphanumeric`].
    const ASCII_ALPHANUMERIC: u8 = 8;
    /// [`Token::long`].
    const LONG: u8 = 16;

    /// The shape with `flag` set if `on`.
    #[inline(always)]
    fn flag(flag: u8, on: bool) -> u8 {
        if on {
            flag
        } else {
            0
        }
    }

    /// The shape of a word of `chars` chars, from its case and whether
    /// its first char is a letter.
    #[inline]
    fn from_case(
        chars: usize,
        cap: bool,
        alpha_first: bool,
        title: bool,
        all_caps: bool,
        ascii_alphanumeric: bool,
    ) -> Shape {
        Shape(
            Shape::flag(Shape::CAP, cap)
                | Shape::flag(Shape::ALL_CAPS, all_caps)
                | Shape::flag(Shape::TITLE, title)
                | Shape::flag(Shape::ASCII_ALPHANUMERIC, ascii_alphanumeric)
                | Shape::flag(Shape::LONG, chars >= 4 && alpha_first),
        )
    }

    #[inline(always)]
    fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }

    /// The shape of an ASCII word from its byte classes, OR-ed together
    /// (None if the word is not ASCII).
    fn of_ascii(bytes: &[u8]) -> Option<Shape> {
        let Some((&first, rest)) = bytes.split_first() else {
            return Some(Shape::default());
        };
        let mut rest_classes = 0;
        let mut all_bytes = first;
        for &b in rest {
            rest_classes |= CLASS[usize::from(b)];
            all_bytes |= b;
        }
        let alphanumeric = bytes.iter().all(|&b| has(b, ALNUM));
        all_bytes.is_ascii().then(|| {
            let first_class = CLASS[usize::from(first)];
            Shape::of_classes(
                bytes,
                0..bytes.len(),
                first_class,
                rest_classes,
                alphanumeric,
            )
        })
    }

    /// The shape of ASCII word `bytes[word]` from the class of its first
    /// byte and the classes of the others, OR-ed together, and whether
    /// every byte is a letter or digit.
    #[inline]
    fn of_classes(
        bytes: &[u8],
        word: Range<usize>,
        first_class: u8,
        rest_classes: u8,
        alphanumeric: bool,
    ) -> Shape {
        let any_lower = (first_class | rest_classes) & LOWER != 0;
        // Letters are counted only when no lower case settles it: rarely
        // (and only then is the word sliced).
        let all_caps = !any_lower
            && bytes[word.clone()]
                .iter()
                .filter(|&&b| has(b, LETTER))
                .count()
                >= 2;
        Shape::from_case(
            word.len(),
            first_class & UPPER != 0,
            first_class & LETTER != 0,
            first_class & UPPER != 0 && rest_classes & UPPER == 0,
            all_caps,
            alphanumeric,
        )
    }

    /// The shape of a word of `chars` ASCII letters and digits, the first a
    /// lower-case letter, which settles every flag: the compiler then has
    /// nothing to work out for most words.
    #[inline]
    fn lower_first(chars: usize) -> Shape {
        Shape(Shape::ASCII_ALPHANUMERIC | Shape::flag(Shape::LONG, chars >= 4))
    }

    /// The shape of any word.
    fn of(word: &str) -> Shape {
        Shape::of_ascii(word.as_bytes()).unwrap_or_else(|| Shape::of_chars(word))
    }

    /// The shape read char by char: any text.
    fn of_chars(word: &str) -> Shape {
        let (mut chars, mut letters) = (0, 0);
        let (mut cap, mut alpha_first, mut any_lower) = (false, false, false);
        let mut upper_after_first = false;
        for (i, c) in word.chars().enumerate() {
            letters += usize::from(c.is_alphabetic());
            chars += 1;
            any_lower |= c.is_lowercase();
            if i == 0 {
                cap = c.is_uppercase();
                alpha_first = c.is_alphabetic();
            } else {
                upper_after_first |= c.is_uppercase();
            }
        }
        Shape::from_case(
            chars,
            cap,
            alpha_first,
            cap && !upper_after_first,
            letters >= 2 && !any_lower,
            !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric()),
        )
    }
}

/// " date 2024-10-01 Title ...": the word after the date starts the text.
fn after_date_marker(body: &str, list: &[Token], sentence: usize) -> bool {
    let n = list.len();
    n == 4
        && sentence == list[0].sentence
        && &body[list[0].range.clone()] == "date"
        && list[1..4]
            .iter()
            .all(|t| body[t.range.clone()].bytes().all(|b| b.is_ascii_digit()))
}

/// Byte ranges of the words of `body`, in order, with their shapes: letters
/// and digits, with inner apostrophes ("Sa'ar") but not a possessive
/// ("Israel's" gives "Israel"), and dotted initials or acronyms kept whole
/// ("J.", "U.S.").
struct Words<'a> {
    body: &'a str,
    /// Where the next word is looked for.
    at: usize,
}

impl<'a> Words<'a> {
    fn new(body: &'a str) -> Self {
        Words { body, at: 0 }
    }

    /// The first byte of a word at or after `i`, or the end of the body.
    #[inline(always)]
    fn word_start(&self, mut i: usize) -> usize {
        let bytes = self.body.as_bytes();
        // Most words follow a single space.
        if bytes.get(i) == Some(&b' ') && bytes.get(i + 1).is_some_and(|&b| has(b, ALNUM)) {
            return i + 1;
        }
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if has(b, ALNUM) {
                    break;
                }
                i += 1;
            } else if alphanumeric_at(self.body, i) {
                break;
            } else {
                i = next_char(self.body, i);
            }
        }
        i
    }

    /// The end of the dotted initials starting at `i`: "U.S.".
    fn initials_end(&self, i: usize) -> usize {
        let body = self.body;
        let mut e = i;
        while alphabetic_at(body, e) && char_at(body, next_char(body, e)) == Some('.') {
            e = next_char(body, next_char(body, e));
        }
        e
    }

    /// The end of the plain word whose second char starts at `i`.
    #[inline(always)]
    fn word_end(&self, mut i: usize) -> usize {
        let body = self.body;
        let bytes = body.as_bytes();
        loop {
            while bytes.get(i).is_some_and(|&b| has(b, ALNUM)) {
                i += 1;
            }
            // Only a non-ASCII letter or an apostrophe may go on.
            let goes_on = bytes.get(i).is_some_and(|&b| b >= 0x80 || b == b'\'')
                && (alphanumeric_at(body, i) || inner_apostrophe(body, i));
            if !goes_on {
                return i;
            }
            i = next_char(body, i);
        }
    }
}

impl Words<'_> {
    /// The end and shape of the word starting at `start` with an ASCII
    /// letter or digit, if it is ASCII letters and digits only (nearly
    /// every word): classed in the one pass that finds its end.
    #[inline(always)]
    fn ascii_word(&self, start: usize) -> Option<(usize, Shape)> {
        let bytes = self.body.as_bytes();
        let first_class = CLASS[usize::from(bytes[start])];
        let mut rest_classes = 0;
        let mut end = start + 1;
        if first_class & LOWER != 0 {
            // Most words: a lower-case first letter settles the shape, and
            // the rest need not be classed.
            while bytes.get(end).is_some_and(|&b| has(b, ALNUM)) {
                end += 1;
            }
        } else {
            while let Some(&b) = bytes.get(end) {
                let class = CLASS[usize::from(b)];
                if class & ALNUM == 0 {
                    break;
                }
                rest_classes |= class;
                end += 1;
            }
        }
        // An initial's full stop, a non-ASCII char or an apostrophe may
        // make more of it: one class test turns every other byte away.
        let more = match bytes.get(end) {
            Some(&b) if has(b, GOES_ON) => {
                b != b'.' || (end == start + 1 && first_class & LETTER != 0)
            }
            _ => false,
        };
        (!more).then(|| {
            let shape = if first_class & LOWER != 0 {
                Shape::lower_first(end - start)
            } else {
                Shape::of_classes(bytes, start..end, first_class, rest_classes, true)
            };
            (end, shape)
        })
    }
}

impl Words<'_> {
    /// Any word starting at `start`, and where the next one is looked for
    /// (after a possessive "'s").
    #[inline(never)]
    fn any_word(&mut self, start: usize) -> (Range<usize>, Shape) {
        let body = self.body;
        let bytes = body.as_bytes();
        let second = next_char(body, start);
        // Dotted initials and acronyms: "J.", "U.S.", "D.C."
        if bytes.get(second) == Some(&b'.') && alphabetic_at(body, start) {
            let end = self.initials_end(start);
            self.at = end;
            return (start..end, Shape::of(&body[start..end]));
        }
        let end = self.word_end(second);
        self.at = end;
        let may_be_apostrophe = bytes.get(end).is_some_and(|&b| b >= 0x80 || b == b'\'');
        if may_be_apostrophe && apostrophe_at(body, end) && possessive(body, end) {
            self.at = next_char(body, next_char(body, end));
        }
        (start..end, Shape::of(&body[start..end]))
    }
}

impl Iterator for Words<'_> {
    type Item = (Range<usize>, Shape);

    #[inline]
    fn next(&mut self) -> Option<(Range<usize>, Shape)> {
        let start = self.word_start(self.at);
        let &first = self.body.as_bytes().get(start)?;
        if first < 0x80 {
            if let Some((end, shape)) = self.ascii_word(start) {
                // No apostrophe follows: no possessive to pass over.
                self.at = end;
                return Some((start..end, shape));
            }
        }
        Some(self.any_word(start))
    }
}

/// ASCII byte classes, looked up in [`CLASS`]: one load per byte instead
/// of range tests (non-ASCII bytes are in no class but [`GOES_ON`]).
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const DIGIT: u8 = 4;
const LETTER: u8 = UPPER | LOWER;
const ALNUM: u8 = LETTER | DIGIT;
/// A byte after ASCII letters and digits that may go on with the word: a
/// full stop, an apostrophe or any non-ASCII byte.
const GOES_ON: u8 = 8;

static CLASS: [u8; 256] = {
    let mut t = [GOES_ON; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'.' || c == b'\'' {
            GOES_ON
        } else {
            0
        };
        b += 1;
    }
    t
};

/// True if byte `b` is in one of `classes`.
#[inline]
fn has(b: u8, classes: u8) -> bool {
    CLASS[usize::from(b)] & classes != 0
}

/// Where the char after the one at byte `i` starts (past the end: further).
#[inline]
fn next_char(body: &str, i: usize) -> usize {
    match body.as_bytes().get(i) {
        None => body.len() + 1,
        Some(&b) if b < 0x80 => i + 1,
        Some(_) => i + body[i..].chars().next().map_or(1, char::len_utf8),
    }
}

#[inline]
fn alphanumeric_at(body: &str, i: usize) -> bool {
    match body.as_bytes().get(i) {
        Some(&b) if b < 0x80 => has(b, ALNUM),
        _ => char_at(body, i).is_some_and(char::is_alphanumeric),
    }
}

#[inline]
fn alphabetic_at(body: &str, i: usize) -> bool {
    match body.as_bytes().get(i) {
        Some(&b) if b < 0x80 => has(b, UPPER | LOWER),
        _ => char_at(body, i).is_some_and(char::is_alphabetic),
    }
}

#[inline]
fn apostrophe_at(body: &str, i: usize) -> bool {
    matches!(char_at(body, i), Some('\'' | '’'))
}

/// "Israel's": an apostrophe at `i`, then "s" ending the word.
fn possessive(body: &str, i: usize) -> bool {
    let s = next_char(body, i);
    matches!(char_at(body, s), Some('s' | 'S')) && !alphanumeric_at(body, next_char(body, s))
}

/// "Sa'ar": an apostrophe at `i` inside a word.
fn inner_apostrophe(body: &str, i: usize) -> bool {
    apostrophe_at(body, i) && alphabetic_at(body, next_char(body, i)) && !possessive(body, i)
}

/// A phrase: a run of words that may form one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Word indices.
    pub words: Range<usize>,
}

/// The proper-noun phrases of the text, in order.
pub fn find(toks: &Tokens) -> Vec<Phrase> {
    // About one word in ten opens a phrase: room enough for most texts.
    let mut out = Vec::with_capacity(toks.len() / 8);
    let mut i = 0;
    while i < toks.len() {
        // The particle test last: it is the dearest.
        let starts = toks.list[i].cap()
            || (toks.hyphen_after(i)
                && toks.list.get(i + 1).is_some_and(|t| t.cap())
                && toks.particle(i));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            // "Bar & Grill", "Trinidad & Tobago". Joined words have a
            // space or hyphen between them, no ampersand; the gap, dearest,
            // last.
            let ampersand = j < toks.len()
                && !toks.joined(j - 1)
                && toks.list[j].cap()
                && toks.list[j].sentence == toks.list[j - 1].sentence
                && toks.gap(j - 1) == " & ";
            if ampersand {
                j += 1;
                continue;
            }
            if j >= toks.len() || !toks.joined(j - 1) {
                break;
            }
            if toks.list[j].cap() {
                j += 1;
                continue;
            }
            // Up to two particles between capitalised words: "of the".
            let mut k = j;
            while k < toks.len() && k < j + 2 && toks.particle(k) && toks.joined(k) {
                k += 1;
            }
            if k > j && k < toks.len() && toks.list[k].cap() {
                j = k + 1;
            } else {
                break;
            }
        }
        out.push(Phrase { words: i..j });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first implementation, over a table of chars: the reference
    /// [`Words`] must agree with.
    fn word_ranges_reference(body: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let pos = |k: usize| chars.get(k).map_or(body.len(), |&(i, _)| i);
        let possessive = |k: usize| {
            matches!(at(k + 1), Some('s' | 'S')) && !at(k + 2).is_some_and(char::is_alphanumeric)
        };
        let inner_apostrophe = |k: usize| {
            matches!(chars[k].1, '\'' | '’')
                && at(k + 1).is_some_and(char::is_alphabetic)
                && !possessive(k)
        };
        let mut k = 0;
        while k < chars.len() {
            if !chars[k].1.is_alphanumeric() {
                k += 1;
                continue;
            }
            let start = k;
            if chars[k].1.is_alphabetic() && at(k + 1) == Some('.') {
                let mut e = k;
                while at(e).is_some_and(char::is_alphabetic) && at(e + 1) == Some('.') {
                    e += 2;
                }
                out.push(pos(start)..pos(e));
                k = e;
                continue;
            }
            while k < chars.len() && (chars[k].1.is_alphanumeric() || inner_apostrophe(k)) {
                k += 1;
            }
            out.push(pos(start)..pos(k));
            if k < chars.len() && matches!(chars[k].1, '\'' | '’') && possessive(k) {
                k += 2;
            }
        }
        out
    }

    #[test]
    fn word_ranges_agree_with_the_reference() {
        let pieces = [
            "a", "Z", "9", "é", "É", "ß", "İ", "\u{301}", "\u{345}", "\u{212a}", "'", "’", "s",
            "S", ".", " ", "-", "“", "”", "\n", "Sa", "U.S.", "x.", "日本", "٣", "'s", "’S", "..",
        ];
        // Every string of three pieces, and a longer mix.
        let mut cases = crate::extract::text::concatenations(&pieces, 3);
        cases
            .push("Israel’s army met U.S. envoy J. Osei's aide in Sa'ar, D.C. — İstanbul’S".into());
        for c in &cases {
            let words: Vec<(Range<usize>, Shape)> = Words::new(c).collect();
            let ranges: Vec<Range<usize>> = words.iter().map(|(r, _)| r.clone()).collect();
            assert_eq!(ranges, word_ranges_reference(c), "{c:?}");
            for (r, shape) in words {
                assert_eq!(shape, Shape::of_chars(&c[r.clone()]), "{c:?} {r:?}");
            }
        }
    }

    #[test]
    fn ascii_shapes_agree_with_the_char_by_char_reading() {
        let words = [
            "",
            "a",
            "Z",
            "9",
            "US",
            "U.S.",
            "Kigali",
            "KIGALI",
            "McDonald",
            "iPhone",
            "x9",
            "9x",
            "Sa'ar",
            "al",
            "AB",
            "A1",
            "2024",
            "Ab",
            "aB",
            "é",
            "Éire",
            "ÉTAT",
            "İstanbul",
        ];
        for w in words {
            if let Some(shape) = Shape::of_ascii(w.as_bytes()) {
                assert_eq!(shape, Shape::of_chars(w), "{w:?}");
            } else {
                assert!(!w.is_ascii(), "{w:?}");
            }
        }
    }

    fn words_of(body: &str) -> Vec<&str> {
        Words::new(body).map(|(r, _)| &body[r]).collect()
    }

    fn phrases_of(body: &str) -> Vec<String> {
        let text = Text::new(body);
        let toks = Tokens::new(&text);
        find(&toks)
            .iter()
            .map(|p| toks.text(&p.words).to_string())
            .collect()
    }

    #[test]
    fn words_keep_initials_acronyms_and_inner_apostrophes() {
        assert_eq!(
            words_of("U.S. envoy Mary J. Osei's visit to Sa'ar, D.C."),
            vec!["U.S.", "envoy", "Mary", "J.", "Osei", "visit", "to", "Sa'ar", "D.C."]
        );
        assert_eq!(words_of("Israel’s army."), vec!["Israel", "army"]);
    }

    #[test]
    fn phrases_join_particles_and_hyphens_but_not_sentences() {
        assert_eq!(
            phrases_of("Ships in the Gulf of Aden near al-Mukalla. Kenya-led forces left."),
            vec!["Ships", "Gulf of Aden", "al-Mukalla", "Kenya"]
        );
        assert_eq!(
            phrases_of("the Democratic Republic of the Congo and pro-Israel rallies"),
            vec!["Democratic Republic of the Congo", "Israel"]
        );
    }

    #[test]
    fn spacing_is_what_the_gap_holds() {
        let pieces = ["a", "B", " ", ", ", ",", "-", "  ", ".", "é", "“", "\n"];
        for body in crate::extract::text::concatenations(&pieces, 4) {
            let text = Text::new(&body);
            let toks = Tokens::new(&text);
            for i in 0..toks.len() {
                assert_eq!(toks.space_after(i), toks.gap(i) == " ", "{body:?} {i}");
                assert_eq!(toks.comma_after(i), toks.gap(i) == ", ", "{body:?} {i}");
            }
        }
    }

    #[test]
    fn word_is_compares_as_the_word_text() {
        let pieces = ["of", "a", "an", "near", "é", "Of", " ", "'s", "-"];
        let asked = ["of", "a", "an", "near", "and", "é", "ofa", ""];
        for body in crate::extract::text::concatenations(&pieces, 3) {
            let text = Text::new(&body);
            let toks = Tokens::new(&text);
            for i in 0..toks.len() {
                for w in asked {
                    assert_eq!(toks.word_is(i, w), toks.word(i) == w, "{body:?} {i} {w:?}");
                }
            }
        }
    }

    #[test]
    fn common_gaps_read_as_any_gap() {
        // (A single space is what joins words: no other gap does.)
        for gap in [", ", ". "] {
            assert_eq!(Gap::of(gap), Gap::read(gap), "{gap:?}");
        }
    }

    #[test]
    fn initial_words_are_marked() {
        let text = Text::new(" date 2024-01-02 Police said. “We left,” he said in Tyre.");
        let toks = Tokens::new(&text);
        let initial: Vec<&str> = (0..toks.len())
            .filter(|&i| toks.list[i].initial)
            .map(|i| toks.word(i))
            .collect();
        assert_eq!(initial, vec!["date", "Police", "We"]);
    }
}
