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

use std::collections::HashSet;
use std::sync::OnceLock;

use super::lexicon::{self, OrgType};
use super::names::{self, name_from, name_until};
use super::tokens::{is_capitalised, is_word_char, Tokens};
use super::wordset::{with_lowercase, word_set};
use super::{Form, Found, Kind, Rule};

/// All people named in the body; `orgs` are the organizations already found
/// (a title's "IDF" or "Pentagon" gives an affiliation).
pub fn find(tokens: &Tokens, orgs: &[Found]) -> Vec<Found> {
    let full = full_names(tokens);
    let mut out = lexicon_people(tokens);
    out.extend(titles::titled(tokens, orgs));
    out.extend(appositions::after(tokens, orgs, &full));
    out.extend(appositions::before(tokens, orgs, &full));
    out.extend(speakers(tokens));
    out.extend(credits(tokens, &full));
    out.extend(outlet_reporters(tokens, orgs));
    out.extend(given_names(tokens, &full));
    for f in &mut out {
        drop_leading_role(tokens, f);
    }
    out.retain(|f| plausible(tokens, f));
    out
}

/// "Coach Pep Guardiola said": a capitalised role opening the name is not
/// part of it.
fn drop_leading_role(tokens: &Tokens, f: &mut Found) {
    if f.rule == Rule::PersonLexicon || f.form == Form::Short {
        return;
    }
    let i = tokens.first_from(f.range.start);
    let j = tokens.first_from(f.range.end).saturating_sub(1);
    if j >= i + 2 && is_role_noun(tokens.text(i)) {
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
fn plausible(tokens: &Tokens, f: &Found) -> bool {
    if f.rule == Rule::PersonLexicon {
        return true;
    }
    let name = &tokens.body[f.range.clone()];
    let first = tokens.first_from(f.range.start);
    let ship = || first > 0 && word_set!(names::SHIP_PREFIXES).contains(tokens.text(first - 1));
    // "Al Jazeera", "Al Jazeera Arabic said": an organization's name.
    let organization = || {
        lexicon::organizations().find(name).iter().any(|h| {
            h.range.len() == name.len()
                || (h.range.start == 0 && name[h.range.clone()].contains(' '))
        })
    };
    let place = || {
        matches!(
            f.rule,
            Rule::Speaker | Rule::Apposition | Rule::Byline | Rule::GivenName
        ) && f.form == Form::Full
            && is_place(name)
    };
    // Cheapest tests first.
    lexicon::states().lookup(name).is_none()
        && !names::is_platform(name)
        && !ship()
        && !organization()
        && !place()
        && !names_a_place_after_a_person(tokens, f)
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
    let feature =
        tokens.joined(j) && j + 1 < tokens.len() && names::is_place_feature(tokens.text(j + 1));
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
    Gazetteer::get()
        .candidates(name)
        .iter()
        .any(|(_, how)| *how != MatchKind::Alternate)
}

/// Full names and distinctive surnames from the people lexicon. A surname
/// next to another capitalised word ("Abbas Kiarostami") is someone else.
fn lexicon_people(tokens: &Tokens) -> Vec<Found> {
    let dict = lexicon::people();
    dict.find(tokens.body)
        .into_iter()
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
    let before = i > 0 && tokens.joined(i - 1) && tokens.is_name_word(i - 1);
    let after = j + 1 < tokens.len() && tokens.joined(j) && tokens.is_name_word(j + 1);
    !before && !after
}

/// Word `k` names a role: "minister", "spokesperson", "Mayor".
fn is_role(tokens: &Tokens, k: usize) -> bool {
    is_role_noun(tokens.text(k)) || tokens.title_class(k).office
}

/// A role noun in any case.
fn is_role_noun(word: &str) -> bool {
    with_lowercase(word, |lower| word_set!(names::ROLE_NOUNS).contains(lower))
}

/// Maximal name runs of at least two words: (first, last).
fn full_names(tokens: &Tokens) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let continues = i > 0 && tokens.joined(i - 1) && tokens.is_name_word(i - 1);
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
const SPEECH_VERBS: &[&str] = &[
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

fn is_speech_verb(word: &str) -> bool {
    word_set!(SPEECH_VERBS).contains(word)
}

/// Short words between a name and its verb: "Gallant also said".
#[rustfmt::skip]
const BETWEEN_NAME_AND_VERB: &[&str] = &[
    "also", "has", "had", "have", "later", "earlier", "then", "further", "again", "previously",
    "recently", "reportedly", "would", "will", "had", "once", "separately", "publicly",
    "repeatedly", "himself", "herself",
];

/// "Tamer Ramadan warned", "said Oleksandr Vilkul", "according to Amara Okonjo".
fn speakers(tokens: &Tokens) -> Vec<Found> {
    let mut out = Vec::new();
    for v in 0..tokens.len() {
        let verb = tokens.text(v);
        if is_speech_verb(verb) {
            out.extend(speaker_before(tokens, v));
            // "told Reuters", "told Barak Ravid": after "told" comes the listener.
            if verb != "told" && verb != "tells" {
                out.extend(speaker_after(tokens, v));
            }
        } else if verb == "according" && v + 1 < tokens.len() && tokens.text(v + 1) == "to" {
            out.extend(speaker_after(tokens, v + 1));
        }
    }
    out
}

fn speaker_before(tokens: &Tokens, v: usize) -> Option<Found> {
    let mut j = v.checked_sub(1)?;
    let mut skipped = 0;
    while skipped < 2
        && j > 0
        && word_set!(BETWEEN_NAME_AND_VERB).contains(tokens.text(j))
        && tokens.joined(j - 1)
    {
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
    if lexicon::is_given_name(tokens.text(i)) {
        return true;
    }
    let outlet_verb = matches!(tokens.text(verb), "reported" | "posted" | "published");
    let group_name = j == i + 1 && names::is_article_name(tokens.text(j));
    !outlet_verb && !group_name
}

/// "The US Geological Study said": capitalised words glued before the
/// candidate make it part of a larger proper noun, not a person's name.
fn inside_proper_noun(tokens: &Tokens, i: usize) -> bool {
    i > 0
        && tokens.joined(i - 1)
        && is_capitalised(tokens.text(i - 1))
        && !names::is_function_word(tokens.text(i - 1))
        && !tokens.title_class(i - 1).any()
}

fn speaker_after(tokens: &Tokens, v: usize) -> Option<Found> {
    if !tokens.joined(v) {
        return None;
    }
    let i = v + 1;
    let j = name_from(tokens, i)?;
    let glued_after =
        tokens.joined(j) && j + 1 < tokens.len() && is_capitalised(tokens.text(j + 1));
    let ok = j > i && !glued_after && speaks_like_a_person(tokens, i, j, v);
    ok.then(|| person(tokens, i, j, Rule::Speaker))
}

/// "the killing of Fouad Shukur": a full name opening with a common given
/// name needs no other evidence.
fn given_names(tokens: &Tokens, full_names: &[(usize, usize)]) -> Vec<Found> {
    full_names
        .iter()
        .copied()
        .filter(|&(i, _)| {
            lexicon::is_given_name(tokens.text(i))
                && !inside_proper_noun(tokens, i)
                && !tokens.in_headline_case(i)
        })
        .map(|(i, j)| person(tokens, i, j, Rule::GivenName))
        .collect()
}

/// Bylines and photo credits: "By Andrea Shalal and Ahmed Tolba",
/// "(Reporting by Jane Doe; Editing by John Roe)", "Robert Card/Lewiston Police".
fn credits(tokens: &Tokens, full_names: &[(usize, usize)]) -> Vec<Found> {
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
    for &(i, j) in full_names {
        if tokens.gap_after(j) == "/" {
            out.push(person(tokens, i, j, Rule::Byline));
        }
    }
    out
}

/// Words that credit the name after "by" ("Reporting by", "Photo by").
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

/// Where the names of each credit begin: the ends of the matches of
/// `(?m)(?:^[ \t]*By|\b(?:[Rr]eporting|...|[Rr]eported) by)[ \t]+`, found
/// by looking around each "by" (a regex with Unicode `\b` ran its slowest
/// engine over every article).
fn credit_ends(body: &str) -> Vec<usize> {
    let bytes = body.as_bytes();
    let mut ends = Vec::new();
    // Matches do not overlap: a credit starts after the previous one ended.
    let mut last_end = 0;
    for y in 1..bytes.len() {
        if bytes[y] != b'y' || !matches!(bytes[y - 1], b'b' | b'B') {
            continue;
        }
        let by = y - 1;
        let mut end = y + 1;
        while end < bytes.len() && matches!(bytes[end], b' ' | b'\t') {
            end += 1;
        }
        if end == y + 1 {
            continue;
        }
        let start = if bytes[by] == b'B' {
            blank_line_start(body, by)
        } else {
            credit_word_start(body, by)
        };
        if start.is_some_and(|s| s >= last_end) {
            ends.push(end);
            last_end = end;
        }
    }
    ends
}

/// The start of the line holding byte `at`, if only spaces and tabs precede it there.
fn blank_line_start(body: &str, at: usize) -> Option<usize> {
    let before = &body.as_bytes()[..at];
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    before[start..]
        .iter()
        .all(|&b| b == b' ' || b == b'\t')
        .then_some(start)
}

/// The start of the credit word ending one space before byte `by`
/// ("Photo by"), if it starts a word.
fn credit_word_start(body: &str, by: usize) -> Option<usize> {
    let before = body[..by].strip_suffix(' ')?.as_bytes();
    let word = CREDIT_WORDS.iter().find(|w| {
        let w = w.as_bytes();
        before.len() >= w.len() && {
            let tail = &before[before.len() - w.len()..];
            tail[1..] == w[1..] && (tail[0] == w[0] || tail[0] == w[0].to_ascii_uppercase())
        }
    })?;
    let start = before.len() - word.len();
    let after_word_char = body[..start].chars().next_back().is_some_and(is_word_char);
    (!after_word_char).then_some(start)
}

/// Outlets of the lexicon, whose possessive introduces their journalists.
fn outlets() -> &'static HashSet<String> {
    static OUTLETS: OnceLock<HashSet<String>> = OnceLock::new();
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
    fn credits_are_found_where_the_regex_finds_them() {
        let re = Regex::new(r"(?m)(?:^[ \t]*By|\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten|[Pp]hotos?|[Vv]ideo|[Pp]hotograph|[Pp]roduced|[Ee]dited|[Rr]eported) by)[ \t]+")
            .expect("valid regex");
        let pieces = [
            "By",
            "by",
            " ",
            "\t",
            "\n",
            "Reporting",
            "photo",
            "Photos",
            "Photograph",
            "é",
            "x",
            "_",
            "Written",
            "video",
            "Edited",
            "reported",
            "Jane",
            ",",
            "\u{300}",
            "Ä",
        ];
        let mut seed: u64 = 11;
        for _ in 0..3000 {
            let mut body = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                body.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let expected: Vec<usize> = re.find_iter(&body).map(|m| m.end()).collect();
            assert_eq!(credit_ends(&body), expected, "{body:?}");
        }
    }
}
