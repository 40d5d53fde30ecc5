//! From found names to actors: one actor per real actor in the article.
//!
//! - Full names of people merge when they fold to the same words
//!   ("al-Thani"/"Al Thani") or one holds all words of the other with the same
//!   surname ("Abdel Fattah al-Burhan" / "Fattah al-Burhan").
//! - A one-word name resolves to the person whose surname it is
//!   ("Secretary Austin"), else whose given name it is ("Sheikh Mohammed").
//! - Later bare surnames are mentions of the person ("Okonjo added").
//! - "the health ministry", "the army" are mentions of the one such body the
//!   article named, "the Defence Minister" to the one person holding that
//!   title; an acronym in brackets after a name is its alias.

mod descriptions;

use std::ops::Range;

use super::names::{canonical_person, fold};
use super::tokens::Tokens;
use super::{Form, Found, Kind, Rule};
use crate::extract::text::Text;
use crate::extract::text::{whitespace_words, with_lowercase, WordShapes};
use crate::extract::Actor;

/// An actor being assembled, with its byte-range mentions.
struct Building {
    actor: Actor,
    kind: Kind,
    ranges: Vec<Range<usize>>,
    /// The canonical name folded ([`fold`]), and how many words it has
    /// (its words are read from it: a string each cost more than reading).
    folded: String,
    word_count: usize,
    /// Rule of the first mention (state bodies are found again by their head).
    rule: Rule,
}

/// Groups found names into actors and adds their later mentions.
pub fn group(text: &Text, tokens: &Tokens, mut found: Vec<Found>) -> Vec<Actor> {
    // At most one actor per name found: one allocation for all of them.
    let mut built: Vec<Building> = Vec::with_capacity(found.len());
    let mut order: Vec<usize> = (0..found.len()).collect();
    // Full names first, longest first, so short forms can find them; names
    // read from shape alone last, so they join a body named otherwise.
    order.sort_by_cached_key(|&k| {
        let f = &found[k];
        (
            f.form == Form::Short,
            f.rule == Rule::Shaped,
            std::cmp::Reverse(whitespace_words(&f.name)),
            f.range.start,
        )
    });
    // Each name found is placed once: an actor takes its strings, not copies.
    for k in order {
        let f = &mut found[k];
        let i = match f.kind {
            Kind::Person => place_person(&mut built, f),
            Kind::Organization => place_organization(&mut built, f),
        };
        add_mention(&mut built[i], text, f.range.clone());
        let b = &mut built[i];
        b.actor.title = b.actor.title.take().or_else(|| f.title.take());
        b.actor.affiliation = b.actor.affiliation.take().or_else(|| f.affiliation.take());
    }
    add_surname_mentions(text, tokens, &mut built);
    add_acronyms(text, tokens, &mut built);
    descriptions::add_body_descriptions(text, tokens, &mut built);
    descriptions::add_title_references(text, tokens, &mut built);
    let mut actors: Vec<Actor> = built
        .into_iter()
        .map(|mut b| {
            // The text's index of wide chars gives each offset in a few steps.
            b.actor.mentions = b.ranges.iter().map(|r| text.mention(r.clone())).collect();
            b.actor.mentions.sort_by_key(|m| m.span);
            b.actor
        })
        .collect();
    actors.sort_by_key(|a| a.mentions[0].span);
    actors
}

fn new_actor(built: &mut Vec<Building>, f: &Found, name: String, folded: String) -> usize {
    let word_count = word_count(&folded);
    built.push(Building {
        actor: Actor {
            name,
            kind: f.kind.as_str().to_string(),
            title: None,
            affiliation: None,
            aliases: Vec::new(),
            mentions: Vec::new(),
        },
        kind: f.kind,
        ranges: Vec::new(),
        folded,
        word_count,
        rule: f.rule,
    });
    built.len() - 1
}

/// Places an organization found (its name is taken when it names an actor).
fn place_organization(built: &mut Vec<Building>, f: &mut Found) -> usize {
    let orgs = || {
        built
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == Kind::Organization)
    };
    // A name met before needs no folding.
    if let Some((i, _)) = orgs().find(|(_, b)| b.actor.name == f.name) {
        return i;
    }
    let folded = fold(&f.name);
    let n = word_count(&folded);
    let shorter =
        sole(orgs().filter(|(_, b)| is_shorter_name_of((&folded, n), (&b.folded, b.word_count))));
    if let Some(i) = shorter {
        return i;
    }
    // A fuller name of a body already met: it becomes the name.
    let fuller =
        sole(orgs().filter(|(_, b)| is_shorter_name_of((&b.folded, b.word_count), (&folded, n))));
    if let Some(i) = fuller {
        let b = &mut built[i];
        b.actor.aliases.retain(|a| *a != f.name);
        let old = std::mem::replace(&mut b.actor.name, std::mem::take(&mut f.name));
        if !b.ranges.is_empty() && !b.actor.aliases.contains(&old) {
            b.actor.aliases.push(old);
        }
        b.word_count = n;
        b.folded = folded;
        b.rule = f.rule;
        return i;
    }
    let name = std::mem::take(&mut f.name);
    new_actor(built, f, name, folded)
}

/// The index of the only actor of `candidates`, if there is exactly one.
fn sole<'b>(mut candidates: impl Iterator<Item = (usize, &'b Building)>) -> Option<usize> {
    match (candidates.next(), candidates.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// "Northern Command" after "Israel's northern command", "Red Crescent"
/// after "Libyan Red Crescent": fewer words of the same body, same head.
/// "Supreme Court" before "Supreme Court of Pakistan": the name without its complement.
/// Both names come folded ([`fold`]), each with its number of words.
fn is_shorter_name_of((short, n): (&str, usize), (long, m): (&str, usize)) -> bool {
    if n < 2 || n >= m {
        return false;
    }
    let complemented = long
        .strip_prefix(short)
        .is_some_and(|rest| rest.starts_with(" of ") || rest.starts_with(" for "));
    let same_head = || {
        ends_with_word(long, last_word(short))
            && short.split(' ').all(|w| long.split(' ').any(|l| l == w))
    };
    complemented || same_head()
}

/// The last word of `name` (words joined by single spaces) is `word` (no
/// space in it), for a name of two words or more: it ends with a space and
/// `word`, compared in place rather than searched for.
fn ends_with_word(name: &str, word: &str) -> bool {
    name.len() > word.len()
        && name.ends_with(word)
        && name.as_bytes()[name.len() - word.len() - 1] == b' '
}

/// The words of a folded name as `split(' ')` counts them: one more than
/// its spaces, counted over the bytes.
fn word_count(folded: &str) -> usize {
    1 + folded.bytes().filter(|&b| b == b' ').count()
}

/// The last word of a folded name (its words are joined by one space).
fn last_word(folded: &str) -> &str {
    folded.rfind(' ').map_or(folded, |at| &folded[at + 1..])
}

/// Places a person found (its name is taken when it is canonical).
fn place_person(built: &mut Vec<Building>, f: &mut Found) -> usize {
    let name = if f.rule == Rule::PersonLexicon {
        std::mem::take(&mut f.name)
    } else {
        canonical_person(&f.name)
    };
    let folded = fold(&name);
    // Its words are read from it as needed, not collected into a list.
    let (n, first_word) = (word_count(&folded), folded.split(' ').next());
    let people = || {
        built
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == Kind::Person)
    };
    let same = people()
        .find(|(_, b)| b.folded == folded)
        .or_else(|| people().find(|(_, b)| contains_name(b, &folded, n)))
        .or_else(|| {
            (f.form == Form::Short)
                .then(|| people().find(|(_, b)| ends_with(b, &folded, n)))
                .flatten()
        })
        .or_else(|| {
            (f.form == Form::Short)
                .then(|| {
                    people()
                        .find(|(_, b)| b.word_count > 1 && b.folded.split(' ').next() == first_word)
                })
                .flatten()
        })
        .map(|(i, _)| i);
    same.unwrap_or_else(|| new_actor(built, f, name, folded))
}

/// `long` holds every word of `short` (folded, of `n` words: two or more)
/// and the same surname.
fn contains_name(long: &Building, short: &str, n: usize) -> bool {
    n >= 2
        && n < long.word_count
        && last_word(&long.folded) == last_word(short)
        && short
            .split(' ')
            .all(|w| long.folded.split(' ').any(|l| l == w))
}

/// "Al-Qidra" is the end of "Ashraf al-Qidra": the last words of `long`
/// are those of `short` (folded, of `n` words).
fn ends_with(long: &Building, short: &str, n: usize) -> bool {
    long.word_count > n
        && long
            .folded
            .strip_suffix(short)
            .is_some_and(|rest| rest.ends_with(' '))
}

fn add_mention(b: &mut Building, text: &Text, range: Range<usize>) {
    let surface = &text.body[range.clone()];
    if surface != b.actor.name && !b.actor.aliases.iter().any(|a| a == surface) {
        b.actor.aliases.push(surface.to_string());
    }
    if !b.ranges.contains(&range) {
        b.ranges.push(range);
    }
}

fn is_taken(built: &[Building], r: &Range<usize>) -> bool {
    built
        .iter()
        .flat_map(|b| &b.ranges)
        .any(|t| t.start < r.end && r.start < t.end)
}

/// Later bare surnames ("Okonjo added") are mentions of the full name, unless
/// two people of the article share it.
fn add_surname_mentions(text: &Text, tokens: &Tokens, built: &mut [Building]) {
    // Each folded surname with its one owner, or none when two share it:
    // a list, as an article names few people (a table and a list of
    // owners per surname cost allocations every article).
    let mut owners: Vec<(String, Option<usize>)> = Vec::new();
    for (i, b) in built.iter().enumerate() {
        if b.kind == Kind::Person && b.word_count > 1 {
            if let Some(surname) = b.actor.name.split_whitespace().last() {
                let surname = fold(surname);
                match owners.iter_mut().find(|(s, _)| *s == surname) {
                    Some((_, owner)) => *owner = None,
                    None => owners.push((surname, Some(i))),
                }
            }
        }
    }
    if owners.is_empty() {
        return;
    }
    let owner_of = |folded: &str| {
        owners
            .iter()
            .find(|(s, _)| s == folded)
            .and_then(|&(_, owner)| owner)
    };
    // Most capitalised words are no one's surname: a plain word that no
    // surname has the length and first letter of needs no look-up.
    let shapes = surname_shapes(owners.iter().map(|(s, _)| s));
    for t in &tokens.list {
        let word = t.text();
        if !t.class.capitalised() && !has_article_prefix(word) {
            continue;
        }
        // A plain ASCII word folds to its lower case: no allocation. (Most
        // are letters and digits only, as their class tells.)
        let plain = t.class.plain()
            || word
                .bytes()
                .all(|b| b.is_ascii() && !matches!(b, b'.' | b'\'' | b'-'));
        if plain && !may_be_surname(&shapes, word) {
            continue;
        }
        let owner = if plain {
            with_lowercase(word, owner_of)
        } else {
            owner_of(&fold(word))
        };
        let Some(owner) = owner else {
            continue;
        };
        let r = t.range.clone();
        if !is_taken(built, &r) && !t.class.stopword() {
            add_mention(&mut built[owner], text, r);
        }
    }
}

/// "al-Qidra", "el-Sisi": opens with "al-" or "el-" (bytes compared, not
/// two string searches: asked of every lower-case word).
fn has_article_prefix(word: &str) -> bool {
    matches!(word.as_bytes(), [b'a' | b'e', b'l', b'-', ..])
}

/// The lengths and first bytes of an article's surnames (folded).
fn surname_shapes<'s>(surnames: impl Iterator<Item = &'s String>) -> WordShapes {
    let mut shapes = WordShapes::NONE;
    for s in surnames {
        shapes.add(s.as_bytes());
    }
    shapes
}

/// A plain ASCII word (its own fold once in lower case) may be a surname:
/// one has its length and first byte.
fn may_be_surname(shapes: &WordShapes, word: &str) -> bool {
    shapes.may_hold_shape(word.len(), word.as_bytes()[0].to_ascii_lowercase())
}

/// "Rapid Support Forces (RSF)": the bracketed acronym is an alias, and its
/// later uses are mentions.
fn add_acronyms(text: &Text, tokens: &Tokens, built: &mut [Building]) {
    let body = text.body;
    let mut found: Vec<(usize, String)> = Vec::new();
    for (i, b) in built.iter().enumerate() {
        if b.kind != Kind::Organization {
            continue;
        }
        for r in &b.ranges {
            let rest = &body[r.end..];
            let Some(inner) = rest.strip_prefix(" (").and_then(|s| s.split_once(')')) else {
                continue;
            };
            let acronym = inner.0;
            let ok = (2..=8).contains(&acronym.len())
                && acronym
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
            if ok && !found.iter().any(|(_, a)| a == acronym) {
                found.push((i, acronym.to_string()));
            }
        }
    }
    for (owner, acronym) in found {
        for k in 0..tokens.len() {
            let r = tokens.list[k].range.clone();
            if tokens.text(k) == acronym
                && !is_taken(built, &r)
                && !tokens.in_capitals_line(r.start)
            {
                add_mention(&mut built[owner], text, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_words_are_those_a_split_gives() {
        for name in [
            "",
            " ",
            "a",
            "a b",
            "red crescent",
            " x",
            "x ",
            "a  b",
            "é ü",
        ] {
            assert_eq!(
                last_word(name),
                name.rsplit(' ').next().unwrap_or(""),
                "{name:?}"
            );
        }
    }

    #[test]
    fn names_end_with_the_last_words_a_search_finds() {
        let names = [
            " ",
            "a b",
            "red crescent",
            "libyan red crescent",
            "x crescent",
            "a  b",
            "é ü",
            "a ",
            "b a",
            "ab b",
            "a ab",
            "un human rights office",
        ];
        for name in names {
            for other in names.iter().chain(&["a", "b", "", "crescent", "office"]) {
                let word = last_word(other);
                assert_eq!(
                    ends_with_word(name, word),
                    last_word(name) == word,
                    "{name:?} {other:?}"
                );
            }
        }
    }

    #[test]
    fn whitespace_words_are_those_split_whitespace_counts() {
        let mut names = super::super::tokens::tests::odd_texts();
        names.extend(
            [
                "",
                " ",
                "a",
                " a ",
                "a\tb\nc",
                "a\x0bb\x0cc\rd",
                "a\x1cb",
                "x  y ",
                "é ü",
            ]
            .map(String::from),
        );
        for b in 0..128u8 {
            names.push(format!("a{}b", char::from(b)));
        }
        for name in names {
            assert_eq!(
                whitespace_words(&name),
                name.split_whitespace().count(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn word_counts_are_those_a_split_gives() {
        for name in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " x ",
            "é ü",
            "abdel fattah al-burhan",
        ] {
            assert_eq!(word_count(name), name.split(' ').count(), "{name:?}");
        }
    }

    #[test]
    fn the_article_prefix_test_is_that_of_the_string_searches() {
        let mut words = super::super::tokens::tests::odd_texts();
        words.extend(
            [
                "al-", "el-", "al", "el-Sisi", "al-Qidra", "Al-Thani", "ál-x", "e", "", "l-",
            ]
            .map(String::from),
        );
        for word in words {
            let searched = word.starts_with("al-") || word.starts_with("el-");
            assert_eq!(has_article_prefix(&word), searched, "{word:?}");
        }
    }

    #[test]
    fn the_surname_filter_passes_every_surname() {
        let surnames = [
            "okonjo",
            "vell",
            "x",
            "3m",
            "a-very-long-surname-of-more-than-sixty-three-bytes-in-all-of-it",
        ];
        let owned: Vec<String> = surnames.iter().map(|s| s.to_string()).collect();
        let shapes = surname_shapes(owned.iter());
        let words = [
            "Okonjo",
            "OKONJO",
            "Vell",
            "X",
            "3M",
            "Okonja",
            "Vella",
            "Bell",
            "Y",
            "A-Very-Long-Surname-Of-More-Than-Sixty-Three-Bytes-In-All-Of-It",
            "Another-Very-Long-Word-Of-More-Than-Sixty-Three-Bytes-In-All-Of-It",
        ];
        for word in words {
            let is_surname = surnames.contains(&word.to_ascii_lowercase().as_str());
            assert!(may_be_surname(&shapes, word) || !is_surname, "{word}");
        }
        for other in ["Bell", "Okonjos", "Vokonj", "Oell", "Xy", "4MM"] {
            assert!(!may_be_surname(&shapes, other), "{other}");
        }
    }

    /// A person as `new_actor` builds one for `name`.
    fn building(name: &str) -> Building {
        let found = Found {
            range: 0..name.len(),
            name: name.to_string(),
            kind: Kind::Person,
            title: None,
            affiliation: None,
            rule: Rule::Titled,
            form: Form::Full,
        };
        let mut built = Vec::new();
        new_actor(&mut built, &found, name.to_string(), fold(name));
        built.pop().expect("one actor")
    }

    #[test]
    fn names_compare_as_the_word_lists_they_fold_to() {
        let names = [
            "",
            "Burhan",
            "al-Burhan",
            "Al Burhan",
            "Fattah al-Burhan",
            "Abdel Fattah al-Burhan",
            "Abdel Fattah",
            "Fattah",
            "Abdel Burhan",
            "Élodie Marchand",
            "Elodie",
            "Marchand",
            "Ana Ana",
            "Ana Ana Ana",
            "n Ana",
            "Ruiz-Ana",
            "b",
            "a b",
            "a ab",
            "ab b",
            "J. Austin",
        ];
        for long in names {
            let b = building(long);
            let long_words: Vec<String> = b.folded.split(' ').map(String::from).collect();
            assert_eq!(b.word_count, long_words.len(), "{long}");
            for short in names {
                let folded = fold(short);
                let words: Vec<&str> = folded.split(' ').collect();
                let contains = words.len() >= 2
                    && words.len() < long_words.len()
                    && long_words.last().map(String::as_str) == words.last().copied()
                    && words.iter().all(|w| long_words.iter().any(|l| l == w));
                let ends = long_words.len() > words.len()
                    && long_words[long_words.len() - words.len()..] == *words;
                assert_eq!(
                    contains_name(&b, &folded, words.len()),
                    contains,
                    "{long} / {short}"
                );
                assert_eq!(
                    ends_with(&b, &folded, words.len()),
                    ends,
                    "{long} / {short}"
                );
                assert_eq!(b.folded == folded, long_words == words, "{long} / {short}");
            }
        }
    }
}
