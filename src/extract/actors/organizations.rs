//! Organizations, found four ways:
//! - the lexicon of bodies that recur in world news, with their spellings;
//! - bodies named by their state, in any case ("the Israeli military",
//!   "Lebanon's health ministry"; ANNOTATION hard case 3);
//! - the shape of a name: capitalised words ending in a head word
//!   ("Maine State Police", "Health Ministry") or a head word followed by its
//!   complement ("Ministry of the Interior"), so unknown bodies are caught;
//! - a descriptor before a name ("news portal Media Congo").

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use super::lexicon::{self, StateForm};
use super::names::{self, is_function_word, is_org_head, state_at, SHIP_PREFIXES};
use super::tokens::{is_capitalised, Tokens};
use super::{Found, Kind, Rule};

/// All organizations named in the body.
pub fn find(tokens: &Tokens) -> Vec<Found> {
    let mut out = lexicon_matches(tokens);
    out.extend(state_bodies(tokens));
    out.extend(shaped(tokens));
    out.extend(described(tokens));
    out.retain(|f| !is_adjectival(tokens.body, f));
    name_complemented_entries(tokens.body, &mut out);
    out
}

/// "the U.N. Human Rights Office of the Commissioner" is the lexicon's "UN
/// Human Rights Office" with its complement: it keeps the lexicon's name.
fn name_complemented_entries(body: &str, found: &mut [Found]) {
    let entries: Vec<(std::ops::Range<usize>, String, Option<String>)> = found
        .iter()
        .filter(|f| f.rule == Rule::OrgLexicon)
        .map(|f| (f.range.clone(), f.name.clone(), f.affiliation.clone()))
        .collect();
    for f in found.iter_mut().filter(|f| f.rule == Rule::Shaped) {
        let inner = entries.iter().find(|(r, _, _)| {
            r.start == f.range.start
                && r.end < f.range.end
                && [" of ", " for "]
                    .iter()
                    .any(|c| body[r.end..].starts_with(c))
        });
        if let Some((_, name, affiliation)) = inner {
            f.name = name.clone();
            f.affiliation = affiliation.clone();
        }
    }
}

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
fn lexicon_matches(tokens: &Tokens) -> Vec<Found> {
    let dict = lexicon::organizations();
    let hits = dict.find(tokens.body);
    let named: HashSet<usize> = hits
        .iter()
        .filter(|h| h.entries.len() == 1)
        .map(|h| h.entries[0])
        .collect();
    hits.into_iter()
        .filter(|h| !after_ship_prefix(tokens, h.range.start))
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

/// The name after "USS", "MV" is a vessel's (ANNOTATION hard case 8).
fn after_ship_prefix(tokens: &Tokens, start: usize) -> bool {
    let i = tokens.first_from(start);
    i > 0 && SHIP_PREFIXES.contains(&tokens.text(i - 1))
}

/// Lower-case words that qualify a state body ("health ministry", "top
/// military command").
#[rustfmt::skip]
const BODY_MODIFIERS: &[&str] = &[
    "health", "foreign", "defence", "defense", "interior", "finance", "justice", "economy",
    "information", "education", "energy", "agriculture", "trade", "transport", "culture",
    "environment", "labour", "labor", "tourism", "religious", "affairs", "emergencies",
    "emergency", "intelligence", "top", "southern", "northern", "eastern", "western",
    "central", "regular", "military", "national", "high", "supreme", "general", "air",
    "operational", "joint",
];

/// Lower-case heads of state bodies, longest first.
const BODY_HEADS: &[&str] = &[
    "prime minister's office",
    "president's office",
    "armed forces",
    "defence forces",
    "defense forces",
    "defence force",
    "defense force",
    "air force",
    "coast guard",
    "general staff",
    "militaries",
    "ministry",
    "military",
    "army",
    "navy",
    "command",
    "presidency",
];

/// Heads that name a state's armed forces as a whole.
const ARMED_HEADS: &[&str] = &[
    "armed forces",
    "defence forces",
    "defense forces",
    "defence force",
    "defense force",
    "militaries",
    "military",
    "army",
];

/// "the Israeli military", "Lebanon's health ministry", "the Sudanese army",
/// "Ukraine's top military command".
fn state_bodies(tokens: &Tokens) -> Vec<Found> {
    let body = tokens.body;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((j, state, form)) = state_at(tokens, i) else {
            i += 1;
            continue;
        };
        let possessive = tokens.list[j].possessive;
        let next = i;
        i = j + 1;
        let state_ok = match form {
            StateForm::Name => true,
            StateForm::Demonym => !possessive,
            StateForm::Seat => false,
        };
        if !state_ok || !tokens.spaced(j) {
            continue;
        }
        let Some((end, phrase)) = body_phrase(tokens, j + 1) else {
            continue;
        };
        let lower = phrase.to_lowercase().replace('’', "'");
        let head = BODY_HEADS
            .iter()
            .copied()
            .find(|h| lower.ends_with(h))
            .unwrap_or("");
        let armed = ARMED_HEADS.contains(&head) && lower.split_whitespace().count() <= 2;
        let start = tokens.list[next].range.start;
        let surface = &body[start..end];
        let name = if armed {
            state
                .armed_forces
                .clone()
                .unwrap_or_else(|| surface.to_string())
        } else if matches!(head, "navy" | "air force") {
            surface.to_string()
        } else {
            format!("{}'s {lower}", state.name)
        };
        let mut f = organization(start..end, name, Rule::StateBody);
        f.affiliation = Some(state.iso.clone());
        out.push(f);
    }
    out
}

/// Modifiers then a head, from word `k`: the byte end and the phrase as written.
fn body_phrase(tokens: &Tokens, k: usize) -> Option<(usize, String)> {
    if k >= tokens.len() {
        return None;
    }
    let mut last = k;
    while last + 1 < tokens.len() && last - k < 4 && tokens.spaced(last) {
        last += 1;
    }
    (k..=last).rev().find_map(|m| {
        let phrase = &tokens.body[tokens.list[k].range.start..tokens.list[m].range.end];
        let lower = phrase.to_lowercase().replace('’', "'");
        let head = BODY_HEADS
            .iter()
            .find(|h| lower == **h || lower.ends_with(&format!(" {h}")))?;
        lower[..lower.len() - head.len()]
            .split_whitespace()
            .all(|w| BODY_MODIFIERS.contains(&w))
            .then(|| (tokens.list[m].range.end, phrase.to_string()))
    })
}

/// Nouns that make "military"/"army" an adjective: "Israeli military
/// operations" names no actor.
#[rustfmt::skip]
const MILITARY_ADJECTIVE_NOUNS: &[&str] = &[
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
    let surface = body[f.range.clone()].to_lowercase();
    if !(surface.ends_with("military") || surface.ends_with("army")) {
        return false;
    }
    let next: String = body[f.range.end..]
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    MILITARY_ADJECTIVE_NOUNS.contains(&next.as_str())
}

/// Compound modifiers that describe rather than name: "Hamas-run Health Ministry".
#[rustfmt::skip]
const COMPOUND_MODIFIERS: &[&str] = &[
    "-run", "-led", "-backed", "-based", "-controlled", "-aligned", "-allied", "-affiliated",
    "-linked", "-funded", "-supported", "-ruled", "-owned", "-operated", "-administered",
];

/// A word that can stand inside an organization's name.
fn is_org_word(word: &str) -> bool {
    (is_capitalised(word) || word.chars().all(|c| c.is_ascii_digit()))
        && !is_function_word(word)
        && !names::is_platform(word)
        && !lexicon::title_class(word).rank
        && !lexicon::title_class(word).honorific
}

/// Before a head, a spelled-out rank belongs to the name ("General
/// Directorate", "General Assembly"); an abbreviated one does not.
fn is_left_org_word(word: &str) -> bool {
    is_org_word(word)
        || (lexicon::title_class(word).rank && !word.ends_with('.') && is_capitalised(word))
}

/// Capitalised words ending in a head word, with an optional "of ..." complement.
fn shaped(tokens: &Tokens) -> Vec<Found> {
    let mut out = Vec::new();
    for k in 0..tokens.len() {
        let red_society = matches!(tokens.text(k), "Crescent" | "Cross")
            && k > 0
            && tokens.text(k - 1) == "Red"
            && tokens.joined(k - 1);
        if !is_org_head(tokens.text(k)) && !red_society {
            continue;
        }
        let mut i = k;
        while i > 0 && tokens.joined(i - 1) && is_left_org_word(tokens.text(i - 1)) {
            i -= 1;
        }
        while i < k && is_description(tokens.text(i)) {
            i += 1;
        }
        let end = complement_end(tokens, k);
        if i == end
            || after_ship_prefix(tokens, tokens.list[i].range.start)
            || SHIP_PREFIXES.contains(&tokens.text(i))
            || is_generic_media(tokens, i, end)
            || is_place_shape(tokens, i, k)
            || is_leaders_administration(tokens, i, k)
            || names_a_state(tokens, i, end)
        {
            continue;
        }
        let range = tokens.range(i, end);
        let name = tokens.body[range.clone()].to_string();
        // "Qatar's Ministry of Foreign Affairs": a generic name takes its state.
        match state_before(tokens, i).filter(|_| is_generic(tokens, i, end, k)) {
            Some((s, state)) => {
                let mut f = organization(
                    tokens.list[s].range.start..range.end,
                    format!("{}'s {name}", state.name),
                    Rule::Shaped,
                );
                f.affiliation = Some(state.iso.clone());
                out.push(f);
            }
            None => out.push(organization(range, name, Rule::Shaped)),
        }
    }
    out
}

/// The state named right before word `i` ("Qatar's", "Egyptian", "US").
fn state_before(tokens: &Tokens, i: usize) -> Option<(usize, &'static lexicon::State)> {
    if i == 0 || !tokens.spaced(i - 1) {
        return None;
    }
    let prev = i - 1;
    (prev.saturating_sub(3)..=prev).find_map(|k| match state_at(tokens, k) {
        Some((e, state, form)) if e == prev => {
            let ok = match form {
                StateForm::Name => true,
                StateForm::Demonym => !tokens.list[prev].possessive,
                StateForm::Seat => false,
            };
            ok.then_some((k, state))
        }
        _ => None,
    })
}

/// Every state has one: "Ministry of Foreign Affairs", "Health Ministry".
fn is_generic(tokens: &Tokens, i: usize, end: usize, head: usize) -> bool {
    (i..=end).filter(|&m| m != head).all(|m| {
        let word = tokens.text(m);
        let class = lexicon::title_class(word);
        class.modifier
            || class.portfolio
            || BODY_MODIFIERS.contains(&word.to_lowercase().as_str())
            || matches!(word, "of" | "for" | "the" | "and")
    })
}

/// "West Bank": a direction and a head that is also a landform.
fn is_place_shape(tokens: &Tokens, i: usize, k: usize) -> bool {
    const DIRECTIONS: &[&str] = &[
        "West", "East", "North", "South", "Western", "Eastern", "Northern", "Southern",
    ];
    matches!(tokens.text(k), "Bank" | "Front")
        && (i..k).all(|m| DIRECTIONS.contains(&tokens.text(m)))
}

/// "Biden Administration", "Netanyahu Government" in a headline: a leader's
/// government described, not an organization's name.
fn is_leaders_administration(tokens: &Tokens, i: usize, k: usize) -> bool {
    let people = lexicon::people();
    i < k
        && (i..k).all(|m| {
            let word = tokens.text(m);
            people
                .find(word)
                .iter()
                .any(|h| h.range.len() == word.len())
        })
}

/// "Soviet Union": a state, not an organization.
fn names_a_state(tokens: &Tokens, i: usize, end: usize) -> bool {
    state_at(tokens, i).is_some_and(|(e, _, form)| e == end && form == StateForm::Name)
}

/// "Libyan TV", "Israeli media": a state's media in general, not an outlet.
fn is_generic_media(tokens: &Tokens, i: usize, end: usize) -> bool {
    i + 1 == end
        && matches!(
            tokens.text(end),
            "TV" | "Television" | "Radio" | "Press" | "News" | "Media"
        )
        && state_at(tokens, i).is_some_and(|(e, _, _)| e == i)
}

/// Words that open a phrase without naming: "The", "Hamas-run".
fn is_description(word: &str) -> bool {
    is_function_word(word)
        || COMPOUND_MODIFIERS
            .iter()
            .any(|m| word.to_lowercase().ends_with(m))
}

/// The last word of a head's complement: "Ministry of the Interior",
/// "Organisation for the Protection of Civilians"; stops before a person
/// ("Forces of Gen Mohamed ...", "Safety Commissioner Michael ...").
fn complement_end(tokens: &Tokens, k: usize) -> usize {
    let mut end = k;
    loop {
        let p = end + 1;
        if !tokens.joined(end) || p >= tokens.len() {
            return end;
        }
        if !matches!(tokens.text(p), "of" | "for" | "on") || !tokens.joined(p) {
            return end;
        }
        let mut q = p + 1;
        if tokens.text(q) == "the" && tokens.joined(q) {
            q += 1;
        }
        let mut last = None;
        while q < tokens.len() && is_org_word(tokens.text(q)) && !introduces_person(tokens, q) {
            last = Some(q);
            if !tokens.joined(q) {
                break;
            }
            // "Red Cross and Red Crescent"
            if tokens.text(q + 1) == "and"
                && tokens.joined(q + 1)
                && q + 2 < tokens.len()
                && is_org_word(tokens.text(q + 2))
            {
                q += 2;
            } else {
                q += 1;
            }
        }
        match last {
            Some(l) => end = l,
            None => return end,
        }
    }
}

/// An office word followed by a capitalised name word ("Commissioner Michael").
fn introduces_person(tokens: &Tokens, q: usize) -> bool {
    lexicon::title_class(tokens.text(q)).heads()
        && tokens.joined(q)
        && q + 1 < tokens.len()
        && names::is_name_word(tokens.text(q + 1))
}

/// Descriptors that follow an outlet's name ("Magik 9 radio station").
#[rustfmt::skip]
const TRAILING_DESCRIPTORS: &[&str] = &[
    "radio station", "radio", "news agency", "newspaper", "daily", "broadcaster", "television",
    "TV channel", "television channel", "news website", "news channel",
];

/// "told Magik 9 radio station", "the Saba news agency".
fn described_after(tokens: &Tokens) -> Vec<Found> {
    let body = tokens.body;
    let mut out = Vec::new();
    for j in 0..tokens.len() {
        if !tokens.joined(j) || !is_org_word(tokens.text(j)) {
            continue;
        }
        let rest = &body[tokens.list[j].end..];
        let rest = rest.trim_start_matches([' ', '\t']);
        let follows = TRAILING_DESCRIPTORS.iter().any(|d| {
            rest.starts_with(d) && !rest[d.len()..].starts_with(|c: char| c.is_alphanumeric())
        });
        if !follows {
            continue;
        }
        let mut i = j;
        while i > 0 && j - i < 3 && tokens.joined(i - 1) && is_org_word(tokens.text(i - 1)) {
            i -= 1;
        }
        while i < j && is_description(tokens.text(i)) {
            i += 1;
        }
        let words: Vec<&str> = (i..=j).map(|k| tokens.text(k)).collect();
        let generic = state_at(tokens, i).is_some_and(|(e, _, _)| e == j)
            || words
                .iter()
                .any(|w| names::is_platform(w) || lexicon::title_class(w).heads())
            || is_description(words[0]);
        if !generic {
            let range = tokens.range(i, j);
            out.push(organization(
                range.clone(),
                body[range].to_string(),
                Rule::Described,
            ));
        }
    }
    out
}

/// "Israel Hayom, a pro-Netanyahu daily,": a name whose apposition says it
/// is an outlet or a group.
fn described_in_apposition(tokens: &Tokens) -> Vec<Found> {
    let body = tokens.body;
    let mut out = Vec::new();
    for j in 0..tokens.len().saturating_sub(1) {
        if tokens.gap_after(j).trim() != "," || !is_org_word(tokens.text(j)) {
            continue;
        }
        if !matches!(tokens.text(j + 1), "a" | "an" | "the") {
            continue;
        }
        // The descriptor heads the apposition: within its first words.
        let clause_end = (j + 1..tokens.len().min(j + 5))
            .find(|&m| !tokens.spaced(m))
            .unwrap_or((j + 4).min(tokens.len() - 1));
        let clause = &body[tokens.list[j + 1].range.start..tokens.list[clause_end].range.end];
        let described = DESCRIPTORS.iter().chain(TRAILING_DESCRIPTORS).any(|d| {
            clause.match_indices(d).any(|(p, _)| {
                clause[p + d.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        });
        if !described {
            continue;
        }
        let mut i = j;
        while i > 0 && j - i < 4 && tokens.joined(i - 1) && is_org_word(tokens.text(i - 1)) {
            i -= 1;
        }
        while i < j && is_description(tokens.text(i)) {
            i += 1;
        }
        let whole_state = state_at(tokens, i).is_some_and(|(e, _, _)| e == j);
        if whole_state || is_description(tokens.text(i)) || i == j && tokens.sentence_initial(i) {
            continue;
        }
        let range = tokens.range(i, j);
        out.push(organization(
            range.clone(),
            body[range].to_string(),
            Rule::Described,
        ));
    }
    out
}

/// Descriptors that introduce an organization's name.
#[rustfmt::skip]
const DESCRIPTORS: &[&str] = &[
    "news agency", "news portal", "news site", "news website", "news outlet", "news channel",
    "newspaper", "daily", "broadcaster", "television channel", "TV channel", "radio station",
    "magazine", "website", "outlet", "wire service", "militia", "rebel group", "armed group",
    "militant group", "paramilitary group", "insurgent group", "jihadist group", "think tank",
    "think-tank", "charity", "aid group", "rights group", "aid agency", "NGO",
];

/// "local news portal Media Congo", "the militant group Jaish al-Adl".
fn described(tokens: &Tokens) -> Vec<Found> {
    static DESCRIBED: OnceLock<Regex> = OnceLock::new();
    static MENAFN: OnceLock<Regex> = OnceLock::new();
    let re = DESCRIBED.get_or_init(|| {
        let alternatives = DESCRIPTORS.join("|");
        Regex::new(&format!(r"\b(?:{alternatives})\s+")).expect("valid regex")
    });
    let body = tokens.body;
    let mut out = Vec::new();
    for m in re.find_iter(body) {
        let i = tokens.first_from(m.end());
        if i >= tokens.len() || tokens.list[i].range.start != m.end() {
            continue;
        }
        let mut j = i;
        while j < i + 4
            && is_org_word(tokens.text(j))
            && tokens.joined(j)
            && is_org_word(tokens.text(j + 1))
        {
            j += 1;
        }
        let words: Vec<&str> = (i..=j).map(|k| tokens.text(k)).collect();
        if !is_org_word(words[0])
            || words.iter().any(|w| lexicon::title_class(w).heads())
            || state_at(tokens, i).is_some_and(|(e, _, _)| e == j)
            || names::is_platform(words[0])
        {
            continue;
        }
        let range = tokens.range(i, j);
        out.push(organization(
            range.clone(),
            body[range].to_string(),
            Rule::Described,
        ));
    }
    out.extend(described_after(tokens));
    out.extend(described_in_apposition(tokens));
    // "(MENAFN- Live Mint)": the syndicator and the outlet it carries.
    let dateline =
        MENAFN.get_or_init(|| Regex::new(r"\(MENAFN-\s*([^)\n]{2,60})\)").expect("valid regex"));
    for c in dateline.captures_iter(body) {
        if let Some(outlet) = c.get(1) {
            let name = outlet.as_str().trim().to_string();
            let start =
                outlet.start() + (outlet.as_str().len() - outlet.as_str().trim_start().len());
            out.push(organization(
                start..start + name.len(),
                name,
                Rule::Described,
            ));
        }
    }
    out
}
