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
use plan::{Planned, Planner, Who};
use quotes::{Quote, Unit};
use speaker::{Described, Resolver, Speaker};

/// Statements need at least this many words of text.
const MIN_WORDS: usize = 2;

/// The share of the said words quotation marks must carry for a direct
/// statement; below it a few quoted words are a paraphrase (reported).
const DIRECT_SHARE: f64 = 0.5;

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
    // Buffers for every unit of the article.
    let (mut toks, mut found, mut planner) = (Vec::new(), Vec::new(), Planner::default());
    for (index, unit) in quotes::units(text, &all_quotes).iter().enumerate() {
        tokens::tokenize(&masked, unit.range.clone(), &mut toks);
        let w = Words {
            masked: &masked,
            toks: &toks,
        };
        cues::find(&masked, &toks, &mut found);
        let start = if unit.range.start == 0 || body[..unit.range.start].ends_with('\n') {
            phrases::skip_dateline(&w, 0, toks.len())
        } else {
            0
        };
        let planned = planner.plan(&w, &found, start);
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
            planned_statements(&ctx, planned, actors, &mut resolver, &mut state);
        }
    }
    dedupe(state.out)
}

/// Drops a statement repeated word for word by the same speaker (a headline
/// or summary line repeated in the body).
fn dedupe(mut statements: Vec<Statement>) -> Vec<Statement> {
    // Sized for every statement: growing from empty rehashed it four times.
    let mut seen = rustc_hash::FxHashSet::with_capacity_and_hasher(
        statements.len(),
        rustc_hash::FxBuildHasher,
    );
    let first: Vec<bool> = statements
        .iter()
        .map(|s| {
            let said = LowerText::of(&s.text);
            seen.insert((s.speaker, s.speaker_text.as_deref(), said))
        })
        .collect();
    let mut first = first.into_iter();
    // `retain` visits the statements once each, in order.
    statements.retain(|_| first.next().unwrap_or(false));
    statements
}

/// A text compared as its lower case, `str::to_lowercase`, without copying
/// it when it is ASCII (the usual case).
struct LowerText<'a>(std::borrow::Cow<'a, str>);

impl<'a> LowerText<'a> {
    fn of(text: &'a str) -> Self {
        if text.is_ascii() {
            LowerText(text.into())
        } else {
            LowerText(text.to_lowercase().into())
        }
    }
}

impl PartialEq for LowerText<'_> {
    /// ASCII text and lower-cased text differ only in ASCII case, if at all.
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl Eq for LowerText<'_> {}

impl std::hash::Hash for LowerText<'_> {
    /// The length and the first bytes, lower-cased: texts equal as above
    /// agree on both, and repeated statements are rare.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The first bytes hashed as one number, not byte by byte.
        let mut first = [0u8; 16];
        let len = self.0.len().min(first.len());
        first[..len].copy_from_slice(&self.0.as_bytes()[..len]);
        first.make_ascii_lowercase();
        state.write_usize(self.0.len());
        state.write_u128(u128::from_le_bytes(first));
    }
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
        let said = w.bytes(&p.said);
        let tail = p.tail.as_ref().map(|t| w.bytes(t));
        let Some((kind, text)) = said_text(ctx, &said, tail.as_ref()) else {
            continue;
        };
        let pieces = std::iter::once(said).chain(tail);
        let span_bytes =
            cover(std::iter::once(w.bytes(&p.attribution)).chain(pieces.filter(|r| !r.is_empty())));
        let cue = ctx.text.body[p.cue.range.clone()].to_string();
        push(
            ctx,
            state,
            resolver,
            speaker,
            Some(cue),
            kind,
            text,
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
        unit: ctx.unit.range.clone(),
    };
    resolver.resolve(actors, &d, p.cue.range.start)
}

/// A unit with no cue that is only a quotation: the last speaker goes on, or
/// one left open at a paragraph end waits for its attribution.
fn lone_quote(ctx: &UnitCtx, resolver: &mut Resolver, state: &mut State) {
    let range = ctx.unit.range.clone();
    let qs = quotes::within(ctx.quotes, &range);
    let quoted: usize = qs
        .clone()
        .map(|q| word_count(ctx.text.body, &q.inner))
        .sum();
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
    let Some((kind, said)) = said_text(ctx, &range, None) else {
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
        resolver.recent.extend(speaker.actor);
        resolver.last = Some(speaker);
    }
}

/// The kind and text of the said words (`said`, and a `tail` resumed after
/// the attribution): direct when quotations carry a large part of them,
/// reported otherwise.
fn said_text(
    ctx: &UnitCtx,
    said: &Range<usize>,
    tail: Option<&Range<usize>>,
) -> Option<(&'static str, String)> {
    let body = ctx.text.body;
    let pieces = || std::iter::once(said).chain(tail);
    let qs = || pieces().flat_map(|r| quotes::within(ctx.quotes, r));
    // Each piece cleaned once: the cleaning runs a regex.
    let cleaned = (clean(body, said), tail.map(|t| clean(body, t)));
    let cleaned = || std::iter::once(&cleaned.0).chain(cleaned.1.as_ref());
    let quoted: usize = qs().map(|q| word_count(body, &q.inner)).sum();
    // All the words are counted only when enough are quoted for a direct
    // statement: most said texts quote none.
    let direct = quoted >= MIN_WORDS && {
        let total: usize = cleaned()
            .map(|r| word_count(body, r))
            .sum::<usize>()
            .max(quoted);
        quoted as f64 >= DIRECT_SHARE * total as f64
    };
    let (kind, text) = if direct {
        let quoted_words = qs().map(|q| body[q.inner.clone()].trim().trim_end_matches([',', ' ']));
        ("direct", join_non_empty(quoted_words))
    } else {
        (
            "reported",
            join_non_empty(cleaned().map(|r| &body[r.clone()])),
        )
    };
    // At least MIN_WORDS words: stop counting at the last one needed.
    let enough = text.split_whitespace().nth(MIN_WORDS - 1).is_some();
    enough.then_some((kind, text))
}

/// The non-empty `parts` joined with " ... ", written into one string.
fn join_non_empty<'s>(parts: impl Iterator<Item = &'s str>) -> String {
    let mut out = String::new();
    for part in parts.filter(|p| !p.is_empty()) {
        // Room for this part only: most texts are one part, sized exactly.
        if out.is_empty() {
            out.reserve_exact(part.len());
        } else {
            out.reserve(" ... ".len() + part.len());
            out.push_str(" ... ");
        }
        out.push_str(part);
    }
    out
}

/// The said words without edge punctuation, a leading "that", or a
/// trailing setting ("to reporters", "during a briefing").
fn clean(body: &str, r: &Range<usize>) -> Range<usize> {
    let s = body[r.clone()].trim();
    let mut s = s.strip_prefix("that ").unwrap_or(s);
    loop {
        let trimmed = s
            .trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':') || c.is_whitespace())
            .trim();
        // With no setting at its end the text is final: trimming it again
        // and searching it again would change nothing.
        let Some(setting) = setting_regex().find(trimmed) else {
            s = trimmed;
            break;
        };
        s = &trimmed[..setting.start()];
    }
    // `s` is a slice of `body`: its offset is the distance between the pointers.
    let start = s.as_ptr() as usize - body.as_ptr() as usize;
    start..start + s.len()
}

fn setting_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?:\s*,)?\s+(?:
              (?:to|told)\s(?:reporters|journalists|the\spress|the\smedia)
            | (?:during|at|in)\s(?:a|an|the|his|her|its|their)\s(?:[\w’'-]+\s){0,3}
              (?:briefing|conference|interview|statement|speech|meeting|address|readout|post
                |video|call|visit|talks|op-ed|session)
              (?:\s(?:with|on|in|to|at|published|posted)\s[^,;]*)?
            )$",
        )
        .expect("valid regex")
    })
}

/// The whitespace-separated words of `body[r]` that hold a letter or digit.
fn word_count(body: &str, r: &Range<usize>) -> usize {
    let s = &body[r.clone()];
    let bytes = s.as_bytes();
    let (mut count, mut i) = (0, 0);
    // Each turn reads one word: up to its first letter or digit (then it
    // counts), then on to the whitespace that ends it. ASCII bytes are read
    // undecoded; other chars decoded.
    while i < bytes.len() {
        let mut counted = false;
        while let Some((class, len)) = char_class(s, i) {
            i += len;
            match class {
                CharClass::Space => break,
                CharClass::AlphaNum if !counted => {
                    counted = true;
                    count += 1;
                }
                _ => {}
            }
        }
    }
    count
}

/// What [`word_count`] tells apart.
#[derive(Clone, Copy, PartialEq)]
enum CharClass {
    Space,
    AlphaNum,
    Other,
}

/// The class and byte length of the char at byte `i`, if any: as
/// `char::is_whitespace` and `char::is_alphanumeric` read it.
#[inline(always)]
fn char_class(s: &str, i: usize) -> Option<(CharClass, usize)> {
    let &b = s.as_bytes().get(i)?;
    if b < 0x80 {
        let class = if super::text::ASCII_ALNUM[usize::from(b)] {
            CharClass::AlphaNum
        } else if super::text::is_ascii_blank(b) {
            CharClass::Space
        } else {
            CharClass::Other
        };
        return Some((class, 1));
    }
    let c = s[i..].chars().next()?;
    let class = if c.is_whitespace() {
        CharClass::Space
    } else if c.is_alphanumeric() {
        CharClass::AlphaNum
    } else {
        CharClass::Other
    };
    Some((class, c.len_utf8()))
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

#[cfg(test)]
mod tests {
    use super::super::Mention;
    use super::*;

    /// The char-by-char reading `word_count` replaced, kept as its reference.
    fn word_count_by_chars(s: &str) -> usize {
        let (mut count, mut in_word, mut counted) = (0, false, false);
        for c in s.chars() {
            if c.is_whitespace() {
                in_word = false;
                continue;
            }
            if !in_word {
                (in_word, counted) = (true, false);
            }
            if !counted && c.is_alphanumeric() {
                counted = true;
                count += 1;
            }
        }
        count
    }

    #[test]
    fn word_count_matches_the_char_reading() {
        let pieces = [
            "a", "7", " ", "\t", "\u{b}", ",", "-", "é", "\u{a0}", "\u{2003}", "東", "’", "\n",
        ];
        for s in crate::extract::text::concatenations(&pieces, 4) {
            assert_eq!(
                word_count(&s, &(0..s.len())),
                word_count_by_chars(&s),
                "{s:?}"
            );
        }
    }

    /// `LowerText` equality is `to_lowercase` equality, and equal texts hash
    /// alike, for ASCII and non-ASCII text (the Kelvin sign lowers to "k").
    #[test]
    fn lower_text_matches_to_lowercase() {
        use std::hash::BuildHasher;
        let texts = [
            "Kill",
            "kill",
            "KILL",
            "\u{212A}ill",
            "kilL ",
            "Ödland",
            "ödland",
            "ÖDLAND",
            "İstanbul",
            "i\u{307}stanbul",
            "istanbul",
            "ΣΟΦΟΣ",
            "σοφος",
            "σοφοσ",
            "",
            " ",
            "We will not stop until every hostage is home",
            "we will not stop until every hostage is HOME",
        ];
        let hasher = rustc_hash::FxBuildHasher;
        for a in texts {
            for b in texts {
                let (la, lb) = (LowerText::of(a), LowerText::of(b));
                let same = a.to_lowercase() == b.to_lowercase();
                assert_eq!(la == lb, same, "{a:?} vs {b:?}");
                if same {
                    assert_eq!(hasher.hash_one(&la), hasher.hash_one(&lb), "{a:?} vs {b:?}");
                }
            }
        }
    }

    /// Actors named by hand, each with the surface forms to find in the
    /// text, so these tests do not depend on the actor extractor.
    fn actors_in(body: &str, names: &[(&str, &str, &[&str])]) -> Vec<Actor> {
        let text = Text::new(body);
        names
            .iter()
            .map(|(name, kind, forms)| {
                let mut mentions = Vec::new();
                for form in std::iter::once(name).chain(forms.iter()) {
                    for (at, _) in body.match_indices(form) {
                        let r = at..at + form.len();
                        let inside = mentions.iter().any(|m: &Mention| {
                            let b = text.byte_range(m.span);
                            b.start <= r.start && r.end <= b.end
                        });
                        if !inside {
                            mentions.push(text.mention(r));
                        }
                    }
                }
                mentions.sort_by_key(|m| m.span);
                Actor {
                    name: name.to_string(),
                    kind: kind.to_string(),
                    title: None,
                    affiliation: None,
                    aliases: forms.iter().map(|f| f.to_string()).collect(),
                    mentions,
                }
            })
            .collect()
    }

    /// Runs the extractor; returns the statements and the actor list.
    fn run_with(body: &str, names: &[(&str, &str, &[&str])]) -> (Vec<Statement>, Vec<Actor>) {
        let text = Text::new(body);
        let mut actors = actors_in(body, names);
        let statements = extract(&text, &mut actors, &[]);
        (statements, actors)
    }

    fn speaker_name(s: &Statement, actors: &[Actor]) -> Option<String> {
        s.speaker.map(|i| actors[i].name.clone())
    }

    const OKONJO: (&str, &str, &[&str]) = ("Amara Okonjo", "person", &["Okonjo"]);
    const MINISTRY: (&str, &str, &[&str]) = ("Kestrel Health Ministry", "organization", &[]);

    #[test]
    fn said_that_clause_is_reported() {
        let (s, a) = run_with(
            "Foreign Minister Amara Okonjo said that the talks would resume next week.",
            &[OKONJO],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, "reported");
        assert_eq!(s[0].cue.as_deref(), Some("said"));
        assert_eq!(s[0].text, "the talks would resume next week");
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Amara Okonjo"));
    }

    #[test]
    fn quote_then_attribution_is_direct() {
        let (s, a) = run_with(
            "“We will not give up the port,” Foreign Minister Amara Okonjo said.",
            &[OKONJO],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, "direct");
        assert_eq!(s[0].text, "We will not give up the port");
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Amara Okonjo"));
    }

    #[test]
    fn said_x_inversion_names_the_speaker_after_the_verb() {
        let (s, a) = run_with(
            "“The port is closed,” said Foreign Minister Amara Okonjo. \
             The ferries will stop on Monday, said Okonjo, who spoke in Lagos.",
            &[OKONJO],
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].text, "The port is closed");
        assert_eq!(s[1].kind, "reported");
        assert_eq!(s[1].text, "The ferries will stop on Monday");
        for st in &s {
            assert_eq!(speaker_name(st, &a).as_deref(), Some("Amara Okonjo"));
        }
    }

    #[test]
    fn according_to_works_in_both_orders() {
        let who: (&str, &str, &[&str]) = ("World Health Organization", "organization", &[]);
        for body in [
            "According to the World Health Organization, 12 clinics were damaged.",
            "12 clinics were damaged, according to the World Health Organization.",
        ] {
            let (s, a) = run_with(body, &[who]);
            assert_eq!(s.len(), 1, "{body}");
            assert_eq!(s[0].text, "12 clinics were damaged");
            assert_eq!(
                s[0].cue.as_deref().map(str::to_lowercase).as_deref(),
                Some("according to")
            );
            assert_eq!(
                speaker_name(&s[0], &a).as_deref(),
                Some("World Health Organization")
            );
        }
    }

    #[test]
    fn headline_with_a_speech_verb_is_a_statement() {
        let unicef: (&str, &str, &[&str]) = ("UNICEF", "organization", &[]);
        let (s, a) = run_with(
            "Floods displaced 4,000 children, says UNICEF\n\nRain fell for a week.",
            &[unicef],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "Floods displaced 4,000 children");
        assert_eq!(s[0].cue.as_deref(), Some("says"));
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("UNICEF"));
        let (s, _) = run_with(
            "UNICEF warns of famine in the north\n\nRain fell.",
            &[unicef],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "of famine in the north");
    }

    #[test]
    fn headline_attribution_without_a_verb_is_not_a_statement() {
        let unicef: (&str, &str, &[&str]) = ("UNICEF", "organization", &[]);
        let (s, _) = run_with("Floods displace thousands: UNICEF\n\nRain fell.", &[unicef]);
        assert!(s.is_empty(), "{s:?}");
    }

    #[test]
    fn a_quote_running_over_two_paragraphs_keeps_its_speaker() {
        let mayor: (&str, &str, &[&str]) = ("Lina Sorell", "person", &["Sorell"]);
        let (s, a) = run_with(
            "“We will rebuild every home on this street.\n\n\
             “The work starts now,” Mayor Lina Sorell said.",
            &[mayor],
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].cue, None);
        assert_eq!(s[0].text, "We will rebuild every home on this street.");
        assert_eq!(s[1].text, "The work starts now");
        for st in &s {
            assert_eq!(st.kind, "direct");
            assert_eq!(speaker_name(st, &a).as_deref(), Some("Lina Sorell"));
        }
    }

    #[test]
    fn nested_single_quotes_stay_inside_the_direct_text() {
        let group: (&str, &str, &[&str]) = ("Hezbollah", "organization", &[]);
        let (s, a) = run_with(
            "Hezbollah announced: “With the chant ‘Victory is near,’ fighters launched a barrage of rockets.”",
            &[group],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, "direct");
        assert_eq!(
            s[0].text,
            "With the chant ‘Victory is near,’ fighters launched a barrage of rockets."
        );
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Hezbollah"));
    }

    #[test]
    fn adding_that_is_its_own_reported_statement() {
        let (s, a) = run_with(
            "The Kestrel Health Ministry said 12 people were killed, adding that 30 more were injured.",
            &[MINISTRY],
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].text, "12 people were killed");
        assert_eq!(s[1].cue.as_deref(), Some("adding"));
        assert_eq!(s[1].text, "30 more were injured");
        assert_eq!(s[0].speaker, s[1].speaker);
        assert_eq!(
            speaker_name(&s[1], &a).as_deref(),
            Some("Kestrel Health Ministry")
        );
    }

    #[test]
    fn quoted_words_then_adding_that_split_into_direct_and_reported() {
        let (s, _) = run_with(
            "“Most rockets were intercepted,” the Kestrel Health Ministry said in a statement, \
             adding that no injuries were reported.",
            &[MINISTRY],
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].kind, "direct");
        assert_eq!(s[0].text, "Most rockets were intercepted");
        assert_eq!(s[1].kind, "reported");
        assert_eq!(s[1].text, "no injuries were reported");
    }

    #[test]
    fn a_pronoun_speaks_for_the_person_in_focus() {
        let (s, a) = run_with(
            "Foreign Minister Amara Okonjo met envoys on Monday. She said the talks would resume.",
            &[OKONJO],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Amara Okonjo"));
        assert_eq!(s[0].speaker_text.as_deref(), Some("She"));
    }

    #[test]
    fn the_ministry_speaks_for_the_ministry_in_focus() {
        let (s, a) = run_with(
            "The Kestrel Health Ministry counted 12 deaths on Monday. \
             The toll could rise further, the ministry said.",
            &[MINISTRY, OKONJO],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "The toll could rise further");
        assert_eq!(
            speaker_name(&s[0], &a).as_deref(),
            Some("Kestrel Health Ministry")
        );
    }

    #[test]
    fn the_statement_speaks_for_the_body_that_issued_it() {
        let (s, a) = run_with(
            "The Kestrel Health Ministry said 12 people died. Okonjo visited the site. \
             The statement added that three hospitals were full.",
            &[MINISTRY, OKONJO],
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(
            speaker_name(&s[1], &a).as_deref(),
            Some("Kestrel Health Ministry")
        );
    }

    #[test]
    fn a_role_speaks_for_the_person_holding_it() {
        let gallant: (&str, &str, &[&str]) = ("Yoav Gallant", "person", &["Gallant"]);
        let (s, a) = run_with(
            "Israeli Defence Minister Yoav Gallant visited troops near the border. \
             “We are at war,” the Israel Defence Minister said.",
            &[gallant],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Yoav Gallant"));
    }

    #[test]
    fn unnamed_officials_speak_for_their_state_or_body() {
        let (s, a) = run_with("Iranian officials said the talks had failed.", &[]);
        assert_eq!(s.len(), 1);
        let who = s[0].speaker.map(|i| (&a[i].name, &a[i].kind));
        assert_eq!(who, Some((&"Iran".to_string(), &"country".to_string())));
        assert_eq!(s[0].speaker_text.as_deref(), Some("Iranian officials"));

        let pentagon: (&str, &str, &[&str]) = ("Pentagon", "organization", &[]);
        let (s, a) = run_with(
            "A Pentagon official said the ship was hit twice.",
            &[pentagon],
        );
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Pentagon"));

        let (s, a) = run_with("Kigali said the border crossing was closed.", &[]);
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Rwanda"));
    }

    #[test]
    fn governments_and_capitals_speak_for_their_state() {
        let (s, a) = run_with("The Russian government said the talks were over.", &[]);
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Russia"));
        let (s, a) = run_with("Tel Aviv said the strikes were limited.", &[]);
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Israel"));
        let (s, a) = run_with(
            "In Syria, the toll passed 1,700, according to the government.",
            &[],
        );
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Syria"));
        assert_eq!(s[0].text, "In Syria, the toll passed 1,700");
    }

    #[test]
    fn contrasting_speakers_in_one_sentence_get_one_statement_each() {
        let hamas: (&str, &str, &[&str]) = ("Hamas", "organization", &[]);
        let idf: (&str, &str, &[&str]) = ("Israel Defense Forces", "organization", &["IDF"]);
        let (s, a) = run_with(
            "The IDF said it struck 40 targets, while Hamas said its fighters repelled the raid.",
            &[hamas, idf],
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].text, "it struck 40 targets");
        assert_eq!(
            speaker_name(&s[0], &a).as_deref(),
            Some("Israel Defense Forces")
        );
        assert_eq!(s[1].text, "its fighters repelled the raid");
        assert_eq!(speaker_name(&s[1], &a).as_deref(), Some("Hamas"));
    }

    #[test]
    fn a_closing_attribution_holds_the_whole_sentence() {
        let blinken: (&str, &str, &[&str]) = ("Antony Blinken", "person", &["Blinken"]);
        let miller: (&str, &str, &[&str]) = ("Matthew Miller", "person", &["Miller"]);
        let (s, a) = run_with(
            "Blinken met the minister and reaffirmed “the commitment to a ceasefire in the north,” \
             spokesperson Matthew Miller said.",
            &[blinken, miller],
        );
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Matthew Miller"));
        assert_eq!(s[0].text, "the commitment to a ceasefire in the north");
    }

    #[test]
    fn who_said_speaks_for_the_name_before_it() {
        let cohen: (&str, &str, &[&str]) = ("Eli Cohen", "person", &["Cohen"]);
        let (s, a) = run_with(
            "The vote was criticised by foreign minister Eli Cohen who said the resolution was a disgrace.",
            &[cohen],
        );
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].text, "the resolution was a disgrace");
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Eli Cohen"));
    }

    #[test]
    fn a_document_speaks_for_the_body_that_released_it() {
        let centcom: (&str, &str, &[&str]) = ("US Central Command", "organization", &["CENTCOM"]);
        let (s, a) = run_with(
            "The tanker suffered heavy damage, according to a statement released by CENTCOM.",
            &[centcom],
        );
        assert_eq!(s[0].text, "The tanker suffered heavy damage");
        assert_eq!(
            speaker_name(&s[0], &a).as_deref(),
            Some("US Central Command")
        );
    }

    #[test]
    fn a_source_close_to_a_group_gets_no_speaker_but_keeps_its_description() {
        let group: (&str, &str, &[&str]) = ("Hezbollah", "organization", &[]);
        let (s, _) = run_with(
            "A source close to Hezbollah said the commander was killed.",
            &[group],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].speaker, None);
        assert_eq!(
            s[0].speaker_text.as_deref(),
            Some("A source close to Hezbollah")
        );
        let (s, _) = run_with("Witnesses said the shelling lasted for hours.", &[]);
        assert_eq!(s[0].speaker, None);
        assert_eq!(s[0].speaker_text.as_deref(), Some("Witnesses"));
    }

    #[test]
    fn a_scare_quote_paraphrase_is_reported_with_the_whole_clause() {
        let (s, _) = run_with(
            "The Kestrel Health Ministry said an “enemy strike” hit the village of Darun near the border.",
            &[MINISTRY],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, "reported");
        assert_eq!(
            s[0].text,
            "an “enemy strike” hit the village of Darun near the border"
        );
    }

    #[test]
    fn quoted_pieces_of_one_sentence_are_joined() {
        let (s, _) = run_with(
            "“We are ready,” Okonjo said, “and we will not wait.”",
            &[OKONJO],
        );
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].text, "We are ready ... and we will not wait.");
    }

    #[test]
    fn a_following_quote_without_a_cue_continues_the_speaker() {
        let (s, _) = run_with(
            "“The road is open,” Minister Amara Okonjo said. “Aid convoys can move again tomorrow.”",
            &[OKONJO],
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].cue, None);
        assert_eq!(s[1].kind, "direct");
        assert_eq!(s[1].speaker, s[0].speaker);
    }

    #[test]
    fn quoted_as_saying_credits_the_person_quoted() {
        let (s, a) = run_with(
            "The Daily Star quoted Amara Okonjo as saying that the border would stay open.",
            &[OKONJO, ("Daily Star", "organization", &[])],
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "the border would stay open");
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Amara Okonjo"));
        let (s, a) = run_with(
            "Okonjo was quoted as saying that the border would stay open.",
            &[OKONJO],
        );
        assert_eq!(speaker_name(&s[0], &a).as_deref(), Some("Amara Okonjo"));
    }

    #[test]
    fn a_quoted_title_or_phrase_without_speech_is_no_statement() {
        for body in [
            "The film “River of Stars” opened in Lagos on Friday.",
            "The banner read “They said we would be safe” in red letters.",
            "No injuries were reported in the blast.",
            "Two soldiers were confirmed dead after the reported attack.",
        ] {
            let (s, _) = run_with(body, &[]);
            assert!(s.is_empty(), "{body}: {s:?}");
        }
    }

    #[test]
    fn said_inside_a_quote_is_not_a_cue() {
        let (s, _) = run_with(
            "The poster showed the slogan “Nobody said the war would be short” in bold type.",
            &[],
        );
        assert!(s.is_empty(), "{s:?}");
    }

    #[test]
    fn odd_input_never_panics_and_spans_stay_inside_the_body() {
        for body in [
            "",
            "“",
            "\"",
            "said",
            "said said said",
            "according to",
            "“said”",
            "He said.",
            "“Unclosed quote, he said",
            "Zürich’s mayor said “ça va” — “très bien”, adding that 🙂 was fine.",
            "A,B,said,C",
            "...,,, said ,,, \"\" “” ”“",
            "x\n\n“\n\n”said\n",
            "Nospacessaid“quote”",
        ] {
            let (s, _) = run_with(body, &[OKONJO]);
            let chars = body.chars().count();
            for st in &s {
                assert!(
                    st.span.start <= st.span.end && st.span.end <= chars,
                    "{body}: {st:?}"
                );
            }
        }
    }
}
