//! People, found from the evidence news text gives for a name:
//! - a title before it ("Secretary of Defense Lloyd J. Austin", "Maj. Gen.
//!   Pat Ryder", "spokesperson Matthew Miller");
//! - an apposition naming a role or an age ("Eli Cohen, the foreign
//!   minister", "the head of the council, Oleksandr Vilkul", "Robert Card, 40,");
//! - a speech verb next to it ("..., Tamer Ramadan warned");
//! - a byline or photo credit ("By Andrea Shalal and Ahmed Tolba");
//! - an outlet's possessive ("Axios’ Barak Ravid");
//! - the lexicon of people who recur in world news.
//!
//! - a common given name opening it ("the killing of Fouad Shukur").
//!
//! Otherwise a capitalised pair is not enough: "Khan Younis" or "Media
//! Congo" look like names, so the rules want a role, a verb or a credit, and
//! what the gazetteer knows as a place is not a person.

mod appositions;
mod titles;

pub(super) use titles::LOWERCASE_NOT_TITLES;

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{self, OrgType};
use super::names::{self, name_from, name_until};
use super::tokens::{at_word_start, Tokens};
use super::{Form, Found, Kind, Rule};

/// All people named in the body; `orgs` are the organizations already found
/// (a title's "IDF" or "Pentagon" gives an affiliation), `hits` those of the
/// people lexicon.
pub fn find(tokens: &Tokens, orgs: &[Found], hits: Vec<lexicon::Hit<'_>>) -> Vec<Found> {
    let full = full_names(tokens);
    let mut out = lexicon_people(tokens, hits);
    let by_rule = [
        titles::titled(tokens, orgs),
        appositions::after(tokens, orgs, &full),
        appositions::before(tokens, orgs, &full),
        speakers(tokens),
        credits(tokens, &full),
        outlet_reporters(tokens, orgs),
        given_names(tokens, &full),
    ];
    // Grown once, not once per rule.
    out.reserve(by_rule.iter().map(Vec::len).sum());
    out.extend(by_rule.into_iter().flatten());
    for f in &mut out {
        drop_leading_role(tokens, f);
    }
    let mut known = Known::default();
    out.retain(|f| plausible(tokens, f, &mut known));
    out
}

/// What the organization lexicon says of a name, asked once per article:
/// several rules find the same names, and names recur.
#[derive(Default)]
struct Known<'a> {
    organizations: FxHashMap<&'a str, bool>,
}

impl<'a> Known<'a> {
    /// "Al Jazeera", "Al Jazeera Arabic said": an organization's name.
    fn is_organization(&mut self, name: &'a str) -> bool {
        *self.organizations.entry(name).or_insert_with(|| {
            lexicon::organizations().find(name).iter().any(|h| {
                h.range.len() == name.len()
                    || (h.range.start == 0 && name[h.range.clone()].contains(' '))
            })
        })
    }
}

/// "Coach Pep Guardiola said": a capitalised role opening the name is not
/// part of it.
fn drop_leading_role(tokens: &Tokens, f: &mut Found) {
    if f.rule == Rule::PersonLexicon || f.form == Form::Short {
        return;
    }
    let i = tokens.first_from(f.range.start);
    let j = tokens.first_from(f.range.end).saturating_sub(1);
    if j >= i + 2 && tokens.class(i).role_noun_folded() {
        let start = tokens.list[i + 1].range.start;
        f.name = tokens.body[start..f.range.end].to_string();
        f.range.start = start;
    }
}

/// A person found at words `i..=j`.
fn person(tokens: &Tokens, i: usize, j: usize, rule: Rule) -> Found {
    let range = tokens.range(i, j);
    let name = tokens.body[range.clone()].to_string();
    Found {
        form: if i == j { Form::Short } else { Form::Full },
        range,
        name,
        kind: Kind::Person,
        title: None,
        affiliation: None,
        rule,
    }
}

/// Not a place ("Tel Aviv said"), an organization's name or a vessel.
fn plausible<'a>(tokens: &Tokens<'a>, f: &Found, known: &mut Known<'a>) -> bool {
    if f.rule == Rule::PersonLexicon {
        return true;
    }
    let name = &tokens.body[f.range.clone()];
    let first = tokens.first_from(f.range.start);
    let ship = first > 0 && tokens.class(first - 1).ship_prefix();
    let place_rule = matches!(
        f.rule,
        Rule::Speaker | Rule::Apposition | Rule::Byline | Rule::GivenName
    ) && f.form == Form::Full;
    let implausible = lexicon::states().lookup(name).is_some()
        || names::is_platform(name)
        || ship
        || known.is_organization(name)
        || (place_rule && is_place(name))
        || names_a_place_after_a_person(tokens, f);
    !implausible
}

/// "Mark Twain Avenue", "King Abdullah II Bridge", "Sheikh Jarrah": a
/// person's name inside a place's.
fn names_a_place_after_a_person(tokens: &Tokens, f: &Found) -> bool {
    if f.rule == Rule::PersonLexicon {
        return false;
    }
    let i = tokens.first_from(f.range.start);
    let mut j = tokens.first_from(f.range.end).saturating_sub(1);
    if tokens.joined(j) && j + 1 < tokens.len() && is_roman_numeral(tokens.text(j + 1)) {
        j += 1;
    }
    let feature = tokens.joined(j) && j + 1 < tokens.len() && tokens.class(j + 1).place_feature();
    // "Sheikh Jarrah": with the word before, a place the gazetteer knows.
    let titled_place = f.form == Form::Short
        && i > 0
        && tokens.joined(i - 1)
        && is_place(&tokens.body[tokens.list[i - 1].range.start..f.range.end]);
    feature || titled_place
}

fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.len() <= 4 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// "Tel Aviv said", "Khan Younis, the main city": a place the gazetteer
/// knows by that very name (not by an alternate spelling).
fn is_place(name: &str) -> bool {
    use crate::extract::gazetteer::{Gazetteer, MatchKind};
    // Names recur from article to article, and the gazetteer is large: each
    // thread remembers its answers (bounded).
    thread_local! {
        static KNOWN: RefCell<FxHashMap<Box<str>, bool>> = RefCell::default();
    }
    if let Some(known) = KNOWN.with_borrow(|known| known.get(name).copied()) {
        return known;
    }
    let answer = Gazetteer::get()
        .candidates(name)
        .iter()
        .any(|(_, how)| *how != MatchKind::Alternate);
    KNOWN.with_borrow_mut(|known| {
        if known.len() >= 20_000 {
            known.clear();
        }
        known.insert(name.into(), answer);
    });
    answer
}

/// Full names and distinctive surnames from the people lexicon. A surname
/// next to another capitalised word ("Abbas Kiarostami") is someone else.
fn lexicon_people(tokens: &Tokens, hits: Vec<lexicon::Hit<'_>>) -> Vec<Found> {
    let dict = lexicon::people();
    hits.into_iter()
        .filter(|h| !h.short || stands_alone(tokens, &h.range))
        .map(|h| {
            let entry = &dict.entries[h.entries[0]];
            Found {
                range: h.range,
                name: entry.name.clone(),
                kind: Kind::Person,
                title: None,
                affiliation: None,
                rule: Rule::PersonLexicon,
                form: Form::Full,
            }
        })
        .collect()
}

fn stands_alone(tokens: &Tokens, range: &std::ops::Range<usize>) -> bool {
    let i = tokens.first_from(range.start);
    let j = tokens.first_from(range.end).saturating_sub(1);
    let before = i > 0 && tokens.joined(i - 1) && tokens.class(i - 1).name_word();
    let after = j + 1 < tokens.len() && tokens.joined(j) && tokens.class(j + 1).name_word();
    !before && !after
}

/// A role noun or an office, in any case: "minister", "Coach".
fn is_role(tokens: &Tokens, k: usize) -> bool {
    let class = tokens.class(k);
    class.role_noun_folded() || class.title().office
}

/// Maximal name runs of at least two words: (first, last).
fn full_names(tokens: &Tokens) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Most words open no name: skipped on their class in one pass.
        match (tokens.list[i..].iter()).position(|t| t.class.initials() || t.class.name_word()) {
            Some(skipped) => i += skipped,
            None => break,
        }
        let continues = i > 0 && tokens.joined(i - 1) && tokens.class(i - 1).name_word();
        match name_from(tokens, i).filter(|&j| j > i && !continues) {
            Some(j) => {
                out.push((i, j));
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Verbs of saying that sit next to a speaker's name.
#[rustfmt::skip]
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "added", "adds", "warned", "warns", "stressed",
    "stresses", "noted", "notes", "announced", "announces", "urged", "urges", "explained",
    "stated", "states", "wrote", "writes", "reported", "confirmed", "confirms", "claimed",
    "insisted", "declared", "tweeted", "posted", "condemned", "cautioned", "argued",
    "acknowledged", "asserted", "emphasized", "emphasised", "underlined", "underscored",
    "reiterated", "reaffirmed", "affirmed", "denied", "estimated", "vowed", "pledged",
    "accused", "welcomed", "replied", "responded", "commented", "remarked", "admitted",
    "indicated", "suggested", "revealed", "disclosed", "recalled", "observed", "lamented",
    "criticised", "criticized", "praised", "demanded", "testified", "predicted", "conceded",
    "contended", "countered", "echoed", "alleged", "blamed", "hailed", "promised",
    "threatened", "briefed", "recounted", "described", "explains", "believes", "thinks",
    "contributed",
];

/// Short words between a name and its verb: "Gallant also said".
#[rustfmt::skip]
pub const BETWEEN_NAME_AND_VERB: &[&str] = &[
    "also", "has", "had", "have", "later", "earlier", "then", "further", "again", "previously",
    "recently", "reportedly", "would", "will", "had", "once", "separately", "publicly",
    "repeatedly", "himself", "herself",
];

/// "Tamer Ramadan warned", "said Oleksandr Vilkul", "according to Amara Okonjo".
fn speakers(tokens: &Tokens) -> Vec<Found> {
    let mut out = Vec::new();
    for (v, t) in tokens.list.iter().enumerate() {
        if t.class.speech_verb() {
            out.extend(speaker_before(tokens, v));
            // "told Reuters", "told Barak Ravid": after "told" comes the listener.
            if !matches!(tokens.text(v), "told" | "tells") {
                out.extend(speaker_after(tokens, v));
            }
        } else if t.text() == "according" && v + 1 < tokens.len() && tokens.text(v + 1) == "to" {
            out.extend(speaker_after(tokens, v + 1));
        }
    }
    out
}

fn speaker_before(tokens: &Tokens, v: usize) -> Option<Found> {
    let mut j = v.checked_sub(1)?;
    let mut skipped = 0;
    while skipped < 2 && j > 0 && tokens.class(j).between_name_and_verb() && tokens.joined(j - 1) {
        j -= 1;
        skipped += 1;
    }
    if !tokens.joined(j) {
        return None;
    }
    let i = name_until(tokens, j)?;
    let ok = j > i && !inside_proper_noun(tokens, i) && speaks_like_a_person(tokens, i, j, v);
    ok.then(|| person(tokens, i, j, Rule::Speaker))
}

/// Outlets "report" and armed groups have Arabic names ("Jaish al-Adl
/// said"): without a common given name, such a speaker is not a person.
fn speaks_like_a_person(tokens: &Tokens, i: usize, j: usize, verb: usize) -> bool {
    if tokens.class(i).given_name() {
        return true;
    }
    let outlet_verb = matches!(tokens.text(verb), "reported" | "posted" | "published");
    let group_name = j == i + 1 && tokens.class(j).article_name();
    !outlet_verb && !group_name
}

/// "The US Geological Study said": capitalised words glued before the
/// candidate make it part of a larger proper noun, not a person's name.
fn inside_proper_noun(tokens: &Tokens, i: usize) -> bool {
    let prev = |k: usize| tokens.class(k);
    i > 0
        && tokens.joined(i - 1)
        && prev(i - 1).capitalised()
        && !prev(i - 1).function()
        && !prev(i - 1).title().any()
}

fn speaker_after(tokens: &Tokens, v: usize) -> Option<Found> {
    if !tokens.joined(v) {
        return None;
    }
    let i = v + 1;
    let j = name_from(tokens, i)?;
    let glued_after = tokens.joined(j) && j + 1 < tokens.len() && tokens.class(j + 1).capitalised();
    let ok = j > i && !glued_after && speaks_like_a_person(tokens, i, j, v);
    ok.then(|| person(tokens, i, j, Rule::Speaker))
}

/// "the killing of Fouad Shukur": a full name opening with a common given
/// name needs no other evidence.
fn given_names(tokens: &Tokens, full: &[(usize, usize)]) -> Vec<Found> {
    full.iter()
        .copied()
        .filter(|&(i, _)| {
            tokens.class(i).given_name()
                && !inside_proper_noun(tokens, i)
                && !tokens.in_headline_case(i)
        })
        .map(|(i, j)| person(tokens, i, j, Rule::GivenName))
        .collect()
}

/// Bylines and photo credits: "By Andrea Shalal and Ahmed Tolba",
/// "(Reporting by Jane Doe; Editing by John Roe)", "Robert Card/Lewiston Police".
fn credits(tokens: &Tokens, full: &[(usize, usize)]) -> Vec<Found> {
    let mut out = Vec::new();
    for end in credit_ends(tokens.body) {
        let mut k = tokens.first_from(end);
        while let Some(j) = name_from(tokens, k).filter(|&j| j > k) {
            out.push(person(tokens, k, j, Rule::Byline));
            let sep = tokens.gap_after(j).trim();
            if !(sep == "," || sep == "&" || sep.is_empty()) || j + 1 >= tokens.len() {
                break;
            }
            k = j + 1;
            if tokens.text(k) == "and" {
                k += 1;
            }
        }
    }
    // "Name/Agency" photo credits.
    for &(i, j) in full {
        if tokens.gap_after(j) == "/" {
            out.push(person(tokens, i, j, Rule::Byline));
        }
    }
    out
}

/// Where each credit of the body ends, in order: a line's "By " or a
/// "Reporting by " (`(?m)(?:^[ \t]*By|\b(?:[Rr]eporting|...) by)[ \t]+`).
fn credit_ends(body: &str) -> Vec<usize> {
    let mut ends = credited_by_ends(body);
    // A line opening with "By", read by hand: `(?m)^` in the pattern would
    // keep the regex from searching for its words first. (The two kinds
    // never overlap, so in order of their ends they are in order.)
    let line_starts =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', body.as_bytes()).map(|i| i + 1));
    ends.extend(line_starts.filter_map(|start| {
        let after = body[start..]
            .trim_start_matches([' ', '\t'])
            .strip_prefix("By")?;
        let rest = after.trim_start_matches([' ', '\t']);
        (rest.len() < after.len()).then(|| body.len() - rest.len())
    }));
    ends.sort_unstable();
    ends
}

/// The words a credit's "by" follows; the first letter may also be a capital.
const CREDIT_WORDS: &[&str] = &[
    "reporting",
    "writing",
    "editing",
    "compiled",
    "written",
    "photos",
    "photo",
    "video",
    "photograph",
    "produced",
    "edited",
    "reported",
];

/// The ends of `\b(?:[Rr]eporting|...|[Rr]eported) by[ \t]+` in `body`, read
/// from each " by" that blanks follow (memmem) and the word before it: no
/// word of the list ends another, so one at most ends there, and matches
/// that do not overlap come in the order of their "by"s.
fn credited_by_ends(body: &str) -> Vec<usize> {
    let bytes = body.as_bytes();
    let mut ends = Vec::new();
    // Where the last match ended: matches do not overlap.
    let mut resume = 0;
    for space in memchr::memmem::find_iter(bytes, b" by") {
        let blanks = bytes[space + 3..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        if blanks == 0 {
            continue;
        }
        let start = CREDIT_WORDS.iter().find_map(|w| {
            let start = space.checked_sub(w.len())?;
            let (first, rest) = bytes[start..space].split_first()?;
            (first.to_ascii_lowercase() == w.as_bytes()[0] && rest == &w.as_bytes()[1..])
                .then_some(start)
        });
        if start.is_some_and(|s| s >= resume && at_word_start(body, s)) {
            resume = space + 3 + blanks;
            ends.push(resume);
        }
    }
    ends
}

/// Outlets of the lexicon, whose possessive introduces their journalists.
fn outlets() -> &'static FxHashSet<String> {
    static OUTLETS: OnceLock<FxHashSet<String>> = OnceLock::new();
    OUTLETS.get_or_init(|| {
        lexicon::organizations()
            .entries
            .iter()
            .filter(|e| e.org_type == OrgType::Outlet)
            .map(|e| e.name.clone())
            .collect()
    })
}

/// "Axios’ Barak Ravid", "CNN's Jake Tapper".
fn outlet_reporters(tokens: &Tokens, orgs: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for org in orgs.iter().filter(|o| outlets().contains(&o.name)) {
        let Some(k) = tokens
            .list
            .iter()
            .position(|t| t.range.end == org.range.end)
        else {
            continue;
        };
        if !tokens.list[k].possessive || !tokens.spaced(k) || k + 1 >= tokens.len() {
            continue;
        }
        if let Some(j) = name_from(tokens, k + 1).filter(|&j| j > k + 1) {
            let mut f = person(tokens, k + 1, j, Rule::Apposition);
            f.affiliation = Some(org.name.clone());
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn credits_end_where_the_single_pattern_ended_them() {
        let re = Regex::new(r"(?m)(?:^[ \t]*By|\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten|[Pp]hotos?|[Vv]ideo|[Pp]hotograph|[Pp]roduced|[Ee]dited|[Rr]eported) by)[ \t]+")
            .expect("valid regex");
        let mut texts = super::super::tokens::tests::odd_texts();
        texts.extend(
            [
                "By Jana Holt\n  By\tOmar Saleh\nBy\n(Reporting by Jane Doe; Editing by John Roe)",
                "XPhoto by Ann. Photos by Bo, photograph by Cy; ÉEdited by Di\nVideo by  Ed",
                "Reported by\nBy ",
                "reporting by x Reporting  by y REPORTING by z xPhoto by a Photos by\tb",
                "Photograph by c Photographs by d photo by by e Edited by Reedited by f",
                "Compiled by Written by Writing byline Video by\u{a0}g Produced by  ",
                "éEdited by h _Edited by i 3Edited by j Edited by\nk Edited by",
            ]
            .map(String::from),
        );
        // Credit words, cut and glued to each other and to odd pieces.
        #[rustfmt::skip]
        let pieces = [
            "Photo", "photos", "Photograph", "Reported", "reporting", "Edited", "Video", "by",
            " by", " ", "\t", "x", "é", "\n", "By", "_", "graph", "s", "ed", "\u{a0}", "3",
        ];
        let mut seed: u64 = 5;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..12 {
                crate::extract::text::step_random(&mut seed);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            texts.push(text);
        }
        for text in texts {
            let expected: Vec<usize> = re.find_iter(&text).map(|m| m.end()).collect();
            assert_eq!(credit_ends(&text), expected, "{text:?}");
        }
    }
}
