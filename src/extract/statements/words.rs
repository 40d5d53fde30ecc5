//! Small closed word classes the statement rules test tokens against.

use std::borrow::Cow;

/// `w.to_lowercase()`, written into `buf` when `w` is ASCII and fits (most
/// words): the rules lower-case a word or two around every cue and speaker,
/// and an allocation each was a large part of that.
pub fn lowercase<'b>(w: &str, buf: &'b mut [u8]) -> Cow<'b, str> {
    match buf.get_mut(..w.len()) {
        Some(lower) if w.is_ascii() => {
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(lower).expect("ASCII stays UTF-8"))
        }
        _ => Cow::Owned(w.to_lowercase()),
    }
}

/// Auxiliaries and adverbs that may stand between a subject and its speech
/// verb ("the ministry has also said", "Hezbollah on Friday said").
pub fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "earlier"
            | "previously"
            | "further"
            | "then"
            | "again"
            | "separately"
            | "recently"
            | "repeatedly"
            | "subsequently"
            | "initially"
            | "first"
            | "already"
            | "once"
            | "publicly"
            | "privately"
            | "formally"
            | "officially"
            | "reportedly"
            | "allegedly"
            | "today"
            | "yesterday"
            | "tonight"
            | "on"
            | "late"
            | "early"
            | "this"
            | "last"
            | "week"
            | "weekend"
            | "month"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "could"
            | "may"
            | "might"
            | "however"
            | "meanwhile"
            | "too"
            | "just"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// Words that open a clause: a subject never reaches back across them.
pub fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "and"
            | "but"
            | "while"
            | "as"
            | "after"
            | "when"
            | "because"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "since"
            | "although"
            | "though"
            | "if"
            | "whereas"
            | "before"
            | "until"
            | "so"
            | "than"
            | "once"
            | "or"
            | "nor"
            | "then"
            | "meanwhile"
            | "however"
            | "even"
            | "amid"
            | "despite"
    )
}

/// Words that end a speaker named after its verb ("said the minister in a
/// statement", "said a spokesman on Monday").
pub fn ends_inverted_subject(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "during"
            | "on"
            | "after"
            | "before"
            | "while"
            | "following"
            | "with"
            | "who"
            | "which"
            | "that"
            | "as"
            | "when"
            | "from"
            | "via"
            | "earlier"
            | "later"
            | "today"
            | "yesterday"
            | "this"
            | "last"
            | "late"
            | "told"
            | "adding"
            | "and"
    )
}

/// Personal pronouns that stand for a speaker in focus.
pub fn pronoun(w: &str) -> Option<Pronoun> {
    match &*lowercase(w, &mut [0u8; 8]) {
        "he" | "she" | "him" | "her" => Some(Pronoun::Person),
        "it" => Some(Pronoun::Body),
        "they" | "them" => Some(Pronoun::Plural),
        "we" | "i" | "you" => Some(Pronoun::Unknown),
        _ => None,
    }
}

/// What a pronoun can point back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    Person,
    Body,
    Plural,
    Unknown,
}

/// Determiners and possessives: a cue word right after one is a noun or an
/// adjective ("the reported attack", "his claims").
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "these"
            | "those"
            | "this"
            | "amid"
            | "of"
            | "any"
            | "no"
            | "such"
            | "to"
            | "for"
            | "with"
    )
}

/// Words that make a noun of a cue that doubles as one ("media reports of",
/// "earlier claims"); a plain verb form is read as a verb after them.
pub fn is_noun_modifier(w: &str) -> bool {
    matches!(
        w,
        "media"
            | "news"
            | "press"
            | "initial"
            | "earlier"
            | "recent"
            | "latest"
            | "first"
            | "new"
            | "unconfirmed"
            | "conflicting"
            | "local"
            | "official"
            | "several"
            | "many"
    )
}

/// Words after a cue that make it a participle of state, not speech
/// ("confirmed dead", "reported killed").
pub fn is_state_word(w: &str) -> bool {
    matches!(
        w,
        "dead"
            | "killed"
            | "missing"
            | "wounded"
            | "injured"
            | "dying"
            | "alive"
            | "captured"
            | "detained"
            | "by"
    )
}

/// Phrases that mark a source as unnamed ("a source close to Hezbollah").
pub const UNNAMED_MARKERS: &[&str] = &[
    "close to",
    "familiar with",
    "with knowledge of",
    "on condition",
    "not authori",
    "not to be named",
    "declined to be named",
    "requested anonymity",
];

/// Words after which a description's head noun has ended ("the head *of*
/// the council", "officials *in* Rwanda", "rebels *fighting* the army").
pub fn ends_head(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "by"
            | "and"
            | "released"
            | "issued"
            | "published"
            | "in"
            | "at"
            | "close"
            | "familiar"
            | "from"
            | "with"
            | "near"
            | "on"
            | "to"
            | "who"
            | "which"
            | "based"
            | "loyal"
            | "linked"
            | "backed"
            | "allied"
            | "under"
    ) || (w.len() > 5 && w.ends_with("ing") && w.chars().all(|c| c.is_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_to_lowercase() {
        let long = ["x".repeat(40), "Y".repeat(8)];
        let words = [
            "",
            "Said",
            "SAID",
            "al-Qidra",
            "Zürich",
            "ÉTÉ",
            "İstanbul",
            "\u{212A}",
            "ΣΟΦΟΣ",
        ];
        for w in words.into_iter().chain(long.iter().map(String::as_str)) {
            for size in [0, 4, 8, 32, 64] {
                let mut buf = vec![0u8; size];
                assert_eq!(lowercase(w, &mut buf), w.to_lowercase(), "{w:?} in {size}");
            }
        }
    }
}
