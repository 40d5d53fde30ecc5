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

use regex::Regex;
use rustc_hash::FxHashMap;

use super::lexicon::{self, StateForm, TitleClass};
use super::names;
use super::wordset::word_set;

/// One word of the body.
#[derive(Debug, Clone)]
pub struct Token {
    /// The word, without a possessive ending.
    pub range: Range<usize>,
    /// Followed by "'s", "’s" or a bare apostrophe ("Axios’").
    pub possessive: bool,
    /// End of the word including its possessive ending.
    pub end: usize,
}

/// The words of a body, in order, with what the rules ask about each word
/// worked out once per article rather than at every question.
pub struct Tokens<'a> {
    pub body: &'a str,
    pub list: Vec<Token>,
    /// The text of word `i`, without its possessive ending.
    texts: Vec<&'a str>,
    /// Word `i` is followed by spaces only (and then another word).
    spaced: Vec<bool>,
    /// Word `i` can be part of a person's name ([`names::is_name_word`]).
    name_words: Vec<bool>,
    /// The state a run of words starting at `i` names ([`names::state_at`]).
    states: OnceCell<Vec<Option<StateAt>>>,
    /// The title classes of word `i` ([`lexicon::title_class`]).
    titles: OnceCell<Vec<TitleClass>>,
    /// Whether the line starting at a byte is a headline ([`Tokens::in_headline_case`]).
    headline_lines: RefCell<FxHashMap<usize, bool>>,
}

/// A state named by words `i..=end`: (end, state, how it is named).
pub type StateAt = (usize, &'static lexicon::State, StateForm);

/// Abbreviations that keep their full stop.
const ABBREVIATIONS: &[&str] = &[
    "Gen.", "Lt.", "Col.", "Maj.", "Brig.", "Capt.", "Adm.", "Sgt.", "Cpl.", "Sen.", "Rep.", "Dr.",
    "Mr.", "Mrs.", "Ms.", "Prof.", "Gov.", "St.", "Jr.", "Sr.", "Cmdr.", "Rev.", "Hon.",
];

impl<'a> Tokens<'a> {
    pub fn new(body: &'a str) -> Self {
        let list: Vec<Token> = word_ranges(body)
            .into_iter()
            .map(|range| token(body, range))
            .collect();
        let spaced = (0..list.len())
            .map(|i| {
                let gap = match list.get(i + 1) {
                    Some(next) => &body[list[i].end..next.range.start],
                    None => "",
                };
                !gap.is_empty() && is_blank(gap)
            })
            .collect();
        let texts: Vec<&str> = list.iter().map(|t| &body[t.range.clone()]).collect();
        let name_words = texts.iter().map(|w| names::is_name_word(w)).collect();
        Tokens {
            body,
            list,
            texts,
            spaced,
            name_words,
            states: OnceCell::new(),
            titles: OnceCell::new(),
            headline_lines: RefCell::default(),
        }
    }

    /// Word `i` can be part of a person's name.
    pub fn is_name_word(&self, i: usize) -> bool {
        self.name_words[i]
    }

    /// The state words from `i` name, if any: the longest form.
    pub fn state_at(&self, i: usize) -> Option<StateAt> {
        let states = self.states.get_or_init(|| {
            (0..self.len())
                .map(|i| names::find_state_at(self, i))
                .collect()
        });
        states.get(i).copied().flatten()
    }

    /// The title classes of word `i`.
    pub fn title_class(&self, i: usize) -> TitleClass {
        self.titles.get_or_init(|| {
            (0..self.len())
                .map(|i| lexicon::title_class(self.text(i)))
                .collect()
        })[i]
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The word at `i`, without its possessive ending.
    pub fn text(&self, i: usize) -> &'a str {
        self.texts[i]
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
        self.spaced(i) && !self.list[i].possessive
    }

    /// Like [`Tokens::joined`], but a possessive word may continue a phrase
    /// ("Biden's national security adviser").
    pub fn spaced(&self, i: usize) -> bool {
        self.spaced.get(i).copied().unwrap_or(false)
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
        let line = self.line_at(self.list[i].range.start);
        let start = line.as_ptr() as usize - self.body.as_ptr() as usize;
        if let Some(&known) = self.headline_lines.borrow().get(&start) {
            return known;
        }
        let (words, capitalised) = if line.is_ascii() {
            count_ascii_words(line)
        } else {
            let (mut words, mut capitalised) = (0, 0);
            for word in line
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            {
                words += 1;
                capitalised += usize::from(is_capitalised(word));
            }
            (words, capitalised)
        };
        // Short lines are names and credits ("Robert Card/Lewiston Police Department").
        let headline = words >= 5 && capitalised * 10 >= words * 8;
        self.headline_lines.borrow_mut().insert(start, headline);
        headline
    }

    /// The line holding byte `at` is written in capitals ("WHO IS TO BLAME").
    pub fn in_capitals_line(&self, at: usize) -> bool {
        let words: Vec<&str> = self.line_at(at).split_whitespace().collect();
        let caps = words.iter().filter(|w| is_all_caps(w)).count();
        words.len() >= 3 && caps * 10 >= words.len() * 7
    }

    fn line_at(&self, at: usize) -> &'a str {
        let start = self.body[..at].rfind('\n').map_or(0, |p| p + 1);
        let end = self.body[at..]
            .find('\n')
            .map_or(self.body.len(), |p| at + p);
        &self.body[start..end]
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

/// The byte ranges of the words of `body`: the matches of
/// `[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’.&][\p{L}\p{N}\p{M}]+)*\.?`,
/// scanned by hand (the regex's search was a sixth of the stage).
fn word_ranges(body: &str) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // Spaces and punctuation between words.
        if bytes[at].is_ascii() && !bytes[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let (class, len) = class_at(body, at);
        if class != Class::Start {
            at += len;
            continue;
        }
        let start = at;
        at = skip_word_chars(body, at + len);
        // Joiners inside a word: "al-Qidra", "O'Brien", "U.S", "AT&T".
        while let Some(joiner) = body[at..]
            .chars()
            .next()
            .filter(|j| matches!(j, '-' | '\'' | '’' | '.' | '&'))
        {
            let next = at + joiner.len_utf8();
            if next < bytes.len() && class_at(body, next).0 != Class::Other {
                at = skip_word_chars(body, next);
            } else {
                break;
            }
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
        }
        out.push(start..at);
    }
    out
}

/// The class of the character at byte `at` and its length.
#[inline]
fn class_at(body: &str, at: usize) -> (Class, usize) {
    let b = body.as_bytes()[at];
    if b.is_ascii_alphanumeric() {
        (Class::Start, 1)
    } else if b.is_ascii() {
        (Class::Other, 1)
    } else {
        let c = body[at..].chars().next().expect("a char starts here");
        (class(c), c.len_utf8())
    }
}

/// How a character takes part in a word.
#[derive(PartialEq, Eq)]
enum Class {
    /// A letter or number (`\p{L}`, `\p{N}`): starts or continues a word.
    Start,
    /// A combining mark (`\p{M}`): only continues one.
    Mark,
    Other,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            Class::Start
        } else {
            Class::Other
        };
    }
    // Outside ASCII, the regex crate's own tables decide.
    static START: OnceLock<Regex> = OnceLock::new();
    static MARK: OnceLock<Regex> = OnceLock::new();
    let start = START.get_or_init(|| Regex::new(r"^[\p{L}\p{N}]$").expect("valid regex"));
    let mark = MARK.get_or_init(|| Regex::new(r"^\p{M}$").expect("valid regex"));
    let mut buf = [0; 4];
    let c = &*c.encode_utf8(&mut buf);
    if start.is_match(c) {
        Class::Start
    } else if mark.is_match(c) {
        Class::Mark
    } else {
        Class::Other
    }
}

/// The end of the run of letters, numbers and marks from byte `at`.
fn skip_word_chars(body: &str, mut at: usize) -> usize {
    let bytes = body.as_bytes();
    while at < bytes.len() {
        if bytes[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let (class, len) = class_at(body, at);
        if class == Class::Other {
            break;
        }
        at += len;
    }
    at
}

/// In an ASCII line, the words starting with a letter and how many of those
/// are capitalised (words split at whitespace, as `split_whitespace` does).
/// Stops early, with (0, 0), once too few bytes remain for 80% capitals.
fn count_ascii_words(line: &str) -> (usize, usize) {
    let (mut words, mut capitalised) = (0, 0);
    let mut in_word = false;
    for (at, &b) in line.as_bytes().iter().enumerate() {
        // Each further word takes two bytes, but the last.
        let most_more = (line.len() - at).div_ceil(2);
        if (capitalised + most_more) * 10 < (words + most_more) * 8 {
            return (0, 0);
        }
        if (b as char).is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            if b.is_ascii_alphabetic() {
                words += 1;
                capitalised += usize::from(b.is_ascii_uppercase());
            }
        }
    }
    (words, capitalised)
}

/// A character of a word as regex `\w` means it (Unicode).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    static WORD: OnceLock<Regex> = OnceLock::new();
    WORD.get_or_init(|| Regex::new(r"\w").expect("valid regex"))
        .is_match(c.encode_utf8(&mut [0; 4]))
}

fn token(body: &str, mut range: Range<usize>) -> Token {
    let word = &body[range.clone()];
    if word.ends_with('.') && !keeps_full_stop(word) {
        range.end -= 1;
    }
    let word = &body[range.clone()];
    for suffix in ["'s", "’s", "'S", "’S"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            return Token {
                end: range.end,
                range: range.start..range.end - suffix.len(),
                possessive: true,
            };
        }
    }
    // "Axios’ Barak Ravid": a bare apostrophe after a final s.
    let rest = &body[range.end..];
    let bare = rest.strip_prefix('’').or_else(|| rest.strip_prefix('\''));
    if word.ends_with('s') && bare.is_some_and(|r| r.starts_with(char::is_whitespace)) {
        let end = range.end + if rest.starts_with('’') { 3 } else { 1 };
        return Token {
            range,
            possessive: true,
            end,
        };
    }
    Token {
        end: range.end,
        range,
        possessive: false,
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
    word_set!(ABBREVIATIONS).contains(word)
}

fn is_blank(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
}

pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’')
}

/// Has letters and no lower-case one: "IDF", "WHO".
pub fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// Starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn words_are_where_the_regex_finds_them() {
        let re = Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’.&][\p{L}\p{N}\p{M}]+)*\.?")
            .expect("valid regex");
        let pieces = [
            "a", "B", "7", "é", "\u{301}", "-", "'", "’", ".", "&", " ", "\n", "Ö", "٣", "中",
            "😀", "—", "..", "Ⅻ", "ǅ", "_", "\u{20dd}",
        ];
        let mut seed: u64 = 3;
        for _ in 0..5000 {
            let mut body = String::new();
            for _ in 0..10 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                body.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let expected: Vec<_> = re.find_iter(&body).map(|m| m.range()).collect();
            assert_eq!(word_ranges(&body), expected, "{body:?}");
        }
    }

    #[test]
    fn sentence_starts_are_known() {
        let t = Tokens::new("He left. Officials met Gen. Tan.\nNews");
        let initial: Vec<bool> = (0..t.len()).map(|i| t.sentence_initial(i)).collect();
        assert_eq!(initial, vec![true, false, true, false, false, false, true]);
    }
}
