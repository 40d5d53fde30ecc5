//! Bodies named by their state, in any case (ANNOTATION hard case 3): "the
//! Israeli military" is the Israel Defense Forces, "the Sudanese army" the
//! Sudanese Armed Forces; "Lebanon's health ministry" keeps its words, under
//! one canonical form ("Lebanon's health ministry") whichever of "Lebanese",
//! "Lebanon's" or "Lebanon" the text used, so articles agree.

use super::super::lexicon::{self, StateForm};
use super::super::names::state_at;
use super::super::tokens::Tokens;
use super::super::{Found, Rule};
use super::organization;

/// Lower-case words that qualify a state body ("health ministry", "top
/// military command").
#[rustfmt::skip]
pub const BODY_MODIFIERS: &[&str] = &[
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

/// The last words of [`BODY_HEADS`].
pub const HEAD_ENDS: &[&str] = &[
    "office",
    "forces",
    "force",
    "guard",
    "staff",
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
pub(super) fn find(tokens: &Tokens) -> Vec<Found> {
    let body = tokens.body;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Only a word that may open a state's name names one: the others
        // are skipped on their class in one pass.
        match tokens.list[i..].iter().position(|t| t.class.opens_state()) {
            Some(skipped) => i += skipped,
            None => break,
        }
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
        // Cheap test first: the phrase must end in a head's last word
        // (read from the word's class, not by lowering it).
        if !tokens.class(m).body_head_end() {
            return None;
        }
        let phrase = &tokens.body[tokens.list[k].range.start..tokens.list[m].range.end];
        let lower = phrase.to_lowercase().replace('’', "'");
        let head = BODY_HEADS.iter().find(|h| is_phrase_head(&lower, h))?;
        lower[..lower.len() - head.len()]
            .split_whitespace()
            .all(|w| BODY_MODIFIERS.contains(&w))
            .then(|| (tokens.list[m].range.end, phrase.to_string()))
    })
}

/// `head` is the whole `phrase` or its last words after a space (tested
/// without writing " head" out for each head).
fn is_phrase_head(phrase: &str, head: &str) -> bool {
    phrase
        .strip_suffix(head)
        .is_some_and(|before| before.is_empty() || before.ends_with(' '))
}

/// The state named right before word `i` ("Qatar's", "Egyptian", "US").
pub(super) fn state_before(tokens: &Tokens, i: usize) -> Option<(usize, &'static lexicon::State)> {
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
pub(super) fn is_generic(tokens: &Tokens, i: usize, end: usize, head: usize) -> bool {
    (i..=end).filter(|&m| m != head).all(|m| {
        let class = tokens.class(m);
        class.title().modifier
            || class.title().portfolio
            || class.body_modifier()
            || matches!(tokens.text(m), "of" | "for" | "the" | "and")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_head_ends_in_a_word_tested_first() {
        for head in BODY_HEADS {
            let last = head.rsplit(' ').next().unwrap_or(head);
            assert!(HEAD_ENDS.contains(&last), "{head}");
        }
    }

    #[test]
    fn phrase_heads_are_those_the_formatted_suffix_finds() {
        let phrases = [
            "army",
            "the army",
            "xarmy",
            "top military command",
            "military",
            "air force",
            "force",
            "defense forces",
            "president's office",
            "prime minister's office",
            " army",
            "army ",
            "",
            "é army",
            "armed forces",
            "militaries",
        ];
        for phrase in phrases {
            for head in BODY_HEADS.iter().chain(&["", " ", "y"]) {
                let formatted = phrase == *head || phrase.ends_with(&format!(" {head}"));
                assert_eq!(
                    is_phrase_head(phrase, head),
                    formatted,
                    "{phrase:?} {head:?}"
                );
            }
        }
    }

    #[test]
    fn a_words_class_knows_the_head_ends_as_lowering_it_does() {
        use crate::extract::text::with_lowercase;
        let mut words: Vec<String> = super::super::super::tokens::tests::odd_texts()
            .iter()
            .flat_map(|t| t.split_whitespace().map(String::from).collect::<Vec<_>>())
            .collect();
        for end in HEAD_ENDS {
            let mut capitalised = end.to_string();
            capitalised[..1].make_ascii_uppercase();
            words.extend([end.to_string(), end.to_uppercase(), capitalised]);
            words.extend([format!("{end}s"), format!("x{end}"), format!("{end}é")]);
        }
        words.extend(["MİNİSTRY", "ΑRMY", "Ministry’s", ""].map(String::from));
        for word in words {
            let listed = with_lowercase(&word, |w| HEAD_ENDS.contains(&w));
            let class = super::super::super::words::WordClass::of(&word);
            assert_eq!(class.body_head_end(), listed, "{word:?}");
        }
    }
}
