//! Definite descriptions: "the health ministry", "the army", "the Israel
//! Defence Minister" name no one new; they refer to the one body or person
//! of the article that fits, and become its mentions (what a statement's
//! speaker is read from). Two candidates, and the description names neither.

use super::super::tokens::{ends_with_in_lower_case, Tokens};
use super::super::{lexicon, names, Kind, Rule};
use super::{add_mention, is_taken, Building};
use crate::extract::text::{with_lowercase, Text};

/// Armed forces named by their state ("Israel Defense Forces", "Sudanese Armed Forces").
fn is_state_armed_force(b: &Building) -> bool {
    b.kind == Kind::Organization
        && (lexicon::states().is_armed_forces(&b.actor.name)
            || b.rule == Rule::StateBody
                && ["army", "military"]
                    .iter()
                    .any(|h| ends_with_in_lower_case(&b.actor.name, h)))
}

/// Later "the health ministry", "the ministry", "the army" refer to the one
/// such body the article named.
pub(super) fn add_body_descriptions(text: &Text, tokens: &Tokens, built: &mut [Building]) {
    let mut phrases: Vec<(Vec<String>, usize)> = Vec::new();
    // "Lebanon's health ministry" -> "health ministry"; then its head "ministry".
    for (i, b) in built.iter().enumerate() {
        if b.kind != Kind::Organization {
            continue;
        }
        if b.rule == Rule::StateBody {
            if let Some((_, phrase)) = b.actor.name.split_once("'s ") {
                phrases.push((phrase.split(' ').map(String::from).collect(), i));
            }
        }
        if let Some(last) = b.actor.name.split_whitespace().last() {
            let head = with_lowercase(last, |head| {
                matches!(
                    head,
                    "ministry" | "agency" | "council" | "command" | "commission"
                )
                .then(|| head.to_string())
            });
            if let Some(head) = head {
                phrases.push((vec![head], i));
            }
        }
        if is_state_armed_force(b) {
            phrases.push((vec!["army".into()], i));
            phrases.push((vec!["military".into()], i));
        }
    }
    // A phrase shared by two bodies names neither. (Kept in the order
    // found, so that of two phrases read at one place the first wins in
    // every run.)
    let mut owners: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
    for (p, i) in phrases {
        let at = match owners.iter().position(|(q, _)| *q == p) {
            Some(at) => at,
            None => {
                owners.push((p, Vec::new()));
                owners.len() - 1
            }
        };
        let v = &mut owners[at].1;
        if !v.contains(&i) {
            v.push(i);
        }
    }
    // No phrase names one body: no word of the text needs reading.
    if owners.iter().all(|(_, owner)| owner.len() != 1) {
        return;
    }
    // The phrases that name one body, with it; a word after "the" is
    // compared with their first words before anything else.
    let sole: Vec<(&[String], usize)> = owners
        .iter()
        .filter(|(_, owner)| owner.len() == 1)
        .map(|(phrase, owner)| (phrase.as_slice(), owner[0]))
        .collect();
    for k in tokens.after_the() {
        let first = tokens.text(k);
        for &(phrase, owner) in &sole {
            if phrase[0] != first || k + phrase.len() > tokens.len() {
                continue;
            }
            let last = k + phrase.len() - 1;
            let matches = (k + 1..=last).all(|m| tokens.text(m) == phrase[m - k])
                && (k..last).all(|m| tokens.joined(m));
            if !matches {
                continue;
            }
            let r = tokens.range(k, last);
            let adjectival = phrase.len() == 1
                && matches!(phrase[0].as_str(), "army" | "military")
                && is_adjective_before(&body_word_after(text.body, r.end));
            if !adjectival && !is_taken(built, &r) {
                add_mention(&mut built[owner], text, r);
            }
        }
    }
}

/// "the army operations": a lower-case word after "army" that is no verb.
fn is_adjective_before(next_word: &str) -> bool {
    next_word.chars().next().is_some_and(char::is_lowercase) && !names_a_verb(next_word)
}

fn body_word_after(body: &str, end: usize) -> String {
    body[end..]
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect()
}

/// Verbs that follow "the army" when it acts or speaks.
fn names_a_verb(word: &str) -> bool {
    #[rustfmt::skip]
    const VERBS: &[&str] = &[
        "said", "says", "has", "had", "have", "is", "was", "were", "will", "would", "added",
        "announced", "confirmed", "denied", "claimed", "stated", "reported", "warned",
        "struck", "launched", "carried", "killed", "issued", "ordered", "retook", "took",
        "captured", "also", "later", "did", "does", "could", "can", "may", "must", "should",
        "released", "published", "posted", "told", "acknowledged", "accused", "shot", "fired",
        "intercepted",
        ];
    VERBS.contains(&word)
}

/// "the Israel Defence Minister said", "The Secretary emphasized": a title
/// with no name after it refers to the one person of the article holding it.
pub(super) fn add_title_references(text: &Text, tokens: &Tokens, built: &mut [Building]) {
    // No one holds a title: no word of the text needs reading.
    if !built
        .iter()
        .any(|b| b.kind == Kind::Person && b.actor.title.is_some())
    {
        return;
    }
    // Read on the first title after "the": most articles have none.
    let mut holders: Option<Vec<(usize, String, Vec<String>)>> = None;
    for first in tokens.after_the() {
        let Some((last, head, modifiers)) = title_after(tokens, first) else {
            continue;
        };
        let fits: Vec<usize> = holders
            .get_or_insert_with(|| title_holders(built))
            .iter()
            .filter(|(_, h, m)| *h == head && modifiers.iter().all(|w| m.contains(w)))
            .map(|(i, _, _)| *i)
            .collect();
        let r = tokens.range(first, last);
        if let [owner] = fits[..] {
            if !is_taken(built, &r) {
                add_mention(&mut built[owner], text, r);
            }
        }
    }
}

/// The people with a title: their index, office and its modifiers.
fn title_holders(built: &[Building]) -> Vec<(usize, String, Vec<String>)> {
    built
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == Kind::Person)
        .filter_map(|(i, b)| {
            let (head, modifiers) = title_head(b.actor.title.as_deref()?)?;
            Some((i, head, modifiers))
        })
        .collect()
}

/// The office a title ends in and the words qualifying it, in lower case:
/// "US Secretary of Defense" -> ("secretary", ["us", "of", "defense"]).
fn title_head(title: &str) -> Option<(String, Vec<String>)> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let head = words.iter().rposition(|w| lexicon::title_class(w).office)?;
    let modifiers = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != head)
        .map(|(_, w)| spelling(w))
        .collect();
    Some((spelling(words[head]), modifiers))
}

/// Lower case, one spelling: "Defence" and "defense" compare equal.
fn spelling(word: &str) -> String {
    word.to_lowercase().replace("defence", "defense")
}

/// A title right after "the", with no name following: its last word, its
/// office and the modifiers read (states and acronyms left out).
fn title_after(tokens: &Tokens, k: usize) -> Option<(usize, String, Vec<String>)> {
    // At most four title words, kept on the stack.
    let (mut found, mut count) = ([0; 4], 0);
    let mut m = k;
    while m < tokens.len() && count < found.len() {
        let word = tokens.text(m);
        let state = names::state_at(tokens, m).is_some_and(|(e, _, _)| e == m);
        let acronym = word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase());
        if tokens.class(m).title().any() {
            found[count] = m;
            count += 1;
        } else if !state && !acronym {
            break;
        }
        if !tokens.joined(m) {
            m += 1;
            break;
        }
        m += 1;
    }
    let words = &found[..count];
    let &last = words.last()?;
    // The title ends the phrase: "the Defence Minister Yoav Gallant" names him.
    let named = last + 1 == m
        && tokens.joined(last)
        && last + 1 < tokens.len()
        && tokens.class(last + 1).name_word();
    // "the prime minister's office" is the office, not the prime minister.
    let possessive = tokens.list[last].possessive;
    if last + 1 != m || named || possessive || !tokens.class(last).title().office {
        return None;
    }
    let modifiers = words[..words.len() - 1]
        .iter()
        .map(|&w| spelling(tokens.text(w)))
        .collect();
    Some((last, spelling(tokens.text(last)), modifiers))
}
