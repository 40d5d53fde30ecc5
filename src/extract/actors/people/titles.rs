//! Titles before names: "Secretary of Defense Lloyd J. Austin", "IDF
//! spokesperson Rear Admiral Daniel Hagari", "Qatari Prime Minister Sheikh
//! Mohammed ...". A title chain is a run of title words (offices, ranks,
//! honorifics and their modifiers, with "of Defense"-like complements); the
//! words before it that name a state or an organization give the person's
//! affiliation and belong to the title as kept.

use super::super::lexicon::StateForm;
use super::super::names::{name_from, state_at};
use super::super::tokens::Tokens;
use super::super::{Found, Rule};
use super::person;

/// Office words that, written in lower case, are too common to introduce a name.
#[rustfmt::skip]
pub const LOWERCASE_NOT_TITLES: &[&str] = &[
    "head", "chair", "justice", "judge", "speaker", "officer", "representative", "founder",
    "king", "queen", "prince", "princess", "pope",
];

/// Word `k` can be part of a title chain, and whether it heads one.
fn title_word(tokens: &Tokens, k: usize) -> Option<bool> {
    let word = tokens.class(k);
    let class = word.title();
    if class.rank || class.honorific {
        return Some(true);
    }
    if class.office {
        return (word.capitalised() || !word.lowercase_not_title()).then_some(true);
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
        let word = tokens.class(q);
        let step = if word.title().portfolio && word.capitalised() {
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
    // Asked of every word, and most are neither role nor title: one read
    // of the class turns them away.
    if !tokens.class(i).opens_title() {
        return None;
    }
    if role_before_name(tokens, i).is_some() {
        return Some(i);
    }
    let mut heads = title_word(tokens, i)?;
    let mut end = i;
    while tokens.joined(end) && end + 1 < tokens.len() {
        let next = tokens.text(end + 1);
        if let Some(h) = title_word(tokens, end + 1) {
            heads |= h;
            end += 1;
        } else if let Some(c) = title_complement(tokens, end + 1) {
            end = c;
        } else if next == "and"
            && tokens.joined(end + 1)
            && end + 2 < tokens.len()
            && title_word(tokens, end + 2).is_some()
        {
            end += 1;
        } else {
            break;
        }
    }
    heads.then_some(end)
}

/// "Foreign Minister Ana Ruiz", "President Biden", "Sheikh Mohammed".
pub(super) fn titled(tokens: &Tokens, orgs: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Most words open no chain: skipped on their class in one pass.
        match tokens.list[i..].iter().position(|t| t.class.opens_title()) {
            Some(skipped) => i += skipped,
            None => break,
        }
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
        let short_ok = tokens.class(end).capitalised();
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
    // Asked of every word: the class first, the text only for role nouns.
    let role = tokens.class(i).role_noun()
        && tokens
            .text(i)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
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
        Some(org) => tokens.word_at(org.range.start).min(i),
        None => i,
    };
    while start > 0 && tokens.spaced(start - 1) {
        let prev = start - 1;
        if let Some(org) = orgs
            .iter()
            .find(|o| o.range.end == tokens.list[prev].range.end)
        {
            let org_start = tokens.word_at(org.range.start);
            if org_start >= start {
                break;
            }
            start = org_start;
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

pub(super) fn title_text(tokens: &Tokens, start: usize, end: usize) -> String {
    let mut end = end;
    while end > start && tokens.class(end).title().honorific {
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
    single_spaced(text)
}

/// The words of `text` joined by one space, as joining `split_whitespace`
/// would, written out without a list of the words.
fn single_spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The state or organization words `start..=end` name first, as an
/// affiliation ("China's U.N. Ambassador" -> CN).
pub(super) fn affiliation_in(
    tokens: &Tokens,
    orgs: &[Found],
    start: usize,
    end: usize,
) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_spacing_is_that_of_joining_the_split_words() {
        for text in super::super::super::tokens::tests::odd_texts() {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(&text), joined, "{text:?}");
        }
    }
}
