//! Organizations found from the shape of their name, so unknown bodies are
//! caught too: capitalised words ending in a head word ("Maine State
//! Police", "Qassam Brigades"), or a head word with its complement
//! ("Ministry of the Interior"). A generic name takes the state named before
//! it ("Qatar's Ministry of Foreign Affairs"); places ("West Bank"), states
//! ("Soviet Union") and a state's media in general ("Libyan TV") are not
//! organizations.

use super::super::lexicon::{self, StateForm};
use super::super::names::state_at;
use super::super::tokens::Tokens;
use super::super::{Found, Rule};
use super::state_bodies::{is_generic, state_before};
use super::{after_ship_prefix, is_description, is_org_word, organization};

/// Before a head, a spelled-out rank belongs to the name ("General
/// Directorate", "General Assembly"); an abbreviated one does not.
fn is_left_org_word(tokens: &Tokens, k: usize) -> bool {
    let class = tokens.class(k);
    class.org_word()
        || (class.title().rank && !tokens.text(k).ends_with('.') && class.capitalised())
}

/// Capitalised words ending in a head word, with an optional "of ..." complement.
pub(super) fn find(tokens: &Tokens) -> Vec<Found> {
    let mut out = Vec::new();
    // One pass over the words, with no index checks.
    for (k, t) in tokens.list.iter().enumerate() {
        // The class first: the text is read only for the rare other heads.
        let red_society = || {
            matches!(t.text(), "Crescent" | "Cross")
                && k > 0
                && tokens.text(k - 1) == "Red"
                && tokens.joined(k - 1)
        };
        if !t.class.org_head() && !red_society() {
            continue;
        }
        let mut i = k;
        while i > 0 && tokens.joined(i - 1) && is_left_org_word(tokens, i - 1) {
            i -= 1;
        }
        while i < k && is_description(tokens, i) {
            i += 1;
        }
        let end = complement_end(tokens, k);
        if i == end
            || after_ship_prefix(tokens, tokens.list[i].range.start)
            || tokens.class(i).ship_prefix()
            || is_generic_media(tokens, i, end)
            || is_place_shape(tokens, i, k)
            || is_leaders_administration(tokens, i, k)
            || names_a_state(tokens, i, end)
        {
            continue;
        }
        let range = tokens.range(i, end);
        let name = tokens.body[range.clone()].to_string();
        // In a title-case headline every word is capitalised: a name read
        // there must be generic or appear again in the body.
        // (The cheap word test first: a line's shape reads the whole line.)
        if !is_generic(tokens, i, end, k)
            && tokens.in_headline_case(k)
            && tokens.body.matches(name.as_str()).count() < 2
        {
            continue;
        }
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
    i < k && (i..k).all(|m| people.has_form(tokens.text(m)))
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
        while q < tokens.len() && is_org_word(tokens, q) && !introduces_person(tokens, q) {
            last = Some(q);
            if !tokens.joined(q) {
                break;
            }
            // "Red Cross and Red Crescent"
            if tokens.text(q + 1) == "and"
                && tokens.joined(q + 1)
                && q + 2 < tokens.len()
                && is_org_word(tokens, q + 2)
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
    tokens.class(q).title().heads()
        && tokens.joined(q)
        && q + 1 < tokens.len()
        && tokens.class(q + 1).name_word()
}
