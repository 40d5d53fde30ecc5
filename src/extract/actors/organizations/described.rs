//! Organizations a descriptor names: before ("news portal Media Congo"),
//! after ("Magik 9 radio station") or in apposition ("Israel Hayom, a
//! pro-Netanyahu daily"), and the outlet of a syndication dateline
//! ("(MENAFN- Live Mint)").

use std::sync::OnceLock;

use regex::Regex;

use super::super::names::state_at;
use super::super::tokens::{at_word_start, is_word_char, Token, Tokens};
use super::super::{Found, Rule};
use super::{is_description, is_org_word, organization};

/// Descriptors that follow an outlet's name ("Magik 9 radio station").
#[rustfmt::skip]
const TRAILING_DESCRIPTORS: &[&str] = &[
    "radio station", "radio", "news agency", "newspaper", "daily", "broadcaster", "television",
    "TV channel", "television channel", "news website", "news channel",
];

/// The names a descriptor follows ("Magik 9 radio station") and those it
/// stands in apposition to ("Israel Hayom, a pro-Netanyahu daily,"), in
/// that order: both end at a word that can stand in an organization's
/// name, so one pass over the words, pair by pair, tests that once (most
/// words cannot).
fn described_after_or_in_apposition(tokens: &Tokens) -> (Vec<Found>, Vec<Found>) {
    let (mut after, mut in_apposition) = (Vec::new(), Vec::new());
    for (j, pair) in tokens.list.windows(2).enumerate() {
        if !pair[0].class.org_word() {
            continue;
        }
        after.extend(described_after(tokens, j, pair));
        in_apposition.extend(described_in_apposition(tokens, j, pair));
    }
    (after, in_apposition)
}

/// "told Magik 9 radio station", "the Saba news agency": the name ending at
/// word `j` (of the `pair` of words `j` and `j + 1`), when one does.
fn described_after(tokens: &Tokens, j: usize, pair: &[Token]) -> Option<Found> {
    let body = tokens.body;
    // A word joined to the next (so not the last).
    if !pair[0].joined_to_next() {
        return None;
    }
    // Cheap test first: the next word opens with a letter descriptors
    // start with. (Only blanks come before it; where one is no space
    // or tab, the trimmed rest opens with that blank and no descriptor
    // follows either.)
    let next = body.as_bytes()[pair[1].range.start];
    if !matches!(next, b'r' | b'n' | b'd' | b'b' | b't' | b'T') {
        return None;
    }
    let rest = &body[tokens.list[j].end..];
    let rest = rest.trim_start_matches([' ', '\t']);
    // Only the descriptors opening with the rest's first byte are
    // compared (most pairs are "... the", "... to").
    let follows = (TRAILING_DESCRIPTORS.iter())
        .filter(|d| rest.as_bytes().first() == Some(&d.as_bytes()[0]))
        .any(|d| {
            rest.starts_with(d) && !rest[d.len()..].starts_with(|c: char| c.is_alphanumeric())
        });
    if !follows {
        return None;
    }
    let i = name_start(tokens, j, 3);
    let generic = state_at(tokens, i).is_some_and(|(e, _, _)| e == j)
        || (i..=j).any(|k| tokens.class(k).platform() || tokens.class(k).title().heads())
        || is_description(tokens, i);
    if generic {
        return None;
    }
    Some(described_name(tokens, i, j))
}

/// The organization named by words `i..=j`, found by its description.
fn described_name(tokens: &Tokens, i: usize, j: usize) -> Found {
    let range = tokens.range(i, j);
    let name = tokens.body[range.clone()].to_string();
    organization(range, name, Rule::Described)
}

/// "Israel Hayom, a pro-Netanyahu daily,": the name ending at word `j` (of
/// the `pair` of words `j` and `j + 1`), when its apposition says it is an
/// outlet or a group.
fn described_in_apposition(tokens: &Tokens, j: usize, pair: &[Token]) -> Option<Found> {
    let body = tokens.body;
    // The cheap test first: the (kept) next word.
    if !matches!(pair[1].text(), "a" | "an" | "the") {
        return None;
    }
    if tokens.gap_after(j).trim() != "," {
        return None;
    }
    // The descriptor heads the apposition: within its first words.
    let clause_end = (j + 1..tokens.len().min(j + 5))
        .find(|&m| !tokens.spaced(m))
        .unwrap_or((j + 4).min(tokens.len() - 1));
    let clause = &body[tokens.list[j + 1].range.start..tokens.list[clause_end].range.end];
    let described = DESCRIPTORS.iter().chain(TRAILING_DESCRIPTORS).any(|d| {
        matches_in(clause, d).any(|p| {
            clause[p + d.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    });
    if !described {
        return None;
    }
    let i = name_start(tokens, j, 4);
    let whole_state = state_at(tokens, i).is_some_and(|(e, _, _)| e == j);
    if whole_state || is_description(tokens, i) || i == j && tokens.sentence_initial(i) {
        return None;
    }
    Some(described_name(tokens, i, j))
}

/// Where `descriptor` (ASCII) occurs in `clause`, as `match_indices` finds
/// it (leftmost first, not overlapping): from each of its first byte that
/// memchr finds. On a clause of a few words a substring searcher cost more
/// to set up, for each of the 41 descriptors, than this reading.
fn matches_in<'c>(clause: &'c str, descriptor: &'c str) -> impl Iterator<Item = usize> + 'c {
    let (bytes, needle) = (clause.as_bytes(), descriptor.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(k) = memchr::memchr(needle[0], bytes.get(from..)?) {
            let p = from + k;
            if bytes[p..].starts_with(needle) {
                from = p + needle.len();
                return Some(p);
            }
            from = p + 1;
        }
        None
    })
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

/// The first word of each descriptor, as the word lists hold it.
pub(in super::super) fn descriptor_first_words() -> impl Iterator<Item = &'static str> {
    DESCRIPTORS.iter().map(|d| d.split(' ').next().unwrap_or(d))
}

/// Where each descriptor of the body and the blanks after it end, in order:
/// the ends of the matches of `\b(?:news agency|...)\s+`.
///
/// Read from the words rather than by a regex over the whole body: a
/// descriptor's first word is a whole word (every descriptor is of ASCII
/// letters and hyphens, and blanks follow its words), so one opens either
/// at a word whose class says so, or inside a word after a character that
/// is no word character ("pro-daily", "Axios's").
fn descriptor_ends(tokens: &Tokens) -> Vec<usize> {
    let body = tokens.body;
    let mut ends = Vec::new();
    // Matches do not overlap: the next one starts after the last.
    let mut resume = 0;
    let mut try_at = |at: usize, ends: &mut Vec<usize>| {
        if at >= resume && at_word_start(body, at) {
            if let Some(end) = descriptor_at(body, at) {
                ends.push(end);
                resume = end;
            }
        }
    };
    for t in &tokens.list {
        if t.class.opens_descriptor() {
            try_at(t.range.start, &mut ends);
        }
        if !t.class.plain() || t.possessive {
            let word = &body[t.range.start..t.end];
            let mut inner = word.char_indices().peekable();
            while let Some((_, c)) = inner.next() {
                if let Some(&(q, _)) = inner.peek() {
                    if !is_word_char(c) {
                        try_at(t.range.start + q, &mut ends);
                    }
                }
            }
        }
    }
    ends
}

/// The end of the descriptor opening at byte `at` and the blanks after it,
/// the first listed that blanks follow (as a regex's alternatives are tried).
fn descriptor_at(body: &str, at: usize) -> Option<usize> {
    let rest = &body[at..];
    let first = *rest.as_bytes().first()?;
    // The first byte before the whole descriptor.
    let opening = DESCRIPTORS.iter().filter(|d| d.as_bytes()[0] == first);
    opening.into_iter().find_map(|d| {
        let after = rest.strip_prefix(d)?;
        let blanks = after.len() - after.trim_start().len();
        (blanks > 0).then_some(at + d.len() + blanks)
    })
}

/// "local news portal Media Congo", "the militant group Jaish al-Adl".
pub(super) fn find(tokens: &Tokens) -> Vec<Found> {
    static MENAFN: OnceLock<Regex> = OnceLock::new();
    let body = tokens.body;
    let mut out = Vec::new();
    for end in descriptor_ends(tokens) {
        let i = tokens.first_from(end);
        if i >= tokens.len() || tokens.list[i].range.start != end {
            continue;
        }
        let mut j = i;
        while j < i + 4 && is_org_word(tokens, j) && tokens.joined(j) && is_org_word(tokens, j + 1)
        {
            j += 1;
        }
        if !is_org_word(tokens, i)
            || (i..=j).any(|k| tokens.class(k).title().heads())
            || state_at(tokens, i).is_some_and(|(e, _, _)| e == j)
            || tokens.class(i).platform()
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
    let (after, in_apposition) = described_after_or_in_apposition(tokens);
    out.extend(after);
    out.extend(in_apposition);
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
    fn after_joined_words_the_trimmed_rest_opens_the_next_word_or_no_descriptor() {
        // What lets `described_after` test the next word's first byte first.
        let mut texts = super::super::super::tokens::tests::odd_texts();
        texts.extend(
            [
                "Magik 9 radio station",
                "Magik 9\u{a0}radio station",
                "Magik 9 \u{a0} radio station",
                "Magik 9\t daily",
                "Saba's news agency",
            ]
            .map(String::from),
        );
        for text in texts {
            let tokens = Tokens::new(&text);
            for j in (0..tokens.len()).filter(|&j| tokens.joined(j)) {
                let rest = text[tokens.list[j].end..].trim_start_matches([' ', '\t']);
                let next = tokens.list[j + 1].range.start;
                let opens_next = rest.len() == text.len() - next;
                let no_descriptor = !rest.starts_with(['r', 'n', 'd', 'b', 't', 'T']);
                assert!(opens_next || no_descriptor, "{text:?} {j}");
            }
        }
    }

    #[test]
    fn descriptor_matches_are_those_match_indices_finds() {
        let mut clauses = super::super::super::tokens::tests::odd_texts();
        clauses.extend(
            [
                "a pro-Netanyahu daily",
                "the dailydaily daily,",
                "a news agency news agencyx",
                "paramilitary grouparamilitary group",
                "NGONGO NGO",
                "éradio radio\u{301} radio",
                "",
            ]
            .map(String::from),
        );
        // Descriptors cut, glued and doubled, so matches touch and overlap.
        let mut seed: u64 = 13;
        for _ in 0..1000 {
            let mut clause = String::new();
            for _ in 0..6 {
                crate::extract::text::step_random(&mut seed);
                let d = DESCRIPTORS[(seed >> 33) as usize % DESCRIPTORS.len()];
                let cut = if seed.is_multiple_of(3) {
                    d.len() / 2
                } else {
                    d.len()
                };
                clause.push_str(&d[..cut]);
                clause.push_str(["", " ", "-", "é", "x"][(seed >> 20) as usize % 5]);
            }
            clauses.push(clause);
        }
        for clause in clauses {
            for d in DESCRIPTORS.iter().chain(TRAILING_DESCRIPTORS) {
                let by_std: Vec<usize> = clause.match_indices(d).map(|(p, _)| p).collect();
                let read: Vec<usize> = matches_in(&clause, d).collect();
                assert_eq!(read, by_std, "{clause:?} {d}");
            }
        }
    }

    #[test]
    fn descriptors_are_of_ascii_letters_and_hyphens() {
        // What lets `descriptor_ends` read them from whole words.
        for d in DESCRIPTORS {
            let words_ok = d
                .split(' ')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-'));
            assert!(words_ok && d.as_bytes()[0].is_ascii_alphabetic(), "{d}");
        }
    }

    #[test]
    fn descriptors_end_where_the_bounded_pattern_ends_them() {
        let alternatives = DESCRIPTORS.join("|");
        let bounded = Regex::new(&format!(r"\b(?:{alternatives})\s+")).expect("valid regex");
        let mut texts = super::super::super::tokens::tests::odd_texts();
        // Descriptors glued to words, joiners, blanks and each other.
        #[rustfmt::skip]
        let pieces = [
            " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", "-", "_", ".", "'", "’", "'s ", "x", "é",
            "\u{301}", "²", "U.S.", "pro-", "Media Congo", "Kestrel", "news", "agency", "think",
        ];
        let mut seed: u64 = 5;
        for _ in 0..1500 {
            let mut text = String::new();
            for _ in 0..14 {
                crate::extract::text::step_random(&mut seed);
                if seed.is_multiple_of(2) {
                    text.push_str(DESCRIPTORS[(seed >> 33) as usize % DESCRIPTORS.len()]);
                } else {
                    text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
            }
            texts.push(text);
        }
        let mut found = 0;
        for body in texts {
            let expected: Vec<usize> = bounded.find_iter(&body).map(|m| m.end()).collect();
            let tokens = Tokens::new(&body);
            assert_eq!(descriptor_ends(&tokens), expected, "{body:?}");
            found += expected.len();
        }
        assert!(found > 1000, "the texts hold descriptors: {found}");
    }
}
