//! Statements: who said what, as direct quotes or reported speech.
//!
//! The unit is a sentence, extended while a quotation runs across sentence
//! ends. In each unit the speech cues found outside quotation marks (a
//! lexicon of verbs and phrases, data/speech_verbs.tsv) are planned into
//! statements: one per speaker and sentence, plus one for each follow-on
//! clause (", adding that ..."). Each statement's words lie before its
//! attribution ("..., the ministry said") or after it ("the ministry said
//! (that) ..."). When quotation marks carry most of those words the
//! statement is direct and its text is the quoted words, pieces joined with
//! " ... "; otherwise it is reported and its text is the whole clause, scare
//! quotes and all. A sentence that is only a quotation, right after a
//! statement, is a direct statement of the same speaker with no cue.
//!
//! Speakers are resolved against the article's actors by [`speaker`]: a name
//! next to the cue, the person or body in focus for "he" or "the ministry",
//! the holder of a role, the state for "Iranian officials"; unnamed sources
//! keep only their description.

mod cues;
mod lexicon;
mod phrases;
mod plan;
mod quotes;
mod speaker;
mod tokens;
mod words;

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::text::Text;
use super::{Actor, Location, Span, Statement};
use phrases::Words;
use plan::{Planned, Who};
use quotes::{Quote, Unit};
use speaker::{Described, Resolver, Speaker};

/// Statements need at least this many words of text.
const MIN_WORDS: usize = 2;

/// How many units after a statement a lone quotation still continues it.
const QUOTE_REACH: usize = 2;

/// Finds the statements of an article. May add country actors for states
/// that speak ("Iranian officials said").
pub fn extract(text: &Text, actors: &mut Vec<Actor>, locations: &[Location]) -> Vec<Statement> {
    let body = text.body;
    let all_quotes = quotes::find(body);
    let masked = quotes::mask(body, &all_quotes);
    let mut resolver = Resolver::new(text, &all_quotes, actors, locations);
    let mut state = State::default();
    for (index, unit) in quotes::units(text, &all_quotes).iter().enumerate() {
        let toks = tokens::tokenize(&masked, unit.range.clone());
        let w = Words {
            masked: &masked,
            toks: &toks,
        };
        let found = cues::find(&masked, &toks);
        let start = if unit.range.start == 0 || body[..unit.range.start].ends_with('\n') {
            phrases::skip_dateline(&w, 0, toks.len())
        } else {
            0
        };
        let planned = plan::plan(&w, &found, start);
        let ctx = UnitCtx {
            text,
            w: &w,
            quotes: &all_quotes,
            unit,
            index,
            start,
        };
        if planned.is_empty() {
            lone_quote(&ctx, &mut resolver, &mut state);
        } else {
            planned_statements(&ctx, &planned, actors, &mut resolver, &mut state);
        }
    }
    state.out
}

/// What the walk over units carries.
#[derive(Default)]
struct State {
    out: Vec<Statement>,
    /// Unit index of the last statement with a cue or a speaker.
    last_unit: Option<usize>,
    /// Lone quotations left open at a paragraph end, waiting for the
    /// attribution that follows them.
    pending: Vec<(usize, usize)>,
}

/// One unit and what it is read with.
struct UnitCtx<'a> {
    text: &'a Text<'a>,
    w: &'a Words<'a>,
    quotes: &'a [Quote],
    unit: &'a Unit,
    index: usize,
    start: usize,
}

fn planned_statements(
    ctx: &UnitCtx,
    planned: &[Planned],
    actors: &mut Vec<Actor>,
    resolver: &mut Resolver,
    state: &mut State,
) {
    let w = ctx.w;
    let mut previous: Option<Speaker> = None;
    for p in planned {
        let speaker = match &p.who {
            Who::Subject(s) => described(ctx, resolver, actors, s, p),
            Who::Inherit => previous.clone().unwrap_or_default(),
            Who::Leading => phrases::leading_subject(w, ctx.start, p.cue.toks.start)
                .map(|s| described(ctx, resolver, actors, &s, p))
                .unwrap_or_default(),
        };
        previous = Some(speaker.clone());
        let mut pieces = vec![w.bytes(&p.said)];
        pieces.extend(p.tail.as_ref().map(|t| w.bytes(t)));
        let Some((kind, said)) = said_text(ctx, &pieces) else {
            continue;
        };
        let span_bytes = cover(
            std::iter::once(w.bytes(&p.attribution))
                .chain(pieces.iter().filter(|r| !r.is_empty()).cloned()),
        );
        let cue = ctx.text.body[p.cue.range.clone()].to_string();
        push(
            ctx,
            state,
            resolver,
            speaker,
            Some(cue),
            kind,
            said,
            span_bytes,
        );
    }
}

fn described(
    ctx: &UnitCtx,
    resolver: &Resolver,
    actors: &mut Vec<Actor>,
    s: &phrases::Subject,
    p: &Planned,
) -> Speaker {
    let d = Described {
        main: ctx.w.bytes(&s.toks),
        apposition: s.apposition.as_ref().map(|a| ctx.w.bytes(a)),
    };
    resolver.resolve(actors, &d, p.cue.range.start)
}

/// A unit with no cue that is only a quotation: the last speaker goes on, or
/// one left open at a paragraph end waits for its attribution.
fn lone_quote(ctx: &UnitCtx, resolver: &mut Resolver, state: &mut State) {
    let range = ctx.unit.range.clone();
    let qs = quotes::within(ctx.quotes, &range);
    let quoted: usize = qs.iter().map(|q| word_count(ctx.text.body, &q.inner)).sum();
    let outside = ctx
        .w
        .toks
        .iter()
        .filter(|t| t.kind == tokens::Kind::Word)
        .count();
    if quoted < 3 || outside > 3.max(quoted / 4) {
        return;
    }
    let near = state
        .last_unit
        .is_some_and(|u| ctx.index <= u + QUOTE_REACH);
    let open = qs.last().is_some_and(|q| !q.closed);
    if !near && !open {
        return;
    }
    let Some((kind, said)) = said_text(ctx, std::slice::from_ref(&range)) else {
        return;
    };
    let speaker = if near {
        resolver.last.clone().unwrap_or_default()
    } else {
        Speaker::default()
    };
    let at = state.out.len();
    push(ctx, state, resolver, speaker, None, kind, said, range);
    if !near {
        state.pending.push((at, ctx.index));
    }
}

/// Adds a statement and moves the focus to its speaker.
#[allow(clippy::too_many_arguments)]
fn push(
    ctx: &UnitCtx,
    state: &mut State,
    resolver: &mut Resolver,
    speaker: Speaker,
    cue: Option<String>,
    kind: &str,
    text: String,
    bytes: Range<usize>,
) {
    if cue.is_some() {
        // Open quotations just before take this attribution.
        for (i, unit) in std::mem::take(&mut state.pending) {
            if ctx.index <= unit + QUOTE_REACH {
                state.out[i].speaker = speaker.actor;
                state.out[i].speaker_text = speaker.text.clone();
            }
        }
    }
    state.out.push(Statement {
        kind: kind.to_string(),
        cue,
        text,
        speaker: speaker.actor,
        speaker_text: speaker.text.clone(),
        span: span(ctx.text, &bytes),
    });
    if speaker.actor.is_some() || speaker.text.is_some() {
        state.last_unit = Some(ctx.index);
        resolver.last = Some(speaker);
    }
}

/// The kind and text of the said words: direct when quotations carry at
/// least half of them, reported otherwise.
fn said_text(ctx: &UnitCtx, pieces: &[Range<usize>]) -> Option<(&'static str, String)> {
    let body = ctx.text.body;
    let qs: Vec<&Quote> = pieces
        .iter()
        .flat_map(|r| quotes::within(ctx.quotes, r))
        .collect();
    let quoted: usize = qs.iter().map(|q| word_count(body, &q.inner)).sum();
    let total: usize = pieces.iter().map(|r| word_count(body, r)).sum();
    let (kind, text) = if quoted >= MIN_WORDS && 2 * quoted >= total {
        let joined = qs
            .iter()
            .map(|q| body[q.inner.clone()].trim().trim_end_matches([',', ' ']))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ... ");
        ("direct", joined)
    } else {
        let joined = pieces
            .iter()
            .map(|r| clean(&body[r.clone()]))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ... ");
        ("reported", joined)
    };
    (text.split_whitespace().count() >= MIN_WORDS).then_some((kind, text))
}

/// Reported words without edge punctuation, a leading "that", or a
/// trailing setting ("to reporters", "during a briefing", "on Monday").
fn clean(s: &str) -> &str {
    let s = s.trim();
    let mut s = s.strip_prefix("that ").unwrap_or(s);
    loop {
        let trimmed = s
            .trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':') || c.is_whitespace())
            .trim();
        let shorter = setting_regex()
            .find(trimmed)
            .map_or(trimmed, |m| &trimmed[..m.start()]);
        if shorter.len() == s.len() {
            return s;
        }
        s = shorter;
    }
}

fn setting_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?:\s*,)?\s+(?:
              (?:to|told)\s(?:reporters|journalists|the\spress|the\smedia)
            | (?:during|at|in)\s(?:a|an|the|his|her|its|their)\s(?:[\w’'-]+\s){0,3}
              (?:briefing|conference|interview|statement|speech|meeting|address|readout|post|video)
              (?:\s(?:on|in|to)\s[A-Z][\w-]*)?
            | (?:on|late|early|this|last)\s
              (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month)
              (?:\s(?:night|morning|afternoon|evening))?
            )$",
        )
        .expect("valid regex")
    })
}

fn word_count(body: &str, r: &Range<usize>) -> usize {
    body[r.clone()]
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The smallest byte range covering all of `ranges`.
fn cover(ranges: impl Iterator<Item = Range<usize>>) -> Range<usize> {
    ranges
        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
        .unwrap_or(0..0)
}

fn span(text: &Text, bytes: &Range<usize>) -> Span {
    text.span(bytes)
}
