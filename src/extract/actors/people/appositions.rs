//! Appositions: a name with its role beside it, after ("Eli Cohen, the
//! foreign minister", "Robert Card, 40,", "Einav Zangauker, who ...") or
//! before ("the head of the city's Defense Council, Oleksandr Vilkul.").

use super::super::names::name_until;
use super::super::tokens::Tokens;
use super::super::{Found, Rule};
use super::titles::{affiliation_in, title_text};
use super::{is_role, person};

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

/// "Eli Cohen, the foreign minister", "Robert Card, 40,".
pub(super) fn after(tokens: &Tokens, orgs: &[Found], full: &[(usize, usize)]) -> Vec<Found> {
    let mut out = Vec::new();
    for &(i, j) in full {
        if !comma_after(tokens, j) {
            continue;
        }
        let clause = clause_from(tokens, j + 1, 12);
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
        let role = clause.iter().take(7).find(|&&k| is_role(tokens, k));
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
pub(super) fn before(tokens: &Tokens, orgs: &[Found], full: &[(usize, usize)]) -> Vec<Found> {
    let mut out = Vec::new();
    for &(i, j) in full {
        if i == 0 || !comma_after(tokens, i - 1) && tokens.gap_after(i - 1).trim() != "," {
            continue;
        }
        let after = tokens.gap_after(j).trim_start();
        let ends = after.is_empty()
            || after.starts_with([',', '.', ';', ':', '\n'])
            || (j + 1 < tokens.len() && tokens.class(j + 1).speech_verb());
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
            && (tokens.class(first).speech_verb()
                || matches!(tokens.text(first), "the" | "The" | "a" | "A" | "an" | "An"))
        {
            first += 1;
        }
        let Some(role) = (first..i).rev().find(|&k| is_role(tokens, k)) else {
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
