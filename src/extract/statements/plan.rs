//! Which cues of a unit open statements, who each one's speaker is, and
//! which words each one says.
//!
//! The first cue opens a statement. A later one opens another only when it
//! is a follow-on clause (", adding that"), a relative or coordinated verb
//! ("who added", ", and said"), a contrast ("while Kinshasa claimed"), a
//! speaker with a quotation of their own ("the White House stated that ...
//! Biden emphasized “...”"), or a new attribution after one that closed its
//! sentence ("“...,” he said. She said ..." with the full stop missing).
//! A plain reporting verb closing the sentence ("Blinken reaffirmed “...,”
//! Miller said") takes the whole sentence over. Otherwise a later cue is
//! reported inside another's words ("the ministry said Biden told ...") and
//! opens nothing. "According to X" yields to a verb with its own subject in
//! the same sentence ("Biden assured ..., according to the White House").

use std::ops::Range;

use super::cues::Cue;
use super::lexicon::Role;
use super::phrases::{self, Subject, Words};

/// Whose words a statement carries.
#[derive(Debug, Clone)]
pub enum Who {
    /// A described speaker.
    Subject(Subject),
    /// The speaker of the statement before it in the unit.
    Inherit,
    /// The subject the sentence opens with.
    Leading,
}

/// A statement planned in a unit, in tokens.
#[derive(Debug, Clone)]
pub struct Planned {
    pub cue: Cue,
    pub who: Who,
    /// The said words.
    pub said: Range<usize>,
    /// A quotation resumed after the attribution ("“We won,” he said, “and ...”").
    pub tail: Option<Range<usize>>,
    /// Speaker and cue.
    pub attribution: Range<usize>,
}

/// Where the said words lie relative to the attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    /// Before it: "..., the ministry said."
    Before,
    /// After it, from the given token: "the ministry said (that) ...".
    After(usize),
}

struct Start {
    cue: Cue,
    who: Who,
    attribution: Range<usize>,
    dir: Dir,
}

/// Plans the statements of units, one unit at a time; its buffers serve
/// every unit of an article.
#[derive(Default)]
pub struct Planner {
    starts: Vec<Start>,
    planned: Vec<Planned>,
}

impl Planner {
    /// Plans the statements of a unit whose content starts at token `start`.
    pub fn plan(&mut self, w: &Words, cues: &[Cue], start: usize) -> &[Planned] {
        opening_cues(w, cues, start, &mut self.starts);
        let (starts, out) = (&self.starts, &mut self.planned);
        out.clear();
        let n = w.toks.len();
        for (k, s) in starts.iter().enumerate() {
            let next_attr = starts.get(k + 1).map_or(n, |t| t.attribution.start);
            let (said, tail) = match s.dir {
                Dir::After(from) => (from.min(next_attr)..next_attr, None),
                Dir::Before => {
                    let from = out
                        .last()
                        .map_or(start, |p| p.attribution.end.max(p.said.end));
                    words_before(w, from, &s.attribution, next_attr)
                }
            };
            out.push(Planned {
                cue: s.cue.clone(),
                who: s.who.clone(),
                said: trim(w, said),
                tail,
                attribution: s.attribution.clone(),
            });
        }
        out
    }
}

/// The said words of an attribution that follows them, from token `from`,
/// with a quotation resumed after it; when only a word or two precede it
/// ("There, Ross said, eight were found dead"), the words after it.
fn words_before(
    w: &Words,
    from: usize,
    attribution: &Range<usize>,
    next: usize,
) -> (Range<usize>, Option<Range<usize>>) {
    let tail = resumed_quote(w, attribution.end, next);
    let before = from.min(attribution.start)..attribution.start;
    let words = before.clone().filter(|&k| w.word(k).is_some()).count();
    let slight = words < 3 && !before.clone().any(|k| w.is_quote(k));
    if tail.is_none() && slight && w.is_punct(attribution.end, ",") {
        (attribution.end + 1..next, None)
    } else {
        (before, tail)
    }
}

/// The cues that open statements, with their speakers and directions.
/// The cues that open statements, written into `starts` (cleared first).
fn opening_cues(w: &Words, cues: &[Cue], start: usize, starts: &mut Vec<Start>) {
    let n = w.toks.len();
    starts.clear();
    for (k, cue) in cues.iter().enumerate() {
        let floor = starts.last().map_or(start, |s| s.attribution.end);
        if cue.toks.start < floor {
            // Inside the last attribution ("according to the UN reports").
            continue;
        }
        let first = starts.is_empty();
        let opened = match cue.role() {
            Role::According => first
                .then(|| according(w, cue, start, n))
                .filter(|s| !verb_later(w, &cues[k + 1..], s.attribution.end, start)),
            Role::Quoted => {
                (first || after_closed(starts)).then(|| quoted(w, cue, floor, start, n))
            }
            Role::Finite => match finite(w, cue, floor, start, starts) {
                Some((s, true)) => {
                    // "A told B ..., C said.": the closing attribution holds the rest.
                    starts.clear();
                    Some(s)
                }
                Some((s, false)) => Some(s),
                None => None,
            },
            Role::Participle => Some(participle(w, cue, floor, first)),
        };
        if let Some(s) = opened {
            starts.push(s);
        }
    }
}

/// A verb with its own subject after `from`: "Biden assured ..., according
/// to the White House" is Biden's statement.
fn verb_later(w: &Words, later: &[Cue], from: usize, start: usize) -> bool {
    later.iter().any(|c| {
        c.toks.start >= from
            && c.role() == Role::Finite
            && phrases::subject_before(w, c.toks.start, start).is_some()
    })
}

/// The last opened statement's words came before its attribution.
fn after_closed(starts: &[Start]) -> bool {
    starts.last().is_some_and(|s| s.dir == Dir::Before)
}

/// Whether tokens `r` hold any word or quotation.
fn has_content(w: &Words, r: Range<usize>) -> bool {
    r.into_iter().any(|k| w.word(k).is_some() || w.is_quote(k))
}

/// "According to X, ..." or "..., according to X".
fn according(w: &Words, cue: &Cue, start: usize, n: usize) -> Start {
    let x_from = cue.toks.end;
    let comma = (x_from..n).find(|&k| w.is_punct(k, ",")).unwrap_or(n);
    let mut x_end = comma.min(x_from + 14);
    while x_end > x_from && w.word(x_end - 1).is_none() && !w.is_quote(x_end - 1) {
        x_end -= 1;
    }
    let who = Who::Subject(Subject {
        toks: x_from..x_end,
        apposition: None,
    });
    if has_content(w, start..cue.toks.start) {
        let from = if cue.toks.start > start && w.is_punct(cue.toks.start - 1, ",") {
            cue.toks.start - 1
        } else {
            cue.toks.start
        };
        Start {
            cue: cue.clone(),
            who,
            attribution: from..x_end,
            dir: Dir::Before,
        }
    } else {
        let after = (comma + 1).min(n);
        Start {
            cue: cue.clone(),
            who,
            attribution: cue.toks.start..after,
            dir: Dir::After(after),
        }
    }
}

/// "The paper quoted a defence official as saying (that) ...".
fn quoted(w: &Words, cue: &Cue, floor: usize, start: usize, n: usize) -> Start {
    let as_saying = cue.as_saying.clone().unwrap_or(cue.toks.clone());
    let who = Who::Subject(Subject {
        toks: cue.toks.end..as_saying.start,
        apposition: None,
    });
    let from =
        phrases::subject_before(w, cue.toks.start, floor).map_or(cue.toks.start, |s| s.toks.start);
    let after = phrases::skip_to_said(w, as_saying.end, n, None);
    let dir = if closes(w, after, n) && has_content(w, start..from) {
        Dir::Before
    } else {
        Dir::After(after)
    };
    Start {
        cue: cue.clone(),
        who,
        attribution: from..as_saying.end,
        dir,
    }
}

/// Nothing said follows: the sentence or clause ends at token `after`.
fn closes(w: &Words, after: usize, n: usize) -> bool {
    after >= n || w.is_punct(after, ".,;!?)")
}

/// A verb of saying with a subject before it, after it, or none. The flag
/// is set when it closes the sentence and so replaces the statements opened
/// before it ("Blinken reaffirmed “...,” Miller said").
fn finite(
    w: &Words,
    cue: &Cue,
    floor: usize,
    start: usize,
    starts: &[Start],
) -> Option<(Start, bool)> {
    let mut buf = [0u8; 32];
    let prev = prev_word(w, cue.toks.start, floor).map(|p| super::words::lowercase(p, &mut buf));
    let subject = phrases::subject_before(w, cue.toks.start, floor);
    let relative = matches!(prev.as_deref(), Some("who" | "which"));
    let coordinated = subject.is_none() && matches!(prev.as_deref(), Some("and" | "but"));
    if relative || coordinated {
        return Some((follow_on(w, cue, floor, relative, starts), false));
    }
    match subject {
        Some(s) => with_subject(w, cue, s, floor, start, starts),
        // "..., said the minister" / "“...,” said X".
        None if starts.is_empty() => inverted(w, cue, start).map(|s| (s, false)),
        None => None,
    }
}

/// "who added that ...", ", and said ...": the antecedent of "who", or the
/// speaker before, or the sentence's subject.
fn follow_on(w: &Words, cue: &Cue, floor: usize, relative: bool, starts: &[Start]) -> Start {
    let antecedent = relative
        .then(|| phrases::antecedent(w, cue.toks.start, floor))
        .flatten();
    let who = match antecedent {
        Some(s) => Who::Subject(s),
        None if starts.is_empty() => Who::Leading,
        None => Who::Inherit,
    };
    let n = w.toks.len();
    Start {
        cue: cue.clone(),
        who,
        attribution: cue.toks.start.saturating_sub(1).max(floor)..cue.toks.end,
        dir: Dir::After(phrases::skip_to_said(w, cue.toks.end, n, Some(cue.form))),
    }
}

/// "the ministry said (that) ..." or "..., the ministry said": the words are
/// before the attribution when something stands there and nothing said
/// follows, or when a quotation ends right before it.
fn with_subject(
    w: &Words,
    cue: &Cue,
    s: Subject,
    floor: usize,
    start: usize,
    starts: &[Start],
) -> Option<(Start, bool)> {
    let n = w.toks.len();
    let attr_start = s.apposition.as_ref().map_or(s.toks.start, |a| a.start);
    let after = phrases::skip_to_said(w, cue.toks.end, n, Some(cue.form));
    let before = has_content(w, floor.max(start)..attr_start);
    // "“...,” the minister told a news conference": the quote is what was said.
    let quote_before = (attr_start > floor && w.is_quote(attr_start - 1))
        || (attr_start > floor + 1
            && w.is_punct(attr_start - 1, ",")
            && w.is_quote(attr_start - 2));
    let dir = if before && (closes(w, after, n) || quote_before) {
        Dir::Before
    } else {
        Dir::After(after)
    };
    let closing =
        !starts.is_empty() && cue.form.closing && dir == Dir::Before && !after_closed(starts);
    if !starts.is_empty() && !closing {
        let contrast = opens_contrast(w, s.toks.start, floor);
        let reopens = after_closed(starts) && matches!(dir, Dir::After(_));
        // "The White House stated that ... Biden emphasized “...”".
        let quotes_own = w.is_quote(after) && !is_pronoun(w, &s);
        if !(contrast || reopens || quotes_own) {
            return None;
        }
    }
    let start = Start {
        cue: cue.clone(),
        who: Who::Subject(s),
        attribution: attr_start..cue.toks.end,
        dir,
    };
    Some((start, closing))
}

/// "..., said the minister": the speaker follows the verb.
fn inverted(w: &Words, cue: &Cue, start: usize) -> Option<Start> {
    let n = w.toks.len();
    let s = phrases::subject_after(w, cue.toks.end, n)?;
    let end = s.apposition.as_ref().map_or(s.toks.end, |a| a.end);
    let dir = if has_content(w, start..cue.toks.start) {
        Dir::Before
    } else {
        Dir::After(phrases::skip_to_said(w, end, n, None))
    };
    Some(Start {
        cue: cue.clone(),
        who: Who::Subject(s),
        attribution: cue.toks.start..end,
        dir,
    })
}

/// A subject that is a lone personal pronoun.
fn is_pronoun(w: &Words, s: &Subject) -> bool {
    s.toks.len() == 1
        && w.word(s.toks.start)
            .and_then(super::words::pronoun)
            .is_some()
}

/// The word before a cue, past auxiliaries ("who has also said").
fn prev_word<'w>(w: &Words<'w>, cue: usize, floor: usize) -> Option<&'w str> {
    let mut i = cue;
    while i > floor && w.word(i - 1).is_some_and(super::words::is_aux) {
        i -= 1;
    }
    i.checked_sub(1)
        .filter(|&k| k >= floor)
        .and_then(|k| w.word(k))
}

/// A subject that opens a contrasting clause: "while X said", "; X said".
fn opens_contrast(w: &Words, subject_start: usize, floor: usize) -> bool {
    subject_start > floor
        && (w.is_punct(subject_start - 1, ";")
            || matches!(w.word(subject_start - 1), Some("while" | "whereas" | "but")))
}

/// ", adding that ...": follows the speaker before it; without a comma it has
/// its own subject ("with state media stating that ...").
fn participle(w: &Words, cue: &Cue, floor: usize, first: bool) -> Start {
    let n = w.toks.len();
    let at = cue.toks.start;
    let joined =
        at > floor && (w.is_punct(at - 1, ",") || matches!(w.word(at - 1), Some("and" | "while")));
    // "aside from saying", "before adding": the sentence's subject speaks.
    let after_preposition = at > floor
        && matches!(
            w.word(at - 1),
            Some("from" | "by" | "after" | "before" | "without" | "in" | "on" | "when")
        );
    let subject = if joined || after_preposition {
        None
    } else {
        phrases::subject_before(w, at, floor)
    };
    let (who, from) = match subject {
        Some(s) => {
            let from = s.toks.start;
            (Who::Subject(s), from)
        }
        None if first => (Who::Leading, at.saturating_sub(1).max(floor)),
        None => (Who::Inherit, at.saturating_sub(1).max(floor)),
    };
    Start {
        cue: cue.clone(),
        who,
        attribution: from..cue.toks.end,
        dir: Dir::After(phrases::skip_to_said(w, cue.toks.end, n, Some(cue.form))),
    }
}

/// "“We won,” he said, “and we will stay.”": the quote after the attribution.
fn resumed_quote(w: &Words, from: usize, to: usize) -> Option<Range<usize>> {
    let mut k = from;
    while k < to && w.is_punct(k, ",:") {
        k += 1;
    }
    (k < to && w.is_quote(k)).then_some(k..to)
}

/// Drops punctuation and clause words at the edges of the said words.
fn trim(w: &Words, mut r: Range<usize>) -> Range<usize> {
    let edge = |k: usize| {
        (w.word(k).is_none() && !w.is_quote(k))
            || matches!(w.word(k), Some("that" | "and" | "while" | "but" | "as"))
    };
    while r.start < r.end && (edge(r.start) && !w.is_punct(r.start, "(")) {
        r.start += 1;
    }
    while r.end > r.start && edge(r.end - 1) && !w.is_punct(r.end - 1, ")") {
        r.end -= 1;
    }
    r
}
