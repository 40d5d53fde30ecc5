//! Locations: named places, geocoded with the GeoNames gazetteer.
//!
//! The body is read as proper-noun phrases, runs of capitalised words (see
//! [`phrases`]). A phrase names a place when the gazetteer knows all of it
//! ("Gaza City"), when it is a known place with a compass word before it or
//! a place noun after it ("Western Galilee", "Kryvy Rih district"), when a
//! state's long form ends in a country ("Islamic Republic of Iran"), or when
//! a place opens a person's title ("US Secretary of Defense"). A known place
//! inside any other phrase is part of a longer name and does not count on its
//! own ("Lloyd Austin", "Iron Dome", "US Geological Survey"), nor does a place
//! inside an organization or person the actor extractor found. Hyphens split
//! compounds of places ("Russia-Ukraine"), and a country before a lower-case
//! word ("Iran-backed") is a phrase of its own, so both count.
//!
//! A context can make a phrase a place the gazetteer lacks: a place noun
//! ("Al-Maghazi refugee camp", "Androscoggin County"), "the village of X",
//! "X, a village ...", "X, near Nabatieh". Such places are kept without
//! coordinates, in the country of the nearest known place; other mentions of
//! the same name then count too.
//!
//! Weak evidence needs the article's support: a small town counts only in a
//! country the article names; an everyday English word that is also a town
//! ("Police", "Post", "Time") only after a preposition of place and never at a
//! sentence's start; a word seen in a person's name ("Matthew Miller") not on
//! its own later ("Miller said"). Ambiguous names go to the candidate in the
//! article's countries and named divisions, then to the most populous; one
//! place gives one location whatever its spellings ("Gaza", "Gaza Strip").

mod phrases;
mod words;

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use super::gazetteer::{
    self, fold_key, fold_key_into, Brief, Gazetteer, MatchKind, Place, PlaceId, PlaceKind,
};
use super::text::{with_lowercase, Text};
use super::{Actor, Location};
use phrases::Tokens;
use rustc_hash::{FxHashMap, FxHashSet};
use words::Noun;

/// The longest place name tried, in words.
const MAX_WORDS: usize = 6;

/// A populated place this large is well enough known to count without the
/// article naming its country.
const BIG_CITY: u64 = 100_000;

/// How much likelier a candidate in one of the article's countries is.
const COUNTRY_BOOST: f64 = 20.0;

/// How much likelier a candidate in one of the article's divisions is.
const DIVISION_BOOST: f64 = 50.0;

/// What a claimed span names.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// A gazetteer key.
    Known(Rc<Key>),
    /// A place named after a known one ("Western Galilee", "Kryvy Rih
    /// district"): its country and coordinates, its own name.
    Derived {
        name: String,
        kind: PlaceKind,
        base: Rc<Key>,
    },
    /// A place the gazetteer lacks, clear from its context.
    Unknown { name: String, kind: PlaceKind },
}

/// Why a span was claimed: how much support it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// A whole phrase.
    Phrase,
    /// A place opening a title ("US Secretary of Defense").
    Modifier,
    /// A word of a title-case headline, where capitals tell nothing.
    Headline,
    /// A context that makes it a place: a place noun, "the village of",
    /// "X, near Y".
    Cue(PlaceKind),
}

#[derive(Debug, Clone)]
struct Claim {
    /// Byte range of the mention.
    range: Range<usize>,
    /// Its words.
    words: Range<usize>,
    target: Target,
    evidence: Evidence,
    /// For a place found through "X, near Y": the key of Y.
    near: Option<Rc<Key>>,
}

/// A gazetteer key with what the gazetteer says about it, shared by every
/// claim and match of it: looked up once per thread, then passed around
/// without copying or hashing the key again.
#[derive(Debug)]
struct Key {
    text: Box<str>,
    info: KeyInfo,
    candidates: Candidates,
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.text == other.text
    }
}

/// What the gazetteer says about a key, whatever the article.
#[derive(Debug, Clone, Copy, Default)]
struct KeyInfo {
    /// Names a country.
    country: bool,
    /// A hand-curated name (aliases.tsv) or a country's.
    curated: bool,
    /// Names something that counts without support: a country, division,
    /// region, site, curated name or big city.
    strong: bool,
    /// Also an everyday English word.
    common: bool,
    /// Some place has it as its own or a curated name, not as an alternate.
    own_name: bool,
}

/// Finds and geocodes the places named in an article. `actors` are the
/// people and organizations found in it: places inside their names do not
/// count.
pub fn extract(text: &Text, actors: &[Actor]) -> Vec<Location> {
    let gaz = Gazetteer::get();
    let toks = Tokens::new(text);
    let mut reader = Reader::new(gaz, &toks, text);
    reader.read();
    let (claims, lookups) = reader.accepted(&ActorSpans::new(text, actors));
    Resolver::new(lookups, &claims).locations(text, &claims)
}

/// The candidates of a key, with what choosing among them needs.
type Candidates = Box<[(PlaceId, MatchKind, Brief<'static>)]>;

/// Keys and places kept per thread: at most this many of each, then the
/// cache starts over.
const CACHE_LIMIT: usize = 50_000;

thread_local! {
    /// What the gazetteer says about each key a thread has looked up: the
    /// same places come up article after article.
    static KEYS: RefCell<FxHashMap<Box<str>, Rc<Key>>> = RefCell::new(FxHashMap::default());
    /// See [`Probes`].
    static PROBES: RefCell<Probes> = RefCell::new(FxHashMap::default());
    /// Whether a word or name is a demonym ("Israeli"), by its text.
    static DEMONYMS: RefCell<FxHashMap<String, bool>> = RefCell::new(FxHashMap::default());
    /// Parsed place rows, by id.
    static PLACES: RefCell<FxHashMap<PlaceId, Rc<Place>>> = RefCell::new(FxHashMap::default());
}

/// [`Gazetteer::probe`] answers a thread has had, by key: most capitalised
/// words ("The", "Gaza", "Monday") come up in article after article.
type Probes = FxHashMap<String, Probe>;

/// What [`Gazetteer::probe`] says of a folded key, with the shared [`Key`]
/// when it is one: a name found while indexing is not looked up again.
#[derive(Clone)]
struct Probe {
    key: Option<Rc<Key>>,
    /// Some longer key goes on from it after a space.
    longer: bool,
}

/// [`Gazetteer::probe`], remembered in `probes`.
fn probe(probes: &mut Probes, lookups: &Lookups, key: &str) -> Probe {
    if let Some(found) = probes.get(key) {
        return found.clone();
    }
    let (exact, longer) = lookups.gaz.probe(key);
    let found = Probe {
        key: exact.then(|| lookups.key(key)),
        longer,
    };
    if probes.len() >= CACHE_LIMIT {
        probes.clear();
    }
    probes.insert(key.to_string(), found.clone());
    found
}

/// True if `word` names a nationality ([`Gazetteer::demonym`]), remembered
/// per thread.
fn is_demonym(gaz: &Gazetteer, word: &str) -> bool {
    if let Some(found) = DEMONYMS.with_borrow(|d| d.get(word).copied()) {
        return found;
    }
    let found = gaz.demonym(word).is_some();
    DEMONYMS.with_borrow_mut(|d| {
        if d.len() >= CACHE_LIMIT {
            d.clear();
        }
        d.insert(word.to_string(), found);
    });
    found
}

/// The gazetteer's answers about keys, each looked up once per thread.
struct Lookups {
    gaz: &'static Gazetteer,
}

impl Lookups {
    fn new(gaz: &'static Gazetteer) -> Self {
        Lookups { gaz }
    }

    /// The shared [`Key`] of `key`, a key the gazetteer holds.
    fn key(&self, key: &str) -> Rc<Key> {
        if let Some(found) = KEYS.with_borrow(|keys| keys.get(key).cloned()) {
            return found;
        }
        let gaz = self.gaz;
        let candidates: Candidates = gaz
            .candidates(key)
            .into_iter()
            .map(|(id, how)| (id, how, gaz.brief(id)))
            .collect();
        let found = Rc::new(Key {
            text: key.into(),
            info: key_info(gaz, key, &candidates),
            candidates,
        });
        KEYS.with_borrow_mut(|keys| {
            if keys.len() >= CACHE_LIMIT {
                keys.clear();
            }
            keys.insert(key.into(), found.clone());
        });
        found
    }

    /// The whole row of place `id`.
    fn place(&self, id: PlaceId) -> Rc<Place> {
        if let Some(p) = PLACES.with_borrow(|places| places.get(&id).cloned()) {
            return p;
        }
        let p = Rc::new(self.gaz.place(id));
        PLACES.with_borrow_mut(|places| {
            if places.len() >= CACHE_LIMIT {
                places.clear();
            }
            places.insert(id, p.clone());
        });
        p
    }
}

// ---------------------------------------------------------------------------
// Reading phrases into claims
// ---------------------------------------------------------------------------

/// Reads the phrases of one article into claims.
struct Reader<'t, 'a> {
    gaz: &'static Gazetteer,
    toks: &'t Tokens<'a>,
    /// Stripped phrases, in order.
    phrases: Vec<Range<usize>>,
    /// For each word, the known names it starts.
    known: KnownIndex,
    /// The keys of those names, each word's in order of length.
    known_keys: Vec<Rc<Key>>,
    /// For each sentence, whether it is written in title case (a headline).
    headlines: Vec<bool>,
    claims: Vec<Claim>,
    /// Lower-case words seen in names that are no place ("matthew",
    /// "miller"): not places on their own either.
    name_words: FxHashSet<String>,
    lookups: Lookups,
    /// The key [`matches`](Self::matches) folds a window's text into.
    folded: String,
    /// A match list given back for the next phrase: one allocation per
    /// article, not one per phrase that holds a known name.
    spare_matches: Vec<Match>,
}

/// The known names a word starts, as [`Reader::index_known`] found them.
#[derive(Debug, Clone, Copy, Default)]
struct KnownFrom {
    /// Bit n set if the word and the next n - 1 words of its phrase fold to
    /// a known key (only for capitalised phrase words).
    bits: u8,
    /// The end of the windows `bits` covers (0: none).
    end: usize,
    /// Where the keys of the windows in `bits` start in `known_keys`.
    first_key: u32,
}

/// [`KnownFrom`] for each word of a text. The buffer goes back to the
/// thread for its next text, unless one text made it large.
struct KnownIndex(Vec<KnownFrom>);

/// Buffers longer than this are not kept: memory stays flat.
const KNOWN_SPARE_LIMIT: usize = 1 << 16;

thread_local! {
    static KNOWN_SPARE: Cell<Vec<KnownFrom>> = const { Cell::new(Vec::new()) };
}

impl KnownIndex {
    fn new(words: usize) -> Self {
        let mut index = KNOWN_SPARE.take();
        index.resize(words, KnownFrom::default());
        KnownIndex(index)
    }
}

impl Drop for KnownIndex {
    fn drop(&mut self) {
        let mut index = std::mem::take(&mut self.0);
        if index.capacity() <= KNOWN_SPARE_LIMIT {
            index.clear();
            KNOWN_SPARE.set(index);
        }
    }
}

/// A known name inside a phrase.
#[derive(Debug, Clone)]
struct Match {
    words: Range<usize>,
    key: Rc<Key>,
}

impl<'t, 'a> Reader<'t, 'a> {
    fn new(gaz: &'static Gazetteer, toks: &'t Tokens<'a>, text: &Text) -> Self {
        let found = phrases::find(toks);
        let mut reader = Reader {
            gaz,
            toks,
            phrases: Vec::with_capacity(found.len()),
            known: KnownIndex::new(toks.len()),
            known_keys: Vec::with_capacity(found.len()),
            headlines: headline_sentences(toks, text),
            // Grown once rather than doubling up from nothing.
            claims: Vec::with_capacity(found.len()),
            // Room for the dozen or so surnames of an article: the set
            // does not grow through small tables.
            name_words: FxHashSet::with_capacity_and_hasher(16, Default::default()),
            lookups: Lookups::new(gaz),
            folded: String::new(),
            spare_matches: Vec::new(),
        };
        for p in found {
            let r = reader.strip(p.words);
            if !r.is_empty() {
                reader.phrases.push(r);
            }
        }
        // Borrowed once for all the phrases' look-ups.
        PROBES.with_borrow_mut(|probes| {
            KEY_SCRATCH.with_borrow_mut(|scratch| {
                for p in 0..reader.phrases.len() {
                    reader.index_known(p, scratch, probes);
                }
                scratch.limit();
            })
        });
        reader
    }

    /// Fills `known` for the capitalised words of phrase `p`: the names
    /// [`matches`](Self::matches) may find there, looked up once.
    fn index_known(&mut self, p: usize, scratch: &mut KeyScratch, probes: &mut Probes) {
        let t = self.toks;
        let r = self.phrases[p].clone();
        // Each word's key, all in one buffer; None where the words' keys
        // joined by spaces might not be the key of their text (see
        // `known_windows`).
        let KeyScratch { buf, spans, key } = scratch;
        buf.clear();
        spans.clear();
        for i in r.clone() {
            let start = buf.len();
            let tok = &t.list[i];
            let plain = push_plain_key(t.word(i), tok.ascii_alphanumeric(), tok.title(), buf)
                && (i + 1 == r.end
                    // A single space, the commonest gap, read off the token.
                    || t.space_after(i)
                    || gazetteer::is_word_break(t.gap(i)));
            spans.push(plain.then_some(start..buf.len()));
        }
        let fold = |i: usize| spans[i - r.start].clone().map(|s| &buf[s]);
        for i in r.clone() {
            if t.list[i].cap() {
                let end = r.end.min(i + MAX_WORDS);
                // Most phrases are a word or two: their few keys are
                // looked at, with no count of plain words built first.
                let plain = spans[i - r.start..end - r.start]
                    .iter()
                    .all(Option::is_some);
                let first_key = self.known_keys.len() as u32;
                let bits = self.known_windows(i..end, plain, fold, key, probes);
                self.known.0[i] = KnownFrom {
                    bits,
                    end,
                    first_key,
                };
            }
        }
    }

    /// Which windows `w.start..w.start + n` (up to `w.end`) fold to a known
    /// key: bit n. `folds` are the words' keys. The key of several words is
    /// their keys joined by spaces when each word folds to plain letters
    /// and digits and each gap to a word break (so " ", "-", not "'s "),
    /// minus a leading "the"; keys then grow word by word, stopping when
    /// no longer key goes on from the current one. `plain`: every word of
    /// `w` has a key. The windows' keys go to `known_keys`, shortest first.
    fn known_windows<'k>(
        &mut self,
        w: Range<usize>,
        plain: bool,
        fold: impl Fn(usize) -> Option<&'k str>,
        key: &mut String,
        probes: &mut Probes,
    ) -> u8 {
        let mut bits = 0u8;
        // Otherwise fold each window's text, as `matches` would.
        let first = fold(w.start);
        // "The The Hague" folds twice (see Gazetteer::contains).
        let the_the = first == Some("the") && w.len() > 1 && fold(w.start + 1) == Some("the");
        if !plain || the_the {
            for n in 1..=w.len() {
                let key = fold_key(self.toks.text(&(w.start..w.start + n)));
                if self.gaz.contains(&key) {
                    bits |= 1 << n;
                    self.known_keys.push(self.lookups.key(&key));
                }
            }
            return bits;
        }
        // "The Hague" is "hague": after "the", keys start at the next word.
        let skip = usize::from(first == Some("the"));
        if skip == 1 && self.gaz.contains("the") {
            bits |= 1 << 1;
            self.known_keys.push(self.lookups.key("the"));
        }
        key.clear();
        for k in skip..w.len() {
            let word = fold(w.start + k).expect("plain");
            let found = if k == skip {
                // Most windows are one word: its key is probed where it
                // lies among the words' keys, not copied.
                probe(probes, &self.lookups, word)
            } else {
                if key.is_empty() {
                    key.push_str(fold(w.start + skip).expect("plain"));
                }
                key.push(' ');
                key.push_str(word);
                probe(probes, &self.lookups, key)
            };
            if let Some(known) = found.key {
                bits |= 1 << (k + 1);
                self.known_keys.push(known);
            }
            if !found.longer {
                break;
            }
        }
        bits
    }

    fn read(&mut self) {
        for i in 0..self.phrases.len() {
            let r = self.phrases[i].clone();
            if self.headlines[self.toks.list[r.start].sentence] {
                let mut ms = self.matches(r);
                for m in ms.drain(..) {
                    self.claim(&m.words, Target::Known(m.key), Evidence::Headline);
                }
                self.give_back(ms);
            } else {
                self.classify(r);
            }
        }
        for i in 0..self.phrases.len() {
            self.cues(i);
        }
        self.propagate_unknown();
    }

    /// Drops the words that open a phrase only because they open a
    /// sentence ("On Sunday", "We"), and leading particles.
    fn strip(&self, mut r: Range<usize>) -> Range<usize> {
        let t = self.toks;
        while r.start < r.end {
            let i = r.start;
            let function =
                t.list[i].initial && t.title_case(i) && words::is(words::FUNCTION_WORDS, t.word(i));
            let particle = !t.list[i].cap() && !t.hyphen_after(i);
            if function || particle {
                r.start += 1;
            } else {
                break;
            }
        }
        r
    }

    /// Known names in words `r`, longest first, left to right. A name does
    /// not start or end with a lower-case particle, and a particle alone
    /// ("Al") is no name.
    fn matches(&mut self, r: Range<usize>) -> Vec<Match> {
        let t = self.toks;
        let mut out = std::mem::take(&mut self.spare_matches);
        let mut i = r.start;
        while i < r.end {
            let mut found = None;
            if t.list[i].cap() {
                for n in (1..=MAX_WORDS.min(r.end - i)).rev() {
                    let w = i..i + n;
                    // Cheap tests first: all must hold.
                    let known = self.known.0[i];
                    let indexed = w.end <= known.end;
                    if indexed && known.bits & (1 << n) == 0 {
                        continue;
                    }
                    if !t.list[w.end - 1].cap() && !t.word(w.end - 1).starts_with(char::is_numeric)
                    {
                        continue;
                    }
                    if n == 1 && words::is_particle_in_any_case(t.word(i)) {
                        continue;
                    }
                    if indexed {
                        let key = self.known_key(known, n);
                        debug_assert_eq!(*key.text, fold_key(t.text(&w)));
                        found = Some(Match { words: w, key });
                        break;
                    }
                    // Fold once: the key is both tested and kept. A lone
                    // word of ASCII letters and digits (most names) is its
                    // text in lower case, as `push_plain_key` writes it.
                    let tok = &t.list[i];
                    if n == 1 && tok.ascii_alphanumeric() {
                        self.folded.clear();
                        push_plain_key(t.word(i), true, tok.title(), &mut self.folded);
                    } else {
                        fold_key_into(t.text(&w), &mut self.folded);
                    }
                    if self.gaz.contains(&self.folded) {
                        let key = self.lookups.key(&self.folded);
                        found = Some(Match { words: w, key });
                        break;
                    }
                }
            }
            match found {
                Some(m) => {
                    i = m.words.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Keeps a match list for the next [`matches`](Self::matches).
    fn give_back(&mut self, mut ms: Vec<Match>) {
        ms.clear();
        self.spare_matches = ms;
    }

    /// The key of window `n` of a word `known` indexes.
    fn known_key(&self, known: KnownFrom, n: usize) -> Rc<Key> {
        let shorter = (known.bits & ((1 << n) - 1)).count_ones();
        self.known_keys[(known.first_key + shorter) as usize].clone()
    }

    fn claim(&mut self, words: &Range<usize>, target: Target, evidence: Evidence) {
        self.claims.push(Claim {
            range: self.toks.span(words),
            words: words.clone(),
            target,
            evidence,
            near: None,
        });
    }

    /// Reads one phrase of an ordinary sentence.
    fn classify(&mut self, r: Range<usize>) {
        let ms = self.matches(r.clone());
        self.classify_with(r, &ms);
        self.give_back(ms);
    }

    /// [`classify`](Self::classify) with the known names `ms` in the phrase.
    fn classify_with(&mut self, r: Range<usize>, ms: &[Match]) {
        // The whole phrase is a known name.
        if let [m] = ms {
            if m.words == r {
                self.claim(&r, Target::Known(m.key.clone()), Evidence::Phrase);
                self.coordinated_direction(&r);
                return;
            }
        }
        // A hyphen between a known name and the rest: "Russia-Ukraine".
        if let Some(b) = self.hyphen_split(&r, ms) {
            self.classify(r.start..b);
            self.classify(b..r.end);
            return;
        }
        if ms.is_empty() {
            // "Androscoggin County": a place noun after unknown words.
            if !self.noun_phrase(&r) {
                self.note_name_words(&r, ms);
            }
            return;
        }
        self.partly_known(r, ms);
    }

    /// Reads a phrase that holds known names but is not one.
    fn partly_known(&mut self, r: Range<usize>, ms: &[Match]) {
        let t = self.toks;
        let (first, last) = (&ms[0], &ms[ms.len() - 1]);
        // "Islamic Republic of Iran".
        if last.words.end == r.end && self.state_form(r.start..last.words.start) {
            let key = last.key.clone();
            if key.info.country {
                self.claim(&r, Target::Known(key), Evidence::Phrase);
                return;
            }
        }
        // "President Emmanuel Macron of France" (but not "Bank of England").
        if last.words.end == r.end && self.of_place(&r, last) {
            let (w, key) = (last.words.clone(), last.key.clone());
            self.claim(&w, Target::Known(key), Evidence::Modifier);
            self.note_name_words(&(r.start..w.start - 1), ms);
            return;
        }
        // "Western Galilee", "Greater Casablanca".
        let compass = (r.start..r.end)
            .take_while(|&i| words::is(words::DIRECTIONS, t.word(i)))
            .count();
        if compass > 0 && last.words == (r.start + compass..r.end) {
            let (w, key) = (last.words.clone(), last.key.clone());
            self.compass_claim(&r, &w, key);
            return;
        }
        // "Galilee Panhandle", "Nasser Hospital", "Kharkiv Oblast".
        if self.noun_phrase(&r) {
            return;
        }
        // "US Secretary of Defense Lloyd Austin", "Kharkiv Governor".
        if first.words.start == r.start && self.opens_title(first.words.end..r.end) {
            let (w, key) = (first.words.clone(), first.key.clone());
            self.claim(&w, Target::Known(key), Evidence::Modifier);
            return;
        }
        self.note_name_words(&r, ms);
    }

    /// If phrase `r` ends in a place noun ("Province", "Refugee Camp"),
    /// claims it as such a place and returns true.
    fn noun_phrase(&mut self, r: &Range<usize>) -> bool {
        let Some((head_end, noun)) = self.noun_tail(r) else {
            return false;
        };
        self.noun_claim(r.start..head_end, r.clone(), noun);
        true
    }

    /// Where to split a phrase at a hyphen that ends or starts a known name
    /// (not after a particle: "Al-Maghazi" stays whole).
    fn hyphen_split(&self, r: &Range<usize>, ms: &[Match]) -> Option<usize> {
        let t = self.toks;
        (r.start + 1..r.end).find(|&b| {
            t.hyphen_after(b - 1)
                && !(r.start..b).all(|i| words::is_particle_in_any_case(t.word(i)))
                && ms.iter().any(|m| m.words.end == b || m.words.start == b)
        })
    }

    /// True if words `r` are the form of a state and "of": "Islamic
    /// Republic of (the)".
    fn state_form(&self, r: Range<usize>) -> bool {
        let t = self.toks;
        !r.is_empty()
            && (r.start..r.end).any(|i| t.word_is(i, "of"))
            && (r.start..r.end).all(|i| {
                words::is(words::STATE_FORMS, t.word(i)) || matches!(t.word(i), "of" | "the")
            })
    }

    /// True if known name `place`, at the end of phrase `r`, is a
    /// well-known place after "of" ("Chuck Schumer of New York"), and what
    /// comes before is no organization ("Bank of England").
    fn of_place(&self, r: &Range<usize>, place: &Match) -> bool {
        let t = self.toks;
        let of = place.words.start.saturating_sub(1);
        if place.words.start < r.start + 2 || !t.word_is(of, "of") {
            return false;
        }
        place.key.info.strong && !words::is(words::ORGANIZATION_HEADS, t.word(of - 1))
    }

    /// A compass word before known words `base`.
    fn compass_claim(&mut self, r: &Range<usize>, base: &Range<usize>, key: Rc<Key>) {
        if key.info.country {
            // "Northern Israel" is a mention of Israel.
            self.claim(base, Target::Known(key), Evidence::Phrase);
            return;
        }
        let name = self.toks.text(r).to_string();
        let target = self.derived(name, key, None);
        self.claim(r, target, Evidence::Phrase);
        self.coordinated_direction(r);
    }

    /// A place named after a known one: known itself if the gazetteer has
    /// the longer name, else derived from it.
    fn derived(&mut self, name: String, base: Rc<Key>, kind: Option<PlaceKind>) -> Target {
        fold_key_into(&name, &mut self.folded);
        if self.gaz.contains(&self.folded) {
            return Target::Known(self.lookups.key(&self.folded));
        }
        let kind = kind.unwrap_or_else(|| match best_kind(&base) {
            Some(PlaceKind::City) => PlaceKind::City,
            Some(PlaceKind::Site) => PlaceKind::Site,
            _ => PlaceKind::Region,
        });
        Target::Derived { name, kind, base }
    }

    /// "the Upper and Western Galilee": the first compass word takes the
    /// place after the second. `r` is the whole phrase "Western Galilee".
    fn coordinated_direction(&mut self, r: &Range<usize>) {
        let t = self.toks;
        if r.start < 2 || r.len() < 2 {
            return;
        }
        let (and, first) = (r.start - 1, r.start - 2);
        let own_compass = words::is(words::DIRECTIONS, t.word(r.start));
        if !own_compass
            || !t.word_is(and, "and")
            || !t.space_after(first)
            || !t.space_after(and)
            || !t.list[first].cap()
            || !words::is(words::DIRECTIONS, t.word(first))
        {
            return;
        }
        let base = t.text(&(r.start + 1..r.end));
        let name = format!("{} {}", t.word(first), base);
        fold_key_into(base, &mut self.folded);
        if !self.gaz.contains(&self.folded) {
            return;
        }
        let base_key = self.lookups.key(&self.folded);
        let target = self.derived(name, base_key, None);
        self.claim(&(first..first + 1), target, Evidence::Phrase);
    }

    /// If the phrase ends in a place noun ("Province", "Refugee Camp"),
    /// where its name part ends, and the noun.
    fn noun_tail(&self, r: &Range<usize>) -> Option<(usize, Noun)> {
        let t = self.toks;
        if r.len() < 2 {
            return None;
        }
        let noun = words::noun(t.word(r.end - 1))?;
        let mut head_end = r.end - 1;
        if head_end - r.start >= 2 && words::is(words::NOUN_MODIFIERS, t.word(head_end - 1)) {
            head_end -= 1;
        }
        Some((head_end, noun))
    }

    /// A name `head` with a place noun: `full` spans both.
    fn noun_claim(&mut self, head: Range<usize>, full: Range<usize>, noun: Noun) {
        let t = self.toks;
        let last = full.end - 1;
        // "Dnipropetrovsk regional (administration)" names the region.
        let name = match words::canonical_noun(t.word(last)) {
            Some(n) => format!("{} {}", t.text(&head), n),
            None => t.text(&full).to_string(),
        };
        fold_key_into(&name, &mut self.folded);
        if self.gaz.contains(&self.folded) {
            let full_key = self.lookups.key(&self.folded);
            self.claim(&full, Target::Known(full_key), Evidence::Cue(noun.kind()));
            return;
        }
        let ms = self.matches(head.clone());
        let whole = matches!(ms.as_slice(), [m] if m.words == head);
        if !whole {
            // "Ramat David air base" is no place called David; but "Gaza
            // Health Ministry hospital" is no place at all.
            if self.opens_with_strong(&head, &ms) {
                self.note_name_words(&full, &ms);
            } else {
                self.unknown_claim(&head, &full, noun, name);
            }
            return;
        }
        let key = ms[0].key.clone();
        let info = key.info;
        // "Al-Quds Hospital": a capitalised noun makes the site's own name.
        let proper = t.list[last].cap();
        match noun {
            Noun::Region | Noun::Division if names_an_area(&key, noun) => {
                // "the Sinai desert" is the Sinai, "the Donbas region" the
                // Donbas, "the Kherson region" the division.
                self.claim(&full, Target::Known(key), Evidence::Cue(noun.kind()));
            }
            Noun::Division | Noun::Region => {
                let target = self.derived(name, key, Some(noun.kind()));
                self.claim(&full, target, Evidence::Cue(noun.kind()));
            }
            Noun::Populated | Noun::Camp => {
                self.claim(&head, Target::Known(key), Evidence::Cue(noun.kind()));
            }
            Noun::Site if info.strong && !proper => {
                self.claim(&head, Target::Known(key), Evidence::Phrase);
            }
            Noun::Site if info.strong && info.own_name => {
                let target = self.derived(name, key, Some(PlaceKind::Site));
                self.claim(&full, target, Evidence::Cue(PlaceKind::Site));
            }
            Noun::Site => self.unknown_claim(&head, &full, noun, name),
        }
    }

    /// True if phrase `r` opens with a well-known place ("Gaza Health
    /// Ministry"): then it is no unknown place's name.
    fn opens_with_strong(&self, r: &Range<usize>, ms: &[Match]) -> bool {
        match ms.first() {
            Some(m) if m.words.start == r.start => m.key.info.strong,
            _ => false,
        }
    }

    /// A place the gazetteer lacks, named `head` and a place noun: `full`
    /// spans both, `full_name` is their name.
    fn unknown_claim(
        &mut self,
        head: &Range<usize>,
        full: &Range<usize>,
        noun: Noun,
        full_name: String,
    ) {
        if !self.could_be_name(head) {
            return;
        }
        let t = self.toks;
        let (name, span) = if noun.keeps_noun() {
            (full_name, full)
        } else {
            let span = if noun == Noun::Camp { full } else { head };
            (t.text(head).to_string(), span)
        };
        let target = Target::Unknown {
            name,
            kind: noun.kind(),
        };
        self.claim(span, target, Evidence::Cue(noun.kind()));
    }

    /// True if words `r` could be the name of a place the gazetteer lacks:
    /// short, capitalised, and no title, month, demonym or adjective.
    fn could_be_name(&self, r: &Range<usize>) -> bool {
        let t = self.toks;
        if r.is_empty() || r.len() > 4 || !t.list[r.start].cap() {
            return false;
        }
        if r.len() == 1 && t.list[r.start].all_caps() && t.word(r.start).len() <= 5 {
            return false;
        }
        let bad_word = |i: usize| {
            let w = t.word(i);
            let entry = words::entry(w);
            entry.is(words::TITLES | words::ADJECTIVES | words::DIRECTIONS)
                || entry.is_calendar()
                || (t.title_case(i) && entry.is(words::FUNCTION_WORDS))
                || is_demonym(self.gaz, w)
        };
        !(r.start..r.end).any(bad_word) && !is_demonym(self.gaz, t.text(r))
    }

    /// True if words `r` (after a place) start with a title, maybe after
    /// filler words: "Secretary of Defense", "Defence Minister".
    fn opens_title(&self, r: Range<usize>) -> bool {
        let t = self.toks;
        for i in r {
            let w = t.word(i);
            if words::is(words::TITLES, w) {
                return true;
            }
            if !words::is(words::TITLE_FILLERS, w) {
                return false;
            }
        }
        false
    }

    /// A phrase that names no place ("Matthew Miller", "Storm Daniel"):
    /// its last word, a surname, is no place on its own elsewhere in the
    /// article either ("Miller said"), unless it is a well-known place.
    fn note_name_words(&mut self, r: &Range<usize>, ms: &[Match]) {
        let last = r.end - 1;
        if r.len() < 2 || r.len() > 4 || !self.toks.title_case(last) {
            return;
        }
        let strong = ms
            .iter()
            .find(|m| m.words.contains(&last))
            .is_some_and(|m| m.key.info.strong);
        if !strong {
            // Most surnames recur: a copy only for a new one.
            let names = &mut self.name_words;
            with_lowercase(self.toks.word(last), |lower| {
                if !names.contains(lower) {
                    names.insert(lower.to_string());
                }
            });
        }
    }

    /// Contexts that make phrase `p` a place: a place noun after it, "the
    /// village of" before it, "a village" or "near Y" after it.
    fn cues(&mut self, p: usize) {
        let t = self.toks;
        let r = self.phrases[p].clone();
        // "Kryvy Rih district", "Al-Maghazi refugee camp", "Zamzam and Abou
        // Shouk displacement camps".
        if let Some((end, noun)) = self.lower_noun_after(r.end) {
            self.noun_claim(r.clone(), r.start..end, noun);
            if t.word(end - 1).ends_with('s') {
                for q in self.listed_before(p) {
                    let q = self.phrases[q].clone();
                    self.noun_claim(q.clone(), q, noun);
                }
            }
        }
        // "the village of X", "the settlements of X, Y and Z".
        if r.start >= 2 && t.word_is(r.start - 1, "of") && t.space_after(r.start - 1) {
            if let Some(noun) =
                words::noun(t.word(r.start - 2)).filter(|_| !t.list[r.start - 2].cap())
            {
                let kind = noun.kind();
                self.cue_claim(r.clone(), kind, None);
                for q in self.listed_after(p) {
                    let q = self.phrases[q].clone();
                    self.cue_claim(q, kind, None);
                }
            }
        }
        // "Martouba, a village about 30 kilometers ..."
        if let Some(noun) = self.apposition(r.end) {
            self.cue_claim(r.clone(), noun.kind(), None);
        }
        // "Kfarjouz near Nabatieh", "Glilot, near Tel Aviv".
        if let Some(near) = self.near_after(r.end) {
            self.cue_claim(r, PlaceKind::City, Some(near));
        }
    }

    /// A lower-case place noun (maybe after a modifier) right after word
    /// `i - 1`: the end of the noun and the noun.
    fn lower_noun_after(&self, i: usize) -> Option<(usize, Noun)> {
        let t = self.toks;
        let next = |k: usize| {
            (k < t.len()
                && t.space_after(k - 1)
                && t.list[k].sentence == t.list[k - 1].sentence
                && !t.list[k].cap())
            .then(|| t.word(k))
        };
        // "the Gaza city of Rafah": a town noun goes with what follows (but
        // "the Tel al-Sultan area of Rafah" is an area called Tel al-Sultan).
        let fits =
            |k: usize, noun: Noun| !(noun == Noun::Populated && k < t.len() && t.word_is(k, "of"));
        // One look-up says whether it is a noun or a modifier.
        let (noun, modifier) = words::noun_or_modifier(next(i)?);
        if let Some(noun) = noun {
            return fits(i + 1, noun).then_some((i + 1, noun));
        }
        if modifier {
            let noun = words::noun(next(i + 1)?)?;
            return fits(i + 2, noun).then_some((i + 2, noun));
        }
        None
    }

    /// Phrases listed before phrase `p` with "and" or commas: "Zamzam and".
    fn listed_before(&self, p: usize) -> Vec<usize> {
        let t = self.toks;
        let mut out = Vec::new();
        let mut cur = p;
        while cur > 0 {
            let prev = cur - 1;
            let (a, b) = (self.phrases[prev].end, self.phrases[cur].start);
            let between = if a < b {
                t.body[t.list[a - 1].range.end..t.list[b].range.start].to_string()
            } else {
                String::new()
            };
            if matches!(between.as_str(), " and " | ", " | ", and ")
                && t.list[a - 1].sentence == t.list[b].sentence
            {
                out.push(prev);
                cur = prev;
            } else {
                break;
            }
        }
        out
    }

    /// Phrases listed after phrase `p`: "X, Y, and Z" (stops at the first
    /// gap that is not a comma or "and").
    fn listed_after(&self, p: usize) -> Vec<usize> {
        let t = self.toks;
        let mut out = Vec::new();
        let mut cur = p;
        while cur + 1 < self.phrases.len() {
            let next = cur + 1;
            let (a, b) = (self.phrases[cur].end, self.phrases[next].start);
            let between = &t.body[t.list[a - 1].range.end..t.list[b].range.start];
            if matches!(between, " and " | ", " | ", and ")
                && t.list[a - 1].sentence == t.list[b].sentence
            {
                out.push(next);
                cur = next;
            } else {
                break;
            }
        }
        out
    }

    /// ", a village", ", an area", ", a strategic area" right after word
    /// `i - 1`.
    fn apposition(&self, i: usize) -> Option<Noun> {
        let t = self.toks;
        if i >= t.len() || !t.comma_after(i - 1) || !(t.word_is(i, "a") || t.word_is(i, "an")) {
            return None;
        }
        for k in i + 1..(i + 4).min(t.len()) {
            if t.list[k].cap() || !t.space_after(k - 1) {
                return None;
            }
            if let Some(noun) = words::noun(t.word(k)) {
                // The noun must end the description: "a village about 30
                // km away", not "a town councillor".
                let ends = k + 1 >= t.len()
                    || !t.space_after(k)
                    || words::is(words::AFTER_PLACE_NOUN, t.word(k + 1));
                return (noun != Noun::Site && ends).then_some(noun);
            }
        }
        None
    }

    /// "near Y" (maybe after a comma) right after word `i - 1`, Y a known
    /// place: Y's key.
    fn near_after(&mut self, i: usize) -> Option<Rc<Key>> {
        let t = self.toks;
        if i + 1 >= t.len()
            || !(t.space_after(i - 1) || t.comma_after(i - 1))
            || !t.word_is(i, "near")
        {
            return None;
        }
        // "in Glilot, near Tel Aviv" (not "clashes with Hamas near Jenin").
        let p = self.phrases.partition_point(|q| q.end < i);
        let before = self
            .phrases
            .get(p)
            .filter(|q| q.end == i)?
            .start
            .checked_sub(1)?;
        if !words::is(words::LOCATIVE, t.word(before)) || t.list[before].cap() {
            return None;
        }
        let q = self.phrases.partition_point(|q| q.start < i + 1);
        let r = self.phrases.get(q).filter(|q| q.start == i + 1)?.clone();
        let ms = self.matches(r.clone());
        let key = match ms.as_slice() {
            [m] if m.words == r => Some(m.key.clone()),
            _ => None,
        };
        self.give_back(ms);
        key
    }

    /// A phrase a context marks as a place of `kind`: known, or kept as an
    /// unknown place.
    fn cue_claim(&mut self, r: Range<usize>, kind: PlaceKind, near: Option<Rc<Key>>) {
        let ms = self.matches(r.clone());
        let target = match ms.as_slice() {
            [m] if m.words == r => Target::Known(m.key.clone()),
            _ if !self.opens_with_strong(&r, &ms) && self.could_be_name(&r) => Target::Unknown {
                name: self.toks.text(&r).to_string(),
                kind,
            },
            _ => return,
        };
        self.claims.push(Claim {
            range: self.toks.span(&r),
            words: r,
            target,
            evidence: Evidence::Cue(kind),
            near,
        });
    }

    /// Other mentions of places the gazetteer lacks: once "the Zamzam
    /// camp" is a place, so is "Zamzam".
    fn propagate_unknown(&mut self) {
        let mut bare: FxHashMap<String, Claim> = FxHashMap::default();
        for c in &self.claims {
            if let Target::Unknown { name, .. } = &c.target {
                let words: Vec<&str> = name.split(' ').collect();
                let stem = match words.last().and_then(|w| words::noun(w)) {
                    Some(n) if n.keeps_noun() && words.len() > 1 => {
                        words[..words.len() - 1].join(" ")
                    }
                    _ => name.clone(),
                };
                bare.entry(fold_key(&stem)).or_insert_with(|| c.clone());
            }
        }
        if bare.is_empty() {
            return;
        }
        for r in self.phrases.clone() {
            let span = self.toks.span(&r);
            if self.claims.iter().any(|c| overlaps(&c.range, &span)) {
                continue;
            }
            if let Some(c) = bare.get(&fold_key(self.toks.text(&r))) {
                self.claims.push(Claim {
                    range: span,
                    words: r,
                    ..c.clone()
                });
            }
        }
    }

    /// The claims that stand: not inside an actor's name, not overlapping a
    /// longer claim, and with the support their evidence needs.
    fn accepted(mut self, actors: &ActorSpans) -> (Vec<Claim>, Lookups) {
        let mut claims = std::mem::take(&mut self.claims);
        claims.retain(|c| {
            // Being strong only spares a claim some span holds: most claims
            // are in no actor's name, and need no look-up.
            if !actors.blocks(c, false) {
                return true;
            }
            let strong = match &c.target {
                Target::Known(key) => key.info.strong,
                _ => false,
            };
            !actors.blocks(c, strong)
        });
        // Longest first at each start; cues before bare phrases.
        claims.sort_by_key(|c| {
            (
                c.range.start,
                std::cmp::Reverse(c.range.end),
                !matches!(c.evidence, Evidence::Cue(_)),
            )
        });
        let mut kept: Vec<Claim> = Vec::with_capacity(claims.len());
        for c in claims {
            // Kept claims are disjoint and in order, so the last ends
            // furthest: only it can overlap a claim starting after them all.
            if kept.last().is_some_and(|k| overlaps(&k.range, &c.range)) {
                continue;
            }
            if self.supported(&c) {
                kept.push(c);
            }
        }
        (kept, self.lookups)
    }

    /// The context-free checks of a claim (the article's countries are
    /// checked when resolving).
    fn supported(&self, c: &Claim) -> bool {
        // Only a known target has a key, and its info.
        let Target::Known(key) = &c.target else {
            return true;
        };
        let info = key.info;
        let t = self.toks;
        let (first, single) = (c.words.start, c.words.len() == 1);
        let word = &t.body[c.range.clone()];
        if single {
            let entry = words::entry(word);
            let never = entry.is(words::DIRECTIONS | words::PARTICLES | words::ADJECTIVES)
                || entry.is_calendar();
            if never || is_demonym(self.gaz, word) {
                return false;
            }
            let tok = &t.list[first];
            if tok.all_caps()
                && word.chars().filter(|c| c.is_alphabetic()).count() <= 5
                && !info.curated
            {
                return false;
            }
            let name_word = || with_lowercase(word, |lower| self.name_words.contains(lower));
            if !(info.country || info.curated) && name_word() {
                return false;
            }
            if info.common && !info.curated && !matches!(c.evidence, Evidence::Cue(_)) {
                let after_preposition = first > 0
                    && t.space_after(first - 1)
                    && words::is(words::LOCATIVE, t.word(first - 1));
                if tok.initial || !after_preposition || c.evidence == Evidence::Headline {
                    return false;
                }
            }
        }
        match c.evidence {
            Evidence::Modifier | Evidence::Headline => info.strong,
            _ => true,
        }
    }
}

/// Buffers `Reader::index_known` reuses from phrase to phrase, and the
/// thread from text to text.
#[derive(Default)]
struct KeyScratch {
    /// The keys of a phrase's words, one after another.
    buf: String,
    /// Where each word's key lies in `buf`.
    spans: Vec<Option<Range<usize>>>,
    /// The key being grown.
    key: String,
}

thread_local! {
    static KEY_SCRATCH: RefCell<KeyScratch> = RefCell::new(KeyScratch::default());
}

/// The phrase words and key bytes [`KeyScratch`] keeps room for: memory
/// stays flat whatever one text holds.
const KEY_SCRATCH_WORDS: usize = 256;
const KEY_SCRATCH_BYTES: usize = 4096;

impl KeyScratch {
    /// Lets go of the room one long phrase took.
    fn limit(&mut self) {
        if self.spans.capacity() > KEY_SCRATCH_WORDS
            || self.buf.capacity() + self.key.capacity() > KEY_SCRATCH_BYTES
        {
            *self = KeyScratch::default();
        }
    }
}

/// Appends the key of `word` (see [`fold_key`]) to `out` and returns true
/// if it is plain ASCII letters and digits; else returns false (and `out`
/// may hold part of it). `ascii_alphanumeric` and `title_case`: the word
/// is ASCII letters and digits only, written "Like" this (as its token
/// says).
#[inline]
fn push_plain_key(
    word: &str,
    ascii_alphanumeric: bool,
    title_case: bool,
    out: &mut String,
) -> bool {
    let start = out.len();
    if !ascii_alphanumeric {
        return push_other_plain_key(word, out);
    }
    // Nearly every word, written in place: its key is its text in lower
    // case, and a word written "Like" this has only its first letter to
    // lower.
    if title_case {
        out.push(char::from(word.as_bytes()[0].to_ascii_lowercase()));
        out.push_str(&word[1..]);
    } else {
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    }
    out.len() > start
}

/// [`push_plain_key`] for a word that is not ASCII letters and digits
/// only.
#[inline(never)]
fn push_other_plain_key(word: &str, out: &mut String) -> bool {
    let start = out.len();
    if word.is_ascii() {
        for b in word.bytes() {
            match b {
                // Vanish, as in fold_key.
                b'\'' | b'`' | b'.' => {}
                b if b.is_ascii_alphanumeric() => out.push(char::from(b.to_ascii_lowercase())),
                _ => return false,
            }
        }
    } else {
        let key = fold_key(word);
        if !key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return false;
        }
        out.push_str(&key);
    }
    out.len() > start
}

/// Sentences written in title case: headlines, where every word is
/// capitalised ("Toll In Dnipro Due To Russian Strike Rises"). A line that
/// is one long name ("Maghreb Arab News Agency") is not one.
fn headline_sentences(toks: &Tokens, text: &Text) -> Vec<bool> {
    let count = toks.list.last().map_or(0, |t| t.sentence + 1);
    let mut headlines = vec![false; count];
    // Words come sentence by sentence: each sentence's words are one run.
    let mut first = 0;
    while first < toks.len() {
        let s = toks.list[first].sentence;
        // Its words; capitalised long words, and long words.
        let (mut len, mut caps, mut long) = (0, 0, 0);
        for tok in toks.list[first..]
            .iter()
            .take_while(|tok| tok.sentence == s)
        {
            len += 1;
            if tok.long() {
                long += 1;
                caps += usize::from(tok.cap());
            }
        }
        let run = &toks.list[first..first + len];
        // A capitalised function word inside it: asked only of the few
        // sentences the counts leave in doubt.
        let function_word_inside = || {
            run.iter().enumerate().any(|(k, tok)| {
                !tok.initial
                    && tok.title()
                    && words::is(words::FUNCTION_WORDS, toks.word(first + k))
            })
        };
        // The dearest test last.
        let ends_stop = || {
            text.sentences
                .get(s)
                .is_some_and(|r| text.body[r.clone()].trim_end().ends_with('.'))
        };
        headlines[s] = long >= 3
            && caps * 4 >= long * 3
            && (long >= 6 || function_word_inside())
            && !ends_stop();
        first += len;
    }
    headlines
}

fn key_info(gaz: &Gazetteer, key: &str, cands: &[(PlaceId, MatchKind, Brief)]) -> KeyInfo {
    let mut info = KeyInfo {
        common: gaz.is_common_word(key),
        ..KeyInfo::default()
    };
    for &(_, how, p) in cands {
        info.country |= p.kind == PlaceKind::Country;
        info.curated |= how == MatchKind::Curated;
        info.own_name |= how != MatchKind::Alternate;
        info.strong |= match (p.kind, how) {
            (PlaceKind::Country, _) | (_, MatchKind::Curated) => true,
            (PlaceKind::City, MatchKind::Alternate) => p.population >= 10 * BIG_CITY,
            (PlaceKind::City, _) => p.population >= BIG_CITY,
            (_, MatchKind::Name) => true,
            _ => false,
        };
    }
    info
}

/// The kind of the place `key` most likely names, read without context
/// (as [`Gazetteer::best`] would choose it).
fn best_kind(key: &Key) -> Option<PlaceKind> {
    let id = gazetteer::best_of(&key.candidates, &[])?;
    key.candidates
        .iter()
        .find(|c| c.0 == id)
        .map(|&(_, _, p)| p.kind)
}

/// True if `key` names an area that the noun only repeats: a region for a
/// region noun; a country, division or region for a division's.
fn names_an_area(key: &Key, noun: Noun) -> bool {
    let kind = best_kind(key);
    match noun {
        Noun::Region => kind == Some(PlaceKind::Region),
        _ => matches!(
            kind,
            Some(PlaceKind::Region | PlaceKind::Admin | PlaceKind::Country)
        ),
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The byte spans of the organizations and people in the article.
struct ActorSpans {
    organizations: Vec<Range<usize>>,
    people: Vec<Range<usize>>,
    /// Every span's start, in order, with the furthest end a span starting
    /// there or before reaches: most claims lie in no actor's name, and
    /// this tells so without reading the lists.
    reach: Vec<(usize, usize)>,
}

impl ActorSpans {
    fn new(text: &Text, actors: &[Actor]) -> Self {
        // Each list sized once for all its mentions, not grown actor by actor.
        let mentions = |kind: &str| -> usize {
            actors
                .iter()
                .filter(|a| a.kind == kind)
                .map(|a| a.mentions.len())
                .sum()
        };
        let mut spans = ActorSpans {
            organizations: Vec::with_capacity(mentions("organization")),
            people: Vec::with_capacity(mentions("person")),
            reach: Vec::new(),
        };
        // One pass over the actors, each mention's span converted once.
        for a in actors {
            let list = match a.kind.as_str() {
                "organization" => &mut spans.organizations,
                "person" => &mut spans.people,
                _ => continue,
            };
            list.extend(a.mentions.iter().map(|m| text.byte_range(m.span)));
        }
        spans.reach = furthest_reach(spans.organizations.iter().chain(&spans.people));
        spans
    }

    /// True if the claim lies in an organization's name, or in a person's
    /// (where only a place opening a title counts). A well-known place that
    /// is the whole name was taken for an actor ("Tel Aviv said"): it stays.
    fn blocks(&self, c: &Claim, strong: bool) -> bool {
        if !reaches_over(&self.reach, &c.range) {
            return false;
        }
        let inside = |b: &Range<usize>| {
            b.start <= c.range.start && c.range.end <= b.end && !(strong && *b == c.range)
        };
        self.organizations.iter().any(inside)
            || (c.evidence != Evidence::Modifier && self.people.iter().any(inside))
    }
}

/// The starts of `spans`, in order, each with the furthest end of the
/// spans starting there or before.
fn furthest_reach<'s>(spans: impl Iterator<Item = &'s Range<usize>>) -> Vec<(usize, usize)> {
    let mut reach: Vec<(usize, usize)> = spans.map(|b| (b.start, b.end)).collect();
    reach.sort_unstable();
    let mut furthest = 0;
    for (_, end) in &mut reach {
        furthest = furthest.max(*end);
        *end = furthest;
    }
    reach
}

/// False when no span of a [`furthest_reach`] list holds all of `r`.
fn reaches_over(reach: &[(usize, usize)], r: &Range<usize>) -> bool {
    let before = reach.partition_point(|&(start, _)| start <= r.start);
    before > 0 && reach[before - 1].1 >= r.end
}

// ---------------------------------------------------------------------------
// Resolving claims into locations
// ---------------------------------------------------------------------------

/// The article's geography: what its well-known names say about where the
/// story is. A name is no evidence for itself: "Tripoli" does not pull
/// Tripoli to Libya, "Lisbon" not to Portugal.
struct Resolver {
    /// For each well-known key: the country of the place it names, and the
    /// place's admin1 code when it is a division.
    learned: Vec<(Rc<Key>, &'static str, Option<&'static str>)>,
    lookups: Lookups,
    /// What each key resolved to, once `learned` is final.
    resolved: Vec<(Rc<Key>, Option<Choice>)>,
    /// The context a key is read in, refilled for each key.
    context: Context,
}

/// The countries and divisions (country, admin1) a name is read among.
#[derive(Default)]
struct Context {
    countries: Vec<&'static str>,
    divisions: Vec<(&'static str, &'static str)>,
}

impl Context {
    fn has_country(&self, cc: Option<&str>) -> bool {
        cc.is_some_and(|cc| self.countries.contains(&cc))
    }

    fn has_division(&self, cc: &str, admin1: &str) -> bool {
        self.divisions.iter().any(|&(c, a)| c == cc && a == admin1)
    }
}

/// What makes two resolved claims one location: a gazetteer place, or a
/// place it lacks by its folded name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity {
    Place(PlaceId),
    Name(String),
}

/// The place a key names, how it names it, and the place's brief (taken
/// from the key's candidates: no row is read twice).
type Choice = (PlaceId, MatchKind, Brief<'static>);

/// A claim resolved to a place: what its [`Location`] is built from, once
/// per place (most places are claimed more than once).
struct Resolved<'c> {
    /// Identity within the article.
    identity: Identity,
    /// The gazetteer place its coordinates and country come from.
    place: Option<Rc<Place>>,
    /// Its name, when not the gazetteer place's own.
    name: Option<&'c str>,
    kind: PlaceKind,
    /// The country of a place the gazetteer lacks.
    country: Option<String>,
    /// The gazetteer place itself, not a place named after it.
    in_gazetteer: bool,
}

impl Resolved<'_> {
    fn country_code(&self) -> Option<&str> {
        match &self.place {
            Some(p) => p.country_code.as_deref(),
            None => self.country.as_deref(),
        }
    }

    fn has_coordinates(&self) -> bool {
        self.place.as_ref().is_some_and(|p| p.latitude.is_some())
    }

    fn location(&self) -> Location {
        let place = self.place.as_deref();
        let name = match (self.name, place) {
            (Some(name), _) => name.to_string(),
            (None, Some(p)) => p.name.clone(),
            (None, None) => unreachable!("a place the gazetteer lacks has its own name"),
        };
        Location {
            name,
            kind: self.kind.as_str().to_string(),
            country_code: self.country_code().map(str::to_string),
            latitude: place.and_then(|p| p.latitude),
            longitude: place.and_then(|p| p.longitude),
            geonames_id: place
                .filter(|_| self.in_gazetteer)
                .and_then(|p| p.geonames_id),
            aliases: Vec::new(),
            mentions: Vec::new(),
        }
    }
}

impl Resolver {
    fn new(lookups: Lookups, claims: &[Claim]) -> Self {
        // The lists hold at most a key per claim: sized once.
        let mut r = Resolver {
            learned: Vec::with_capacity(claims.len()),
            lookups,
            resolved: Vec::with_capacity(claims.len()),
            context: Context::default(),
        };
        let mut keys: Vec<&Rc<Key>> = Vec::with_capacity(claims.len());
        for c in claims {
            let key = match &c.target {
                Target::Known(k) => k,
                Target::Derived { base, .. } => base,
                Target::Unknown { .. } => continue,
            };
            if key.info.strong && !keys.iter().any(|k| k.text == key.text) {
                keys.push(key);
                r.learn_from(key);
            }
        }
        // Read once more, each name in the others' light: "Georgia" among
        // "Atlanta" and "Texas" is the state, and says so.
        let mut relearned = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some((_, _, p)) = r.resolve_in_context(key) {
                if let Some(cc) = p.country_code {
                    let division = (p.kind == PlaceKind::Admin).then_some(p.admin1).flatten();
                    relearned.push((key.clone(), cc, division));
                }
            }
        }
        r.learned = relearned;
        r
    }

    /// Notes the country (and division) a well-known name stands for, read
    /// without context. A country's name that is also a division elsewhere
    /// ("Georgia") tells nothing.
    fn learn_from(&mut self, key: &Rc<Key>) {
        let Some((_, _, p)) = resolve_in(key, &Context::default()) else {
            return;
        };
        let Some(cc) = p.country_code else {
            return;
        };
        if key.info.country {
            let divisions_elsewhere = key.candidates.iter().any(|&(_, how, q)| {
                how != MatchKind::Alternate
                    && q.kind == PlaceKind::Admin
                    && q.country_code != Some(cc)
            });
            if divisions_elsewhere {
                return;
            }
        }
        let division = (p.kind == PlaceKind::Admin).then_some(p.admin1).flatten();
        self.learned.push((key.clone(), cc, division));
    }

    /// The place `key` names read in what the other names say (the
    /// context is refilled in place: no new lists for each key).
    fn resolve_in_context(&mut self, key: &Key) -> Option<Choice> {
        let ctx = &mut self.context;
        ctx.countries.clear();
        ctx.divisions.clear();
        for (k, cc, division) in &self.learned {
            if k.text == key.text {
                continue;
            }
            if !ctx.countries.contains(cc) {
                ctx.countries.push(cc);
            }
            if let Some(a1) = division {
                if !ctx.has_division(cc, a1) {
                    ctx.divisions.push((cc, a1));
                }
            }
        }
        resolve_in(key, ctx)
    }

    /// The place a key names here. A weak key (small towns) must lie in one
    /// of the article's countries.
    fn resolve(&mut self, key: &Rc<Key>) -> Option<PlaceId> {
        self.resolve_how(key).map(|(id, _, _)| id)
    }

    /// As [`resolve`](Self::resolve), with how the key names the place.
    fn resolve_how(&mut self, key: &Rc<Key>) -> Option<Choice> {
        // An article has a few keys, each shared by its claims: found by
        // address (a copy of the same text would only resolve again, alike).
        if let Some((_, found)) = self.resolved.iter().find(|(k, _)| Rc::ptr_eq(k, key)) {
            return *found;
        }
        let found = self.resolve_in_context(key);
        self.resolved.push((key.clone(), found));
        found
    }

    fn locations<'c>(mut self, text: &Text<'c>, claims: &'c [Claim]) -> Vec<Location> {
        // Known places first: unknown ones take their country from them.
        let mut resolved: Vec<Option<Resolved>> = claims.iter().map(|_| None).collect();
        for (i, c) in claims.iter().enumerate() {
            resolved[i] = match &c.target {
                Target::Known(key) => self.known(key, c, text),
                Target::Derived { name, kind, base } => self.derived(name, *kind, base),
                Target::Unknown { .. } => None,
            };
        }
        for (i, c) in claims.iter().enumerate() {
            if resolved[i].is_none() {
                let fallback = match (&c.target, c.evidence) {
                    (Target::Unknown { name, kind }, _)
                    | (Target::Derived { name, kind, .. }, _) => Some((name.as_str(), *kind)),
                    (Target::Known(_), Evidence::Cue(kind)) => {
                        Some((&text.body[c.range.clone()], kind))
                    }
                    _ => None,
                };
                if let Some((name, kind)) = fallback {
                    let cc = self.country_near(text, i, claims, &resolved);
                    resolved[i] = Some(unknown_place(name, kind, cc));
                }
            }
        }
        merge(text, claims, resolved)
    }

    fn known<'c>(&mut self, key: &Rc<Key>, c: &Claim, text: &Text<'c>) -> Option<Resolved<'c>> {
        let info = key.info;
        if !info.strong && matches!(c.evidence, Evidence::Modifier | Evidence::Headline) {
            return None;
        }
        let (id, how, _) = self.resolve_how(key)?;
        let p = self.lookups.place(id);
        // A village known by one of its many alternate names is called as
        // the article calls it.
        let name =
            (how == MatchKind::Alternate && !info.strong).then(|| &text.body[c.range.clone()]);
        Some(Resolved {
            identity: Identity::Place(id),
            kind: p.kind,
            place: Some(p),
            name,
            country: None,
            in_gazetteer: true,
        })
    }

    fn derived<'c>(
        &mut self,
        name: &'c str,
        kind: PlaceKind,
        base: &Rc<Key>,
    ) -> Option<Resolved<'c>> {
        let id = self.resolve(base)?;
        Some(Resolved {
            identity: Identity::Name(fold_key(name)),
            place: Some(self.lookups.place(id)),
            name: Some(name),
            kind,
            country: None,
            in_gazetteer: false,
        })
    }

    /// The country of a place the gazetteer lacks: that of the place it is
    /// near, else of the closest known place in its sentence, else the
    /// article's main country when one stands out.
    fn country_near(
        &mut self,
        text: &Text,
        i: usize,
        claims: &[Claim],
        resolved: &[Option<Resolved>],
    ) -> Option<String> {
        if let Some(near) = &claims[i].near {
            if let Some((_, _, p)) = self.resolve_how(near) {
                return p.country_code.map(str::to_string);
            }
        }
        // The closest place of its sentence, a town or division before a
        // country ("a camp outside El Fasher, on the border with Chad").
        let here = claims[i].range.start;
        let sentence = text.sentence_at(here);
        let mut closest: Option<(bool, usize, String)> = None;
        for (j, r) in resolved.iter().enumerate() {
            let Some(r) = r else { continue };
            let Some(cc) = r.country_code() else {
                continue;
            };
            let at = claims[j].range.start;
            if !r.has_coordinates() || text.sentence_at(at) != sentence {
                continue;
            }
            let rank = (r.kind == PlaceKind::Country, at.abs_diff(here));
            if closest.as_ref().is_none_or(|(c, d, _)| rank < (*c, *d)) {
                closest = Some((rank.0, rank.1, cc.to_string()));
            }
        }
        if let Some((_, _, cc)) = closest {
            return Some(cc);
        }
        main_country(resolved)
    }
}

/// The place `key` names read among the countries and divisions of `ctx`.
fn resolve_in(key: &Key, ctx: &Context) -> Option<Choice> {
    let (info, cands) = (key.info, &key.candidates);
    if info.country || info.curated {
        // The candidates are at hand: not looked up again.
        let id = gazetteer::best_of(cands, &ctx.countries)?;
        // The best is one of the candidates.
        return cands.iter().find(|c| c.0 == id).copied();
    }
    // A division gives way to the town of its name inside it ("Sao Paulo"
    // is the city; "Sao Paulo state" the division).
    let has_town_in = |(cc, admin1): (Option<&str>, Option<&str>)| {
        cands
            .iter()
            .any(|c| c.2.kind == PlaceKind::City && c.2.country_code == cc && c.2.admin1 == admin1)
    };
    let mut best: Option<(f64, Choice)> = None;
    for (id, how, p) in cands.iter() {
        let in_country = ctx.has_country(p.country_code);
        if !info.strong && !in_country {
            continue;
        }
        if p.kind == PlaceKind::Admin && has_town_in((p.country_code, p.admin1)) {
            continue;
        }
        let mut score = p.population.max(1) as f64;
        if in_country {
            score *= COUNTRY_BOOST;
        }
        let in_division = match (p.country_code, p.admin1) {
            (Some(cc), Some(a1)) => ctx.has_division(cc, a1),
            _ => false,
        };
        if in_division && p.kind != PlaceKind::Admin {
            score *= DIVISION_BOOST;
        }
        if p.kind == PlaceKind::Admin {
            score *= 0.25;
        }
        if *how == MatchKind::Alternate {
            score *= 0.1;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, (*id, *how, *p)));
        }
    }
    best.map(|(_, choice)| choice)
}

/// The country most of the article's places lie in, when one stands out.
fn main_country(resolved: &[Option<Resolved>]) -> Option<String> {
    // Ranked by count, then code: the map's order does not matter.
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for r in resolved.iter().flatten() {
        if let Some(cc) = r.country_code() {
            *counts.entry(cc).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|&(cc, n)| (std::cmp::Reverse(n), cc));
    match ranked.as_slice() {
        [(cc, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(_, m)| m < n) => {
            Some(cc.to_string())
        }
        _ => None,
    }
}

fn unknown_place(name: &str, kind: PlaceKind, country: Option<String>) -> Resolved<'_> {
    Resolved {
        identity: Identity::Name(fold_key(name)),
        place: None,
        name: Some(name),
        kind,
        country,
        in_gazetteer: false,
    }
}

/// One location per place, its mentions in text order, other spellings as
/// aliases.
fn merge(text: &Text, claims: &[Claim], resolved: Vec<Option<Resolved>>) -> Vec<Location> {
    let mut order: Vec<(usize, Resolved)> = Vec::with_capacity(resolved.len());
    order.extend(
        resolved
            .into_iter()
            .enumerate()
            .filter_map(|(i, r)| r.map(|r| (i, r))),
    );
    order.sort_by_key(|(i, _)| claims[*i].range.start);
    let mut index: FxHashMap<Identity, usize> =
        FxHashMap::with_capacity_and_hasher(order.len(), Default::default());
    let mut out: Vec<Location> = Vec::with_capacity(order.len());
    // Each claim's location first, so that each location's mentions are
    // allocated once, at their number, not grown claim by claim.
    let mut placed: Vec<(usize, usize)> = Vec::with_capacity(order.len());
    for (i, r) in order {
        let at = match index.get(&r.identity) {
            Some(&at) => at,
            None => {
                out.push(r.location());
                index.insert(r.identity, out.len() - 1);
                out.len() - 1
            }
        };
        placed.push((i, at));
    }
    for (at, loc) in out.iter_mut().enumerate() {
        let mentions = placed.iter().filter(|&&(_, a)| a == at).count();
        loc.mentions.reserve_exact(mentions);
    }
    for (i, at) in placed {
        let loc = &mut out[at];
        let range = claims[i].range.clone();
        let surface = &text.body[range.clone()];
        if surface != loc.name && !loc.aliases.iter().any(|a| a == surface) {
            loc.aliases.push(surface.to_string());
        }
        loc.mentions.push(text.mention(range));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Mention, Span};

    #[test]
    fn a_span_reaches_over_a_range_when_one_of_the_spans_holds_it() {
        let mut seed = 3;
        let mut next = |n: u64| {
            crate::extract::text::step_random(&mut seed);
            ((seed >> 33) % n) as usize
        };
        for _ in 0..5000 {
            let spans: Vec<Range<usize>> = (0..next(6))
                .map(|_| {
                    let start = next(30);
                    start..start + next(10)
                })
                .collect();
            let reach = furthest_reach(spans.iter());
            let start = next(40);
            let r = start..start + next(8);
            let held = spans.iter().any(|b| b.start <= r.start && r.end <= b.end);
            assert_eq!(reaches_over(&reach, &r), held, "{spans:?} {r:?}");
        }
    }

    fn places(body: &str) -> Vec<Location> {
        places_with(body, &[])
    }

    fn places_with(body: &str, actors: &[Actor]) -> Vec<Location> {
        let text = Text::new(body);
        let found = extract(&text, actors);
        // Every mention is the body's text at its span.
        let chars: Vec<char> = body.chars().collect();
        for loc in &found {
            for m in &loc.mentions {
                let at: String = chars[m.span.start..m.span.end].iter().collect();
                assert_eq!(at, m.text, "{}", loc.name);
            }
        }
        found
    }

    fn names(found: &[Location]) -> Vec<&str> {
        found.iter().map(|l| l.name.as_str()).collect()
    }

    fn find<'a>(found: &'a [Location], name: &str) -> &'a Location {
        found
            .iter()
            .find(|l| l.name == name)
            .unwrap_or_else(|| panic!("{name} not in {:?}", names(found)))
    }

    fn organization(body: &str, name: &str) -> Actor {
        let start = body.find(name).unwrap();
        let span = Span {
            start: body[..start].chars().count(),
            end: body[..start].chars().count() + name.chars().count(),
        };
        Actor {
            name: name.to_string(),
            kind: "organization".to_string(),
            title: None,
            affiliation: None,
            aliases: Vec::new(),
            mentions: vec![Mention {
                span,
                text: name.to_string(),
            }],
        }
    }

    #[test]
    fn an_ambiguous_name_follows_the_article_s_countries() {
        let lebanon = places("Shelling hit Tripoli overnight, officials in Lebanon said.");
        assert_eq!(
            find(&lebanon, "Tripoli").country_code.as_deref(),
            Some("LB")
        );
        let libya = places("Militias clashed in Tripoli as Libya's rival governments met.");
        let tripoli = find(&libya, "Tripoli");
        assert_eq!(tripoli.country_code.as_deref(), Some("LY"));
        assert!(tripoli.latitude.is_some() && tripoli.geonames_id.is_some());
    }

    #[test]
    fn a_small_town_needs_its_country_in_the_article() {
        // "Ismail" and "Antony" are towns somewhere; here they are first names.
        let found = places("Ismail spoke to Antony by phone about Gaza.");
        assert_eq!(names(&found), vec!["Gaza Strip"]);
    }

    #[test]
    fn capitalised_common_words_are_left_alone() {
        let found = places(
            "Police said the blast hit Beirut. Over the weekend the Post report was denied. \
             Time is running out, he said in May.",
        );
        assert_eq!(names(&found), vec!["Beirut"]);
    }

    #[test]
    fn words_of_a_person_s_name_are_not_places() {
        let found = places(
            "Spokesman Matthew Miller spoke in Washington. Miller said Sullivan agreed. \
             National security adviser Jake Sullivan left.",
        );
        assert_eq!(names(&found), vec!["Washington"]);
    }

    #[test]
    fn a_place_missing_from_the_gazetteer_is_kept_without_coordinates() {
        let found =
            places("A drone struck the village of Xyzabad near Tyre on Monday. Xyzabad was empty.");
        let village = find(&found, "Xyzabad");
        assert_eq!(village.kind, "city");
        assert_eq!(village.country_code.as_deref(), Some("LB"));
        assert_eq!((village.latitude, village.geonames_id), (None, None));
        assert_eq!(village.mentions.len(), 2);
        assert!(names(&found).contains(&"Tyre"));

        let camps = places(
            "Fighters shelled El Fasher and the Qwerzam and Abou Plonk displacement camps in Sudan.",
        );
        let camp = find(&camps, "Abou Plonk");
        assert_eq!(
            (camp.kind.as_str(), camp.country_code.as_deref()),
            ("site", Some("SD"))
        );
        assert!(names(&camps).contains(&"Qwerzam"));
    }

    #[test]
    fn demonyms_are_not_places() {
        let found = places("Israeli jets and Lebanese troops traded fire; Palestinians fled.");
        assert!(found.is_empty(), "{:?}", names(&found));
    }

    #[test]
    fn a_place_inside_an_organization_s_name_does_not_count() {
        let body = "The Khyber Pakhtunkhwa Police said the US Geological Survey saw no quake.";
        let police = organization(body, "Khyber Pakhtunkhwa Police");
        let found = places_with(body, &[police]);
        assert!(found.is_empty(), "{:?}", names(&found));
        // Without the actor, the shape of the phrase still tells.
        let found = places("Staff of the Kharkiv Polytechnic Institute met Iron Dome crews.");
        assert!(found.is_empty(), "{:?}", names(&found));
    }

    #[test]
    fn a_country_as_modifier_counts() {
        let found = places("Iran-backed groups cheered at a pro-Israel rally.");
        assert_eq!(names(&found), vec!["Iran", "Israel"]);
        let found = places("He met US Secretary of Defense Lloyd Austin and the Kharkiv governor.");
        assert_eq!(names(&found), vec!["United States", "Kharkiv"]);
        let found = places("Talks on the Russia-Ukraine war resumed.");
        assert_eq!(names(&found), vec!["Russia", "Ukraine"]);
    }

    #[test]
    fn one_place_is_one_location_whatever_its_spelling() {
        let found =
            places("Strikes on Gaza went on. The Gaza Strip has no power, Gaza officials said.");
        assert_eq!(names(&found), vec!["Gaza Strip"]);
        let strip = &found[0];
        assert_eq!(strip.mentions.len(), 3);
        assert_eq!(strip.aliases, vec!["Gaza"]);
    }

    #[test]
    fn compass_words_and_place_nouns_make_new_names() {
        let found =
            places("Sirens sounded in the Upper and Western Galilee and in Kharkiv district.");
        let upper = find(&found, "Upper Galilee");
        assert_eq!(upper.mentions[0].text, "Upper");
        assert_eq!(upper.country_code.as_deref(), Some("IL"));
        assert!(upper.latitude.is_some() && upper.geonames_id.is_none());
        assert!(names(&found).contains(&"Western Galilee"));
        assert_eq!(find(&found, "Kharkiv district").kind, "admin");
    }

    #[test]
    fn title_case_headlines_keep_only_well_known_places() {
        let found = places("Toll In Dnipro Due To Missile Strike Still Rises\nMore died.");
        assert_eq!(names(&found), vec!["Dnipro"]);
    }

    #[test]
    fn divisions_named_in_the_article_settle_small_towns() {
        let found = places("Police in Maine searched Lisbon and Lewiston for the gunman.");
        assert_eq!(find(&found, "Lisbon").country_code.as_deref(), Some("US"));
    }

    #[test]
    fn a_name_reads_in_the_light_of_the_others() {
        let found = places("The Georgia governor spoke in Atlanta. Savannah and Texas agreed.");
        let georgia = find(&found, "Georgia");
        assert_eq!(
            (georgia.kind.as_str(), georgia.country_code.as_deref()),
            ("admin", Some("US"))
        );
        // Savannah, Georgia, not a namesake in Texas.
        assert!(find(&found, "Savannah").latitude.unwrap() < 32.5);
        let found = places("Georgia and Armenia signed a deal in Tbilisi.");
        assert_eq!(find(&found, "Georgia").kind, "country");
    }

    #[test]
    fn of_and_place_nouns_read_the_right_way() {
        let found = places("President Jean Dupont of France visited the Bank of England.");
        assert_eq!(names(&found), vec!["France"]);
        let found = places("Troops entered the southern Gaza city of Rafah and the Sinai desert.");
        assert_eq!(names(&found), vec!["Gaza Strip", "Rafah", "Sinai"]);
        let found = places("Tanks shelled the Tel Qwerty area of Rafah.");
        assert_eq!(names(&found), vec!["Tel Qwerty", "Rafah"]);
    }

    #[test]
    fn plain_keys_are_the_folded_words() {
        let pieces = [
            "a", "Z", "9", "'", ".", "-", " ", "é", "Ł", "日", "\u{301}", "ß",
        ];
        let mut words = crate::extract::text::concatenations(&pieces, 3);
        words.extend(["Gaza", "KHAN", "Sa'ar", "U.S.", "Zürich", "İstanbul"].map(String::from));
        for word in &words {
            let mut key = String::from("x ");
            let alphanumeric = !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric());
            let plain = push_plain_key(word, alphanumeric, false, &mut key);
            if plain {
                assert_eq!(key[2..], fold_key(word), "{word:?}");
            }
            let text = Text::new(word);
            let toks = Tokens::new(&text);
            if toks.len() == 1 && toks.word(0) == word {
                let mut title_key = String::from("x ");
                let tok = &toks.list[0];
                assert_eq!(tok.ascii_alphanumeric(), alphanumeric, "{word:?}");
                push_plain_key(word, alphanumeric, tok.title(), &mut title_key);
                assert_eq!(title_key, key, "{word:?}");
            }
            assert!(plain || !alphanumeric, "{word:?}");
        }
    }

    #[test]
    fn cues_need_the_right_shape() {
        // A place: "X, a village about ...", "in X, near Y".
        let found = places("Shells fell on Qwertab, a village about 5 km from Tyre.");
        assert_eq!(find(&found, "Qwertab").country_code.as_deref(), Some("LB"));
        let found = places("Rockets hit a base in Plonkot, near Haifa.");
        assert_eq!(find(&found, "Plonkot").country_code.as_deref(), Some("IL"));
        // Not places: "a town councillor", "clashes with Hamas near Jenin",
        // "the Christmas market".
        let found = places(
            "Ahmed Qwerty, a town councillor, said troops clashed with Hamas near Jenin. \
             The Christmas market in Bethlehem closed.",
        );
        assert_eq!(names(&found), vec!["Jenin", "Bethlehem"]);
    }
}
