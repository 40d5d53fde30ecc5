//! Organizations a descriptor names: before ("news portal Media Congo"),
//! after ("Magik 9 radio station") or in apposition ("Israel Hayom, a
//! pro-Netanyahu daily"), and the outlet of a syndication dateline
//! ("(MENAFN- Live Mint)").

use std::sync::OnceLock;

use regex::Regex;

use super::super::names::state_at;
use super::super::tokens::{matches_at_word_start, Tokens};
use super::super::{Found, Rule};
use super::{is_description, is_org_word, organization};

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
        if !tokens.joined(j) || !is_org_word(tokens, j) {
            continue;
        }
        let rest = &body[tokens.list[j].end..];
        let rest = rest.trim_start_matches([' ', '\t']);
        // Cheap test first: the letters descriptors start with.
        let follows = rest.starts_with(['r', 'n', 'd', 'b', 't', 'T'])
            && TRAILING_DESCRIPTORS.iter().any(|d| {
                rest.starts_with(d) && !rest[d.len()..].starts_with(|c: char| c.is_alphanumeric())
            });
        if !follows {
            continue;
        }
        let i = name_start(tokens, j, 3);
        let generic = state_at(tokens, i).is_some_and(|(e, _, _)| e == j)
            || (i..=j).any(|k| tokens.class(k).platform || tokens.class(k).title.heads())
            || is_description(tokens, i);
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
        // The cheap tests first: the class, then the (kept) next word.
        if !is_org_word(tokens, j) || !matches!(tokens.text(j + 1), "a" | "an" | "the") {
            continue;
        }
        if tokens.gap_after(j).trim() != "," {
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
        let i = name_start(tokens, j, 4);
        let whole_state = state_at(tokens, i).is_some_and(|(e, _, _)| e == j);
        if whole_state || is_description(tokens, i) || i == j && tokens.sentence_initial(i) {
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
pub(super) fn find(tokens: &Tokens) -> Vec<Found> {
    static DESCRIBED: OnceLock<Regex> = OnceLock::new();
    static MENAFN: OnceLock<Regex> = OnceLock::new();
    let re = DESCRIBED.get_or_init(|| {
        let alternatives = DESCRIPTORS.join("|");
        Regex::new(&format!(r"(?:{alternatives})\s+")).expect("valid regex")
    });
    let body = tokens.body;
    let mut out = Vec::new();
    for m in matches_at_word_start(re, body, |_| true) {
        let i = tokens.first_from(m.end());
        if i >= tokens.len() || tokens.list[i].range.start != m.end() {
            continue;
        }
        let mut j = i;
        while j < i + 4 && is_org_word(tokens, j) && tokens.joined(j) && is_org_word(tokens, j + 1)
        {
            j += 1;
        }
        if !is_org_word(tokens, i)
            || (i..=j).any(|k| tokens.class(k).title.heads())
            || state_at(tokens, i).is_some_and(|(e, _, _)| e == j)
            || tokens.class(i).platform
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

/// Where the name ending at word `j` starts: back over at most `longest`
/// joined name words before it, then forward past leading descriptions.
fn name_start(tokens: &Tokens, j: usize, longest: usize) -> usize {
    let mut i = j;
    while i > 0 && j - i < longest && tokens.joined(i - 1) && is_org_word(tokens, i - 1) {
        i -= 1;
    }
    while i < j && is_description(tokens, i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_descriptors_start_with_the_letters_tested_first() {
        for d in TRAILING_DESCRIPTORS {
            assert!(d.starts_with(['r', 'n', 'd', 'b', 't', 'T']), "{d}");
        }
    }

    #[test]
    fn descriptors_are_found_where_the_bounded_pattern_finds_them() {
        let alternatives = DESCRIPTORS.join("|");
        let bounded = Regex::new(&format!(r"\b(?:{alternatives})\s+")).expect("valid regex");
        let plain = Regex::new(&format!(r"(?:{alternatives})\s+")).expect("valid regex");
        for body in super::super::super::tokens::tests::odd_texts() {
            let expected: Vec<_> = bounded.find_iter(&body).map(|m| m.range()).collect();
            let found: Vec<_> = matches_at_word_start(&plain, &body, |_| true)
                .iter()
                .map(|m| m.range())
                .collect();
            assert_eq!(found, expected, "{body:?}");
        }
    }
}
