//! Casualty figures: numbers of people killed, injured, missing, displaced,
//! detained or held hostage, with qualifier, bounds, victims, place, period,
//! source, and the larger figure each one is part of.
//!
//! Design: each sentence becomes tokens in which every possible head count
//! is one token ([`tokens`]); a count becomes a figure only when a casualty
//! word governs it by one of a few grammatical patterns ([`govern`]), read
//! from a lexicon of casualty words (`data/casualty_terms.tsv`, [`lexicon`]).
//! Patterns, not word windows: "killing 18 people and wounding another 13"
//! gives killed 18 and injured 13 because each count takes the verb right
//! before it, not the nearest casualty word. Qualifier and bounds, victims,
//! period, place and source are then read around the count ([`qualifier`],
//! [`context`]). The same figure stated twice (headline and body) is kept
//! once. Every rule looks at a bounded window of tokens, so the work is
//! linear in the length of the article whatever its content.

mod context;
mod govern;
mod lexicon;
mod qualifier;
mod tokens;

#[cfg(test)]
mod tests;

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::numbers;
use super::text::Text;
use super::{Actor, CasualtyFigure, Location};
use context::{MentionIndex, SentenceContext};
use govern::{Parent, Prior, Reading};
use tokens::Token;

pub use qualifier::bounds;

/// Finds the casualty figures in an article.
pub fn extract(text: &Text, actors: &[Actor], locations: &[Location]) -> Vec<CasualtyFigure> {
    let places = MentionIndex::new(locations.iter().map(|l| l.mentions.as_slice()));
    let speakers = MentionIndex::new(actors.iter().map(|a| a.mentions.as_slice()));
    let mut figures = Figures::default();
    // Buffers for every sentence of the article.
    let (mut lowered, mut counts, mut spare) = (String::new(), Vec::new(), Vec::new());
    for sentence in &text.sentences {
        let s = &text.body[sentence.clone()];
        // A sentence without counts has nothing to read: skip tokenising it.
        numbers::find_counts(s, &mut counts);
        if counts.is_empty() {
            continue;
        }
        let toks = tokens::tokenize_with(s, &counts, &mut lowered, emptied(spare));
        read_figures(text, sentence, (&places, &speakers), &toks, &mut figures);
        spare = emptied(toks);
    }
    figures.list
}

/// An empty token list on the allocation of `list`, for the next
/// sentence's tokens: the tokens borrow their sentence's lower-case text,
/// so the list is emptied and taken again with no borrow (collecting a
/// consumed list into one of the same layout keeps its allocation).
fn emptied<'b>(mut list: Vec<Token<'_>>) -> Vec<Token<'b>> {
    list.clear();
    list.into_iter().map(|_| unreachable!("emptied")).collect()
}

/// Adds the figures of one sentence, given its tokens and the article's
/// place and actor mentions.
fn read_figures(
    text: &Text,
    sentence: &Range<usize>,
    (places, speakers): (&MentionIndex, &MentionIndex),
    toks: &[Token],
    figures: &mut Figures,
) {
    if toks.iter().all(|t| t.count().is_none()) {
        return;
    }
    let readings = read_sentence(toks, figures.latest_category());
    if readings.is_empty() {
        return;
    }
    let context = SentenceContext::new(text, sentence.clone(), toks, places, speakers);
    let earlier = figures.list.len();
    let mut index_of_token: FxHashMap<usize, usize> = FxHashMap::default();
    for (i, reading) in parents_first(readings) {
        let part_of = match reading.parent {
            Some(Parent::Token(t)) => index_of_token.get(&t).copied(),
            Some(Parent::Earlier) => figures.latest_of(reading.category, earlier),
            None => None,
        };
        let figure = context.figure(i, &reading, part_of);
        index_of_token.insert(i, figures.add(reading.category, figure));
    }
}

/// Reads every count of a sentence, left to right.
fn read_sentence(toks: &[Token], latest: Option<&'static str>) -> Vec<(usize, Reading)> {
    let mut prior: Vec<Prior> = Vec::new();
    let mut readings = Vec::new();
    for i in 0..toks.len() {
        if toks[i].count().is_none() {
            continue;
        }
        let latest = prior.last().map(|p| p.category).or(latest);
        if let Some(r) = govern::read(toks, i, &prior, latest) {
            prior.push(Prior {
                token: i,
                category: r.category,
                parent: r.parent,
            });
            readings.push((i, r));
        }
    }
    readings
}

/// Orders a sentence's readings so that each comes after the one it is part
/// of ("a child was among three people killed": the three first). A parent
/// that is not itself a figure is dropped.
fn parents_first(readings: Vec<(usize, Reading)>) -> Vec<(usize, Reading)> {
    // Most sentences have no reading part of another in the sentence:
    // their order stands as it is, with no index to build.
    if !readings
        .iter()
        .any(|(_, r)| matches!(r.parent, Some(Parent::Token(_))))
    {
        return readings;
    }
    let tokens: FxHashMap<usize, usize> = readings
        .iter()
        .enumerate()
        .map(|(k, (i, _))| (*i, k))
        .collect();
    let mut waiting: FxHashMap<usize, Vec<(usize, Reading)>> = FxHashMap::default();
    let mut out: Vec<(usize, Reading)> = Vec::with_capacity(readings.len());
    for (k, (i, mut r)) in readings.into_iter().enumerate() {
        if let Some(Parent::Token(t)) = r.parent {
            match tokens.get(&t) {
                None => r.parent = None,
                // The parent comes later in the sentence: wait for it.
                Some(&pk) if pk > k => {
                    waiting.entry(t).or_default().push((i, r));
                    continue;
                }
                Some(_) => {}
            }
        }
        let mut ready = vec![(i, r)];
        while let Some((i, r)) = ready.pop() {
            if let Some(children) = waiting.remove(&i) {
                ready.extend(children);
            }
            out.push((i, r));
        }
    }
    // Parents that never came (impossible by construction) free their children.
    for (_, children) in waiting {
        out.extend(children.into_iter().map(|(i, mut r)| {
            r.parent = None;
            (i, r)
        }));
    }
    out
}

/// The article's figures, one per category and count.
#[derive(Default)]
struct Figures {
    list: Vec<CasualtyFigure>,
    by_key: FxHashMap<(&'static str, i64), usize>,
}

impl Figures {
    /// Adds a figure, or merges it into the same figure stated before
    /// (filling what the earlier statement left out); returns its index.
    /// `category` is the figure's own, as the static lexicon name: the key
    /// then needs no copy of the figure's string.
    fn add(&mut self, category: &'static str, figure: CasualtyFigure) -> usize {
        let key = (category, figure.count);
        let Some(&k) = self.by_key.get(&key) else {
            self.list.push(figure);
            self.by_key.insert(key, self.list.len() - 1);
            return self.list.len() - 1;
        };
        let kept = &mut self.list[k];
        kept.victims = kept.victims.take().or(figure.victims);
        kept.location = kept.location.or(figure.location);
        kept.period = kept.period.take().or(figure.period);
        kept.source = kept.source.or(figure.source);
        if kept.part_of.is_none() && figure.part_of.is_some_and(|p| p < k) {
            kept.part_of = figure.part_of;
        }
        k
    }

    fn latest_category(&self) -> Option<&'static str> {
        let last = self.list.last()?;
        lexicon::CATEGORIES
            .iter()
            .find(|c| **c == last.category)
            .copied()
    }

    /// The latest figure of `category` among the first `before`, for "the
    /// toll includes ..." in a later sentence.
    fn latest_of(&self, category: &str, before: usize) -> Option<usize> {
        self.list[..before]
            .iter()
            .rposition(|f| f.category == category)
    }
}

/// Byte range of a token in the body.
fn body_range(sentence: &Range<usize>, tok: &Token) -> Range<usize> {
    sentence.start + tok.range.start..sentence.start + tok.range.end
}
