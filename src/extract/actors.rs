//! Actors: people and organizations named in an article.
//!
//! Organizations come from a curated lexicon of actors that recur in world
//! news (data/actors.tsv) and from their shape ("... Ministry", "... Agency").
//! People come from titles ("Foreign Minister Ana Ruiz") and from names next to
//! speech verbs. Within an article, a surname or "Title Surname" resolves to
//! the full name seen elsewhere in the text.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::text::{word_end, word_start, Text};
use super::Actor;

/// One lexicon entry.
struct Known {
    name: String,
    affiliation: Option<String>,
}

struct Lexicon {
    matcher: AhoCorasick,
    /// For each pattern, the index of its entry.
    entry_of: Vec<usize>,
    entries: Vec<Known>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut entry_of = Vec::new();
        let mut entries = Vec::new();
        for line in include_str!("../../data/actors.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let name = cols[0].to_string();
            let aliases = cols.get(2).copied().unwrap_or("");
            let affiliation = cols
                .get(3)
                .map(|a| a.trim())
                .filter(|a| !a.is_empty())
                .map(String::from);
            for form in
                std::iter::once(name.as_str()).chain(aliases.split('|').filter(|a| !a.is_empty()))
            {
                patterns.push(form.to_string());
                entry_of.push(entries.len());
            }
            entries.push(Known { name, affiliation });
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("actor lexicon builds");
        Lexicon {
            matcher,
            entry_of,
            entries,
        }
    })
}

/// A name found in the text, before mentions are grouped into actors.
#[derive(Debug, Clone)]
struct Found {
    range: Range<usize>,
    name: String,
    kind: &'static str,
    title: Option<String>,
    affiliation: Option<String>,
}

/// Finds the people and organizations named in an article.
pub fn extract(text: &Text) -> Vec<Actor> {
    let body = text.body;
    let mut found = lexicon_matches(body);
    found.extend(shaped_organizations(body));
    found.extend(titled_people(body));
    found.extend(speaking_people(body));
    let found = remove_overlaps(found);
    group(text, found)
}

fn lexicon_matches(body: &str) -> Vec<Found> {
    let lex = lexicon();
    lex.matcher
        .find_iter(body)
        .filter(|m| word_start(body, m.start()) && word_end(body, m.end()))
        .map(|m| {
            let entry = &lex.entries[lex.entry_of[m.pattern().as_usize()]];
            Found {
                range: m.range(),
                name: entry.name.clone(),
                kind: "organization",
                title: None,
                affiliation: entry.affiliation.clone(),
            }
        })
        .collect()
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

/// Capitalised words ending in a word that names a kind of body.
fn shaped_organizations(body: &str) -> Vec<Found> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex(
            r"\b(?:[A-Z][\w'’&-]*\s+){1,4}(?:Ministry|Agency|Council|Brigades?|Forces|Army|Police|Department|Office|Committee|Commission|Organi[sz]ation|Authority|Front|Movement|Party|Corps|Command|Service|Institute|Bureau|Guard|Court|Parliament|Assembly|Union|Association|Society|Foundation|Group|Network|News|Times|Post|Press|Tribune|Herald|Daily|Crescent)(?:\s+(?:of|for)(?:\s+(?:the\s+)?[A-Z][\w'’-]*)+)?\b",
        )
    });
    re.find_iter(body)
        .filter_map(|m| {
            let (start, name) = strip_leading_function_words(m.as_str());
            (name.split_whitespace().count() >= 2).then(|| Found {
                range: m.start() + start..m.end(),
                name: name.to_string(),
                kind: "organization",
                title: None,
                affiliation: None,
            })
        })
        .collect()
}

/// Sentence-initial "The", "In", "A" are not part of a name.
fn strip_leading_function_words(s: &str) -> (usize, &str) {
    let mut start = 0;
    for w in [
        "The ",
        "In ",
        "A ",
        "An ",
        "On ",
        "At ",
        "By ",
        "For ",
        "And ",
        "But ",
        "According ",
    ] {
        if let Some(rest) = s[start..].strip_prefix(w) {
            start = s.len() - rest.len();
        }
    }
    (start, &s[start..])
}

const NAME: &str = r"(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]\.)";
const PARTICLE: &str = r"(?:al-|el-|bin |ibn |de |da |van |von |Al |Abu |Abdel |Abdul )";

/// "Foreign Minister Ana Ruiz", "spokesperson Daniel Reyes", "Gen. Tan".
fn titled_people(body: &str) -> Vec<Found> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex(&format!(
            r"\b(?P<title>(?:(?:Deputy|Vice|Acting|Former|former|Interim|Prime|Foreign|Defen[cs]e|Interior|Health|Finance|Security|Chief|Supreme|Lt\.|Maj\.|Brig\.|Rear|Lieutenant|Major|Brigadier)\s+)*(?:President|Minister|Secretary(?:-General)?(?: of (?:State|Defense|Defence))?|Ambassador|Envoy|envoy|Commissioner|Governor|Mayor|Spokes(?:person|man|woman)|spokes(?:person|man|woman)|Gen\.|General|Col\.|Colonel|Capt\.|Captain|Adm\.|Admiral|Sheikh|Emir|King|Queen|Prince|Pope|Chancellor|Premier|Senator|Sen\.|Rep\.|Dr\.|Mr\.|Mrs\.|Ms\.|Judge|Justice|Commander|commander|Chief|chief|Director|director|Speaker|Leader|leader))\s+(?P<name>{PARTICLE}?{NAME}(?:\s+{PARTICLE}?{NAME}){{0,3}})"
        ))
    });
    re.captures_iter(body)
        .filter_map(|c| {
            let name = c.name("name")?;
            let title = c.name("title")?.as_str().to_string();
            let clean = trim_name(name.as_str());
            if clean.is_empty() || is_stopword(clean) {
                return None;
            }
            Some(Found {
                range: name.start()..name.start() + clean.len(),
                name: clean.to_string(),
                kind: "person",
                title: Some(title),
                affiliation: None,
            })
        })
        .collect()
}

/// Two to four capitalised words right before or after a speech verb.
fn speaking_people(body: &str) -> Vec<Found> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex(&format!(
            r"(?:\b(?P<before>{NAME}(?:\s+{PARTICLE}?{NAME}){{1,3}}),?\s+(?:said|says|told|added|warned|stressed|noted|announced|urged|explained)\b)|(?:\b(?:said|says|told|added)\s+(?P<after>{NAME}(?:\s+{PARTICLE}?{NAME}){{1,3}}))"
        ))
    });
    re.captures_iter(body)
        .filter_map(|c| {
            let m = c.name("before").or_else(|| c.name("after"))?;
            let (lead, rest) = strip_leading_function_words(m.as_str());
            // "Foreign Minister Ana Ruiz said": the title is found by `titled_people`.
            let (title_len, rest) = strip_title_words(rest);
            let lead = lead + title_len;
            let clean = trim_name(rest);
            if clean.split_whitespace().count() < 2 || is_stopword(clean) {
                return None;
            }
            let start = m.start() + lead;
            Some(Found {
                range: start..start + clean.len(),
                name: clean.to_string(),
                kind: "person",
                title: None,
                affiliation: None,
            })
        })
        .collect()
}

/// Leading capitalised title words ("Foreign Minister", "President").
fn strip_title_words(s: &str) -> (usize, &str) {
    const TITLES: &[&str] = &[
        "Deputy",
        "Vice",
        "Acting",
        "Former",
        "Interim",
        "Prime",
        "Foreign",
        "Defence",
        "Defense",
        "Interior",
        "Health",
        "Finance",
        "Security",
        "Chief",
        "Minister",
        "President",
        "Secretary",
        "Ambassador",
        "Envoy",
        "Commissioner",
        "Governor",
        "Mayor",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "General",
        "Colonel",
        "Captain",
        "Admiral",
        "Sheikh",
        "Emir",
        "King",
        "Queen",
        "Prince",
        "Pope",
        "Chancellor",
        "Premier",
        "Senator",
        "Judge",
        "Justice",
        "Commander",
        "Director",
        "Speaker",
        "Leader",
        "Gen.",
        "Col.",
        "Lt.",
        "Maj.",
        "Brig.",
        "Capt.",
        "Adm.",
        "Sen.",
        "Rep.",
        "Dr.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "State",
        "US",
        "U.S.",
        "UN",
        "U.N.",
    ];
    let mut start = 0;
    loop {
        let rest = &s[start..];
        let word = rest.split_whitespace().next().unwrap_or("");
        if word.is_empty() || !TITLES.contains(&word) || rest.len() == word.len() {
            return (start, rest);
        }
        let after = &rest[word.len()..];
        start += word.len() + (after.len() - after.trim_start().len());
    }
}

/// Drops a trailing possessive or punctuation from a name.
fn trim_name(s: &str) -> &str {
    let s = s.trim_end_matches(|c: char| !c.is_alphanumeric());
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

/// Capitalised words that start sentences or name days, not people.
fn is_stopword(name: &str) -> bool {
    const STOP: &[&str] = &[
        "The",
        "He",
        "She",
        "They",
        "It",
        "We",
        "This",
        "That",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Officials",
        "Police",
        "Witnesses",
        "Residents",
    ];
    name.split_whitespace().any(|w| STOP.contains(&w))
}

/// Keeps the longest of overlapping names; among equals, lexicon entries
/// (listed first) win.
fn remove_overlaps(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        if let Some(last) = kept.last() {
            if f.range.start < last.range.end {
                continue;
            }
        }
        kept.push(f);
    }
    kept
}

/// Groups names into actors: same canonical name, or a person's short form
/// (surname) resolving to the full name.
fn group(text: &Text, found: Vec<Found>) -> Vec<Actor> {
    let mut actors: Vec<Actor> = Vec::new();
    let mut index: HashMap<(String, &'static str), usize> = HashMap::new();
    // Full names first so short forms can find them.
    let mut order: Vec<&Found> = found.iter().collect();
    order.sort_by_key(|f| std::cmp::Reverse(f.name.split_whitespace().count()));
    for f in order {
        let key = resolve_person(&actors, f).unwrap_or_else(|| f.name.clone());
        let i = *index.entry((key.clone(), f.kind)).or_insert_with(|| {
            actors.push(Actor {
                name: key.clone(),
                kind: f.kind.to_string(),
                title: None,
                affiliation: None,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            actors.len() - 1
        });
        let actor = &mut actors[i];
        let surface = &text.body[f.range.clone()];
        if surface != actor.name && !actor.aliases.iter().any(|a| a == surface) {
            actor.aliases.push(surface.to_string());
        }
        actor.title = actor.title.take().or_else(|| f.title.clone());
        actor.affiliation = actor.affiliation.take().or_else(|| f.affiliation.clone());
        actor.mentions.push(text.mention(f.range.clone()));
    }
    add_surname_mentions(text, &mut actors);
    for actor in &mut actors {
        actor.mentions.sort_by_key(|m| m.span);
    }
    actors.sort_by_key(|a| a.mentions[0].span);
    actors
}

/// Later bare surnames ("Okonjo added") are mentions of the full name.
fn add_surname_mentions(text: &Text, actors: &mut [Actor]) {
    let body = text.body;
    let taken: Vec<Range<usize>> = actors
        .iter()
        .flat_map(|a| a.mentions.iter().map(|m| text.byte_range(m.span)))
        .collect();
    for actor in actors
        .iter_mut()
        .filter(|a| a.kind == "person" && a.name.contains(' '))
    {
        let surname = actor
            .name
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_string();
        for (i, _) in body.match_indices(surname.as_str()) {
            let r = i..i + surname.len();
            if word_start(body, r.start)
                && word_end(body, r.end)
                && !taken.iter().any(|t| t.start <= r.start && r.end <= t.end)
            {
                if !actor.aliases.contains(&surname) {
                    actor.aliases.push(surname.clone());
                }
                actor.mentions.push(text.mention(r));
            }
        }
    }
}

/// A one-word person name that is the last word of a known full name.
fn resolve_person(actors: &[Actor], f: &Found) -> Option<String> {
    if f.kind != "person" || f.name.split_whitespace().count() != 1 {
        return None;
    }
    actors
        .iter()
        .find(|a| a.kind == "person" && a.name.split_whitespace().last() == Some(f.name.as_str()))
        .map(|a| a.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(body: &str) -> Vec<(String, String)> {
        extract(&Text::new(body))
            .into_iter()
            .map(|a| (a.name, a.kind))
            .collect()
    }

    #[test]
    fn lexicon_spellings_resolve_to_one_actor() {
        let actors = extract(&Text::new(
            "Hizballah fired rockets. Hezbollah later said more.",
        ));
        assert_eq!(actors.len(), 1);
        assert_eq!(actors[0].name, "Hezbollah");
        assert_eq!(actors[0].aliases, vec!["Hizballah"]);
    }

    #[test]
    fn a_title_introduces_a_person_and_the_surname_resolves_to_them() {
        let actors = extract(&Text::new(
            "Foreign Minister Amara Okonjo arrived. Later, Minister Okonjo spoke to reporters.",
        ));
        let okonjo: Vec<_> = actors.iter().filter(|a| a.kind == "person").collect();
        assert_eq!(okonjo.len(), 1, "{actors:?}");
        assert_eq!(okonjo[0].name, "Amara Okonjo");
        assert_eq!(okonjo[0].mentions.len(), 2);
    }

    #[test]
    fn shaped_organizations_are_found() {
        assert!(
            names("The Kestrel Health Ministry said on Monday.").contains(&(
                "Kestrel Health Ministry".to_string(),
                "organization".to_string()
            ))
        );
    }
}
