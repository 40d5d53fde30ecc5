//! The qualifier of a count ("at least", "more than", ...) and the bounds it
//! implies.

use super::govern::skip_fillers_back;
use super::lexicon::{qualifier_words, words_at, RISE_VERBS};
use super::tokens::Token;

/// A count's qualifier and bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Qualified {
    pub qualifier: &'static str,
    pub low: Option<i64>,
    pub high: Option<i64>,
}

/// Reads the qualifier of the count at token `i`: from the words before it,
/// else from a "-plus"/"or more"/"or so" after it, else `exact`. A range
/// ("between 20 and 25") is `approx` with both bounds.
pub fn qualify(toks: &[Token], i: usize) -> Qualified {
    let Some(n) = toks[i].count() else {
        return Qualified {
            qualifier: "exact",
            low: None,
            high: None,
        };
    };
    if let Some(high) = n.high {
        return Qualified {
            qualifier: "approx",
            low: Some(n.value),
            high: Some(high),
        };
    }
    let qualifier = qualifier_before(toks, i)
        .or_else(|| qualifier_after(toks, i, n.plus))
        .unwrap_or("exact");
    let (low, high) = bounds(n.value, qualifier);
    Qualified {
        qualifier,
        low,
        high,
    }
}

/// The qualifier phrase nearest before the count, among the fillers.
fn qualifier_before(toks: &[Token], i: usize) -> Option<&'static str> {
    let start = skip_fillers_back(toks, i);
    let mut k = i;
    while k > start {
        for (words, q) in qualifier_words() {
            let Some(s) = k.checked_sub(words.len()) else {
                continue;
            };
            if s >= start && words_at(toks, s, words) {
                // "the toll climbed up to 21": a movement, not a ceiling.
                let rise = s > 0 && RISE_VERBS.contains(&toks[s - 1].lower);
                return Some(if *q == "up_to" && rise { "exact" } else { q });
            }
        }
        k -= 1;
    }
    None
}

/// "2,000-plus", "50 or more", "100 or so".
fn qualifier_after(toks: &[Token], i: usize, plus: bool) -> Option<&'static str> {
    if plus || words_at(toks, i + 1, &["plus"]) {
        Some("more_than")
    } else if words_at(toks, i + 1, &["or", "more"]) {
        Some("at_least")
    } else if words_at(toks, i + 1, &["or", "so"]) {
        Some("approx")
    } else {
        None
    }
}

/// count_low and count_high from the qualifier: "more than 34,000" is at
/// least 34,000 with no upper bound; "nearly 16,000" is at most 16,000.
pub fn bounds(count: i64, qualifier: &str) -> (Option<i64>, Option<i64>) {
    match qualifier {
        "exact" => (Some(count), Some(count)),
        "at_least" | "more_than" => (Some(count), None),
        "nearly" | "up_to" => (None, Some(count)),
        _ => (None, None),
    }
}
