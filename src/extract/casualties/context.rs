//! What a figure says beyond its number: the victims as written, the period,
//! the place and who gave it. Each is read from the figure's own sentence;
//! when the sentence does not say, the field stays empty rather than guessed.
//! Places and actors are looked up through sorted mention indexes, so the
//! cost per sentence does not grow with the article.

use std::ops::Range;

use super::govern::Reading;
use super::lexicon::{term_starting, Role, AUX, MODALS, NP_STOP};
use super::qualifier;
use super::tokens::{Kind, Token};
use crate::extract::numbers::WordSet;
use crate::extract::text::{with_lowercase, Text};
use crate::extract::{CasualtyFigure, Mention, Span};

/// How many words a victims phrase may hold.
const MAX_VICTIM_WORDS: usize = 4;

/// Words that end a victims phrase besides those of [`NP_STOP`] and [`AUX`].
static VICTIM_STOP: WordSet = WordSet::new(&[
    "and",
    "or",
    "in",
    "at",
    "on",
    "from",
    "near",
    "inside",
    "outside",
    "across",
    "during",
    "with",
    "including",
    "among",
    "of",
    "who",
]);

/// The noun phrase right after the count, as written ("Palestinians",
/// "Iranian military officers", "7-year-old girl").
fn victims(toks: &[Token], i: usize, s: &str) -> Option<String> {
    let mut range: Option<Range<usize>> = None;
    for (j, t) in toks.iter().enumerate().skip(i + 1).take(MAX_VICTIM_WORDS) {
        let w = t.lower;
        let stop = t.kind != Kind::Word
            || AUX.contains(&w)
            || NP_STOP.contains(&w)
            || MODALS.contains(&w)
            || VICTIM_STOP.contains(&w)
            || term_starting(toks, j, Role::Pred).is_some_and(|term| !term.person);
        // "nine workers operating a hospital": a participle starts a new phrase.
        if stop || (range.is_some() && w.ends_with("ing")) {
            break;
        }
        range = Some(range.map_or(t.range.clone(), |r| r.start..t.range.end));
        if w == "others" {
            break;
        }
    }
    range.map(|r| s[r].to_string())
}

/// Words that open a period: "since October 7", "since the war began".
const SINCE: &str = "since";

/// Words ending a period phrase.
static PERIOD_STOP: WordSet = WordSet::new(&[
    "and",
    "according",
    "said",
    "says",
    "as",
    "when",
    "while",
    "but",
    "in",
    "on",
    "after",
    "with",
    "amid",
    "that",
    "which",
    "who",
]);

/// Time words that close "in the past 24 hours" and the like.
static TIME_UNITS: WordSet = WordSet::new(&[
    "hours",
    "hour",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "weekend",
    "night",
    "decade",
    "fortnight",
]);

/// The periods a sentence names, as token ranges: "since October 7", "in
/// the past 24 hours", "over the last year". A figure takes the nearest.
fn periods(toks: &[Token]) -> Vec<Range<usize>> {
    (0..toks.len())
        .filter_map(|j| {
            since_phrase(toks, j)
                .or_else(|| past_phrase(toks, j))
                .map(|end| j..end)
        })
        .collect()
}

/// "since October 7", "since Oct. 7", "since the start of the war"; not
/// "have since been killed". Returns the end token (exclusive).
fn since_phrase(toks: &[Token], j: usize) -> Option<usize> {
    if !toks[j].is_word(SINCE) {
        return None;
    }
    let first = toks.get(j + 1)?;
    if first.kind != Kind::Word && first.count().is_none() {
        return None;
    }
    if AUX.contains(&first.lower) || term_starting(toks, j + 1, Role::Any).is_some() {
        return None;
    }
    let mut end = j + 1;
    while let Some(t) = toks.get(end) {
        let abbreviation_dot =
            t.kind == Kind::Punct('.') && end > j + 1 && toks[end - 1].lower.len() <= 4;
        let stop = match t.kind {
            Kind::Punct(_) => !abbreviation_dot,
            _ => PERIOD_STOP.contains(&t.lower) || AUX.contains(&t.lower),
        };
        if stop || end - j > 6 {
            break;
        }
        end += 1;
    }
    // A trailing dot belongs to the sentence, not the period.
    while end > j + 1 && toks[end - 1].is_punct() {
        end -= 1;
    }
    (end > j + 1).then_some(end)
}

/// "in the past 24 hours", "over the last year", "during the previous week".
fn past_phrase(toks: &[Token], j: usize) -> Option<usize> {
    // Asked at every token: the rarest word first.
    let past = || {
        toks.get(j + 2)
            .is_some_and(|t| ["past", "last", "previous", "preceding"].contains(&t.lower))
    };
    let the = || toks.get(j + 1).is_some_and(|t| t.is_word("the"));
    let opener = || ["in", "over", "during", "within"].contains(&toks[j].lower);
    if !(past() && the() && opener() && toks[j].kind == Kind::Word) {
        return None;
    }
    (j + 3..toks.len().min(j + 6))
        .find(|&k| TIME_UNITS.contains(&toks[k].lower))
        .map(|k| k + 1)
}

/// Words that attribute a figure to a source.
static CUES: WordSet = WordSet::new(&[
    "said",
    "says",
    "say",
    "told",
    "according",
    "reported",
    "reports",
    "announced",
    "confirmed",
    "stated",
    "added",
    "tally",
    "figures",
    "data",
    "statement",
    "wrote",
    "cited",
    "quoted",
]);

/// How far (in characters) a source may stand from its cue.
const MAX_SOURCE_DISTANCE: usize = 80;

/// Mentions of actors or places, sorted by position, for lookups by sentence.
pub struct MentionIndex {
    /// (span, index of the actor or place).
    mentions: Vec<(Span, usize)>,
}

impl MentionIndex {
    pub fn new<'a>(per_item: impl Iterator<Item = &'a [Mention]>) -> Self {
        let mut mentions: Vec<(Span, usize)> = per_item
            .enumerate()
            .flat_map(|(k, ms)| ms.iter().map(move |m| (m.span, k)))
            .collect();
        mentions.sort();
        MentionIndex { mentions }
    }

    /// The mentions inside `span`.
    fn within(&self, span: Span) -> &[(Span, usize)] {
        let from = self.mentions.partition_point(|(s, _)| s.start < span.start);
        let to = self.mentions.partition_point(|(s, _)| s.start < span.end);
        let inside = &self.mentions[from..to.max(from)];
        let end = inside
            .iter()
            .rposition(|(s, _)| s.end <= span.end)
            .map_or(0, |p| p + 1);
        &inside[..end]
    }
}

/// What the figures of one sentence are read from, with what the whole
/// sentence says (periods, source, places) worked out once.
pub struct SentenceContext<'a> {
    text: &'a Text<'a>,
    sentence: Range<usize>,
    toks: &'a [Token<'a>],
    /// Token ranges of the periods named in the sentence.
    periods: Vec<Range<usize>>,
    source: Option<usize>,
    places: &'a [(Span, usize)],
}

impl<'a> SentenceContext<'a> {
    pub fn new(
        text: &'a Text<'a>,
        sentence: Range<usize>,
        toks: &'a [Token<'a>],
        places: &'a MentionIndex,
        speakers: &'a MentionIndex,
    ) -> Self {
        let span = text.span(&sentence);
        SentenceContext {
            periods: periods(toks),
            source: source(text, &sentence, toks, speakers.within(span)),
            places: places.within(span),
            text,
            sentence,
            toks,
        }
    }

    /// The figure read from the count at token `i`.
    pub fn figure(&self, i: usize, reading: &Reading, part_of: Option<usize>) -> CasualtyFigure {
        let tok = &self.toks[i];
        let n = tok.count().expect("readings are of counts");
        let s = &self.text.body[self.sentence.clone()];
        let q = qualifier::qualify(self.toks, i);
        let span = self.text.span(&super::body_range(&self.sentence, tok));
        CasualtyFigure {
            category: reading.category.to_string(),
            count: n.value,
            count_low: q.low,
            count_high: q.high,
            qualifier: q.qualifier.to_string(),
            victims: victims(self.toks, i, s),
            location: location(self.text, self.places, span),
            period: nearest(&self.periods, i).map(|r| {
                s[self.toks[r.start].range.start..self.toks[r.end - 1].range.end].to_string()
            }),
            source: self.source,
            part_of,
            span,
        }
    }
}

/// The period nearest token `i`.
fn nearest(periods: &[Range<usize>], i: usize) -> Option<&Range<usize>> {
    periods.iter().min_by_key(|r| {
        if r.start > i {
            r.start - i
        } else {
            i.saturating_sub(r.end)
        }
    })
}

/// The actor the sentence attributes its figures to: the actor mention
/// nearest an attribution cue ("the Health Ministry said", "according to
/// UNICEF").
fn source(
    text: &Text,
    sentence: &Range<usize>,
    toks: &[Token],
    actors: &[(Span, usize)],
) -> Option<usize> {
    let cues: Vec<usize> = toks
        .iter()
        .filter(|t| t.kind == Kind::Word && CUES.contains(&t.lower))
        .map(|t| text.char_offset(sentence.start + t.range.start))
        .collect();
    let mut best: Option<(usize, usize)> = None;
    for (span, a) in actors {
        // Cues are in order: the nearest is next to the mention's position.
        let k = cues.partition_point(|&c| c < span.start);
        for &c in cues[k.saturating_sub(1)..cues.len().min(k + 1)].iter() {
            let d = if c >= span.end {
                c - span.end
            } else {
                span.start.saturating_sub(c)
            };
            if d <= MAX_SOURCE_DISTANCE && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, *a));
            }
        }
    }
    best.map(|(_, a)| a)
}

/// Words before a place name that make it where something happened ("in
/// Rafah", "a strike on Tyre").
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "throughout",
    "inside",
    "around",
    "outside",
    "on",
];

/// Nouns that name a place by "of" ("the city of Tyre", "the outskirts of Goma").
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "suburbs",
    "suburb",
    "province",
    "region",
    "district",
    "camp",
    "area",
    "outskirts",
    "capital",
    "governorate",
    "state",
    "county",
    "neighbourhood",
    "neighborhood",
    "municipality",
    "port",
    "island",
    "strip",
];

/// The place the figure refers to: the first place after the count in its
/// sentence that the text introduces as a location ("in Rafah", "the city
/// of Tyre"), else the last such place before it. A place named as an actor
/// ("Israel's attack", "into Israel") is not where the figure happened.
fn location(text: &Text, places: &[(Span, usize)], count: Span) -> Option<usize> {
    let k = places.partition_point(|(s, _)| s.start < count.end);
    let is_site = |(span, _): &&(Span, usize)| is_locative(text, *span);
    places[k..]
        .iter()
        .find(is_site)
        .or_else(|| {
            places[..k]
                .iter()
                .rev()
                .filter(|(s, _)| s.end <= count.start)
                .find(is_site)
        })
        .map(|(_, l)| *l)
}

/// Whether the place mention at `span` is introduced as a location.
fn is_locative(text: &Text, span: Span) -> bool {
    let range = text.byte_range(span);
    let after = &text.body[range.end..];
    if after.starts_with("'s") || after.starts_with("\u{2019}s") {
        return false;
    }
    let mut words = text.body[..range.start]
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let Some(prev) = words.next() else {
        return false;
    };
    // "in the southern city of Tyre", "in the Gaza Strip".
    let prev = if lowers_to_one_of(prev, &["the"]) {
        words.next().unwrap_or_default()
    } else {
        prev
    };
    lowers_to_one_of(prev, LOCATIVES)
        || (lowers_to_one_of(prev, &["of"])
            && words
                .next()
                .is_some_and(|w| lowers_to_one_of(w, PLACE_NOUNS)))
}

/// Whether `w.to_lowercase()` is one of the lower-case `words`: lowered
/// once (on the stack when ASCII), not once for each word compared.
fn lowers_to_one_of(w: &str, words: &[&str]) -> bool {
    with_lowercase(w, |lower| words.contains(&lower))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::lowers_to;

    /// `lowers_to_one_of` against `lowers_to` on each word, which it
    /// replaced, for ASCII and non-ASCII words (the Kelvin sign lowers to
    /// "k").
    #[test]
    fn lowers_to_one_of_matches_lowers_to() {
        let words = [
            "in",
            "In",
            "IN",
            "ın",
            "İn",
            "the",
            "THE",
            "of",
            "outskirts",
            "Outs\u{212A}irts",
            "ÖF",
            "",
            "city",
        ];
        for w in words {
            for list in [LOCATIVES, PLACE_NOUNS, &["the"], &["of"]] {
                let each = list.iter().any(|l| lowers_to(w, l));
                assert_eq!(lowers_to_one_of(w, list), each, "{w:?} in {list:?}");
            }
        }
    }
}
