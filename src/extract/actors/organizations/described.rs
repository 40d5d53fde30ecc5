//! Organizations a descriptor names: before ("news portal Media Congo"),
//! after ("Magik 9 radio station") or in apposition ("Israel Hayom, a
//! pro-Netanyahu daily"), and the outlet of a syndication dateline
//! ("(MENAFN- Live Mint)").

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use regex::Regex;

use super::super::lexicon;
use super::super::names::{self, state_at};
use super::super::tokens::{is_word_char, Tokens};
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

/// Where the name after each descriptor begins: the ends of the matches of
/// `\b(?:news agency|...|NGO)\s+`, found with one dictionary pass (the
/// regex's Unicode `\b` ran its slowest engine over every article).
fn descriptor_ends(body: &str) -> Vec<usize> {
    static DESCRIPTOR: OnceLock<AhoCorasick> = OnceLock::new();
    let dict = DESCRIPTOR.get_or_init(|| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(DESCRIPTORS)
            .expect("descriptors build")
    });
    // (start, alternative, end) of every match, as if each began the search.
    let mut found: Vec<(usize, usize, usize)> = dict
        .find_overlapping_iter(body)
        .filter(|m| {
            !body[..m.start()]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
        })
        .filter_map(|m| {
            let space: usize = body[m.end()..]
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8)
                .sum();
            (space > 0).then(|| (m.start(), m.pattern().as_usize(), m.end() + space))
        })
        .collect();
    // Leftmost first, the earlier alternative first, and no overlaps.
    found.sort_unstable();
    let mut ends = Vec::new();
    let mut last_end = 0;
    for (start, _, end) in found {
        if start >= last_end {
            ends.push(end);
            last_end = end;
        }
    }
    ends
}

/// "local news portal Media Congo", "the militant group Jaish al-Adl".
pub(super) fn find(tokens: &Tokens) -> Vec<Found> {
    static MENAFN: OnceLock<Regex> = OnceLock::new();
    let body = tokens.body;
    let mut out = Vec::new();
    for end in descriptor_ends(body) {
        let i = tokens.first_from(end);
        if i >= tokens.len() || tokens.list[i].range.start != end {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_are_found_where_the_regex_finds_them() {
        let alternatives = DESCRIPTORS.join("|");
        let re = Regex::new(&format!(r"\b(?:{alternatives})\s+")).expect("valid regex");
        let pieces = [
            "news",
            " ",
            "agency",
            "news agency",
            "daily",
            "outlet",
            "news outlet",
            "\n",
            "é",
            "_",
            "x",
            "NGO",
            "think",
            "-tank",
            "\u{a0}",
            "aid group",
            "group",
            "website",
            ",",
        ];
        let mut seed: u64 = 5;
        for _ in 0..3000 {
            let mut body = String::new();
            for _ in 0..10 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                body.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let expected: Vec<usize> = re.find_iter(&body).map(|m| m.end()).collect();
            assert_eq!(descriptor_ends(&body), expected, "{body:?}");
        }
    }
}
