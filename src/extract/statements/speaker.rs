//! Who a speaker description stands for.
//!
//! In order: a pronoun is the person ("he") or body ("it") in focus; a source
//! "close to" or "familiar with" something is unnamed; a person named in the
//! description speaks; otherwise the head noun decides: a role ("the Israel
//! Defence Minister") is the person the article gives that post, an official
//! ("Iranian officials", "a Pentagon official") speaks for the state or
//! organization beside it, a body ("the ministry") is the organization of
//! that kind in focus, a document ("the statement") speaks for the last
//! speaker; a bare country or capital ("Israel", "Kigali") speaks for the
//! state. Unnamed witnesses, residents, police and media get no speaker. The
//! description is always kept as written.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use super::super::text::{is_ascii_blank, push_lowercase, whitespace_words, Text};
use super::super::{Actor, Location};
use super::lexicon::{self, Country, Source};
use super::quotes::Quote;
use super::words::{self, Pronoun};

/// A resolved speaker: the actor, and the description as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Speaker {
    pub actor: Option<usize>,
    pub text: Option<String>,
}

/// A speaker description in bytes: the main words, an apposition, and the
/// unit it was read in.
#[derive(Debug, Clone)]
pub struct Described {
    pub main: Range<usize>,
    pub apposition: Option<Range<usize>>,
    pub unit: Range<usize>,
}

/// The descriptions longer than this many words are not kept as written.
const MAX_DESCRIPTION_WORDS: usize = 15;

/// Resolves speaker descriptions against the article's actors.
pub struct Resolver<'a> {
    text: &'a Text<'a>,
    quotes: &'a [Quote],
    locations: &'a [Location],
    /// Byte range and actor index of every person and organization mention.
    mentions: Vec<(Range<usize>, usize)>,
    /// The last statement's speaker.
    pub last: Option<Speaker>,
    /// The speakers of the statements so far, latest last.
    pub recent: Vec<usize>,
    /// Each person's [`Resolver::person_context`], by actor index, read on
    /// first need: actors are only ever added, never changed, during the
    /// article, and every role description would read them all again.
    person_contexts: RefCell<Vec<Option<String>>>,
    /// The named actors' names in lower case, for [`Resolver::by_name`].
    names: RefCell<NameIndex>,
}

/// Every name, alias and surname of the named actors (see [`names_of`]),
/// lower-cased once into one buffer, in actor order: a dozen descriptions
/// per article look each up, which compared every name case-blind before.
/// Actors are only ever appended, so the index catches up on new ones.
#[derive(Default)]
struct NameIndex {
    lowered: String,
    /// Byte range in `lowered` and actor index of each name.
    names: Vec<(Range<usize>, usize)>,
    /// How many actors are indexed.
    indexed: usize,
}

impl NameIndex {
    /// The first named actor answering to `lower` (a lower-cased text).
    fn first(&mut self, actors: &[Actor], lower: &str) -> Option<usize> {
        for (i, a) in actors.iter().enumerate().skip(self.indexed) {
            if is_named(a) {
                for name in names_of(a) {
                    let start = self.lowered.len();
                    push_lowercase(&mut self.lowered, name);
                    self.names.push((start..self.lowered.len(), i));
                }
            }
        }
        self.indexed = self.indexed.max(actors.len());
        // Lengths first: most names differ from the text in length.
        let (lowered, lower) = (self.lowered.as_bytes(), lower.as_bytes());
        self.names
            .iter()
            .find(|(r, _)| r.len() == lower.len() && lowered[r.clone()] == *lower)
            .map(|(_, i)| *i)
    }
}

/// The names an actor answers to in any case: its name, its aliases and,
/// for a person, the surname.
fn names_of(a: &Actor) -> impl Iterator<Item = &str> {
    // The surname is found only when the other names did not answer.
    let surname = std::iter::once_with(|| {
        (a.kind == "person")
            .then(|| a.name.split_whitespace().last())
            .flatten()
    });
    std::iter::once(a.name.as_str())
        .chain(a.aliases.iter().map(String::as_str))
        .chain(surname.flatten())
}

impl<'a> Resolver<'a> {
    pub fn new(
        text: &'a Text<'a>,
        quotes: &'a [Quote],
        actors: &[Actor],
        locations: &'a [Location],
    ) -> Self {
        let mut mentions: Vec<(Range<usize>, usize)> = actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == "person" || a.kind == "organization")
            .flat_map(|(i, a)| a.mentions.iter().map(move |m| (m.span, i)))
            .map(|(span, i)| (text.byte_range(span), i))
            .collect();
        mentions.sort_by_key(|(r, _)| (r.start, r.end));
        Resolver {
            text,
            quotes,
            locations,
            mentions,
            last: None,
            recent: Vec::new(),
            person_contexts: RefCell::default(),
            names: RefCell::default(),
        }
    }

    /// The speaker a description stands for, for a cue at byte `at`.
    pub fn resolve(&self, actors: &mut Vec<Actor>, d: &Described, at: usize) -> Speaker {
        let body = self.text.body;
        let written = body[d.main.clone()].trim();
        let text = (!written.is_empty() && !more_words_than(written, MAX_DESCRIPTION_WORDS))
            .then(|| written.to_string());
        let actor = self.actor_for(actors, d, at);
        Speaker { actor, text }
    }

    fn actor_for(&self, actors: &mut Vec<Actor>, d: &Described, at: usize) -> Option<usize> {
        let main = &self.text.body[d.main.clone()];
        if let Some(p) = single_word(main).and_then(words::pronoun) {
            return self.by_pronoun(actors, p, at);
        }
        if has_unnamed_marker(main) {
            return None;
        }
        let head = Head::of(self.text.body, &d.main);
        self.named(actors, d, &head)
            .or_else(|| self.by_head(actors, d, &head, at))
    }

    /// A person, organization or name the description spells out.
    fn named(&self, actors: &[Actor], d: &Described, head: &Head) -> Option<usize> {
        // "a spokesman for Netanyahu" is not Netanyahu speaking.
        let person_limit = match head.class {
            Some(Source::Role | Source::Official | Source::Unnamed) => head.range.end,
            _ => d.main.end,
        };
        self.named_person(actors, d, person_limit)
            .or_else(|| self.covering(head.word.clone()))
            .or_else(|| self.by_name(actors, &d.main))
    }

    /// What the head noun's class makes of the description.
    fn by_head(
        &self,
        actors: &mut Vec<Actor>,
        d: &Described,
        head: &Head,
        at: usize,
    ) -> Option<usize> {
        let head_word = &self.text.body[head.word.clone()];
        match head.class {
            Some(Source::Unnamed) => self.last_org_in(actors, &head.range),
            Some(Source::Official) => self
                .last_org_in(actors, &d.main)
                .or_else(|| self.country_in(actors, &d.main, None))
                .or_else(|| self.state_in_sentence(actors, d)),
            Some(Source::Role) => self
                .role_holder(actors, &d.main, head_word, at)
                .or_else(|| self.last_org_in(actors, &d.main)),
            Some(Source::Body) => self
                .last_org_in(actors, &head.range)
                .or_else(|| self.body_in_focus(actors, head_word, at)),
            Some(Source::Document) => self
                .issuer(actors, d, &head.range, at)
                .or_else(|| self.document_in_focus(actors, d)),
            // A name: an organization, or a state or its capital ("Kigali said").
            None => self
                .last_org_in(actors, &head.range)
                .or_else(|| self.country_in(actors, &d.main, Some(head.word.clone()))),
        }
    }

    /// "the government" alone: the state the sentence names before it.
    fn state_in_sentence(&self, actors: &mut Vec<Actor>, d: &Described) -> Option<usize> {
        let definite = self.text.body[d.main.clone()]
            .trim_start()
            .starts_with("the ")
            || self.text.body[d.main.clone()]
                .trim_start()
                .starts_with("The ");
        let before = d.unit.start..d.main.start;
        definite
            .then(|| self.country_in(actors, &before, None))
            .flatten()
    }

    /// "the statement added": the body (or else the speaker) in focus; "a
    /// report" speaks for nobody known.
    fn document_in_focus(&self, actors: &[Actor], d: &Described) -> Option<usize> {
        let lower = self.text.body[d.main.clone()].trim_start().to_lowercase();
        if lower.starts_with("a ") || lower.starts_with("an ") {
            return None;
        }
        let body = self
            .recent
            .iter()
            .rev()
            .find(|&&i| actors[i].kind != "person")
            .copied();
        body.or(self.last.as_ref().and_then(|s| s.actor))
    }

    /// Who issued a document: the words after "by", "from" or "of".
    fn issuer(
        &self,
        actors: &mut Vec<Actor>,
        d: &Described,
        head: &Range<usize>,
        at: usize,
    ) -> Option<usize> {
        const LINKS: &[&str] = &["by", "from", "of", "released", "issued", "published"];
        let rest = &self.text.body[head.end..d.main.end];
        let mut offset = 0;
        for w in rest.split_inclusive(char::is_whitespace) {
            if !w.trim().is_empty() && !LINKS.contains(&w.trim()) {
                break;
            }
            offset += w.len();
        }
        if offset == 0 || offset >= rest.len() {
            return self.last_org_in(actors, &d.main);
        }
        let tail = Described {
            main: head.end + offset..d.main.end,
            apposition: None,
            unit: d.unit.clone(),
        };
        self.actor_for(actors, &tail, at)
            .or_else(|| self.last_org_in(actors, &d.main))
    }

    /// An actor the description names without a found mention: a name,
    /// alias or surname in another case ("Al-Qidra"), or the initials of an
    /// organization ("the WP").
    fn by_name(&self, actors: &[Actor], r: &Range<usize>) -> Option<usize> {
        let s = self.text.body[r.clone()].trim();
        let s = s
            .strip_prefix("the ")
            .or_else(|| s.strip_prefix("The "))
            .unwrap_or(s)
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        if s.is_empty() || more_words_than(s, 4) {
            return None;
        }
        let acronym = s.len() >= 2 && s.chars().all(|c| c.is_ascii_uppercase());
        let mut buf = [0u8; 64];
        let lower = words::lowercase(s, &mut buf);
        let named = self.names.borrow_mut().first(actors, &lower);
        named.or_else(|| {
            acronym
                .then(|| {
                    actors
                        .iter()
                        .position(|a| a.kind == "organization" && initials(&a.name).eq(s.chars()))
                })
                .flatten()
        })
    }

    /// A person named in the description or its apposition, not as a
    /// possessor ("Netanyahu's office") nor after the head noun ("a
    /// spokesman for Netanyahu").
    fn named_person(&self, actors: &[Actor], d: &Described, limit: usize) -> Option<usize> {
        let body = self.text.body;
        let in_main = d.main.start..limit;
        let ranges = std::iter::once(&in_main).chain(d.apposition.as_ref());
        ranges
            .flat_map(|r| self.mentions_in(r))
            .filter(|(m, i)| {
                let a = &actors[*i];
                a.kind == "person" && is_named(a) && !is_place(a) && !possessive(body, m.end)
            })
            .map(|(_, i)| i)
            .last()
    }

    fn mentions_in<'s>(
        &'s self,
        r: &Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 's {
        let r = r.clone();
        // Sorted by start: the mentions inside start at or after r.start,
        // and none starting past r.end can end inside.
        self.mentions_from(r.start)
            .iter()
            .take_while(move |(m, _)| m.start <= r.end)
            .filter(move |(m, _)| m.end <= r.end)
            .cloned()
    }

    /// The mentions starting at or after byte `at` (they are sorted by start).
    fn mentions_from(&self, at: usize) -> &[(Range<usize>, usize)] {
        let first = self.mentions.partition_point(|(m, _)| m.start < at);
        &self.mentions[first..]
    }

    /// The mentions starting at or before byte `at`.
    fn mentions_to(&self, at: usize) -> &[(Range<usize>, usize)] {
        let end = self.mentions.partition_point(|(m, _)| m.start <= at);
        &self.mentions[..end]
    }

    /// The actor whose mention covers a byte range.
    fn covering(&self, r: Range<usize>) -> Option<usize> {
        self.mentions_to(r.start)
            .iter()
            .find(|(m, _)| r.end <= m.end)
            .map(|(_, i)| *i)
    }

    /// The last organization named inside `r`, preferring one that is not a
    /// possessor.
    fn last_org_in(&self, actors: &[Actor], r: &Range<usize>) -> Option<usize> {
        let body = self.text.body;
        let orgs: Vec<(Range<usize>, usize)> = self
            .mentions_in(r)
            .filter(|(_, i)| actors[*i].kind == "organization")
            .collect();
        orgs.iter()
            .rfind(|(m, _)| !possessive(body, m.end))
            .or(orgs.last())
            .map(|(_, i)| *i)
    }

    /// A state named inside `r` ("Iranian officials"); with `word`, only one
    /// whose name covers that word ("Israel", "Tel Aviv", "Kigali").
    fn country_in(
        &self,
        actors: &mut Vec<Actor>,
        r: &Range<usize>,
        word: Option<Range<usize>>,
    ) -> Option<usize> {
        let s = &self.text.body[r.clone()];
        let (country, at) = lexicon::countries().find(s).find(|(_, at)| {
            word.as_ref()
                .is_none_or(|h| r.start + at.start < h.end && h.start < r.start + at.end)
        })?;
        let range = r.start + at.start..r.start + at.end;
        Some(self.country_actor(actors, country, range))
    }

    /// The actor for a speaking state: the article's location when it names
    /// the country, else a new country actor; added on first use.
    fn country_actor(&self, actors: &mut Vec<Actor>, c: &Country, range: Range<usize>) -> usize {
        let mention = self.text.mention(range);
        let loc = self.locations.iter().find(|l| {
            l.kind == "country" && (l.name == c.name || l.country_code.as_deref() == Some(&c.code))
        });
        let name = loc.map_or(c.name.as_str(), |l| l.name.as_str());
        if let Some(i) = actors
            .iter()
            .position(|a| a.kind == "country" && a.name == name)
        {
            return i;
        }
        actors.push(Actor {
            name: name.to_string(),
            kind: "country".to_string(),
            title: None,
            affiliation: Some(c.code.clone()),
            aliases: loc.map(|l| l.aliases.clone()).unwrap_or_default(),
            mentions: vec![mention],
        });
        actors.len() - 1
    }

    fn by_pronoun(&self, actors: &[Actor], p: Pronoun, at: usize) -> Option<usize> {
        let last_actor = self.last.as_ref().and_then(|s| s.actor);
        match p {
            Pronoun::Person => {
                self.last_before(at, |i| actors[i].kind == "person" && is_named(&actors[i]))
            }
            Pronoun::Body => last_actor
                .filter(|&i| actors[i].kind != "person")
                .or_else(|| self.last_before(at, |i| actors[i].kind == "organization")),
            Pronoun::Plural => last_actor,
            Pronoun::Unknown => None,
        }
    }

    /// The last actor satisfying `keep` mentioned before `at`, outside quotes.
    fn last_before(&self, at: usize, keep: impl Fn(usize) -> bool) -> Option<usize> {
        // A mention ending by `at` starts by it too.
        self.mentions_to(at)
            .iter()
            .rev()
            .filter(|(m, _)| m.end <= at && !self.in_quote(m.start))
            .find(|(_, i)| keep(*i))
            .map(|(_, i)| *i)
    }

    fn first_after(&self, at: usize, keep: impl Fn(usize) -> bool) -> Option<usize> {
        self.mentions_from(at)
            .iter()
            .filter(|(m, _)| !self.in_quote(m.start))
            .find(|(_, i)| keep(*i))
            .map(|(_, i)| *i)
    }

    fn in_quote(&self, at: usize) -> bool {
        super::quotes::inside(self.quotes, at)
    }

    /// "the ministry", "the army": the organization of that kind in focus.
    fn body_in_focus(&self, actors: &[Actor], head: &str, at: usize) -> Option<usize> {
        let keys = body_keywords(&head.to_lowercase());
        if keys.is_empty() {
            // "the group", "the rebels": the organization in focus.
            let last_org = self
                .last
                .as_ref()
                .and_then(|s| s.actor)
                .filter(|&i| actors[i].kind == "organization");
            return last_org.or_else(|| self.last_before(at, |i| actors[i].kind == "organization"));
        }
        let fits = |i: usize| {
            let a = &actors[i];
            a.kind == "organization"
                && std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|n| keys.iter().any(|k| n.to_lowercase().contains(k)))
        };
        self.last_before(at, fits)
            .or_else(|| self.first_after(at, fits))
    }

    /// "the Israel Defence Minister": the person the article gives that post,
    /// judged from their title and the words around their mentions.
    fn role_holder(
        &self,
        actors: &[Actor],
        main: &Range<usize>,
        role: &str,
        at: usize,
    ) -> Option<usize> {
        let role = role.to_lowercase();
        let synonyms = role_synonyms(&role);
        // The other words of the description, lower-cased into one buffer.
        let mut lowered = String::new();
        let mut qualifiers: Vec<Range<usize>> = Vec::new();
        for w in self.text.body[main.clone()].split(|c: char| !c.is_alphanumeric()) {
            let start = lowered.len();
            push_lowercase(&mut lowered, w);
            let w = &lowered[start..];
            if w.len() > 2 && w != role && !matches!(w, "the" | "and" | "for") {
                qualifiers.push(start..lowered.len());
            } else {
                lowered.truncate(start);
            }
        }
        let mut best: Option<(usize, usize, usize)> = None; // (score, recency, actor)
        let mut contexts = self.person_contexts.borrow_mut();
        if contexts.len() < actors.len() {
            contexts.resize(actors.len(), None);
        }
        for (i, a) in actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == "person")
        {
            let context = contexts[i].get_or_insert_with(|| self.person_context(a));
            if !synonyms.iter().any(|s| context.contains(s)) {
                continue;
            }
            let score = 1 + qualifiers
                .iter()
                .filter(|q| context.contains(&lowered[(*q).clone()]))
                .count();
            let recency = self
                .mentions
                .iter()
                .filter(|(m, j)| *j == i && m.end <= at)
                .map(|(m, _)| m.end)
                .max()
                .unwrap_or(0);
            if best.is_none_or(|b| (score, recency) > (b.0, b.1)) {
                best = Some((score, recency, i));
            }
        }
        // "a leader in the group" names no post holder unless more words fit.
        let indefinite = is_indefinite(self.text.body[main.clone()].trim_start());
        best.filter(|b| !indefinite || b.0 >= 2).map(|b| b.2)
    }

    /// A person's title and the words that present them, lower case: the
    /// title words right before each mention ("IDF spokesperson Rear Admiral")
    /// and an apposition right after (", the UN rights chief,").
    fn person_context(&self, a: &Actor) -> String {
        let body = self.text.body;
        let mut out = String::new();
        push_lowercase(&mut out, a.title.as_deref().unwrap_or_default());
        for m in &a.mentions {
            let r = self.text.byte_range(m.span);
            out.push(' ');
            push_lowercase(&mut out, title_before(body, r.start));
            out.push(' ');
            push_lowercase(&mut out, apposition_after(body, r.end));
        }
        out
    }
}

/// The title words right before byte `at`: capitalised words and
/// lower-case post words, back to anything else.
fn title_before(body: &str, at: usize) -> &str {
    let before = &body[..at];
    let mut start = at;
    for (count, word) in before.split_whitespace().rev().enumerate() {
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric());
        let titled = word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '’'))
            && (clean.starts_with(char::is_uppercase)
                || lexicon::source(clean).is_some()
                || matches!(
                    clean,
                    "of" | "for" | "the" | "foreign" | "defence" | "defense"
                ));
        if count >= 7 || !titled {
            break;
        }
        start = before[..start].trim_end().len() - word.len();
    }
    &body[start..at]
}

/// ", the UN high commissioner for human rights," or " of the Red Cross"
/// right after byte `at`.
fn apposition_after(body: &str, at: usize) -> &str {
    let rest = &body[at..];
    let inner = if let Some(r) = rest.strip_prefix(", ") {
        r
    } else if rest.starts_with(" of ") {
        rest
    } else {
        return "";
    };
    let end = inner
        .find([',', '.', ';', '\n', '“', '"'])
        .unwrap_or(inner.len());
    let chunk = &inner[..end];
    if more_words_than(chunk, 12) {
        return "";
    }
    chunk
}

/// Whether `s` in lower case starts with "a " or "an ", read on its first
/// bytes: no other char lower-cases to "a", "n" or a space.
fn is_indefinite(s: &str) -> bool {
    matches!(
        s.as_bytes(),
        [b'a' | b'A', b' ', ..] | [b'a' | b'A', b'n' | b'N', b' ', ..]
    )
}

/// Whether `s` has more than `n` words, as `split_whitespace` splits it.
fn more_words_than(s: &str, n: usize) -> bool {
    whitespace_words(s) > n
}

/// The text when it is one word: blanks around it, none inside. ASCII
/// text, most, is searched for blanks on its bytes.
fn single_word(s: &str) -> Option<&str> {
    let w = s.trim();
    let blank_inside = if w.is_ascii() {
        w.bytes().any(is_ascii_blank)
    } else {
        w.contains(char::is_whitespace)
    };
    (!w.is_empty() && !blank_inside).then_some(w)
}

/// The head of a description: the words up to its head noun ("the head" of
/// "the head of the council", "Officials" of "Officials in Rwanda"), the
/// head noun itself, and its class in the source lexicon.
struct Head {
    range: Range<usize>,
    word: Range<usize>,
    class: Option<Source>,
}

impl Head {
    fn of(body: &str, main: &Range<usize>) -> Head {
        let s = &body[main.clone()];
        let end = head_end(s);
        let head = s[..end].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        let range = main.start..main.start + head.len();
        let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
        Head {
            word: range.end - word.len()..range.end,
            class: lexicon::source(&words::lowercase(word, &mut [0u8; 32])),
            range,
        }
    }
}

/// Where the words up to a description's head noun end: at the first word
/// after the first that ends a head ("the head *of* the council"), else at
/// the end of its text. ASCII text, most, is split on its bytes.
fn head_end(s: &str) -> usize {
    if !s.is_ascii() {
        return head_end_chars(s);
    }
    let bytes = s.as_bytes();
    // Each word with the one whitespace byte after it, as `split_inclusive`
    // gives them (a run of blanks makes blank words).
    let (mut word_start, mut k) = (0, 0);
    for i in 0..=bytes.len() {
        let at_end = i == bytes.len();
        if !at_end && !is_ascii_blank(bytes[i]) {
            continue;
        }
        if at_end && word_start == bytes.len() {
            break;
        }
        if k > 0 && words::ends_head(&s[word_start..i]) {
            return word_start;
        }
        (word_start, k) = (i + 1, k + 1);
    }
    s.trim_end().len()
}

/// [`head_end`] read char by char, for text that is not ASCII.
fn head_end_chars(s: &str) -> usize {
    let mut offset = 0;
    for (k, w) in s.split_inclusive(char::is_whitespace).enumerate() {
        if k > 0 && words::ends_head(w.trim()) {
            return offset;
        }
        offset += w.len();
    }
    s.trim_end().len()
}

/// Whether a possessive "'s" follows byte `end`.
fn possessive(body: &str, end: usize) -> bool {
    let rest = &body[end..];
    rest.starts_with("'s")
        || rest.starts_with("’s")
        || rest.starts_with('\'')
        || rest.starts_with('’')
}

/// Words an organization of a kind has in its name.
fn body_keywords(head: &str) -> Vec<&'static str> {
    match head {
        "ministry" => vec!["ministry"],
        "army" | "military" => vec![
            "army",
            "armed forces",
            "military",
            "defense forces",
            "defence forces",
            "defence force",
            "defense force",
        ],
        "forces" | "force" => vec!["forces", "force"],
        "agency" => vec!["agency"],
        "office" => vec!["office"],
        "department" => vec!["department"],
        "council" => vec!["council"],
        "committee" => vec!["committee"],
        "command" => vec!["command"],
        "mission" => vec!["mission"],
        "embassy" => vec!["embassy"],
        "court" => vec!["court"],
        "service" => vec!["service"],
        "organisation" | "organization" => vec!["organisation", "organization"],
        _ => Vec::new(),
    }
}

/// Words in a title or context that name a role.
fn role_synonyms(role: &str) -> Vec<&str> {
    match role {
        "spokesman" | "spokeswoman" | "spokesperson" => vec!["spokes", "press secretary"],
        "president" | "premier" | "chancellor" | "leader" | "emir" | "king" => {
            vec![
                "president",
                "prime minister",
                "premier",
                "chancellor",
                "leader",
                "emir",
                "king",
            ]
        }
        "head" | "chief" | "director" | "coordinator" => vec![
            "head",
            "chief",
            "director",
            "secretary-general",
            "president",
            "chair",
            "leader",
            "coordinator",
            "commissioner",
        ],
        "commander" | "general" => vec!["commander", "general", "gen.", "chief"],
        other => vec![other],
    }
}

/// A "person" whose name is a state or its capital ("Tel Aviv said").
fn is_place(a: &Actor) -> bool {
    lexicon::countries()
        .find(&a.name)
        .any(|(_, r)| r.len() == a.name.len())
}

/// Whether the lower case of `s` holds one of [`words::UNNAMED_MARKERS`].
/// ASCII text is searched as it is, ignoring ASCII case, without a
/// lower-case copy; other text is lowered first, as some non-ASCII letters
/// lower to ASCII ones.
fn has_unnamed_marker(s: &str) -> bool {
    static MATCHER: OnceLock<AhoCorasick> = OnceLock::new();
    let matcher = MATCHER.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words::UNNAMED_MARKERS)
            .expect("markers build")
    });
    if s.is_ascii() {
        matcher.is_match(s)
    } else {
        matcher.is_match(&s.to_lowercase())
    }
}

/// A real name: at least two letters (not a stray capital like "A").
fn is_named(a: &Actor) -> bool {
    // Stops at the second letter rather than counting them all.
    a.name
        .chars()
        .filter(|c| c.is_alphabetic())
        .nth(1)
        .is_some()
}

/// The capitals of a name's main words: "WP" for "The Washington Post".
/// Read as they are compared, without a String per organization.
fn initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "The" | "the" | "of" | "for" | "and" | "on" | "in"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::super::super::text::lowers_to;
    use super::*;

    /// `is_indefinite` against the lower-cased text it replaced, and no
    /// char but theirs lower-cases to "a", "n" or a space.
    #[test]
    fn is_indefinite_matches_the_lower_case() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower = c.to_lowercase().next();
            for (ascii, upper) in [('a', 'A'), ('n', 'N'), (' ', ' ')] {
                if lower == Some(ascii) {
                    assert!(c == ascii || c == upper, "{c:?}");
                }
            }
        }
        let pieces = ["a", "A", "n", "N", " ", "\u{a0}", "\u{212a}", "İ", "x"];
        for s in crate::extract::text::concatenations(&pieces, 4) {
            let lower = s.to_lowercase();
            let expected = lower.starts_with("a ") || lower.starts_with("an ");
            assert_eq!(is_indefinite(&s), expected, "{s:?}");
        }
    }

    /// `more_words_than` against the word split it replaced.
    #[test]
    fn more_words_than_matches_the_word_split() {
        let pieces = ["he", " ", "\t", "\u{b}", "\u{a0}", "é", "x", "\u{2003}"];
        for s in crate::extract::text::concatenations(&pieces, 5) {
            for n in 0..4 {
                let expected = s.split_whitespace().nth(n).is_some();
                assert_eq!(more_words_than(&s, n), expected, "{s:?} {n}");
            }
        }
    }

    /// `single_word` against the word split it replaced.
    #[test]
    fn single_word_matches_the_word_split() {
        let pieces = ["he", " ", "\t", "\u{b}", "\u{a0}", "é", "x", "\u{2003}"];
        for s in crate::extract::text::concatenations(&pieces, 4) {
            let mut split = s.split_whitespace();
            let expected = split.next().filter(|_| split.next().is_none());
            assert_eq!(single_word(&s), expected, "{s:?}");
        }
    }

    /// The byte split of ASCII text finds the head where the char split
    /// does, blank runs and all.
    #[test]
    fn head_end_matches_the_char_split() {
        let pieces = [
            "the", " ", "head", " of", "in", "of", "\t", "\u{b}", "\u{a0}", "é", ",", "  ", "for",
        ];
        for s in crate::extract::text::concatenations(&pieces, 4) {
            assert_eq!(head_end(&s), head_end_chars(&s), "{s:?}");
        }
    }

    /// `NameIndex::first` against the search it replaced: each actor's
    /// names compared with `lowers_to`, for ASCII and non-ASCII names (the
    /// Kelvin sign lowers to "k"), with actors appended between look-ups.
    #[test]
    fn name_index_matches_a_search_of_the_names() {
        let names = [
            "Al-Qidra",
            "al-qidra",
            "AL-QIDRA",
            "WHO",
            "Who",
            "\u{212A}im",
            "Kim",
            "kim",
            "Zürich",
            "ZÜRICH",
            "İstanbul",
            "ΣΟΦΟΣ",
            "",
            "A",
            "Hamas ",
            "Amara Okonjo",
        ];
        let actor = |k: usize, name: &str| Actor {
            name: name.to_string(),
            kind: ["person", "organization", "country"][k % 3].to_string(),
            title: None,
            affiliation: None,
            aliases: vec![names[(k * 7) % names.len()].to_string()],
            mentions: Vec::new(),
        };
        let mut actors = Vec::new();
        let mut index = NameIndex::default();
        for (k, name) in names.iter().enumerate() {
            actors.push(actor(k, name));
            for text in names.iter().chain(["okonjo", "kim", "k"].iter()) {
                let lower = text.to_lowercase();
                let searched = actors
                    .iter()
                    .position(|a| names_of(a).any(|n| lowers_to(n, &lower)) && is_named(a));
                assert_eq!(index.first(&actors, &lower), searched, "{lower:?}");
            }
        }
    }

    /// `has_unnamed_marker` against a search of the lower-cased text.
    #[test]
    fn unnamed_marker_check_matches_lowered_search() {
        let lowered = AhoCorasick::new(words::UNNAMED_MARKERS).expect("markers build");
        let texts = [
            "a source close to Hezbollah",
            "A Source CLOSE TO the talks",
            "officials Familiar With the matter",
            "an official not authorised to speak",
            "a source who requested anonymity",
            "a source who REQUESTED ANONYMITY",
            "the ministry",
            "",
            "sources close\u{a0}to the army",
            "a source clo\u{212A}e to",
            "officials familiar wi\u{212A}h",
            "a source \u{212A}lose to the talks",
            "someone with \u{212A}nowledge of the plan",
            "Öffentliche Quelle, close to Zürich",
            "İ declined to be named",
        ];
        for t in texts {
            assert_eq!(
                has_unnamed_marker(t),
                lowered.is_match(&t.to_lowercase()),
                "{t:?}"
            );
        }
    }
}
