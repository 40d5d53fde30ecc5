//! Small closed word classes the statement rules test tokens against.

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
    match w.to_lowercase().as_str() {
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
