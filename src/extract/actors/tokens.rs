//! Words of an article body with their byte ranges, the unit the actor rules
//! work on.
//!
//! Rules about names are easier to state over words than over characters:
//! "an office word, then two to four capitalised words joined by spaces". A
//! word keeps its abbreviation full stop ("Gen.", "J.", "U.S.") but not a
//! sentence's, and a possessive "'s" is split off and remembered, so
//! "Biden's" is the word "Biden" with `possessive` set.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::lexicon::{self, State, StateForm};
use super::words::WordClass;
use crate::extract::text::{self, ASCII_ALNUM};

/// One word of the body.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// The word, without a possessive ending.
    pub range: Range<usize>,
    /// The text at `range`, kept: the rules read it again and again, and
    /// slicing the body checks both ends each time.
    text: &'a str,
    /// Followed by "'s", "’s" or a bare apostrophe ("Axios’").
    pub possessive: bool,
    /// End of the word including its possessive ending.
    pub end: usize,
    /// What the word lists say about the word.
    pub class: WordClass,
    /// Only spaces separate it from the next word (possessive or not).
    spaced: bool,
    /// The longest run of words from here that names a state.
    state: Option<StateRun>,
}

/// A run of words naming a state: how many words follow its first, the
/// state's place in the list of states and how it is named. (Four bytes
/// where the last word's index and a reference to the state took 24: every
/// rule reads the tokens, most of which name no state.)
#[derive(Debug, Clone, Copy)]
struct StateRun {
    more_words: u8,
    state: u16,
    form: StateForm,
}

impl<'a> Token<'a> {
    /// The word, without its possessive ending.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Only spaces part it from the next word, and it is no possessive: it
    /// and the next are joined as inside one name.
    pub fn joined_to_next(&self) -> bool {
        self.spaced && !self.possessive
    }
}

/// The words of a body, in order.
pub struct Tokens<'a> {
    pub body: &'a str,
    pub list: Vec<Token<'a>>,
    /// What each line of the body looks like, read on first need.
    lines: OnceCell<Lines>,
}

/// Abbreviations that keep their full stop.
const ABBREVIATIONS: &[&str] = &[
    "Gen.", "Lt.", "Col.", "Maj.", "Brig.", "Capt.", "Adm.", "Sgt.", "Cpl.", "Sen.", "Rep.", "Dr.",
    "Mr.", "Mrs.", "Ms.", "Prof.", "Gov.", "St.", "Jr.", "Sr.", "Cmdr.", "Rev.", "Hon.",
];

impl<'a> Tokens<'a> {
    /// Splits `body` into words and classes each one. (Out of line: inlined
    /// into the stage, with the lexicon's scan, both cost more.)
    #[inline(never)]
    pub fn new(body: &'a str) -> Self {
        // The same words recur on every page, so each thread remembers the
        // class of the words it has met (bounded).
        thread_local! {
            static KNOWN: RefCell<KnownWords> = RefCell::default();
        }
        // The words that may open a state's name, noted on the way: the
        // runs are looked up once every word is known.
        let mut state_openers: Vec<usize> = Vec::new();
        let list: Vec<Token> = KNOWN.with_borrow_mut(|known| {
            // (With an article's new words, 60,000 keep the table of short
            // words, at most half full, within 131,072 slots of 32 bytes: 4 MB.)
            known.bound(60_000);
            // About one word per six bytes of news text.
            let mut list: Vec<Token> = Vec::with_capacity(body.len() / 5 + 8);
            // Each word is pushed as it is made and read in place after
            // (a word held apart was copied once more into the list).
            for range in WordScanner::new(body) {
                list.push(token(body, range, known));
                let k = list.len() - 1;
                if let [.., last, word] = list.as_mut_slice() {
                    last.spaced = is_spacing(body, last.end..word.range.start);
                }
                if list[k].class.opens_state() {
                    state_openers.push(k);
                }
            }
            list
        });
        let mut tokens = Tokens {
            body,
            list,
            lines: OnceCell::new(),
        };
        // One buffer for the words of every run looked up.
        let mut words = String::new();
        for i in state_openers {
            tokens.list[i].state = tokens.find_state(i, &mut words);
        }
        tokens
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The word at `i`, without its possessive ending.
    pub fn text(&self, i: usize) -> &'a str {
        self.list[i].text
    }

    /// What the word lists say about word `i`.
    pub fn class(&self, i: usize) -> &WordClass {
        &self.list[i].class
    }

    /// What lies between word `i` and word `i + 1`.
    pub fn gap_after(&self, i: usize) -> &'a str {
        match self.list.get(i + 1) {
            Some(next) => &self.body[self.list[i].end..next.range.start],
            None => &self.body[self.list[i].end..],
        }
    }

    /// What lies between word `i - 1` and word `i` (or the start of the body).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let start = if i == 0 { 0 } else { self.list[i - 1].end };
        &self.body[start..self.list[i].range.start]
    }

    /// Words `i` and `i + 1` are joined by spaces only, as inside one name.
    pub fn joined(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(Token::joined_to_next)
    }

    /// The words that follow a "the" or "The" joined to them ("the
    /// ministry"), in order: one pass over the words, with no index checks.
    pub fn after_the(&self) -> impl Iterator<Item = usize> + '_ {
        self.list
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.text, "the" | "The") && t.joined_to_next())
            .map(|(k, _)| k + 1)
            .filter(|&k| k < self.list.len())
    }

    /// Like [`Tokens::joined`], but a possessive word may continue a phrase
    /// ("Biden's national security adviser").
    pub fn spaced(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(|t| t.spaced)
    }

    /// The state a run of words from `i` names, and how ("Israeli",
    /// "Qatar", "U.S."): the last word of the longest such run.
    pub fn state_at(&self, i: usize) -> Option<(usize, &'static State, StateForm)> {
        let run = self.list.get(i)?.state?;
        let state = &lexicon::states().list[usize::from(run.state)];
        Some((i + usize::from(run.more_words), state, run.form))
    }

    /// The longest run of words from `i` that names a state (`words` is
    /// scratch space).
    fn find_state(&self, i: usize, words: &mut String) -> Option<StateRun> {
        let states = lexicon::states();
        let mut best = None;
        words.clear();
        for j in i..(i + states.longest).min(self.len()) {
            if j > i {
                if !self.joined(j - 1) {
                    break;
                }
                words.push(' ');
            }
            words.push_str(self.text(j));
            if let Some((state, form)) = states.position(words) {
                best = Some(StateRun {
                    more_words: u8::try_from(j - i).expect("a state's name has few words"),
                    state: u16::try_from(state).expect("fewer than 65,536 states"),
                    form,
                });
            }
            if !states.continues(words) {
                break;
            }
        }
        best
    }

    /// The byte range of words `i..=j`, possessive of the last excluded.
    pub fn range(&self, i: usize, j: usize) -> Range<usize> {
        self.list[i].range.start..self.list[j].range.end
    }

    /// The index of the word holding byte `b`, else of the first after it.
    pub fn word_at(&self, b: usize) -> usize {
        self.list.partition_point(|t| t.range.end <= b)
    }

    /// The index of the first word starting at or after byte `b`.
    pub fn first_from(&self, b: usize) -> usize {
        self.list.partition_point(|t| t.range.start < b)
    }

    /// The line holding word `i` is a headline in title case or capitals
    /// ("Bill Passes Senate", "WHO IS TO BLAME"), where capitals say little.
    pub fn in_headline_case(&self, i: usize) -> bool {
        self.line_shape(self.list[i].range.start).headline
    }

    /// The line holding byte `at` is written in capitals ("WHO IS TO BLAME").
    pub fn in_capitals_line(&self, at: usize) -> bool {
        self.line_shape(at).capitals
    }

    fn line_shape(&self, at: usize) -> LineShape {
        let lines = self.lines.get_or_init(|| Lines::new(self.body));
        let k = lines.breaks.partition_point(|&b| b < at);
        *lines.shapes[k].get_or_init(|| {
            let start = if k == 0 { 0 } else { lines.breaks[k - 1] + 1 };
            let end = lines.breaks.get(k).copied().unwrap_or(self.body.len());
            LineShape::of(&self.body[start..end])
        })
    }

    /// Word `i` starts a sentence or a line (so its capital says nothing).
    pub fn sentence_initial(&self, i: usize) -> bool {
        let before = self.gap_before(i);
        if i == 0 || before.contains('\n') {
            return true;
        }
        let prev = self.text(i - 1);
        let gap = before.trim_matches(|c: char| c.is_whitespace() || is_quote(c));
        gap.starts_with(['.', '!', '?', ':'])
            || (gap.is_empty() && prev.ends_with('.') && !is_abbreviation(prev))
    }
}

/// The classes of the words a thread has met. Words of up to 16 bytes (most
/// words) are keyed by their bytes in one integer, so a look-up compares
/// integers instead of following a pointer to compare strings. The bytes
/// past a word's end are zero in its key, and no word holds a zero byte
/// (words are letters, numbers, marks and joiners): the key alone tells
/// words of different lengths apart.
#[derive(Default)]
struct KnownWords {
    short: ShortWords,
    long: FxHashMap<Box<str>, WordClass>,
}

impl KnownWords {
    /// The class of the word at `range` of `body`.
    #[inline]
    fn class(&mut self, body: &str, range: Range<usize>) -> WordClass {
        let len = range.len();
        if len > 16 {
            return self.class_of_long(&body[range]);
        }
        let key = match body.as_bytes().get(range.start..range.start + 16) {
            // Sixteen bytes from the word's start, the word's own kept.
            Some(chunk) => u128::from_le_bytes(chunk.try_into().expect("16 bytes")) & KEEP[len],
            None => {
                let mut key = [0u8; 16];
                key[..len].copy_from_slice(&body.as_bytes()[range.clone()]);
                u128::from_le_bytes(key)
            }
        };
        // A look-up, then an insertion only for a new word.
        match self.short.get(key) {
            Some(class) => *class,
            None => self.learn_short(key, &body[range]),
        }
    }

    /// Classes a word of up to 16 bytes met for the first time.
    #[cold]
    #[inline(never)]
    fn learn_short(&mut self, key: u128, word: &str) -> WordClass {
        let class = WordClass::of(word);
        self.short.insert(key, class);
        class
    }

    #[cold]
    #[inline(never)]
    fn class_of_long(&mut self, word: &str) -> WordClass {
        if let Some(class) = self.long.get(word) {
            return *class;
        }
        let class = WordClass::of(word);
        self.long.insert(word.into(), class);
        class
    }

    /// Forgets everything once more than `most` words are known.
    fn bound(&mut self, most: usize) {
        if self.short.len() + self.long.len() > most {
            self.short.clear();
            self.long.clear();
        }
    }
}

/// The classes of words of up to 16 bytes, by key: open addressing with
/// linear probing, kept at most half full, so a look-up mostly reads one
/// slot (nearly every look-up finds its word, and hashbrown's groups and
/// tags took some 9 instructions more per word). A slot is empty when its
/// key is 0, which no word's is (a word is not empty and holds no zero byte).
struct ShortWords {
    /// A power of two of slots.
    slots: Vec<(u128, WordClass)>,
    /// 64 less the bits of a slot's index: a hash's high bits pick a slot
    /// (kept, not counted from the slots at every look-up).
    shift: u32,
    len: usize,
}

impl Default for ShortWords {
    fn default() -> Self {
        ShortWords::with_slots(1024)
    }
}

impl ShortWords {
    fn with_slots(count: usize) -> Self {
        debug_assert!(count.is_power_of_two());
        ShortWords {
            slots: vec![(0, WordClass::default()); count],
            shift: 64 - count.trailing_zeros(),
            len: 0,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The first slot to probe for `key`: the high bits of a multiplicative
    /// hash of its two halves.
    #[inline]
    fn home(&self, key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u128) -> Option<&WordClass> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, class) = &self.slots[i];
            if *k == key {
                return Some(class);
            }
            if *k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds a key not in the table.
    fn insert(&mut self, key: u128, class: WordClass) {
        debug_assert!(key != 0);
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (key, class);
        self.len += 1;
    }

    fn grow(&mut self) {
        let old = std::mem::replace(self, ShortWords::with_slots(2 * self.slots.len()));
        for (key, class) in old.slots.into_iter().filter(|&(key, _)| key != 0) {
            self.insert(key, class);
        }
    }

    fn clear(&mut self) {
        *self = ShortWords::default();
    }
}

/// For each length up to 16, the mask that keeps that many low bytes of a
/// little-endian u128 (a load and an AND, where a u128 shift by a variable
/// amount took a dozen instructions).
const KEEP: [u128; 17] = {
    let mut masks = [0; 17];
    let mut len = 1;
    while len <= 16 {
        masks[len] = u128::MAX >> (8 * (16 - len));
        len += 1;
    }
    masks
};

/// The lines of a body: where they break, and each one's shape once asked
/// (a line break belongs to the line it ends).
struct Lines {
    breaks: Vec<usize>,
    shapes: Vec<OnceCell<LineShape>>,
}

impl Lines {
    fn new(body: &str) -> Lines {
        let breaks: Vec<usize> = memchr::memchr_iter(b'\n', body.as_bytes()).collect();
        let shapes = vec![OnceCell::new(); breaks.len() + 1];
        Lines { breaks, shapes }
    }
}

/// How a line is written.
#[derive(Debug, Clone, Copy)]
struct LineShape {
    /// In title case or capitals.
    headline: bool,
    /// In capitals.
    capitals: bool,
}

impl LineShape {
    /// Counts the words as `split_whitespace` cuts them, in one pass that
    /// skips through a word once it has a lower-case letter (nothing more
    /// in it can change the counts), and stops once the words left cannot
    /// make the line either shape (most lines are prose).
    fn of(line: &str) -> LineShape {
        let most_words = 1 + possible_separators(line.as_bytes());
        if LineShape::prose(lower_case_starts(line.as_bytes()), most_words) {
            return LineShape {
                headline: false,
                capitals: false,
            };
        }
        let (mut words, mut alphabetic, mut capitalised, mut caps) = (0, 0, 0, 0);
        let mut i = 0;
        while let Some((first, len)) = char_flags(line, i) {
            i += len;
            if first & SPACE != 0 {
                continue;
            }
            words += 1;
            if first & ALPHABETIC != 0 {
                alphabetic += 1;
                capitalised += usize::from(first & UPPER != 0);
            }
            let mut seen = first;
            while seen & LOWER == 0 {
                match char_flags(line, i) {
                    Some((flags, len)) if flags & SPACE == 0 => {
                        i += len;
                        seen |= flags;
                    }
                    _ => break,
                }
            }
            let lower = seen & LOWER != 0;
            if lower {
                i = word_end(line, i);
            }
            caps += usize::from(seen & ALPHABETIC != 0 && !lower);
            if LineShape::settled(words, alphabetic, capitalised, caps, most_words - words) {
                return LineShape::judge(words, alphabetic, capitalised, caps);
            }
        }
        LineShape::judge(words, alphabetic, capitalised, caps)
    }

    /// Neither shape can come of a line of at most `most_words` words of
    /// which `lower` open with a lower-case letter: each of those is
    /// neither capitalised nor in capitals, so the line is in capitals only
    /// with 10 * lower <= 3 * words, and in title case only with
    /// 10 * lower <= 2 * words. Prose settles here, from two vectorised
    /// counts, before any word is read.
    fn prose(lower: usize, most_words: usize) -> bool {
        10 * lower > 3 * most_words
    }

    /// Neither shape can come of the counts so far, whatever the `more`
    /// words at most left hold: at best all of them capitalised and in
    /// capitals. The counts then judge as the whole line would.
    fn settled(
        words: usize,
        alphabetic: usize,
        capitalised: usize,
        caps: usize,
        more: usize,
    ) -> bool {
        10 * capitalised + 2 * more < 8 * alphabetic && 10 * caps + 3 * more < 7 * words
    }

    /// From the counts of words, of words opening with a letter, of those
    /// capitalised and of words in capitals.
    fn judge(words: usize, alphabetic: usize, capitalised: usize, caps: usize) -> LineShape {
        LineShape {
            // Short lines are names and credits ("Robert Card/Lewiston Police Department").
            headline: alphabetic >= 5 && capitalised * 10 >= alphabetic * 8,
            capitals: words >= 3 && caps * 10 >= words * 7,
        }
    }
}

/// How many bytes of `line` may open a whitespace character: ASCII blanks
/// and control characters, and the lead bytes of wider characters. Words
/// are parted by whitespace, so a line has at most one word more than this
/// (a far closer bound than one word per two bytes).
fn possible_separators(line: &[u8]) -> usize {
    // Bytes outside 0x21..=0xbf, counted in u8 lanes the compiler vectorises
    // (a byte-by-byte count cost as much as the words it spared reading).
    line.chunks(255)
        .map(|chunk| {
            let count = chunk
                .iter()
                .fold(0u8, |n, &b| n + u8::from(b.wrapping_sub(0x21) >= 0x9f));
            usize::from(count)
        })
        .sum()
}

/// How many words of `line` open with an ASCII lower-case letter after a
/// space (a bound from below: a line's first word and words after other
/// blanks are not counted), in u8 lanes the compiler vectorises.
fn lower_case_starts(line: &[u8]) -> usize {
    let Some(rest) = line.get(1..) else {
        return 0;
    };
    line.chunks(255)
        .zip(rest.chunks(255))
        .map(|(before, after)| {
            let count = (before.iter().zip(after)).fold(0u8, |n, (&b, &a)| {
                n + u8::from(b == b' ' && a.wrapping_sub(b'a') < 26)
            });
            usize::from(count)
        })
        .sum()
}

/// Where the word running through byte `i` ends: the next whitespace.
fn word_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if ASCII_FLAGS[usize::from(b)] & SPACE != 0 {
                return i;
            }
            i += 1;
            continue;
        }
        match char_flags(s, i) {
            Some((flags, _)) if flags & SPACE != 0 => return i,
            Some((_, len)) => i += len,
            None => return i,
        }
    }
    i
}

/// What [`char_flags`] tells of a character: `is_whitespace`,
/// `is_alphabetic`, `is_uppercase`, `is_lowercase`.
const SPACE: u8 = 1;
const ALPHABETIC: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;

fn flags_of(c: char) -> u8 {
    let mut flags = 0;
    for (has, flag) in [
        (c.is_whitespace(), SPACE),
        (c.is_alphabetic(), ALPHABETIC),
        (c.is_uppercase(), UPPER),
        (c.is_lowercase(), LOWER),
    ] {
        if has {
            flags |= flag;
        }
    }
    flags
}

/// The flags of every ASCII character, read with one load.
const ASCII_FLAGS: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_whitespace() || c == 0x0b {
            SPACE
        } else if c.is_ascii_uppercase() {
            ALPHABETIC | UPPER
        } else if c.is_ascii_lowercase() {
            ALPHABETIC | LOWER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The flags of the character at byte `i` of `s` and its length, ASCII
/// without decoding (forced inline: a call per character cost more than the
/// look-up).
#[inline(always)]
fn char_flags(s: &str, i: usize) -> Option<(u8, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((ASCII_FLAGS[usize::from(b)], 1));
    }
    wide_char_flags(s, i)
}

#[inline(never)]
fn wide_char_flags(s: &str, i: usize) -> Option<(u8, usize)> {
    let c = s[i..].chars().next()?;
    Some((flags_of(c), c.len_utf8()))
}

/// The words of a body as `[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’.&][\p{L}\p{N}\p{M}]+)*\.?`
/// finds them, scanned by hand: a regex search per word cost more than
/// everything the scanner does.
struct WordScanner<'a> {
    body: &'a str,
    at: usize,
}

impl<'a> WordScanner<'a> {
    fn new(body: &'a str) -> Self {
        WordScanner { body, at: 0 }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        text::char_at(self.body, i)
    }

    /// Letters, numbers and marks from `i`: where they end.
    #[inline(always)]
    fn word_chars(&self, mut i: usize) -> usize {
        let bytes = self.body.as_bytes();
        loop {
            // ASCII letters and digits, most of any word, without decoding.
            i += bytes[i..]
                .iter()
                .position(|&b| !ASCII_ALNUM[usize::from(b)])
                .unwrap_or(bytes.len() - i);
            if bytes.get(i).is_none_or(u8::is_ascii) {
                return i;
            }
            match self.char_at(i) {
                Some(c) if is_letter_or_number(c) || is_mark(c) => i += c.len_utf8(),
                _ => return i,
            }
        }
    }
}

impl Iterator for WordScanner<'_> {
    type Item = Range<usize>;

    #[inline]
    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.body.as_bytes();
        // The next letter or number opens a word.
        let start = loop {
            let b = *bytes.get(self.at)?;
            if ASCII_ALNUM[usize::from(b)] {
                break self.at;
            }
            if b < 0x80 {
                self.at += 1;
                continue;
            }
            let c = self.char_at(self.at)?;
            if is_letter_or_number(c) {
                break self.at;
            }
            self.at += c.len_utf8();
        };
        let mut end = self.word_chars(start);
        // Joined parts: "al-Qidra", "U.S", "AT&T".
        while let Some(sep_len) = joiner_len(&bytes[end..]) {
            let part = end + sep_len;
            let part_end = self.word_chars(part);
            if part_end == part {
                break;
            }
            end = part_end;
        }
        if bytes.get(end) == Some(&b'.') {
            end += 1;
        }
        self.at = end;
        Some(start..end)
    }
}

/// The length of the joiner `[-'’.&]` opening `bytes`, if one does.
fn joiner_len(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [b'-' | b'\'' | b'.' | b'&', ..] => Some(1),
        [0xe2, 0x80, 0x99, ..] => Some('’'.len_utf8()),
        _ => None,
    }
}

/// `[\p{L}\p{N}]`, as the regex crate reads it.
fn is_letter_or_number(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    in_ranges(TABLE.get_or_init(|| unicode_class(r"[\p{L}\p{N}]")), c)
}

/// `\p{M}`, as the regex crate reads it.
fn is_mark(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    in_ranges(TABLE.get_or_init(|| unicode_class(r"\p{M}")), c)
}

/// `\w`, as the regex crate reads it.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    in_ranges(TABLE.get_or_init(|| unicode_class(r"\w")), c)
}

/// No word character (`\w`) comes right before byte `i` of `body`: a match
/// starting there would start with `\b`.
pub fn at_word_start(body: &str, i: usize) -> bool {
    !body[..i].chars().next_back().is_some_and(is_word_char)
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let i = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(i).is_some_and(|&(start, _)| start <= c)
}

/// The ranges of a Unicode class, from the regex crate's own tables.
fn unicode_class(class: &str) -> Vec<(char, char)> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::parse(class).expect("valid class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            c.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        other => unreachable!("{class} is a Unicode class, not {other:?}"),
    }
}

#[inline]
fn token<'a>(body: &'a str, mut range: Range<usize>, known: &mut KnownWords) -> Token<'a> {
    // Bytes, not text, where a byte tells: the scanner's ranges are
    // character boundaries, and slicing text checks both ends again.
    let bytes = body.as_bytes();
    if bytes[range.end - 1] == b'.' && !keeps_full_stop(&body[range.clone()]) {
        range.end -= 1;
    }
    let word = &bytes[range.clone()];
    // Every possessive ending ends in an "s" or "S": test that byte first.
    if matches!(word.last(), Some(b's' | b'S')) {
        if let Some(len) = possessive_len(word) {
            let word = range.start..range.end - len;
            return new_token(body, word, true, range.end, known);
        }
    }
    // "Axios’ Barak Ravid": a bare apostrophe after a final s.
    if word.last() == Some(&b's') {
        let apostrophe = match &bytes[range.end..] {
            [b'\'', ..] => 1,
            [0xe2, 0x80, 0x99, ..] => '’'.len_utf8(),
            _ => 0,
        };
        let end = range.end + apostrophe;
        if apostrophe > 0 && body[end..].starts_with(char::is_whitespace) {
            return new_token(body, range, true, end, known);
        }
    }
    let end = range.end;
    new_token(body, range, false, end, known)
}

/// The length of the possessive ending "'s", "’s", "'S" or "’S" of `word`,
/// when something is left before it.
fn possessive_len(word: &[u8]) -> Option<usize> {
    // Each ending has an apostrophe's last byte before its "s": most
    // words ending in "s" are turned away on that byte.
    if !matches!(
        word.len().checked_sub(2).map(|i| word[i]),
        Some(b'\'' | 0x99)
    ) {
        return None;
    }
    ["'s", "’s", "'S", "’S"]
        .into_iter()
        .find(|suffix| word.len() > suffix.len() + 1 && word.ends_with(suffix.as_bytes()))
        .map(str::len)
}

#[inline]
fn new_token<'a>(
    body: &'a str,
    range: Range<usize>,
    possessive: bool,
    end: usize,
    known: &mut KnownWords,
) -> Token<'a> {
    let class = known.class(body, range.clone());
    Token {
        class,
        text: &body[range.clone()],
        range,
        possessive,
        end,
        spaced: false,
        state: None,
    }
}

/// "J.", "U.S.", "Gen." keep their full stop; "Smith." does not.
fn keeps_full_stop(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    (stem.chars().count() == 1 && stem.chars().all(char::is_uppercase))
        || stem.contains('.')
        || is_abbreviation(word)
}

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

/// Only spaces fill the `gap` of `body` between two words.
#[inline(always)]
fn is_spacing(body: &str, gap: Range<usize>) -> bool {
    // Mostly one space: its byte tells, without slicing the text.
    match body.as_bytes()[gap.clone()] {
        [b' '] => true,
        [] => false,
        _ => is_blank(&body[gap]),
    }
}

#[inline(never)]
fn is_blank(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
}

pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’')
}

/// Has letters and no lower-case one: "IDF", "WHO".
pub fn is_all_caps(s: &str) -> bool {
    if s.is_ascii() {
        let b = s.as_bytes();
        return b.iter().any(u8::is_ascii_alphabetic) && !b.iter().any(u8::is_ascii_lowercase);
    }
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// `s.to_lowercase().ends_with(suffix)`, without the copy, for a `suffix`
/// of ASCII lower-case letters other than "k" (of all other characters,
/// only the Kelvin sign lower-cases to an ASCII letter).
pub fn ends_with_in_lower_case(s: &str, suffix: &str) -> bool {
    debug_assert!(suffix.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'));
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use regex::Regex;

    fn words(body: &str) -> Vec<(&str, bool)> {
        let t = Tokens::new(body);
        (0..t.len())
            .map(|i| (t.text(i), t.list[i].possessive))
            .collect()
    }

    #[test]
    fn abbreviations_keep_their_stop_and_sentences_do_not() {
        assert_eq!(
            words("Maj. Gen. Pat Ryder met U.S. envoys. Smith."),
            vec![
                ("Maj.", false),
                ("Gen.", false),
                ("Pat", false),
                ("Ryder", false),
                ("met", false),
                ("U.S.", false),
                ("envoys", false),
                ("Smith", false)
            ]
        );
    }

    #[test]
    fn possessives_are_split_off() {
        assert_eq!(
            words("Biden's aide and Axios’ reporter"),
            vec![
                ("Biden", true),
                ("aide", false),
                ("and", false),
                ("Axios", true),
                ("reporter", false)
            ]
        );
    }

    #[test]
    fn words_after_the_are_those_an_index_loop_finds() {
        let mut texts = odd_texts();
        texts.extend(
            [
                "the army said the",
                "The  ministry, the\nthe",
                "the’s the the's x the",
            ]
            .map(String::from),
        );
        for text in texts {
            let t = Tokens::new(&text);
            let by_index: Vec<usize> = (1..t.len())
                .filter(|&k| matches!(t.text(k - 1), "the" | "The") && t.joined(k - 1))
                .collect();
            assert_eq!(t.after_the().collect::<Vec<_>>(), by_index, "{text:?}");
        }
    }

    #[test]
    fn only_words_that_may_open_a_state_name_one() {
        let mut texts = odd_texts();
        texts.push("The United States and the U.S. army, Israeli and Qatar's envoys".into());
        for text in texts {
            let t = Tokens::new(&text);
            for i in (0..t.len()).filter(|&i| t.state_at(i).is_some()) {
                assert!(t.class(i).opens_state(), "{text:?} {i}");
            }
        }
    }

    #[test]
    fn possessive_endings_are_those_of_the_four_suffixes() {
        let words = [
            "Biden's",
            "Axios’s",
            "IDF'S",
            "UN’S",
            "'s",
            "’s",
            "x's",
            "s",
            "",
            "ss",
            "Xs",
            "’",
            "a’S",
            "Barakas",
            "Ann’s’s",
            "é's",
            "™s",
        ];
        for word in words {
            let by_suffix = ["'s", "’s", "'S", "’S"]
                .into_iter()
                .find(|s| word.len() > s.len() + 1 && word.ends_with(s))
                .map(str::len);
            assert_eq!(possessive_len(word.as_bytes()), by_suffix, "{word:?}");
        }
    }

    #[test]
    fn sentence_starts_are_known() {
        let t = Tokens::new("He left. Officials met Gen. Tan.\nNews");
        let initial: Vec<bool> = (0..t.len()).map(|i| t.sentence_initial(i)).collect();
        assert_eq!(initial, vec![true, false, true, false, false, false, true]);
    }

    /// Text of every sort a scraper may produce, built from pieces.
    pub(crate) fn odd_texts() -> Vec<String> {
        #[rustfmt::skip]
        let pieces = [
            "ǅ", "\u{20dd}", "中", "٣", "_", "Ö", "aid group", "NGO", "think", "-tank", "outlet",
            "Al", "al-Qidra", "U.S.", "J.", "AT&T", "Gen.", "Biden's", "Axios’", "s’ ", "’s",
            "Ärzte", "İstanbul", "ΟΔΟΣ", "e\u{301}", "\u{301}x", "क्षि", "١٢", "Ⅻ", "ﷺ", "😀", "-",
            "'", ".", "..", "&", "’", " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", "\u{85}", "\r\n",
            "\u{b}", ",", "By", "by", "WHO", "IS", "Reporting", "Photo", "x_y", "—", "“", "”",
            "news agency", "Ministry", "of", "the", "7",
        ];
        let mut seed: u64 = 11;
        (0..600)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..25 {
                    crate::extract::text::step_random(&mut seed);
                    text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
                text
            })
            .collect()
    }

    #[test]
    fn known_words_tell_words_apart_wherever_they_stand() {
        let mut known = KnownWords::default();
        let body = "Minister Ministers ministry said Minister";
        let class = |known: &mut KnownWords, word: &str, at: usize| {
            assert_eq!(&body[at..at + word.len()], word);
            known.class(body, at..at + word.len())
        };
        assert!(class(&mut known, "Minister", 0).title().office);
        assert!(!class(&mut known, "Ministers", 9).title().office);
        assert!(
            class(&mut known, "ministry", 19).org_head() == WordClass::of("ministry").org_head()
        );
        assert!(class(&mut known, "said", 28).speech_verb());
        // At the end of the body the key is built another way: same word, same class.
        assert!(class(&mut known, "Minister", 33).title().office);
        assert_eq!(known.short.len(), 4);
    }

    #[test]
    fn short_words_find_what_a_hash_map_finds() {
        use std::collections::HashMap;
        let mut table = ShortWords::default();
        let mut map: HashMap<u128, WordClass> = HashMap::new();
        let mut seed: u64 = 3;
        // Keys of one to sixteen bytes, many sharing their low or high half,
        // inserted well past several doublings, then cleared.
        for round in 0..2 {
            for n in 0..5000u32 {
                crate::extract::text::step_random(&mut seed);
                let len = 1 + (seed >> 40) as usize % 16;
                let key =
                    (u128::from(seed) << 64 | u128::from(seed.rotate_left(17) | 1)) & KEEP[len];
                let key = if n % 3 == 0 {
                    key & u128::from(u64::MAX)
                } else {
                    key
                };
                let class = WordClass::of(if n % 2 == 0 { "Minister" } else { "said" });
                if key == 0 || map.contains_key(&key) {
                    continue;
                }
                assert!(table.get(key).is_none(), "{key:x}");
                table.insert(key, class);
                map.insert(key, class);
                assert_eq!(table.len(), map.len());
            }
            for (key, class) in &map {
                let found = table.get(*key).expect("a key inserted is found");
                assert_eq!(
                    found.title().office,
                    class.title().office,
                    "{round} {key:x}"
                );
                assert_eq!(found.speech_verb(), class.speech_verb(), "{round} {key:x}");
            }
            table.clear();
            assert_eq!(table.len(), 0);
            assert!(map.keys().all(|&key| table.get(key).is_none()));
            map.clear();
        }
    }

    #[test]
    fn the_scanner_finds_the_words_the_regex_finds() {
        let re = Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’.&][\p{L}\p{N}\p{M}]+)*\.?")
            .expect("valid regex");
        for text in odd_texts() {
            let by_regex: Vec<_> = re.find_iter(&text).map(|m| m.range()).collect();
            let scanned: Vec<_> = WordScanner::new(&text).collect();
            assert_eq!(scanned, by_regex, "{text:?}");
        }
    }

    #[test]
    fn lower_case_endings_are_those_of_a_lower_case_copy() {
        let mut texts = odd_texts();
        texts.extend(
            [
                "ARMY",
                "Israeli Army",
                "the military",
                "MILITARY",
                "Militär",
                "ARMÝ",
                "ÁRMY",
                "rmy",
                "",
                "İarmy",
                "army\u{301}",
                "armyy",
                "ΑRMY",
                "military\u{212a}",
            ]
            .map(String::from),
        );
        for text in texts {
            for suffix in ["army", "military", "y", "ministry"] {
                assert_eq!(
                    ends_with_in_lower_case(&text, suffix),
                    text.to_lowercase().ends_with(suffix),
                    "{text:?} {suffix}"
                );
            }
        }
    }

    #[test]
    fn possible_separators_are_the_bytes_outside_graphic_ascii_and_continuations() {
        let mut lines = odd_texts();
        lines.push("x".repeat(600) + &" ".repeat(300) + "é\u{3000}");
        for line in lines {
            let by_bytes = line.bytes().filter(|&b| b <= b' ' || b >= 0xc0).count();
            assert_eq!(possible_separators(line.as_bytes()), by_bytes, "{line:?}");
            let words = line.split_whitespace().count();
            assert!(words <= by_bytes + 1, "{line:?}");
        }
    }

    #[test]
    fn lower_case_starts_are_spaces_before_lower_case_letters() {
        let mut lines = odd_texts();
        lines.push(" a".repeat(400) + "é b");
        for line in lines {
            let by_pairs = (line.as_bytes().windows(2))
                .filter(|w| w[0] == b' ' && w[1].is_ascii_lowercase())
                .count();
            assert_eq!(lower_case_starts(line.as_bytes()), by_pairs, "{line:?}");
        }
    }

    #[test]
    fn ascii_flags_are_those_of_the_char_predicates() {
        for b in 0..128u8 {
            assert_eq!(ASCII_FLAGS[usize::from(b)], flags_of(char::from(b)), "{b}");
        }
    }

    #[test]
    fn line_shapes_count_words_as_split_whitespace_cuts_them() {
        let by_words = |line: &str| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let alphabetic: Vec<&&str> = words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
                .collect();
            let capitalised = alphabetic.iter().filter(|w| is_capitalised(w)).count();
            let caps = words.iter().filter(|w| is_all_caps(w)).count();
            LineShape::judge(words.len(), alphabetic.len(), capitalised, caps)
        };
        let mut lines: Vec<String> = odd_texts();
        // The same texts kept to ASCII, for the ASCII path.
        let ascii: Vec<String> = lines
            .iter()
            .map(|l| l.chars().filter(char::is_ascii).collect())
            .collect();
        lines.extend(ascii);
        lines.extend(
            [
                "Bill Passes Senate As Dana Price Visits Kyiv",
                "WHO IS TO BLAME FOR IT",
                "É É É",
                "A B\x0bC\x0cD\x1cE 1 2 X-Ray",
                "UN Says 12 Killed In Gaza Strike",
                "a b c d e f g h i j K L M N O P Q R S T U V W X Y Z A B C D E F G H I J K L",
                "the vote was close THE VOTE WAS CLOSE AND THE COUNT WENT ON ALL NIGHT LONG",
                "Bill Passes Senate as Dana Price Visits Kyiv And Ends The Long Stand Off Today",
                "a b c d e f g h\u{a0}I\u{2003}J\u{3000}K\u{85}L\u{1680}M\u{2028}N O P Q R S T U",
                "He said the vote was close, and that the count went on all night.",
                "a b c D E F G H I J",
                "a b c D E F G H I J K",
                "x a b C D E F G H I J K L M",
                "x a b c D E F G H I J K L M",
                "one two three four five six seven eight nine ten ELEVEN TWELVE THIRTEEN FOURTEEN FIFTEEN SIXTEEN SEVENTEEN EIGHTEEN NINETEEN TWENTY TWENTYONE TWENTYTWO TWENTYTHREE",
            ]
            .map(String::from),
        );
        for line in lines {
            let (a, b) = (LineShape::of(&line), by_words(&line));
            assert_eq!(
                (a.headline, a.capitals),
                (b.headline, b.capitals),
                "{line:?}"
            );
        }
    }
}
