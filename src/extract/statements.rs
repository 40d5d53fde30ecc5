//! Statements: who said what, as direct quotes or reported speech.
//!
//! The unit is a sentence, extended while a quotation is open, so a quote
//! that runs over several sentences stays one statement. A unit whose
//! quotations carry most of its words is a direct statement (text: the quoted
//! words, pieces joined with " ... "); a unit with a speech cue outside
//! quotation marks is reported (text: the clause that carries what was said).
//! The speaker is the actor named next to the cue, the person or
//! organization in focus for "he" or "the ministry", or the country for
//! "Iranian officials"; unnamed sources keep their description only.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::text::Text;
use super::{Actor, Location, Mention, Statement};

/// Speech verbs and phrases, in the forms news uses.
const CUES: &str = r"said|says|say|told|tells|warned|warns|urged|urges|stressed|stresses|reaffirmed|reaffirms|reiterated|reiterates|announced|announces|noted|notes|added|adding|confirmed|confirms|explained|explaining|emphasi[sz]ed|emphasi[sz]es|declared|insisted|stated|claimed|claims|informed|reported|reports|asserted|acknowledged|denied|cautioned|pledged|vowed|according to|was quoted as saying|were quoted as saying";

fn cue_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"\b(?:{CUES})\b")).expect("valid regex"))
}

/// Quotation marks that open and close a direct quote.
fn is_open(c: char) -> bool {
    c == '\u{201c}'
}
fn is_close(c: char) -> bool {
    c == '\u{201d}'
}

/// A quoted stretch: the byte range inside the marks.
#[derive(Debug, Clone)]
struct Quote {
    inner: Range<usize>,
    outer: Range<usize>,
}

/// Finds double-quoted stretches: curly pairs, and straight quotes paired in
/// order. Single quotes are left alone (they nest inside double ones and
/// double as apostrophes).
fn quotes(body: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight_open: Option<usize> = None;
    for (i, c) in body.char_indices() {
        if is_open(c) {
            open = Some(i);
        } else if is_close(c) {
            if let Some(s) = open.take() {
                out.push(Quote {
                    inner: s + c.len_utf8()..i,
                    outer: s..i + c.len_utf8(),
                });
            }
        } else if c == '"' {
            match straight_open.take() {
                Some(s) => out.push(Quote {
                    inner: s + 1..i,
                    outer: s..i + 1,
                }),
                None => straight_open = Some(i),
            }
        } else if c == '\n' && body[i + 1..].starts_with('\n') {
            // A paragraph break closes nothing, but an unclosed quote restarts.
            if let Some(s) = open.take() {
                out.push(Quote {
                    inner: s + 3..i,
                    outer: s..i,
                });
            }
            if let Some(s) = straight_open.take() {
                out.push(Quote {
                    inner: s + 1..i,
                    outer: s..i,
                });
            }
        }
    }
    out.sort_by_key(|q| q.outer.start);
    out
}

/// Sentences merged while a quotation spans their boundary.
fn units(text: &Text, quotes: &[Quote]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for s in &text.sentences {
        if let Some(last) = out.last_mut() {
            let spans_gap = quotes
                .iter()
                .any(|q| q.outer.start < last.end && q.outer.end > s.start);
            let same_paragraph = !text.body[last.end..s.start].contains("\n\n");
            if spans_gap && same_paragraph {
                last.end = s.end;
                continue;
            }
        }
        out.push(s.clone());
    }
    out
}

/// Finds the statements of an article. May add country actors for states
/// that speak ("Iranian officials said").
pub fn extract(text: &Text, actors: &mut Vec<Actor>, locations: &[Location]) -> Vec<Statement> {
    let body = text.body;
    let all_quotes = quotes(body);
    let mut out: Vec<Statement> = Vec::new();
    let mut last_speaker: Option<(Option<usize>, Option<String>, Range<usize>)> = None;
    for unit in units(text, &all_quotes) {
        let qs: Vec<&Quote> = all_quotes
            .iter()
            .filter(|q| {
                q.outer.start >= unit.start && q.outer.end <= unit.end && !q.inner.is_empty()
            })
            .collect();
        let cue = find_cue(body, &unit, &qs);
        let direct = is_direct(body, &unit, &qs);
        let statement = if direct {
            let text_joined = qs
                .iter()
                .map(|q| body[q.inner.clone()].trim())
                .collect::<Vec<_>>()
                .join(" ... ");
            match &cue {
                Some(c) => {
                    let (speaker, desc) = speaker_for(text, actors, locations, &unit, c, &qs);
                    Some((
                        speaker,
                        desc,
                        Some(body[c.clone()].to_string()),
                        "direct",
                        text_joined,
                    ))
                }
                // A quote standing alone after its attribution continues the last speaker.
                None => last_speaker
                    .as_ref()
                    .filter(|(_, _, prev)| body[prev.end..unit.start].trim().len() < 200)
                    .map(|(s, d, _)| (*s, d.clone(), None, "direct", text_joined)),
            }
        } else if let Some(c) = &cue {
            reported_text(body, &unit, c).map(|said| {
                let (speaker, desc) = speaker_for(text, actors, locations, &unit, c, &qs);
                (
                    speaker,
                    desc,
                    Some(body[c.clone()].to_string()),
                    "reported",
                    said,
                )
            })
        } else {
            None
        };
        if let Some((speaker, desc, cue_text, kind, said)) = statement {
            if said.split_whitespace().count() < 2 {
                continue;
            }
            last_speaker = Some((speaker, desc.clone(), unit.clone()));
            out.push(Statement {
                kind: kind.to_string(),
                cue: cue_text,
                text: said,
                speaker,
                speaker_text: desc,
                span: text.span(&unit),
            });
        }
    }
    out
}

/// A unit is a direct statement when its quotations carry the speech: a
/// quote of three words or more that opens or closes the unit, or quotes
/// that leave no more than a short attribution outside them. A few quoted
/// words inside a longer clause are a paraphrase (reported).
fn is_direct(body: &str, unit: &Range<usize>, qs: &[&Quote]) -> bool {
    let words = |r: &Range<usize>| body[r.clone()].split_whitespace().count();
    let quoted: usize = qs.iter().map(|q| words(&q.inner)).sum();
    if qs.is_empty() || quoted < 3 {
        return false;
    }
    let outside = words(unit).saturating_sub(qs.iter().map(|q| words(&q.outer)).sum::<usize>());
    let opens = qs[0].outer.start == unit.start;
    let tail = body[qs[qs.len() - 1].outer.end..unit.end]
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    opens || tail.is_empty() || outside <= 8
}

/// The first speech cue in the unit that is outside quotation marks.
fn find_cue(body: &str, unit: &Range<usize>, qs: &[&Quote]) -> Option<Range<usize>> {
    cue_regex()
        .find_iter(&body[unit.clone()])
        .map(|m| unit.start + m.start()..unit.start + m.end())
        .find(|r| {
            !qs.iter()
                .any(|q| q.outer.start <= r.start && r.end <= q.outer.end)
        })
}

/// The clause that carries what was said, for reported speech.
fn reported_text(body: &str, unit: &Range<usize>, cue: &Range<usize>) -> Option<String> {
    let before = &body[unit.start..cue.start];
    let after = &body[cue.end..unit.end];
    let cue_text = &body[cue.clone()];
    let clean = |s: &str| {
        s.trim()
            .trim_start_matches("that ")
            .trim_end_matches(['.', ',', ' '])
            .trim()
            .to_string()
    };
    if cue_text == "according to" {
        // "According to X, CLAUSE" or "CLAUSE, according to X".
        if before.trim().is_empty() || before.trim().eq_ignore_ascii_case("") {
            return after.split_once(',').map(|(_, clause)| clean(clause));
        }
        return Some(clean(before.trim_end_matches([',', ' '])));
    }
    // "CLAUSE, X said." — the attribution ends the sentence.
    if let Some(comma) = before.rfind(", ") {
        if after
            .trim()
            .trim_end_matches('.')
            .split_whitespace()
            .count()
            <= 4
        {
            return Some(clean(&before[..comma]));
        }
    }
    // "X said (that) CLAUSE": skip a following addressee or time phrase.
    let mut rest = after.trim_start();
    for skip in [
        "on Monday",
        "on Tuesday",
        "on Wednesday",
        "on Thursday",
        "on Friday",
        "on Saturday",
        "on Sunday",
        "in a statement",
        "in a statement on",
        "on X",
        "on Telegram",
        "late",
        "earlier",
        "today",
        "yesterday",
    ] {
        rest = rest
            .strip_prefix(skip)
            .map(|r| r.trim_start_matches([',', ' ']))
            .unwrap_or(rest);
    }
    Some(clean(rest))
}

/// The speaker for a cue: a named actor next to it, the actor in focus for a
/// pronoun or a definite description, the country for its officials.
fn speaker_for(
    text: &Text,
    actors: &mut Vec<Actor>,
    locations: &[Location],
    unit: &Range<usize>,
    cue: &Range<usize>,
    qs: &[&Quote],
) -> (Option<usize>, Option<String>) {
    let body = text.body;
    let outside = |r: &Range<usize>| {
        !qs.iter()
            .any(|q| q.outer.start <= r.start && r.end <= q.outer.end)
    };
    // Actor mentions in the unit, outside quotes, by distance from the cue.
    let mut best: Option<(usize, usize)> = None;
    for (i, actor) in actors.iter().enumerate() {
        for m in &actor.mentions {
            let r = text.byte_range(m.span);
            if r.start < unit.start || r.end > unit.end || !outside(&r) {
                continue;
            }
            let distance = if r.end <= cue.start {
                cue.start - r.end
            } else {
                r.start.saturating_sub(cue.end)
            };
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, i));
            }
        }
    }
    if let Some((_, i)) = best {
        return (Some(i), None);
    }
    // "Iranian officials", "Israel said": a country speaks.
    for loc in locations.iter().filter(|l| l.kind == "country") {
        for m in &loc.mentions {
            let r = text.byte_range(m.span);
            if r.start >= unit.start && r.end <= unit.end && outside(&r) {
                return (Some(country_actor(actors, loc, m)), None);
            }
        }
    }
    // "he said" / "the ministry said": the last person or organization before.
    let before = body[unit.start..cue.start].to_lowercase();
    let wants_person =
        before.contains("he ") || before.contains("she ") || before.trim().is_empty();
    let kind = if wants_person {
        "person"
    } else {
        "organization"
    };
    let in_focus = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == kind)
        .filter_map(|(i, a)| {
            let last = a
                .mentions
                .iter()
                .map(|m| text.byte_range(m.span))
                .rfind(|r| r.end <= unit.start)?;
            Some((last.end, i))
        })
        .max();
    if let Some((_, i)) = in_focus {
        return (Some(i), None);
    }
    let description = body[unit.start..cue.start]
        .trim()
        .trim_end_matches(',')
        .to_string();
    (None, (!description.is_empty()).then_some(description))
}

/// The actor standing for a country, added on first use.
fn country_actor(actors: &mut Vec<Actor>, loc: &Location, mention: &Mention) -> usize {
    if let Some(i) = actors
        .iter()
        .position(|a| a.kind == "country" && a.name == loc.name)
    {
        return i;
    }
    actors.push(Actor {
        name: loc.name.clone(),
        kind: "country".to_string(),
        title: None,
        affiliation: loc.country_code.clone(),
        aliases: loc.aliases.clone(),
        mentions: vec![mention.clone()],
    });
    actors.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> Vec<Statement> {
        let text = Text::new(body);
        let mut actors = super::super::actors::extract(&text);
        extract(&text, &mut actors, &[])
    }

    #[test]
    fn said_that_clause_is_reported() {
        let s = run("Foreign Minister Amara Okonjo said that the talks would resume next week.");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, "reported");
        assert_eq!(s[0].text, "the talks would resume next week");
        assert_eq!(s[0].cue.as_deref(), Some("said"));
    }

    #[test]
    fn quote_then_attribution_is_direct() {
        let s = run(
            "\u{201c}We will not give up the port,\u{201d} Foreign Minister Amara Okonjo said.",
        );
        assert_eq!(s[0].kind, "direct");
        assert_eq!(s[0].text, "We will not give up the port,");
    }

    #[test]
    fn following_quote_without_cue_keeps_the_speaker() {
        let s = run("\u{201c}The road is open,\u{201d} Minister Amara Okonjo said. \u{201c}Aid convoys can move again tomorrow.\u{201d}");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].cue, None);
        assert_eq!(s[1].speaker, s[0].speaker);
    }
}
