//! The word lists statements are read with: speech cues
//! (data/speech_verbs.tsv), states that speak (data/states.tsv, shared with the actor extractor) and
//! the head nouns of speaker descriptions (data/speech_sources.tsv).
//! They are compiled into the binary and parsed once.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

/// How a cue introduces speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A verb with its own subject: "the ministry said".
    Finite,
    /// A follow-on clause: ", adding that".
    Participle,
    /// "according to X".
    According,
    /// "X quoted Y as saying".
    Quoted,
}

/// One speech cue of the lexicon.
#[derive(Debug, Clone)]
pub struct CueForm {
    /// The lower-case words of the cue.
    pub words: Vec<String>,
    pub role: Role,
    /// A hearer may stand before the clause, closed by "that" ("warned
    /// Israel that").
    pub addressee: bool,
    /// Takes a named hearer even without "that" ("told Reuters the toll rose").
    pub hearer: bool,
    /// A plain reporting verb that, closing a sentence, attributes all of it.
    pub closing: bool,
    /// Also a common noun ("reports of").
    pub noun: bool,
    /// Followed by "to" it is not speech ("said to be", "added to").
    pub not_to: bool,
}

/// The speech cues, longest first so "called for" wins over shorter forms.
pub fn cues() -> &'static [CueForm] {
    static CUES: OnceLock<Vec<CueForm>> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut out: Vec<CueForm> = rows(include_str!("../../../data/speech_verbs.tsv"))
            .filter_map(|cols| {
                let role = match *cols.get(1)? {
                    "finite" => Role::Finite,
                    "participle" => Role::Participle,
                    "according" => Role::According,
                    "quoted" => Role::Quoted,
                    _ => return None,
                };
                let flags = cols.get(2).copied().unwrap_or("");
                Some(CueForm {
                    words: cols[0].split_whitespace().map(str::to_lowercase).collect(),
                    role,
                    addressee: flags.contains("addressee"),
                    hearer: flags.contains("hearer"),
                    closing: flags.contains("closing"),
                    noun: flags.contains("noun"),
                    not_to: flags.contains("not_to"),
                })
            })
            .collect();
        out.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        out
    })
}

/// The cues whose first word is `word` (compared ignoring ASCII case), in
/// the order of [`cues`]. Cue words are ASCII lower case, so a word that is
/// not ASCII, or longer than any cue word, starts none.
#[inline]
pub fn cues_starting_with(word: &str) -> impl Iterator<Item = &'static CueForm> {
    let found = cue_index().starting_with(word);
    found.iter().map(|&i| &cues()[i])
}

/// Whether a word (its bytes) may start a cue, as [`cues_starting_with`]
/// first tests it: for a scan over every word of a unit, which then reads
/// the index once, not once per word.
pub fn cue_start_test() -> impl Fn(&[u8]) -> bool {
    let index = cue_index();
    move |word| index.may_start_cue(word)
}

/// The cues by first word, behind a table of first-word prefixes; built
/// once, read for every word of every unit.
struct CueIndex {
    /// Whether a cue's first word starts with the three letters of
    /// [`prefix_index`]; None when some first word is not three lower-case
    /// letters long (then every word is looked up).
    prefixes: Option<Vec<bool>>,
    by_first: FxHashMap<&'static [u8], Vec<usize>>,
}

fn cue_index() -> &'static CueIndex {
    static INDEX: OnceLock<CueIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_first: FxHashMap<&'static [u8], Vec<usize>> = FxHashMap::default();
        let mut prefixes = Some(vec![false; 26 * 26 * 26]);
        for (i, form) in cues().iter().enumerate() {
            let first = form.words[0].as_bytes();
            by_first.entry(first).or_default().push(i);
            // Only for lower-case letter words, as the lexicon has today.
            let at = prefix_index(first).filter(|_| first.iter().all(u8::is_ascii_lowercase));
            match (at, prefixes.as_mut()) {
                (Some(at), Some(table)) => table[at] = true,
                _ => prefixes = None,
            }
        }
        CueIndex { prefixes, by_first }
    })
}

impl CueIndex {
    /// Inline, as it is asked for every word of every unit; the table
    /// turns most words away before anything else is done.
    #[inline]
    fn starting_with(&self, word: &str) -> &[usize] {
        if !self.may_start_cue(word.as_bytes()) {
            return &[];
        }
        let mut buf = [0u8; 24];
        if word.len() > buf.len() || !word.is_ascii() {
            return &[];
        }
        let key = &mut buf[..word.len()];
        key.copy_from_slice(word.as_bytes());
        key.make_ascii_lowercase();
        self.by_first.get(&*key).map_or(&[], Vec::as_slice)
    }

    /// Whether the first three letters of `word` (in any ASCII case) begin
    /// the first word of some cue: most words fail this table lookup, which
    /// is cheaper than a hash lookup.
    #[inline]
    fn may_start_cue(&self, word: &[u8]) -> bool {
        match &self.prefixes {
            Some(table) => prefix_index(word).is_some_and(|i| table[i]),
            None => true,
        }
    }
}

/// The number of a word's first three ASCII letters (any case) in
/// 26 × 26 × 26, or None when it does not start with three.
#[inline]
fn prefix_index(word: &[u8]) -> Option<usize> {
    /// Each byte's letter number, or `NOT_LETTER`.
    const NOT_LETTER: u8 = 0xFF;
    const LETTERS: [u8; 256] = {
        let mut table = [NOT_LETTER; 256];
        let mut l = 0;
        while l < 26 {
            table[(b'a' + l) as usize] = l;
            table[(b'A' + l) as usize] = l;
            l += 1;
        }
        table
    };
    let [a, b, c, ..] = word else {
        return None;
    };
    let (a, b, c) = (
        LETTERS[usize::from(*a)],
        LETTERS[usize::from(*b)],
        LETTERS[usize::from(*c)],
    );
    // Letter numbers are below 26: only `NOT_LETTER` has the top bit.
    if (a | b | c) & 0x80 != 0 {
        return None;
    }
    Some((usize::from(a) * 26 + usize::from(b)) * 26 + usize::from(c))
}

/// A state that can speak.
#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub code: String,
}

/// Country names, capitals and demonyms, matched as whole words.
pub struct Countries {
    pub entries: Vec<Country>,
    matcher: AhoCorasick,
    entry_of: Vec<usize>,
}

impl Countries {
    /// The countries named in `s`, with their byte ranges in `s`.
    pub fn find<'a>(
        &'a self,
        s: &'a str,
    ) -> impl Iterator<Item = (&'a Country, std::ops::Range<usize>)> + 'a {
        self.matcher
            .find_iter(s)
            .filter(move |m| whole_word(s, m.start(), m.end()))
            .map(move |m| {
                (
                    &self.entries[self.entry_of[m.pattern().as_usize()]],
                    m.range(),
                )
            })
    }
}

fn whole_word(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// The country lexicon.
pub fn countries() -> &'static Countries {
    static COUNTRIES: OnceLock<Countries> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        let mut entry_of = Vec::new();
        // The shared state table: name, ISO code, other names, demonyms, seats
        // of government (then armed forces, which are not the state itself).
        for cols in rows(include_str!("../../../data/states.tsv")) {
            let list = |i: usize| cols.get(i).copied().unwrap_or("").split('|');
            let demonyms: Vec<&str> = list(3).collect();
            // A plural demonym is the people, not the state ("Afghans said").
            let singular = demonyms.iter().copied().filter(|d| {
                !d.strip_suffix('s')
                    .is_some_and(|stem| demonyms.contains(&stem))
            });
            let forms = list(2).chain(singular).chain(list(4));
            for form in std::iter::once(cols[0])
                .chain(forms)
                .filter(|f| !f.is_empty())
            {
                patterns.push(form.to_string());
                entry_of.push(entries.len());
            }
            entries.push(Country {
                name: cols[0].to_string(),
                code: cols.get(1).copied().unwrap_or("").to_string(),
            });
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("country lexicon builds");
        Countries {
            entries,
            matcher,
            entry_of,
        }
    })
}

/// What the head noun of a speaker description stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Nobody in particular: witnesses, residents, police, media.
    Unnamed,
    /// Speaks for the state or organization beside it: officials, authorities.
    Official,
    /// A post one person holds: spokesman, minister.
    Role,
    /// A kind of organization: ministry, army, agency.
    Body,
    /// A text that speaks for its issuer: statement, readout.
    Document,
}

/// The class of a lower-case head noun, if the lexicon knows it.
pub fn source(word: &str) -> Option<Source> {
    static SOURCES: OnceLock<FxHashMap<String, Source>> = OnceLock::new();
    SOURCES
        .get_or_init(|| {
            rows(include_str!("../../../data/speech_sources.tsv"))
                .filter_map(|cols| {
                    let class = match *cols.get(1)? {
                        "unnamed" => Source::Unnamed,
                        "official" => Source::Official,
                        "role" => Source::Role,
                        "body" => Source::Body,
                        "document" => Source::Document,
                        _ => return None,
                    };
                    Some((cols[0].to_string(), class))
                })
                .collect()
        })
        .get(word)
        .copied()
}

/// The tab-separated rows of a lexicon file, without comments and blanks.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `prefix_index` against the lower-casing and range checks it replaces.
    #[test]
    fn prefix_index_matches_letter_arithmetic() {
        fn by_arithmetic(w: &[u8]) -> Option<usize> {
            let letter = |b: u8| {
                Some(usize::from(b.to_ascii_lowercase().checked_sub(b'a')?)).filter(|&l| l < 26)
            };
            match w {
                [a, b, c, ..] => Some((letter(*a)? * 26 + letter(*b)?) * 26 + letter(*c)?),
                _ => None,
            }
        }
        let words = [
            "said",
            "Said",
            "SAID",
            "sa",
            "",
            "zzz",
            "ZzZ",
            "a1b",
            "@ab",
            "ab[",
            "`ab",
            "{ab",
            "Éta",
            "naïve",
            "añb",
            "ábc",
            "told reporters",
            "according",
            "Z",
            "abc\u{301}",
        ];
        for w in words {
            assert_eq!(
                prefix_index(w.as_bytes()),
                by_arithmetic(w.as_bytes()),
                "{w:?}"
            );
        }
        // Every byte in each of the three places.
        for b in 0..=255u8 {
            for at in 0..3 {
                let mut w = *b"abc";
                w[at] = b;
                assert_eq!(prefix_index(&w), by_arithmetic(&w), "{w:?}");
            }
        }
    }

    #[test]
    fn lexicons_load() {
        assert!(cues().iter().any(|c| c.words == ["according", "to"]));
        assert_eq!(source("officials"), Some(Source::Official));
        let found: Vec<&str> = countries()
            .find("Iranian and U.S. officials")
            .map(|(c, _)| c.name.as_str())
            .collect();
        assert_eq!(found, vec!["Iran", "United States"]);
    }

    #[test]
    fn country_forms_match_whole_words_only() {
        assert_eq!(countries().find("Somalis").count(), 0);
    }
}
