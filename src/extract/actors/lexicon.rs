//! The curated word lists behind the actor rules, embedded from `data/`:
//! organizations (`actors.tsv`), people (`actors_people.tsv`), states with
//! their demonyms and armed forces (`states.tsv`) and title words
//! (`actors_titles.tsv`).
//!
//! Lists hold what recurs across world news, never what one article needs.
//! Spelling variants (Defense/Defence, U.S./US, curly apostrophes, accents,
//! "al-Thani"/"Al Thani") are generated here so the files list each name once.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;

use crate::extract::text::with_lowercase;

/// What kind of body an organization is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgType {
    International,
    Government,
    Armed,
    Party,
    Outlet,
    Ngo,
    Company,
    Other,
}

/// One organization or person of a lexicon.
#[derive(Debug)]
pub struct Entry {
    pub name: String,
    pub affiliation: Option<String>,
    pub org_type: OrgType,
}

/// A lexicon hit: the entries a surface form may stand for.
pub struct Hit<'d> {
    pub range: std::ops::Range<usize>,
    /// Candidate entries; the first is the default reading. (The
    /// dictionary's own list: a hit copies nothing.)
    pub entries: &'d [usize],
    /// For people: a short form ("Netanyahu") rather than a full name.
    pub short: bool,
}

/// A dictionary of names matched leftmost-longest, case-sensitively.
pub struct Dictionary {
    /// The DFA itself rather than `AhoCorasick`, whose dynamic dispatch
    /// costs a call per byte of the body.
    matcher: DFA,
    /// Where a form may open: the matcher runs only there.
    openings: Openings,
    /// How forms start, tested before the matcher runs.
    starts: Starts,
    /// For each pattern, its candidate entries and whether it is a short form.
    readings: Vec<(Vec<usize>, bool)>,
    /// Every form, to tell whether a word is one, with its pattern number.
    forms: FxHashMap<String, usize>,
    pub entries: Vec<Entry>,
}

impl Dictionary {
    fn build(entries: Vec<Entry>, forms: Vec<(String, usize, bool)>) -> Self {
        let mut by_form: HashMap<String, (Vec<usize>, bool)> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (form, entry, short) in forms {
            for variant in spelling_variants(&form) {
                let reading = by_form.entry(variant.clone()).or_insert_with(|| {
                    order.push(variant);
                    (Vec::new(), short)
                });
                if !reading.0.contains(&entry) {
                    reading.0.push(entry);
                }
                reading.1 &= short;
            }
        }
        let readings: Vec<(Vec<usize>, bool)> = order
            .iter()
            .map(|f| by_form.remove(f).unwrap_or_default())
            .collect();
        // A full DFA: the lexicons are small, and every article is scanned.
        let matcher = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&order)
            .expect("lexicon patterns build");
        Dictionary {
            matcher,
            openings: Openings::of(&order),
            starts: Starts::of(&order),
            readings,
            forms: order.into_iter().enumerate().map(|(i, f)| (f, i)).collect(),
            entries,
        }
    }

    /// `text` is, whole, one of the forms.
    pub fn has_form(&self, text: &str) -> bool {
        self.forms.contains_key(text)
    }

    /// Whole-word occurrences of any form in `body`.
    pub fn find(&self, body: &str) -> Vec<Hit<'_>> {
        let [hits] = find_in([self], &self.openings, body);
        hits
    }

    /// The longest match of a form opening at byte `start` of `body`.
    fn longest_at(&self, body: &str, start: usize) -> Option<aho_corasick::Match> {
        let input = Input::new(body).range(start..).anchored(Anchored::Yes);
        self.matcher
            .try_find(&input)
            .expect("an anchored DFA searches any text")
    }
}

/// Whole-word occurrences of the forms of each dictionary in `body`, from
/// one pass over it for the places where a form of any of them (`openings`)
/// may open.
///
/// For each dictionary, the leftmost-longest matches of an unanchored
/// search, found by anchored searches where one of its forms may open: the
/// first such place with a match holds the leftmost-longest match.
fn find_in<'d, const N: usize>(
    dicts: [&'d Dictionary; N],
    openings: &Openings,
    body: &str,
) -> [Vec<Hit<'d>>; N] {
    use super::super::text::{word_end, word_start};
    let bytes = body.as_bytes();
    let mut hits = [(); N].map(|_| Vec::new());
    // Where each dictionary's last match ended: its search resumes there.
    let mut resume = [0; N];
    for start in openings.positions(bytes) {
        for (d, dict) in dicts.iter().enumerate() {
            if start < resume[d]
                || !dict.openings.opens(bytes, start)
                || !dict.starts.may_start(bytes, start)
            {
                continue;
            }
            let Some(m) = dict.longest_at(body, start) else {
                continue;
            };
            if word_start(body, m.start()) && word_end(body, m.end()) {
                let (entries, short) = &dict.readings[m.pattern().as_usize()];
                hits[d].push(Hit {
                    range: m.range(),
                    entries,
                    short: *short,
                });
            }
            resume[d] = m.end();
        }
    }
    hits
}

/// The organizations and the people of the lexicons that `body` names, from
/// one pass over it. (Out of line: inlined into the stage, with the
/// tokenizer, both cost more.)
#[inline(never)]
pub fn organizations_and_people(body: &str) -> (Vec<Hit<'static>>, Vec<Hit<'static>>) {
    static EITHER: OnceLock<Openings> = OnceLock::new();
    let (orgs, people) = (organizations(), people());
    let either = EITHER.get_or_init(|| orgs.openings.or(&people.openings));
    let [org_hits, people_hits] = find_in([orgs, people], either, body);
    (org_hits, people_hits)
}

/// The bytes and pairs of bytes the forms of a dictionary open with (a form
/// of one byte opens every pair its byte opens). Most of a body is lower-case
/// words that no form opens: the first-byte test skips them cheaply.
struct Openings {
    first: [bool; 256],
    /// One bit per pair: first byte * 256 + second.
    pairs: Box<[u64; 1024]>,
}

impl Openings {
    fn of(forms: &[String]) -> Openings {
        let mut first = [false; 256];
        let mut pairs = Box::new([0u64; 1024]);
        for form in forms {
            let b = form.as_bytes();
            first[usize::from(b[0])] = true;
            let seconds = match b.get(1) {
                Some(&second) => usize::from(second)..usize::from(second) + 1,
                None => 0..256,
            };
            for pair in seconds.map(|second| usize::from(b[0]) << 8 | second) {
                pairs[pair / 64] |= 1 << (pair % 64);
            }
        }
        Openings { first, pairs }
    }

    /// The openings of the forms of two dictionaries.
    fn or(&self, other: &Openings) -> Openings {
        Openings {
            first: std::array::from_fn(|b| self.first[b] || other.first[b]),
            pairs: Box::new(std::array::from_fn(|w| self.pairs[w] | other.pairs[w])),
        }
    }

    /// A form may open at byte `i` (a first byte of `bytes`).
    fn opens(&self, bytes: &[u8], i: usize) -> bool {
        self.opens_pair(bytes[i], bytes.get(i + 1).copied().unwrap_or(0))
    }

    /// Some form opens with `first` then `second` (0 at the end of the text).
    #[inline]
    fn opens_pair(&self, first: u8, second: u8) -> bool {
        let pair = usize::from(first) << 8 | usize::from(second);
        self.pairs[pair / 64] & (1 << (pair % 64)) != 0
    }

    /// Each byte of `bytes` that, with the next, may open a form, in order.
    fn positions<'b>(&'b self, bytes: &'b [u8]) -> Positions<'b> {
        Positions {
            openings: self,
            bytes,
            block: 0,
            mask: 0,
        }
    }

    /// One bit per byte of the block of `bytes` at `block` (up to 64
    /// bytes): the pair it opens with the next byte opens a form. The
    /// first bytes are marked without a branch per byte (news text has an
    /// "a" or an "e", forms open with "al-", "el-", every few bytes, and a
    /// branch on each mispredicted often), then the pair of each.
    fn block_mask(&self, bytes: &[u8], block: usize) -> u64 {
        let mut firsts = 0;
        for (k, &b) in bytes[block..bytes.len().min(block + BLOCK)]
            .iter()
            .enumerate()
        {
            firsts |= u64::from(self.first[usize::from(b)]) << k;
        }
        let mut mask = 0;
        while firsts != 0 {
            let k = firsts.trailing_zeros() as usize;
            firsts &= firsts - 1;
            mask |= u64::from(self.opens(bytes, block + k)) << k;
        }
        mask
    }
}

/// The bytes a mask of `Openings::block_mask` covers.
const BLOCK: usize = 64;

/// The iterator of `Openings::positions`: a block's mask, then its set bits.
struct Positions<'b> {
    openings: &'b Openings,
    bytes: &'b [u8],
    /// The start of the next block to classify.
    block: usize,
    /// The openings of the block before `block` not yet visited.
    mask: u64,
}

impl Iterator for Positions<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            if self.block >= self.bytes.len() {
                return None;
            }
            self.mask = self.openings.block_mask(self.bytes, self.block);
            self.block += BLOCK;
        }
        let bit = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.block - BLOCK + bit)
    }
}

/// How the forms of a dictionary start, as two bit sets: the pairs of bytes
/// forms shorter than three bytes open with, and a hash of the first three
/// bytes of the others. Most capitalised words open no form, and the test
/// costs far less than running the matcher to find that out.
struct Starts {
    short_pairs: Box<[u64; 1024]>,
    triples: Box<[u64; 1024]>,
}

impl Starts {
    fn of(forms: &[String]) -> Starts {
        let mut starts = Starts {
            short_pairs: Box::new([0; 1024]),
            triples: Box::new([0; 1024]),
        };
        for form in forms {
            match *form.as_bytes() {
                [first] => {
                    (0..=255).for_each(|second| set(&mut starts.short_pairs, pair(first, second)))
                }
                [first, second] => set(&mut starts.short_pairs, pair(first, second)),
                [a, b, c, ..] => set(&mut starts.triples, triple(a, b, c)),
                [] => {}
            }
        }
        starts
    }

    /// A form may start at byte `i` of `bytes`: false only where none does.
    #[inline]
    fn may_start(&self, bytes: &[u8], i: usize) -> bool {
        match bytes.get(i..) {
            Some([a, b, c, ..]) => {
                has(&self.short_pairs, pair(*a, *b)) || has(&self.triples, triple(*a, *b, *c))
            }
            Some([a, b]) => has(&self.short_pairs, pair(*a, *b)),
            Some([a]) => has(&self.short_pairs, pair(*a, 0)),
            _ => false,
        }
    }
}

fn pair(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

/// Three bytes hashed to 16 bits (collisions only let the matcher run).
fn triple(a: u8, b: u8, c: u8) -> usize {
    (pair(a, b).wrapping_mul(0x9E37) ^ usize::from(c).wrapping_mul(0x2F5)) & 0xFFFF
}

fn set(bits: &mut [u64; 1024], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

fn has(bits: &[u64; 1024], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

fn columns(line: &str) -> Option<Vec<&str>> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    Some(line.split('\t').map(str::trim).collect())
}

fn column<'a>(cols: &[&'a str], i: usize) -> &'a str {
    cols.get(i).copied().unwrap_or("")
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// Organizations that recur in world news.
pub fn organizations() -> &'static Dictionary {
    static ORGS: OnceLock<Dictionary> = OnceLock::new();
    ORGS.get_or_init(|| {
        let mut entries = Vec::new();
        let mut forms = Vec::new();
        for cols in include_str!("../../../data/actors.tsv")
            .lines()
            .filter_map(columns)
        {
            let i = entries.len();
            forms.push((cols[0].to_string(), i, false));
            forms.extend(split_list(column(&cols, 2)).map(|a| (a.to_string(), i, false)));
            entries.push(Entry {
                name: cols[0].to_string(),
                affiliation: optional(column(&cols, 3)),
                org_type: org_type(column(&cols, 4)),
            });
        }
        Dictionary::build(entries, forms)
    })
}

fn org_type(s: &str) -> OrgType {
    match s {
        "intl" => OrgType::International,
        "gov" => OrgType::Government,
        "armed" => OrgType::Armed,
        "party" => OrgType::Party,
        "outlet" => OrgType::Outlet,
        "ngo" => OrgType::Ngo,
        "company" => OrgType::Company,
        _ => OrgType::Other,
    }
}

/// People who recur in world news.
pub fn people() -> &'static Dictionary {
    static PEOPLE: OnceLock<Dictionary> = OnceLock::new();
    PEOPLE.get_or_init(|| {
        let mut entries = Vec::new();
        let mut forms = Vec::new();
        for cols in include_str!("../../../data/actors_people.tsv")
            .lines()
            .filter_map(columns)
        {
            let i = entries.len();
            forms.push((cols[0].to_string(), i, false));
            forms.extend(split_list(column(&cols, 1)).map(|a| (a.to_string(), i, false)));
            forms.extend(split_list(column(&cols, 2)).map(|a| (a.to_string(), i, true)));
            entries.push(Entry {
                name: cols[0].to_string(),
                // The title column documents the entry; titles come from the text.
                affiliation: optional(column(&cols, 4)),
                org_type: OrgType::Other,
            });
        }
        Dictionary::build(entries, forms)
    })
}

/// Given names common in world news, and East Asian family names.
pub fn given_names() -> impl Iterator<Item = &'static str> {
    include_str!("../../../data/actors_given_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

/// A state or territory.
#[derive(Debug)]
pub struct State {
    pub name: String,
    pub iso: String,
    /// Canonical actor name of its armed forces, when one is established.
    pub armed_forces: Option<String>,
}

/// How a word sequence names a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateForm {
    /// "Israel", "the United States", "US".
    Name,
    /// "Israeli", "Lebanese".
    Demonym,
    /// "Kigali", "Tel Aviv" standing for the government.
    Seat,
}

pub struct States {
    pub list: Vec<State>,
    forms: FxHashMap<String, (usize, StateForm)>,
    /// Word sequences some longer form starts with ("United", "United Arab").
    prefixes: FxHashSet<String>,
    /// The names of the states' armed forces.
    armed_forces: FxHashSet<String>,
    /// The most words any form has.
    pub longest: usize,
}

impl States {
    /// The state a word sequence names exactly.
    pub fn lookup(&self, words: &str) -> Option<(&State, StateForm)> {
        self.position(words).map(|(i, form)| (&self.list[i], form))
    }

    /// Like [`States::lookup`], with the state's place in `list`.
    pub fn position(&self, words: &str) -> Option<(usize, StateForm)> {
        self.forms.get(words).copied()
    }

    /// `name` is the canonical name of a state's armed forces.
    pub fn is_armed_forces(&self, name: &str) -> bool {
        self.armed_forces.contains(name)
    }

    /// Some form starts with these words and goes on.
    pub fn continues(&self, words: &str) -> bool {
        self.prefixes.contains(words)
    }

    /// Every form: its words, the index of its state in `list`, and how it
    /// names the state.
    pub fn forms(&self) -> impl Iterator<Item = (&str, usize, StateForm)> {
        self.forms
            .iter()
            .map(|(form, &(i, how))| (form.as_str(), i, how))
    }
}

/// States, their demonyms and seats of government.
pub fn states() -> &'static States {
    static STATES: OnceLock<States> = OnceLock::new();
    STATES.get_or_init(|| {
        let mut list = Vec::new();
        let mut forms = FxHashMap::default();
        for cols in include_str!("../../../data/states.tsv")
            .lines()
            .filter_map(columns)
        {
            let i = list.len();
            let mut add = |form: &str, kind| {
                for variant in spelling_variants(form) {
                    forms.entry(variant).or_insert((i, kind));
                }
            };
            add(cols[0], StateForm::Name);
            split_list(column(&cols, 2)).for_each(|f| add(f, StateForm::Name));
            split_list(column(&cols, 3)).for_each(|f| add(f, StateForm::Demonym));
            split_list(column(&cols, 4)).for_each(|f| add(f, StateForm::Seat));
            list.push(State {
                name: cols[0].to_string(),
                iso: column(&cols, 1).to_string(),
                armed_forces: optional(column(&cols, 5)),
            });
        }
        let longest = forms
            .keys()
            .map(|f| f.split_whitespace().count())
            .max()
            .unwrap_or(1);
        let prefixes = forms
            .keys()
            .flat_map(|f| f.match_indices(' ').map(|(at, _)| f[..at].to_string()))
            .collect();
        let armed_forces = list.iter().filter_map(|s| s.armed_forces.clone()).collect();
        States {
            list,
            forms,
            prefixes,
            armed_forces,
            longest,
        }
    })
}

/// The classes a title word belongs to (a word may be in several).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TitleClass {
    pub office: bool,
    pub rank: bool,
    pub honorific: bool,
    pub modifier: bool,
    pub portfolio: bool,
}

impl TitleClass {
    /// A word that can introduce a name on its own.
    pub fn heads(&self) -> bool {
        self.office || self.rank || self.honorific
    }

    pub fn any(&self) -> bool {
        self.heads() || self.modifier || self.portfolio
    }
}

struct Titles {
    /// Ranks and honorifics, matched as written.
    exact: FxHashMap<String, TitleClass>,
    /// Offices, modifiers and portfolios, matched in any case.
    folded: FxHashMap<String, TitleClass>,
}

fn titles() -> &'static Titles {
    static TITLES: OnceLock<Titles> = OnceLock::new();
    TITLES.get_or_init(|| {
        let mut exact: FxHashMap<String, TitleClass> = FxHashMap::default();
        let mut folded: FxHashMap<String, TitleClass> = FxHashMap::default();
        for cols in include_str!("../../../data/actors_titles.tsv")
            .lines()
            .filter_map(columns)
        {
            let word = cols[0];
            match column(&cols, 1) {
                "rank" => exact.entry(word.to_string()).or_default().rank = true,
                "honorific" => exact.entry(word.to_string()).or_default().honorific = true,
                class => {
                    let c = folded.entry(word.to_lowercase()).or_default();
                    match class {
                        "office" => c.office = true,
                        "modifier" => c.modifier = true,
                        _ => c.portfolio = true,
                    }
                }
            }
        }
        Titles { exact, folded }
    })
}

/// The title words: ranks and honorifics as written, then offices,
/// modifiers and portfolios in lower case.
pub fn title_words() -> (
    impl Iterator<Item = (&'static str, TitleClass)>,
    impl Iterator<Item = (&'static str, TitleClass)>,
) {
    let t = titles();
    (
        t.exact.iter().map(|(w, c)| (w.as_str(), *c)),
        t.folded.iter().map(|(w, c)| (w.as_str(), *c)),
    )
}

/// The title classes of one word ("Gen.", "minister", "Foreign").
pub fn title_class(word: &str) -> TitleClass {
    let t = titles();
    let mut class = with_lowercase(word, |lower| t.folded.get(lower).copied()).unwrap_or_default();
    if let Some(exact) = t.exact.get(word) {
        class.rank |= exact.rank;
        class.honorific |= exact.honorific;
    }
    class
}

/// Each spelling a name is written in: Defense/Defence, U.S./US, curly and
/// straight apostrophes, with and without accents, "al-Thani"/"Al Thani".
pub fn spelling_variants(form: &str) -> Vec<String> {
    let mut out = vec![form.to_string()];
    let mut grow = |f: &dyn Fn(&str) -> Option<String>| {
        let more: Vec<String> = out.iter().filter_map(|s| f(s)).collect();
        for m in more {
            if !out.contains(&m) {
                out.push(m);
            }
        }
    };
    for (a, b) in WORD_VARIANTS {
        grow(&|s| swap_word(s, a, b));
        grow(&|s| swap_word(s, b, a));
    }
    grow(&|s| s.contains('\'').then(|| s.replace('\'', "’")));
    grow(&|s| s.contains('’').then(|| s.replace('’', "'")));
    grow(&|s| {
        // ASCII has no accents to strip: most forms are turned away unread.
        if s.is_ascii() {
            return None;
        }
        let plain = strip_accents(s);
        (plain != s).then_some(plain)
    });
    grow(&headline_case);
    let more: Vec<String> = out
        .iter()
        .flat_map(|s| article_particle_variants(s))
        .collect();
    for m in more {
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

/// "Israeli army" -> "Israeli Army", as headlines write it. (Written out
/// directly: most forms are turned away on their words' first letters, and
/// collecting their words first cost an allocation each.)
fn headline_case(s: &str) -> Option<String> {
    let (first, rest) = s.split_once(' ')?;
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    if !first.starts_with(char::is_uppercase) || !rest.split(' ').all(lower) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    out.push_str(first);
    for word in rest.split(' ') {
        let mut chars = word.chars();
        out.push(' ');
        out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
        out.push_str(chars.as_str());
    }
    Some(out)
}

/// Words spelled two ways in English news.
const WORD_VARIANTS: &[(&str, &str)] = &[
    ("Defense", "Defence"),
    ("defense", "defence"),
    ("Organization", "Organisation"),
    ("Programme", "Program"),
    ("Centre", "Center"),
    ("U.S.", "US"),
    ("U.N.", "UN"),
    ("U.K.", "UK"),
    ("E.U.", "EU"),
];

fn swap_word(s: &str, from: &str, to: &str) -> Option<String> {
    // A form without `from` anywhere holds no such word: most forms are
    // turned away by one search, not split into a list of words.
    if !s.contains(from) {
        return None;
    }
    let words: Vec<&str> = s.split(' ').collect();
    if !words.contains(&from) {
        return None;
    }
    Some(
        words
            .iter()
            .map(|w| if *w == from { to } else { w })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn strip_accents(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// The ways the Arabic article opens a surname: "al-Thani", "Al-Thani" and,
/// after a given name, "Al Thani".
fn article_particle_variants(s: &str) -> Vec<String> {
    // Either way holds an "Al " or an "l-" (of "al-", "El-"...): most forms
    // hold neither and are turned away before they are split.
    if !s.contains("Al ") && !s.contains("l-") {
        return Vec::new();
    }
    let words: Vec<&str> = s.split(' ').collect();
    let n = words.len();
    let (rest, stem) = if n >= 3 && words[n - 2] == "Al" {
        (&words[..n - 2], words[n - 1])
    } else {
        let last = words[n - 1];
        let stem = ["al-", "Al-", "el-", "El-"].iter().find_map(|p| {
            last.strip_prefix(p)
                .filter(|st| st.starts_with(char::is_uppercase))
        });
        match stem {
            Some(stem) => (&words[..n - 1], stem),
            None => return Vec::new(),
        }
    };
    let mut forms = vec![format!("al-{stem}"), format!("Al-{stem}")];
    if !rest.is_empty() {
        forms.push(format!("Al {stem}"));
    }
    forms
        .into_iter()
        .map(|last| {
            let mut v: Vec<&str> = rest.to_vec();
            v.push(&last);
            v.join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unanchored search `Dictionary::find` replaced, on the same patterns.
    fn unanchored_find(
        dict: &Dictionary,
        matcher: &DFA,
        body: &str,
    ) -> Vec<(std::ops::Range<usize>, Vec<usize>, bool)> {
        use super::super::super::text::{word_end, word_start};
        matcher
            .try_find_iter(Input::new(body))
            .expect("an unanchored DFA searches any text")
            .filter(|m| word_start(body, m.start()) && word_end(body, m.end()))
            .map(|m| {
                let (entries, short) = &dict.readings[m.pattern().as_usize()];
                (m.range(), entries.clone(), *short)
            })
            .collect()
    }

    fn unanchored_matcher(dict: &Dictionary) -> DFA {
        let mut patterns: Vec<(&String, &usize)> = dict.forms.iter().collect();
        patterns.sort_by_key(|&(_, i)| *i);
        DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(f, _)| f))
            .expect("lexicon patterns build")
    }

    /// Odd texts, and the forms of `dict` glued to each other and to odd
    /// pieces, so matches overlap, nest and touch words.
    fn texts_for(dict: &Dictionary) -> Vec<String> {
        let mut forms: Vec<&str> = dict.forms.keys().map(String::as_str).collect();
        forms.sort_unstable();
        let pieces = [
            "", " ", "x", "-", "é", "\u{301}", "'s ", ". ", "\n", "al-", "Al ",
        ];
        let mut texts = super::super::tokens::tests::odd_texts();
        let mut seed: u64 = 7;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..12 {
                crate::extract::text::step_random(&mut seed);
                let form = forms[(seed >> 33) as usize % forms.len()];
                let piece = pieces[(seed >> 20) as usize % pieces.len()];
                // Sometimes a form cut short, to open a match that fails.
                let cut = if seed.is_multiple_of(5) {
                    form.len() / 2
                } else {
                    form.len()
                };
                text.push_str(form.get(..cut).unwrap_or(form));
                text.push_str(piece);
            }
            texts.push(text);
        }
        texts
    }

    #[test]
    fn anchored_finds_are_those_of_the_unanchored_search() {
        for dict in [organizations(), people()] {
            let matcher = unanchored_matcher(dict);
            let mut hits = 0;
            for text in texts_for(dict) {
                let found: Vec<_> = dict
                    .find(&text)
                    .into_iter()
                    .map(|h| (h.range, h.entries.to_vec(), h.short))
                    .collect();
                assert_eq!(found, unanchored_find(dict, &matcher, &text), "{text:?}");
                hits += found.len();
            }
            assert!(hits > 1000, "the texts hold forms: {hits} hits");
        }
    }

    #[test]
    fn openings_by_block_are_those_of_a_byte_scan() {
        let either = organizations().openings.or(&people().openings);
        // The byte-by-byte scan the block masks replaced.
        let byte_scan = |bytes: &[u8]| -> Vec<usize> {
            (0..bytes.len())
                .filter(|&i| either.first[usize::from(bytes[i])] && either.opens(bytes, i))
                .collect()
        };
        let mut texts = texts_for(organizations());
        texts.extend(texts_for(people()));
        // Bodies ending at, just before and just after a block's end, and
        // forms astride a block's boundary.
        let pieces = ["al-", "Al", "a", "é", "“", "—", "عرب", " ", "UN", "Hamas"];
        for text in crate::extract::text::concatenations(&pieces, 3) {
            for pad in [0, 50, 61, 62, 63, 64, 65, 120, 127, 128, 129] {
                texts.push(format!("{}{text}", "x".repeat(pad)));
                texts.push(format!("{}{text}", "Al ".repeat(pad / 3)));
            }
        }
        for text in &texts {
            let bytes = text.as_bytes();
            let by_block: Vec<usize> = either.positions(bytes).collect();
            assert_eq!(by_block, byte_scan(bytes), "{text:?}");
        }
    }

    #[test]
    fn every_form_passes_the_start_test_wherever_it_stands() {
        for dict in [organizations(), people()] {
            for form in dict.forms.keys() {
                for text in [form.clone(), format!("x {form}"), format!("{form} y")] {
                    let at = text.find(form.as_str()).expect("the form is in the text");
                    assert!(dict.starts.may_start(text.as_bytes(), at), "{text:?}");
                }
            }
        }
        // The test turns words away: not every capitalised word passes.
        let turned = ["Monday", "Officials", "Kestrel", "Baghdad", "Residents"]
            .iter()
            .filter(|w| !people().starts.may_start(w.as_bytes(), 0))
            .count();
        assert!(turned >= 3, "{turned}");
    }

    #[test]
    fn one_pass_finds_what_each_lexicon_finds_alone() {
        let (orgs, people) = (organizations(), people());
        let hits = |hits: Vec<Hit<'static>>| -> Vec<_> {
            hits.into_iter()
                .map(|h| (h.range, h.entries, h.short))
                .collect()
        };
        // Texts of either lexicon's forms, and the two joined line by line.
        let (of_orgs, of_people) = (texts_for(orgs), texts_for(people));
        let joined: Vec<String> = of_orgs
            .iter()
            .zip(&of_people)
            .map(|(a, b)| {
                a.lines()
                    .zip(b.lines())
                    .map(|(x, y)| format!("{x} {y}"))
                    .collect()
            })
            .collect();
        for text in of_orgs.into_iter().chain(of_people).chain(joined) {
            let (org_hits, people_hits) = organizations_and_people(&text);
            assert_eq!(hits(org_hits), hits(orgs.find(&text)), "{text:?}");
            assert_eq!(hits(people_hits), hits(people.find(&text)), "{text:?}");
        }
    }

    #[test]
    fn variants_cover_british_spelling_and_dotted_acronyms() {
        let v = spelling_variants("U.S. Department of Defense");
        assert!(v.contains(&"US Department of Defence".to_string()), "{v:?}");
    }

    /// The headline case as it was first written: words collected, then
    /// joined.
    fn headline_case_by_words(s: &str) -> Option<String> {
        let mut words = s.split(' ');
        let first = words.next()?;
        let rest: Vec<&str> = words.collect();
        let lower = |w: &&str| w.chars().next().is_some_and(char::is_lowercase);
        if !first.starts_with(char::is_uppercase) || rest.is_empty() || !rest.iter().all(lower) {
            return None;
        }
        let capitalised = rest.iter().map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        });
        Some(
            std::iter::once(first.to_string())
                .chain(capitalised)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    #[test]
    fn headline_case_is_that_of_the_collected_words() {
        let mut texts = super::super::tokens::tests::odd_texts();
        for dict in [organizations(), people()] {
            texts.extend(dict.forms.keys().cloned());
        }
        texts.extend(
            [
                "Israeli army",
                "Israeli  army",
                "Israeli army ",
                "Israeli",
                "ǅemal army",
                "Ärzte ohne grenzen",
                "İsrael ßig ǆx ﬀa",
                "Israeli army\u{301}x",
                "Israeli Army",
                " army",
            ]
            .map(String::from),
        );
        for text in texts {
            assert_eq!(
                headline_case(&text),
                headline_case_by_words(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn variants_cover_the_arabic_article() {
        let v = spelling_variants("Tamim bin Hamad Al Thani");
        assert!(v.contains(&"Tamim bin Hamad al-Thani".to_string()), "{v:?}");
    }

    #[test]
    fn states_know_names_demonyms_and_seats() {
        let s = states();
        assert_eq!(
            s.lookup("Lebanese").map(|(st, _)| st.iso.as_str()),
            Some("LB")
        );
        assert_eq!(
            s.lookup("U.S.").map(|(st, f)| (st.iso.as_str(), f)),
            Some(("US", StateForm::Name))
        );
        assert_eq!(s.lookup("Kigali").map(|(_, f)| f), Some(StateForm::Seat));
    }

    #[test]
    fn title_words_have_classes() {
        assert!(title_class("minister").office);
        assert!(title_class("Gen.").rank);
        assert!(!title_class("gen.").rank);
        assert!(title_class("Sheikh").honorific);
        assert!(title_class("Foreign").modifier);
    }
}
