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
//! A bare capitalised pair is never enough: "Khan Younis" or "Media Congo"
//! look like names, so every rule needs a role, a verb or a credit.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use super::lexicon::{self, OrgType, StateForm};
use super::names::{self, is_name_word, name_from, name_until, state_at};
use super::tokens::{is_capitalised, Tokens};
use super::{Form, Found, Kind, Rule};

/// All people named in the body; `orgs` are the organizations already found
/// (a title's "IDF" or "Pentagon" gives an affiliation).
pub fn find(tokens: &Tokens, orgs: &[Found]) -> Vec<Found> {
    let mut out = lexicon_people(tokens);
    out.extend(titled(tokens, orgs));
    out.extend(appositions_after(tokens, orgs));
    out.extend(appositions_before(tokens, orgs));
    out.extend(speakers(tokens));
    out.extend(credits(tokens));
    out.extend(outlet_reporters(tokens, orgs));
    out.extend(given_names(tokens));
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
    if j >= i + 2 && names::ROLE_NOUNS.contains(&tokens.text(i).to_lowercase().as_str()) {
        let start = tokens.list[i + 1].range.start;
        f.name = tokens.body[start..f.range.end].to_string();
        f.range.start = start;
    }
}

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
    let ship = first > 0 && names::SHIP_PREFIXES.contains(&tokens.text(first - 1));
    let organization = lexicon::organizations()
        .find(name)
        .iter()
        .any(|h| h.range.len() == name.len());
    let place = matches!(
        f.rule,
        Rule::Speaker | Rule::Apposition | Rule::Byline | Rule::GivenName
    ) && f.form == Form::Full
        && is_place(name);
    lexicon::states().lookup(name).is_none()
        && !names::is_platform(name)
        && !ship
        && !organization
        && !place
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
    let before = i > 0 && tokens.joined(i - 1) && is_name_word(tokens.text(i - 1));
    let after = j + 1 < tokens.len() && tokens.joined(j) && is_name_word(tokens.text(j + 1));
    !before && !after
}

/// Office words that, written in lower case, are too common to introduce a name.
#[rustfmt::skip]
const LOWERCASE_NOT_TITLES: &[&str] = &[
    "head", "chair", "justice", "judge", "speaker", "officer", "representative", "founder",
    "king", "queen", "prince", "princess", "pope",
];

/// A word that can be part of a title chain, and whether it heads one.
fn title_word(word: &str) -> Option<bool> {
    let class = lexicon::title_class(word);
    if class.rank || class.honorific {
        return Some(true);
    }
    if class.office {
        let lower_ok = !LOWERCASE_NOT_TITLES.contains(&word.to_lowercase().as_str());
        return (is_capitalised(word) || lower_ok).then_some(true);
    }
    class.modifier.then_some(false)
}

/// A complement inside a title: "of Defense", "for Human Rights", "in Sudan".
/// Returns the last word of the complement.
fn title_complement(tokens: &Tokens, p: usize) -> Option<usize> {
    if !matches!(tokens.text(p), "of" | "for" | "in" | "to") || !tokens.joined(p) {
        return None;
    }
    let mut q = p + 1;
    if q < tokens.len() && tokens.text(q) == "the" && tokens.joined(q) {
        q += 1;
    }
    let mut last = None;
    while q < tokens.len() {
        let word = tokens.text(q);
        let step = if lexicon::title_class(word).portfolio && is_capitalised(word) {
            q
        } else if let Some((e, _, StateForm::Name)) = state_at(tokens, q) {
            e
        } else {
            break;
        };
        last = Some(step);
        if !tokens.joined(step) {
            break;
        }
        q = step + 1;
        if q < tokens.len() && tokens.text(q) == "and" && tokens.joined(q) {
            q += 1;
        }
    }
    last
}

/// A title chain starting at word `i`: its last word, if it has an office,
/// rank or honorific ("Secretary of Defense", "spokesperson Rear Admiral").
fn title_chain(tokens: &Tokens, i: usize) -> Option<usize> {
    if role_before_name(tokens, i).is_some() {
        return Some(i);
    }
    let mut heads = title_word(tokens.text(i))?;
    let mut end = i;
    while tokens.joined(end) && end + 1 < tokens.len() {
        let next = tokens.text(end + 1);
        if let Some(h) = title_word(next) {
            heads |= h;
            end += 1;
        } else if let Some(c) = title_complement(tokens, end + 1) {
            end = c;
        } else if next == "and"
            && tokens.joined(end + 1)
            && end + 2 < tokens.len()
            && title_word(tokens.text(end + 2)).is_some()
        {
            end += 1;
        } else {
            break;
        }
    }
    heads.then_some(end)
}

/// "Foreign Minister Ana Ruiz", "President Biden", "Sheikh Mohammed".
fn titled(tokens: &Tokens, orgs: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(end) = title_chain(tokens, i) else {
            i += 1;
            continue;
        };
        let name = (tokens.joined(end) && end + 1 < tokens.len())
            .then(|| name_from(tokens, end + 1))
            .flatten()
            // "member Bassem Naim": a lower-case role before a full name.
            .or_else(|| role_before_name(tokens, i));
        let Some(last) = name else {
            i = end + 1;
            continue;
        };
        let first = end + 1;
        // One word after a title only when the title is capitalised:
        // "Minister Gallant", not "minister Thursday".
        let short_ok = is_capitalised(tokens.text(end));
        if first == last && !short_ok {
            i = end + 1;
            continue;
        }
        let mut f = person(tokens, first, last, Rule::Titled);
        let start = title_start(tokens, orgs, i);
        f.title = Some(title_text(tokens, start, end));
        f.affiliation = affiliation_in(tokens, orgs, start, end);
        out.push(f);
        i = last + 1;
    }
    out
}

/// A lower-case role noun right before a name of two or more words.
fn role_before_name(tokens: &Tokens, i: usize) -> Option<usize> {
    let word = tokens.text(i);
    let role = word.chars().next().is_some_and(char::is_lowercase)
        && names::ROLE_NOUNS.contains(&word)
        && tokens.joined(i);
    role.then(|| name_from(tokens, i + 1))
        .flatten()
        .filter(|&j| j > i + 1)
}

/// Words before a title that say whose title it is: "US", "Israeli",
/// "Qatar's", "IDF", "World Health Organization".
fn title_start(tokens: &Tokens, orgs: &[Found], i: usize) -> usize {
    // "Associated Press writer": the chain began inside an organization's name.
    let at = tokens.list[i].range.start;
    let mut start = match orgs.iter().find(|o| o.range.start < at && at < o.range.end) {
        Some(org) => tokens.first_from(org.range.start),
        None => i,
    };
    while start > 0 && tokens.spaced(start - 1) {
        let prev = start - 1;
        if let Some(org) = orgs
            .iter()
            .find(|o| o.range.end == tokens.list[prev].range.end)
        {
            start = tokens.first_from(org.range.start);
            continue;
        }
        let state = (prev.saturating_sub(3)..=prev).find(|&k| {
            state_at(tokens, k).is_some_and(|(e, _, f)| e == prev && f != StateForm::Seat)
        });
        match state {
            Some(k) => start = k,
            None => break,
        }
    }
    start
}

fn title_text(tokens: &Tokens, start: usize, end: usize) -> String {
    let mut end = end;
    while end > start && lexicon::title_class(tokens.text(end)).honorific {
        end -= 1;
    }
    // A clause cut short ends on a content word: "... of the capital".
    while end > start
        && matches!(
            tokens.text(end),
            "the" | "of" | "for" | "in" | "and" | "to" | "a" | "an" | "at" | "on"
        )
    {
        end -= 1;
    }
    let text = &tokens.body[tokens.list[start].range.start..tokens.list[end].end];
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The state or organization words `start..=end` name first, as an
/// affiliation ("China's U.N. Ambassador" -> CN).
fn affiliation_in(tokens: &Tokens, orgs: &[Found], start: usize, end: usize) -> Option<String> {
    let from = tokens.list[start].range.start;
    let to = tokens.list[end].range.end;
    let org = orgs
        .iter()
        .filter(|o| o.range.start >= from && o.range.end <= to)
        .min_by_key(|o| o.range.start);
    let state = (start..=end).find_map(|k| match state_at(tokens, k) {
        Some((_, state, form)) if form != StateForm::Seat => {
            Some((tokens.list[k].range.start, state))
        }
        _ => None,
    });
    match (org, state) {
        (Some(o), Some((at, s))) if at < o.range.start => Some(s.iso.clone()),
        (Some(o), _) => Some(o.name.clone()),
        (None, Some((_, s))) => Some(s.iso.clone()),
        (None, None) => None,
    }
}

fn is_role(word: &str) -> bool {
    let lower = word.to_lowercase();
    names::ROLE_NOUNS.contains(&lower.as_str()) || lexicon::title_class(word).office
}

/// Words that open a clause that is not an apposition.
#[rustfmt::skip]
const NOT_APPOSITION: &[&str] = &[
    "where", "which", "who", "when", "whose", "while", "as", "but", "and", "or", "near", "in",
    "on", "at", "from", "to", "with", "after", "before", "said", "says", "told", "according",
    "since", "until", "if", "because", "though", "although", "that", "this",
];

/// The words of the clause starting at word `k`: up to the next punctuation.
fn clause_from(tokens: &Tokens, k: usize, max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut m = k;
    while m < tokens.len() && out.len() < max {
        out.push(m);
        if !tokens.spaced(m) {
            break;
        }
        m += 1;
    }
    out
}

/// The gap after word `j` is a comma (and spaces).
fn comma_after(tokens: &Tokens, j: usize) -> bool {
    j + 1 < tokens.len() && tokens.gap_after(j).trim() == ","
}

/// Maximal name runs of at least two words: (first, last).
fn full_names(tokens: &Tokens) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let continues = i > 0 && tokens.joined(i - 1) && is_name_word(tokens.text(i - 1));
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

/// "Eli Cohen, the foreign minister", "Robert Card, 40,".
fn appositions_after(tokens: &Tokens, orgs: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, j) in full_names(tokens) {
        if !comma_after(tokens, j) {
            continue;
        }
        let clause = clause_from(tokens, j + 1, 9);
        let Some(&first) = clause.first() else {
            continue;
        };
        let opener = tokens.text(first).to_lowercase();
        // "Einav Zangauker, who ...": only people are "who".
        if opener == "who" {
            out.push(person(tokens, i, j, Rule::Apposition));
            continue;
        }
        if NOT_APPOSITION.contains(&opener.as_str()) {
            continue;
        }
        let age = tokens.text(first).chars().all(|c| c.is_ascii_digit())
            && tokens.text(first).len() <= 3
            && comma_after(tokens, first);
        let role = clause.iter().take(7).find(|&&k| is_role(tokens.text(k)));
        if !age && role.is_none() {
            continue;
        }
        let mut f = person(tokens, i, j, Rule::Apposition);
        if let Some(&last) = clause.last() {
            let skip = usize::from(matches!(opener.as_str(), "a" | "an" | "the"));
            if !age && first + skip <= last {
                f.title = Some(title_text(tokens, first + skip, last));
                f.affiliation = affiliation_in(tokens, orgs, first, last);
            }
        }
        out.push(f);
    }
    out
}

/// "the head of the city's Defense Council, Oleksandr Vilkul."
fn appositions_before(tokens: &Tokens, orgs: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, j) in full_names(tokens) {
        if i == 0 || !comma_after(tokens, i - 1) && tokens.gap_after(i - 1).trim() != "," {
            continue;
        }
        let after = tokens.gap_after(j).trim_start();
        let ends = after.is_empty()
            || after.starts_with([',', '.', ';', ':', '\n'])
            || (j + 1 < tokens.len() && is_speech_verb(tokens.text(j + 1)));
        if !ends {
            continue;
        }
        // The clause before the comma, back to the previous punctuation.
        let mut start = i - 1;
        while start > 0 && tokens.spaced(start - 1) && i - start < 10 {
            start -= 1;
        }
        let mut first = start;
        while first < i - 1
            && (is_speech_verb(tokens.text(first))
                || matches!(tokens.text(first), "the" | "The" | "a" | "A" | "an" | "An"))
        {
            first += 1;
        }
        let Some(role) = (first..i).rev().find(|&k| is_role(tokens.text(k))) else {
            continue;
        };
        if is_capitalised_name_list(tokens, first, i - 1) {
            continue;
        }
        // The role's noun phrase, after its last determiner: "Shoukry met his
        // Jordanian counterpart, Ayman Safadi" gives "Jordanian counterpart".
        if let Some(d) = (first..role).rev().find(|&k| {
            matches!(
                tokens.text(k).to_lowercase().as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            )
        }) {
            first = d + 1;
        }
        let mut f = person(tokens, i, j, Rule::Apposition);
        f.title = Some(title_text(tokens, first, i - 1));
        f.affiliation = affiliation_in(tokens, orgs, first, i - 1);
        out.push(f);
    }
    out
}

/// "Minister Ana Ruiz, Amara Okonjo": a list of names, not an apposition.
fn is_capitalised_name_list(tokens: &Tokens, first: usize, last: usize) -> bool {
    name_until(tokens, last).is_some_and(|s| s > first && s < last)
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
    SPEECH_VERBS.contains(&word)
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
        && BETWEEN_NAME_AND_VERB.contains(&tokens.text(j))
        && tokens.joined(j - 1)
    {
        j -= 1;
        skipped += 1;
    }
    if !tokens.joined(j) {
        return None;
    }
    let i = name_until(tokens, j)?;
    (j > i && !inside_proper_noun(tokens, i)).then(|| person(tokens, i, j, Rule::Speaker))
}

/// "The US Geological Study said": capitalised words glued before the
/// candidate make it part of a larger proper noun, not a person's name.
fn inside_proper_noun(tokens: &Tokens, i: usize) -> bool {
    i > 0
        && tokens.joined(i - 1)
        && is_capitalised(tokens.text(i - 1))
        && !names::is_function_word(tokens.text(i - 1))
        && !lexicon::title_class(tokens.text(i - 1)).any()
}

fn speaker_after(tokens: &Tokens, v: usize) -> Option<Found> {
    if !tokens.joined(v) {
        return None;
    }
    let i = v + 1;
    let j = name_from(tokens, i)?;
    let glued_after =
        tokens.joined(j) && j + 1 < tokens.len() && is_capitalised(tokens.text(j + 1));
    (j > i && !glued_after).then(|| person(tokens, i, j, Rule::Speaker))
}

/// "the killing of Fouad Shukur": a full name opening with a common given
/// name needs no other evidence.
fn given_names(tokens: &Tokens) -> Vec<Found> {
    full_names(tokens)
        .into_iter()
        .filter(|&(i, _)| lexicon::is_given_name(tokens.text(i)) && !inside_proper_noun(tokens, i))
        .map(|(i, j)| person(tokens, i, j, Rule::GivenName))
        .collect()
}

/// Bylines and photo credits: "By Andrea Shalal and Ahmed Tolba",
/// "(Reporting by Jane Doe; Editing by John Roe)", "Robert Card/Lewiston Police".
fn credits(tokens: &Tokens) -> Vec<Found> {
    static CREDIT: OnceLock<Regex> = OnceLock::new();
    let re = CREDIT.get_or_init(|| {
        Regex::new(r"(?m)(?:^[ \t]*By|\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten|[Pp]hotos?|[Vv]ideo|[Pp]hotograph|[Pp]roduced|[Ee]dited|[Rr]eported) by)[ \t]+")
            .expect("valid regex")
    });
    let mut out = Vec::new();
    for m in re.find_iter(tokens.body) {
        let mut k = tokens.first_from(m.end());
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
    for (i, j) in full_names(tokens) {
        if tokens.gap_after(j) == "/" {
            out.push(person(tokens, i, j, Rule::Byline));
        }
    }
    out
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
