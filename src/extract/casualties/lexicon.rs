//! The words the casualty rules read: casualty terms (from
//! `data/casualty_terms.tsv`), qualifiers, and the small closed classes of
//! English that tell a noun phrase from a predicate.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::tokens::{Kind, Token};
use crate::extract::numbers::WordSet;
use crate::extract::text::WordShapes;

/// The six categories of the schema.
pub const CATEGORIES: &[&str] = &[
    "killed",
    "injured",
    "missing",
    "displaced",
    "detained",
    "hostage",
];

/// A casualty word or phrase and where it may stand relative to its count.
#[derive(Debug, Clone)]
pub struct Term {
    pub words: Vec<String>,
    pub category: &'static str,
    /// A verb just before the count: "killing 12".
    pub obj: bool,
    /// After the count and its noun phrase: "12 people were killed".
    pub pred: bool,
    /// A total whose value is the count: "the death toll rose to 21".
    pub toll: bool,
    /// A noun naming a person: "a hostage".
    pub person: bool,
    /// A noun: before another noun it is a modifier ("hostage deal").
    pub noun: bool,
}

impl Term {}

/// Which position a term is looked up for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Role {
    Obj,
    Pred,
    Toll,
    Any,
}

fn has_role(t: &Term, role: Role) -> bool {
    match role {
        Role::Obj => t.obj,
        Role::Pred => t.pred,
        Role::Toll => t.toll,
        Role::Any => true,
    }
}

/// The casualty terms, longest first so that matching prefers "death toll"
/// over "toll".
pub fn terms() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| parse_terms(include_str!("../../../data/casualty_terms.tsv")))
}

/// Parses the lexicon; a malformed line is a bug in the shipped file, which
/// the unit tests load, so it fails loudly there rather than at run time.
fn parse_terms(tsv: &str) -> Vec<Term> {
    let mut out: Vec<Term> = tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let phrase = cols.next()?;
            let category_col = cols.next()?;
            let category = CATEGORIES.iter().find(|c| **c == category_col)?;
            let roles: Vec<&str> = cols.next().unwrap_or("").split(',').collect();
            Some(Term {
                words: phrase.split(' ').map(str::to_string).collect(),
                category,
                obj: roles.contains(&"obj"),
                pred: roles.contains(&"pred"),
                toll: roles.contains(&"toll"),
                person: roles.contains(&"person"),
                noun: roles.contains(&"noun"),
            })
        })
        .collect();
    out.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    out
}

/// Whether the words of `phrase` stand at `toks[at..]`.
pub fn words_at(toks: &[Token], at: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(k, w)| {
        toks.get(at + k)
            .is_some_and(|t| t.kind == Kind::Word && t.lower == *w)
    })
}

fn term_at(toks: &[Token], at: usize, t: &Term) -> bool {
    t.words.iter().enumerate().all(|(k, w)| {
        toks.get(at + k)
            .is_some_and(|t| t.kind == Kind::Word && t.lower == *w)
    })
}

/// The longest term with `role` starting at token `at`.
pub fn term_starting(toks: &[Token], at: usize, role: Role) -> Option<&'static Term> {
    let first = toks.get(at).filter(|t| t.kind == Kind::Word)?;
    terms_by(|t| t.words.first(), &TERMS_BY_FIRST, first.lower)
        .find(|t| has_role(t, role) && term_at(toks, at, t))
}

/// The longest term with `role` ending just before token `end`; returns it
/// and its first token.
pub fn term_ending(toks: &[Token], end: usize, role: Role) -> Option<(&'static Term, usize)> {
    let last = toks
        .get(end.checked_sub(1)?)
        .filter(|t| t.kind == Kind::Word)?;
    terms_by(|t| t.words.last(), &TERMS_BY_LAST, last.lower).find_map(|t| {
        let start = end.checked_sub(t.words.len())?;
        (has_role(t, role) && term_at(toks, start, t)).then_some((t, start))
    })
}

/// Terms indexed by one of their words (the first or the last), behind
/// the shapes of those words: most words asked about are no term's.
type TermIndex = OnceLock<(WordShapes, FxHashMap<&'static str, Vec<usize>>)>;
static TERMS_BY_FIRST: TermIndex = OnceLock::new();
static TERMS_BY_LAST: TermIndex = OnceLock::new();

/// The terms whose `key` word is `word`, in lexicon order: a term can only
/// match where that word stands, so the rest need no comparing.
fn terms_by(
    key: fn(&'static Term) -> Option<&'static String>,
    index: &'static TermIndex,
    word: &str,
) -> impl Iterator<Item = &'static Term> {
    let (shapes, index) = index.get_or_init(|| {
        let mut shapes = WordShapes::NONE;
        let mut map: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for (i, t) in terms().iter().enumerate() {
            if let Some(w) = key(t) {
                shapes.add(w.as_bytes());
                map.entry(w.as_str()).or_default().push(i);
            }
        }
        (shapes, map)
    });
    let found = match shapes.may_hold(word.as_bytes()) {
        true => index.get(word).map_or(&[][..], Vec::as_slice),
        false => &[],
    };
    found.iter().map(|&i| &terms()[i])
}

/// Whether `word` is the first word of some term.
pub fn starts_term(word: &str) -> bool {
    terms_by(|t| t.words.first(), &TERMS_BY_FIRST, word)
        .next()
        .is_some()
}

/// [`QUALIFIERS`] with each phrase split into its words.
pub fn qualifier_words() -> &'static [(Vec<&'static str>, &'static str)] {
    static SPLIT: OnceLock<Vec<(Vec<&'static str>, &'static str)>> = OnceLock::new();
    SPLIT.get_or_init(|| {
        QUALIFIERS
            .iter()
            .map(|(phrase, q)| (phrase.split(' ').collect(), *q))
            .collect()
    })
}

/// The words of the qualifiers whose last word is `word`, in [`QUALIFIERS`]
/// order.
pub fn qualifiers_ending_with(word: &str) -> impl Iterator<Item = &'static [&'static str]> {
    // Behind the last words' shapes: most words asked about end none.
    static BY_LAST: OnceLock<(WordShapes, FxHashMap<&'static str, Vec<usize>>)> = OnceLock::new();
    let (shapes, by_last) = BY_LAST.get_or_init(|| {
        let mut shapes = WordShapes::NONE;
        let mut map: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for (i, (words, _)) in qualifier_words().iter().enumerate() {
            let last = words.last().expect("a phrase has words");
            shapes.add(last.as_bytes());
            map.entry(*last).or_default().push(i);
        }
        (shapes, map)
    });
    let found = match shapes.may_hold(word.as_bytes()) {
        true => by_last.get(word).map_or(&[][..], Vec::as_slice),
        false => &[],
    };
    found.iter().map(|&i| qualifier_words()[i].0.as_slice())
}

/// Qualifier phrases that stand just before a count, longest first.
pub const QUALIFIERS: &[(&str, &str)] = &[
    ("no fewer than", "at_least"),
    ("no less than", "at_least"),
    ("a minimum of", "at_least"),
    ("in excess of", "more_than"),
    ("just shy of", "nearly"),
    ("as many as", "up_to"),
    ("an estimated", "approx"),
    ("an approximate", "approx"),
    ("at least", "at_least"),
    ("more than", "more_than"),
    ("upwards of", "more_than"),
    ("well over", "more_than"),
    ("just over", "more_than"),
    ("close to", "nearly"),
    ("just under", "nearly"),
    ("up to", "up_to"),
    ("at most", "up_to"),
    ("fewer than", "up_to"),
    ("less than", "up_to"),
    ("over", "more_than"),
    ("above", "more_than"),
    ("exceeded", "more_than"),
    ("exceeding", "more_than"),
    ("exceeds", "more_than"),
    ("surpassed", "more_than"),
    ("surpassing", "more_than"),
    ("surpasses", "more_than"),
    ("tops", "more_than"),
    ("topped", "more_than"),
    ("topping", "more_than"),
    ("passed", "more_than"),
    ("passes", "more_than"),
    ("passing", "more_than"),
    ("crossed", "more_than"),
    ("crosses", "more_than"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("nearing", "nearly"),
    ("approaching", "nearly"),
    ("about", "approx"),
    ("around", "approx"),
    ("roughly", "approx"),
    ("some", "approx"),
    ("estimated", "approx"),
    ("approximately", "approx"),
    ("approx", "approx"),
    ("circa", "approx"),
];

/// Words between a verb and its count that change nothing ("killed another 13").
pub const FILLERS_BEFORE: &[&[&str]] = &[
    &["a", "total", "of"],
    &["a", "further"],
    &["an", "additional"],
    &["another"],
    &["further"],
    &["additional"],
    &["the"],
    &["only"],
    &["just"],
    &["all"],
    &["between"],
    &["its"],
    &["their"],
    &["his"],
    &["her"],
];

/// Verbs of movement before "up to": "climbed up to 21" is exact.
pub const RISE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "rise",
    "rising",
    "climbed",
    "climbs",
    "climbing",
    "jumped",
    "jumps",
    "increased",
    "increases",
    "went",
    "gone",
    "soared",
    "mounted",
    "shot",
    "surged",
    "grew",
    "grown",
    "brought",
    "brings",
    "bringing",
    "raised",
    "raising",
];

/// Words linking a total to its value: "the toll rose to", "stands at",
/// "the dead included", "put the number of those killed at".
pub static TOLL_LINKS: WordSet = WordSet::new(&[
    "rose",
    "risen",
    "rises",
    "rising",
    "climbed",
    "climbs",
    "climbing",
    "jumped",
    "jumps",
    "increased",
    "increases",
    "reached",
    "reaches",
    "reaching",
    "hit",
    "hits",
    "stood",
    "stands",
    "stand",
    "standing",
    "is",
    "was",
    "are",
    "were",
    "at",
    "to",
    "of",
    "now",
    "has",
    "had",
    "have",
    "been",
    "passed",
    "include",
    "includes",
    "included",
    "further",
    "up",
    "totaled",
    "totalled",
    "totals",
    "numbered",
    "mounted",
    "soared",
    "surged",
    "grew",
    "grown",
    "went",
    "gone",
    "brought",
    "brings",
    "bringing",
    "raised",
    "raising",
    "already",
    "since",
    "then",
    "officially",
    "stood",
    "from",
    "put",
    "puts",
    "upgraded",
    "revised",
    "updated",
    "set",
]);

/// "X included N": the count is part of X.
pub const INCLUDE_WORDS: &[&str] = &["include", "includes", "included", "including"];

/// Words between a count's noun phrase and its predicate: "were later found dead".
pub static AUX: WordSet = WordSet::new(&[
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "also",
    "reportedly",
    "reported",
    "still",
    "all",
    "later",
    "since",
    "now",
    "subsequently",
    "critically",
    "seriously",
    "severely",
    "lightly",
    "slightly",
    "badly",
    "gravely",
    "mortally",
    "fatally",
    "moderately",
    "left",
    "remain",
    "remained",
    "remains",
    "feared",
    "believed",
    "presumed",
    "confirmed",
    "thought",
    "found",
    "listed",
    "declared",
    "pronounced",
    "known",
    "to",
    "either",
    "both",
    "allegedly",
    "officially",
    "initially",
    "already",
    "then",
    "eventually",
    "ultimately",
    "yet",
    "forced",
    "got",
    "get",
    "who",
    "reportedly",
]);

/// Words that end a count's noun phrase: a new clause or an attribution.
pub static NP_STOP: WordSet = WordSet::new(&[
    "that",
    "which",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "after",
    "before",
    "because",
    "but",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "as",
    "if",
    "than",
    "so",
    "until",
    "though",
    "although",
    "whether",
    "amid",
    "despite",
    "following",
    "due",
    "by",
    "for",
    "to",
    "into",
    "over",
    "since",
]);

/// Words that make what follows hypothetical: a forecast is not a figure.
pub static MODALS: WordSet = WordSet::new(&[
    "could",
    "may",
    "might",
    "would",
    "will",
    "should",
    "expected",
    "projected",
    "likely",
    "forecast",
    "predicted",
    "threatened",
    "vowed",
    "if",
    "unless",
]);

/// Negation before a predicate: "were not killed".
pub const NEGATIONS: &[&str] = &["not", "never", "no", "none", "nobody"];

/// Nouns after a count that show it counts things, not people.
pub static OBJECTS: WordSet = WordSet::new(&[
    "rockets",
    "missiles",
    "drones",
    "projectiles",
    "shells",
    "bombs",
    "mortars",
    "rounds",
    "bullets",
    "shots",
    "houses",
    "homes",
    "buildings",
    "apartments",
    "floors",
    "ambulances",
    "hospitals",
    "clinics",
    "schools",
    "mosques",
    "churches",
    "shelters",
    "tents",
    "camps",
    "vehicles",
    "cars",
    "trucks",
    "lorries",
    "buses",
    "tanks",
    "aircraft",
    "jets",
    "planes",
    "helicopters",
    "ships",
    "vessels",
    "boats",
    "villages",
    "towns",
    "cities",
    "countries",
    "provinces",
    "districts",
    "regions",
    "areas",
    "locations",
    "positions",
    "bases",
    "sites",
    "facilities",
    "tunnels",
    "weapons",
    "launchers",
    "targets",
    "strikes",
    "airstrikes",
    "attacks",
    "raids",
    "incidents",
    "explosions",
    "blasts",
    "counts",
    "cases",
    "occasions",
    "points",
    "meetings",
    "votes",
    "seats",
    "families",
    "households",
    "trees",
    "animals",
    "livestock",
    "cattle",
    "sheep",
    "goats",
    "dogs",
    "roads",
    "bridges",
    "crossings",
    "checkpoints",
    "posts",
    "hectares",
    "acres",
    "tonnes",
    "tons",
    "calls",
    "warrants",
    "charges",
]);

/// Words before a count that join it to the figure before: "12 soldiers and
/// four civilians", "nine Americans, along with one resident".
pub const COORDINATORS: &[&[&str]] = &[
    &["along", "with"],
    &["as", "well", "as"],
    &["and"],
    &["or"],
    &["plus"],
    &["while"],
];

/// Words before a count that make it more of the same as the figure before:
/// "another 1,500", "a further 20".
pub const MORE_OF_THE_SAME: &[&[&str]] = &[
    &["another"],
    &["a", "further"],
    &["an", "additional"],
    &["further"],
    &["additional"],
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The qualifiers ending with a word, behind their shapes, against a
    /// scan of every qualifier, for each word of the lexicon and others.
    #[test]
    fn qualifiers_ending_with_matches_a_scan() {
        let mut words: Vec<&str> = qualifier_words()
            .iter()
            .flat_map(|(w, _)| w.iter().copied())
            .collect();
        words.extend(["", "killed", "least ", "Least", "é", "ofs", "o"]);
        for w in words {
            let scanned: Vec<&[&str]> = qualifier_words()
                .iter()
                .filter(|(q, _)| q.last() == Some(&w))
                .map(|(q, _)| q.as_slice())
                .collect();
            assert_eq!(
                qualifiers_ending_with(w).collect::<Vec<_>>(),
                scanned,
                "{w:?}"
            );
        }
    }

    /// `WordSet::contains` against a scan of its words, for words in and out
    /// of the class, of every length and first byte, ASCII or not.
    #[test]
    fn word_set_matches_a_scan() {
        static SET: WordSet = WordSet::new(&[
            "was",
            "were",
            "had",
            "been",
            "é",
            "über",
            "a",
            "counterinsurgency",
        ]);
        let mut asked: Vec<String> = [
            "",
            "counterinsurgency",
            "counterinsurgencies",
            "counterinsurgenc",
            "countering",
            "was",
            "Was",
            "wa",
            "wasn",
            "were",
            "we",
            "é",
            "e",
            "über",
            "uber",
            "a",
            "b",
            "had",
            "hat",
            "been",
            "bean",
            "ér",
            "x".repeat(70).as_str(),
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        asked.extend((0..=127u8).map(|b| char::from(b).to_string() + "as"));
        for w in &asked {
            assert_eq!(
                SET.contains(&w.as_str()),
                SET.words().contains(&w.as_str()),
                "{w:?}"
            );
        }
        for set in [&AUX, &NP_STOP, &MODALS, &OBJECTS, &TOLL_LINKS] {
            for w in set.words() {
                assert!(set.contains(w), "{w:?}");
            }
        }
    }

    #[test]
    fn shipped_lexicon_loads_with_every_line() {
        let tsv = include_str!("../../../data/casualty_terms.tsv");
        let lines = tsv
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(terms().len(), lines);
        assert!(terms()
            .iter()
            .all(|t| t.obj || t.pred || t.toll || t.person));
        for c in CATEGORIES {
            assert!(terms().iter().any(|t| t.category == *c), "{c}");
        }
    }

    /// The shapes in front of the term indexes turn away no term's words.
    #[test]
    fn every_term_is_found_at_its_words() {
        for t in terms() {
            let phrase = t.words.join(" ");
            let mut lowered = String::new();
            let toks = super::super::tokens::tokenize(&phrase, &mut lowered);
            let words = |found: &Term| found.words == t.words;
            assert!(
                term_starting(&toks, 0, Role::Any).is_some_and(words),
                "{phrase}"
            );
            let ending = term_ending(&toks, toks.len(), Role::Any);
            assert!(ending.is_some_and(|(found, _)| words(found)), "{phrase}");
            assert!(starts_term(&t.words[0]), "{phrase}");
        }
    }

    #[test]
    fn longer_terms_match_first() {
        let mut lowered = String::new();
        let toks = super::super::tokens::tokenize("the death toll", &mut lowered);
        assert_eq!(
            term_ending(&toks, 3, Role::Toll).map(|(t, s)| (t.words.join(" "), s)),
            Some(("death toll".to_string(), 1))
        );
    }
}
