//! Organizations, found four ways:
//! - the lexicon of bodies that recur in world news, with their spellings;
//! - bodies named by their state, in any case ("the Israeli military",
//!   "Lebanon's health ministry"; ANNOTATION hard case 3);
//! - the shape of a name: capitalised words ending in a head word
//!   ("Maine State Police", "Health Ministry") or a head word followed by its
//!   complement ("Ministry of the Interior"), so unknown bodies are caught;
//! - a descriptor before a name ("news portal Media Congo").

mod described;
mod shapes;
mod state_bodies;

use rustc_hash::FxHashSet;

use super::lexicon;
use super::tokens::{ends_with_in_lower_case, is_all_caps, Tokens};
use super::{Found, Kind, Rule};
use crate::extract::text::with_lowercase;

pub(super) use described::descriptor_first_words;
pub(super) use state_bodies::{BODY_MODIFIERS, HEAD_ENDS};

/// All organizations named in the body; `hits` are those of the lexicon.
pub fn find(tokens: &Tokens, hits: Vec<lexicon::Hit<'_>>) -> Vec<Found> {
    let mut out = lexicon_matches(tokens, hits);
    let by_rule = [
        state_bodies::find(tokens),
        shapes::find(tokens),
        described::find(tokens),
    ];
    // Grown once, not once per rule.
    out.reserve(by_rule.iter().map(Vec::len).sum());
    out.extend(by_rule.into_iter().flatten());
    out.retain(|f| !is_adjectival(tokens.body, f));
    name_complemented_entries(tokens.body, &mut out);
    out
}

/// "the U.N. Human Rights Office of the Commissioner" is the lexicon's "UN
/// Human Rights Office" with its complement: it keeps the lexicon's name.
fn name_complemented_entries(body: &str, found: &mut [Found]) {
    // Lexicon entries by index: only shaped names change, and only the
    // entry a name takes is copied.
    let entries: Vec<usize> = (0..found.len())
        .filter(|&e| found[e].rule == Rule::OrgLexicon)
        .collect();
    for s in 0..found.len() {
        if found[s].rule != Rule::Shaped {
            continue;
        }
        let shaped = &found[s].range;
        let inner = entries.iter().map(|&e| &found[e]).find(|entry| {
            let r = &entry.range;
            r.start == shaped.start
                && r.end < shaped.end
                && [" of ", " for "]
                    .iter()
                    .any(|c| body[r.end..].starts_with(c))
        });
        if let Some(entry) = inner {
            let (name, affiliation) = (entry.name.clone(), entry.affiliation.clone());
            found[s].name = name;
            found[s].affiliation = affiliation;
        }
    }
}

/// An organization found at `range`.
fn organization(range: std::ops::Range<usize>, name: String, rule: Rule) -> Found {
    Found {
        range,
        name,
        kind: Kind::Organization,
        title: None,
        affiliation: None,
        rule,
        form: super::Form::Full,
    }
}

/// Lexicon matches; an alias shared by several bodies ("Red Cross") goes to
/// the one the article also names unambiguously, else to the first listed.
fn lexicon_matches(tokens: &Tokens, hits: Vec<lexicon::Hit<'_>>) -> Vec<Found> {
    let dict = lexicon::organizations();
    let named: FxHashSet<usize> = hits
        .iter()
        .filter(|h| h.entries.len() == 1)
        .map(|h| h.entries[0])
        .collect();
    hits.into_iter()
        .filter(|h| !after_ship_prefix(tokens, h.range.start))
        // "PORT-AU-PRINCE": an acronym inside a hyphenated word.
        .filter(|h| {
            !(is_all_caps(&tokens.body[h.range.clone()]) && hyphenated(tokens.body, &h.range))
        })
        // "WHO IS TO BLAME": an acronym in a line of capitals is a word.
        .filter(|h| {
            !(is_all_caps(&tokens.body[h.range.clone()]) && tokens.in_capitals_line(h.range.start))
        })
        .map(|h| {
            let entry = h
                .entries
                .iter()
                .copied()
                .find(|e| named.contains(e))
                .unwrap_or(h.entries[0]);
            let e = &dict.entries[entry];
            let mut f = organization(h.range, e.name.clone(), Rule::OrgLexicon);
            f.affiliation = e.affiliation.clone();
            f
        })
        .collect()
}

/// Joined by a hyphen to the word before or after.
fn hyphenated(body: &str, range: &std::ops::Range<usize>) -> bool {
    let before = body[..range.start].strip_suffix('-');
    let after = body[range.end..].strip_prefix('-');
    before.is_some_and(|b| b.ends_with(char::is_alphanumeric))
        || after.is_some_and(|a| a.starts_with(char::is_alphanumeric))
}

/// The name after "USS", "MV" is a vessel's (ANNOTATION hard case 8).
fn after_ship_prefix(tokens: &Tokens, start: usize) -> bool {
    let i = tokens.first_from(start);
    i > 0 && tokens.class(i - 1).ship_prefix()
}

/// Nouns that make "military"/"army" an adjective: "Israeli military
/// operations" names no actor.
#[rustfmt::skip]
const MILITARY_ADJECTIVE_NOUNS: &[&str] = &[
    "government", "regime", "rulers", "authorities", "council", "administration", "coup",
    "operation", "operations", "position", "positions", "intelligence", "base", "bases",
    "aircraft", "facility", "facilities", "site", "sites", "target", "targets", "officer",
    "officers", "personnel", "equipment", "vehicle", "vehicles", "convoy", "installation",
    "installations", "infrastructure", "post", "posts", "campaign", "offensive", "action",
    "actions", "activity", "activities", "presence", "aid", "assistance", "support",
    "escalation", "pressure", "buildup", "deployment", "deployments", "exercise", "exercises",
    "drills", "strike", "strikes", "attack", "attacks", "plane", "planes", "jet", "jets",
    "helicopter", "helicopters", "drone", "drones", "ship", "ships", "vessel", "vessels",
    "court", "courts", "service", "training", "advisers", "advisors", "commanders", "leaders",
    "power", "might", "capabilities", "capability", "hardware", "sources", "source", "experts",
    "analysts", "units", "unit", "zone", "zones", "headquarters", "junta", "rule",
    "prosecutor", "prosecutors", "censor", "radio", "cemetery", "tribunal", "doctrine",
    "spending", "budget", "casualties", "losses", "deaths", "dead", "veterans", "aide",
    "aides", "option", "options", "response", "retaliation", "threat", "threats", "pact",
    "cooperation", "ties", "help", "hospital", "hospitals", "academy", "college", "camp",
    "camps", "checkpoint", "checkpoints", "tanks", "bulldozers", "barracks", "compound",
    "force", "forces", "troops", "chief", "chiefs", "leadership", "establishment", "assault",
    "raid", "raids", "incursion", "incursions", "fire", "shelling", "bombardment",
];

/// "the Israeli military positions": an armed-forces name used as an adjective.
fn is_adjectival(body: &str, f: &Found) -> bool {
    let surface = &body[f.range.clone()];
    if !(ends_with_in_lower_case(surface, "military") || ends_with_in_lower_case(surface, "army")) {
        return false;
    }
    let next: String = body[f.range.end..]
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    MILITARY_ADJECTIVE_NOUNS.contains(&next.as_str())
}

/// Word `k` can stand inside an organization's name.
fn is_org_word(tokens: &Tokens, k: usize) -> bool {
    tokens.class(k).org_word()
}

/// Compound modifiers that describe rather than name: "Hamas-run Health Ministry".
#[rustfmt::skip]
const COMPOUND_MODIFIERS: &[&str] = &[
    "-run", "-led", "-backed", "-based", "-controlled", "-aligned", "-allied", "-affiliated",
    "-linked", "-funded", "-supported", "-ruled", "-owned", "-operated", "-administered",
];

/// Word `k` opens a phrase without naming: "The", "Hamas-run".
fn is_description(tokens: &Tokens, k: usize) -> bool {
    tokens.class(k).description()
}

/// "Hamas-run", "Iran-backed": ends in a compound modifier, in any case.
pub(super) fn has_compound_modifier(word: &str) -> bool {
    with_lowercase(word, |lower| {
        COMPOUND_MODIFIERS.iter().any(|m| lower.ends_with(m))
    })
}
