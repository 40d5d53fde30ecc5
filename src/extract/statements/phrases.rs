//! Where the speaker and the said words lie around a cue, in tokens.
//!
//! A speaker named before its verb runs back from the verb (over "has",
//! "also", "on Friday") to the nearest clause boundary: punctuation, a
//! quotation or a clause word such as "that" or "while". One named after its
//! verb ("said the minister") runs forward to the first comma or preposition.

use std::ops::Range;

use super::lexicon::CueForm;
use super::tokens::{Kind, Token};
use super::words;

/// The longest speaker description read, in tokens.
const MAX_SUBJECT: usize = 14;

/// Tokens of a unit with their text.
pub struct Words<'a> {
    pub masked: &'a str,
    pub toks: &'a [Token],
}

impl<'a> Words<'a> {
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| &self.masked[t.range.clone()])
    }

    pub fn is_punct(&self, i: usize, set: &str) -> bool {
        // The sets are a few chars: compared one by one, not searched.
        matches!(
            self.toks.get(i).map(|t| t.kind),
            Some(Kind::Punct(c)) if set.chars().any(|s| s == c)
        )
    }

    pub fn is_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Quote)
    }

    /// A lower-case word that opens a clause.
    fn is_clause_word(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.starts_with(char::is_lowercase) && words::is_clause_word(w))
    }

    /// Byte range covered by tokens `r` (empty range at the next token when `r` is empty).
    pub fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self.toks.get(r.start).map_or_else(
                || self.toks.last().map_or(0, |t| t.range.end),
                |t| t.range.start,
            );
            return at..at;
        }
        self.toks[r.start].range.start..self.toks[r.end - 1].range.end
    }
}

/// A speaker description: its main tokens, and a name set off by commas next
/// to it ("Volker Türk, the UN rights chief, said").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub toks: Range<usize>,
    pub apposition: Option<Range<usize>>,
}

/// The speaker named before a verb at token `cue`, not reaching before `floor`.
pub fn subject_before(w: &Words, cue: usize, floor: usize) -> Option<Subject> {
    let mut i = skip_aux_back(w, cue, floor);
    // A quoted adverb: Biden "unequivocally" condemned.
    if i > floor + 1
        && w.is_quote(i - 1)
        && w.toks[i - 1].range.len() <= 24
        && w.word(i - 2).is_some()
    {
        i = skip_aux_back(w, i - 1, floor);
    }
    if i > floor && w.is_punct(i - 1, ",") {
        // "Volker Türk, the UN rights chief, said" / ", in a statement, said".
        if let Some(s) = appositive_subject(w, i - 1, floor) {
            return Some(s);
        }
        let k = chunk_start(w, i - 1, floor);
        let channel = w.word(k).is_some_and(|x| {
            matches!(
                x,
                "in" | "on" | "at" | "during" | "via" | "through" | "speaking"
            )
        });
        if channel && k > floor && w.is_punct(k - 1, ",") {
            i = skip_aux_back(w, k - 1, floor);
        }
    }
    let start = chunk_start(w, i, floor);
    (start < i).then_some(Subject {
        apposition: None,
        toks: start..i,
    })
}

/// The first token of the words running back from `end` to a boundary.
fn chunk_start(w: &Words, end: usize, floor: usize) -> usize {
    let mut i = end;
    while i > floor && end - i < MAX_SUBJECT {
        let k = i - 1;
        let named_quote = w.is_quote(k)
            && k > floor
            && w.word(k - 1)
                .is_some_and(|x| matches!(x, "in" | "of" | "for" | "from" | "the"));
        // "the World Health Organization (WHO)"
        if w.is_punct(k, ")") {
            let open = (k.saturating_sub(4).max(floor)..k).rfind(|&m| w.is_punct(m, "("));
            if let Some(open) = open {
                i = open;
                continue;
            }
        }
        let inner = named_quote || w.word(k).is_some() || is_abbreviation_dot(w, k);
        if !inner || w.is_clause_word(k) {
            break;
        }
        i -= 1;
    }
    i
}

/// The full stop of a title or initial inside a name ("Maj. Gen. Pat Ryder").
fn is_abbreviation_dot(w: &Words, k: usize) -> bool {
    w.is_punct(k, ".")
        && k > 0
        && w.word(k - 1)
            .is_some_and(|x| x.starts_with(char::is_uppercase) && x.chars().count() <= 4)
        && w.word(k + 1)
            .is_some_and(|x| x.starts_with(char::is_uppercase))
}

/// The person or body a relative "who said" refers to: the words right
/// before it, back to a preposition ("criticised by the foreign minister
/// Eli Cohen who said").
pub fn antecedent(w: &Words, who_cue: usize, floor: usize) -> Option<Subject> {
    let mut end = who_cue;
    while end > floor
        && w.word(end - 1)
            .is_some_and(|x| x == "who" || x == "which" || words::is_aux(x))
    {
        end -= 1;
    }
    if end > floor && w.is_punct(end - 1, ",") {
        end -= 1;
    }
    let mut i = end;
    while i > floor && end - i < 8 {
        let Some(x) = w.word(i - 1) else { break };
        let preposition = matches!(
            x,
            "by" | "from" | "of" | "with" | "including" | "to" | "for" | "among" | "like"
        );
        if preposition || w.is_clause_word(i - 1) {
            break;
        }
        i -= 1;
    }
    (i < end).then_some(Subject {
        toks: i..end,
        apposition: None,
    })
}

/// "A, B, said": two comma-delimited descriptions of one speaker before a
/// verb, skipping a relative clause ("X, who was first to report it, said").
fn appositive_subject(w: &Words, comma: usize, floor: usize) -> Option<Subject> {
    let c1 = chunk_start(w, comma, floor);
    if c1 == comma || c1 <= floor {
        return None;
    }
    if matches!(w.word(c1 - 1), Some("who" | "which")) {
        // "NAME, who was first to report it, said": the name is the subject.
        let who = c1 - 1;
        if who <= floor || !w.is_punct(who - 1, ",") {
            return None;
        }
        return appositive_subject(w, who - 1, floor).or_else(|| {
            let start = chunk_start(w, who - 1, floor);
            (start < who - 1).then(|| Subject {
                toks: start..who - 1,
                apposition: None,
            })
        });
    }
    if !w.is_punct(c1 - 1, ",") {
        return None;
    }
    let c0 = chunk_start(w, c1 - 1, floor);
    if w.word(c1).is_some_and(|x| {
        x.starts_with(char::is_lowercase) && (x.ends_with("ing") || words::ends_head(x))
    }) {
        // "Zelensky, speaking in Kyiv on Friday, said": a parenthesis.
        return (c0 < c1 - 1).then_some(Subject {
            toks: c0..c1 - 1,
            apposition: None,
        });
    }
    let short = |r: &Range<usize>| !r.is_empty() && r.len() <= 16;
    let named = |k: usize| {
        w.word(k)
            .is_some_and(|x| x.starts_with(char::is_uppercase) || matches!(x, "a" | "an" | "the"))
    };
    let (first, second) = (c0..c1 - 1, c1..comma);
    (short(&first) && short(&second) && (named(c0) || named(c1))).then_some(Subject {
        toks: second,
        apposition: Some(first),
    })
}

fn skip_aux_back(w: &Words, mut i: usize, floor: usize) -> usize {
    while i > floor && w.word(i - 1).is_some_and(words::is_aux) {
        i -= 1;
    }
    i
}

/// The speaker named after a verb ending at token `from`.
pub fn subject_after(w: &Words, from: usize, ceiling: usize) -> Option<Subject> {
    let mut i = from;
    while i < ceiling && i - from < MAX_SUBJECT {
        if is_abbreviation_dot(w, i) {
            i += 1;
            continue;
        }
        let Some(word) = w.word(i) else { break };
        if i > from && word.starts_with(char::is_lowercase) && words::ends_inverted_subject(word) {
            break;
        }
        i += 1;
    }
    if i == from {
        return None;
    }
    // "said the head of the council, Ana Ruiz."
    let apposition = if w.is_punct(i, ",") {
        let start = i + 1;
        let mut k = start;
        while k < ceiling && k - start < 5 && w.word(k).is_some() {
            k += 1;
        }
        let named = w
            .word(start)
            .is_some_and(|x| x.starts_with(char::is_uppercase));
        (named && k > start).then_some(start..k)
    } else {
        None
    };
    Some(Subject {
        toks: from..i,
        apposition,
    })
}

/// The subject a sentence opens with, for a verb with none of its own
/// ("Iranian authorities downplayed the reports, and said ...").
pub fn leading_subject(w: &Words, from: usize, ceiling: usize) -> Option<Subject> {
    let mut start = from;
    // "Earlier Thursday, ..." / "Meanwhile, ...": a short opener.
    if let Some(comma) = (from..ceiling.min(from + 4)).find(|&k| w.is_punct(k, ",")) {
        start = comma + 1;
    }
    let mut i = start;
    while i < ceiling && i - start < 10 {
        let Some(word) = w.word(i) else { break };
        let mut buf = [0u8; 32];
        let lower = words::lowercase(word, &mut buf);
        let in_np = word.starts_with(char::is_uppercase)
            || matches!(&*lower, "the" | "a" | "an" | "of" | "state-run" | "local")
            || super::lexicon::source(&lower).is_some()
            || is_modifier(&lower);
        if !in_np {
            break;
        }
        i += 1;
    }
    (i > start).then_some(Subject {
        toks: start..i,
        apposition: None,
    })
}

/// Lower-case words that qualify a body's name ("health ministry").
fn is_modifier(w: &str) -> bool {
    matches!(
        w,
        "health"
            | "foreign"
            | "defense"
            | "defence"
            | "interior"
            | "armed"
            | "state"
            | "national"
            | "senior"
            | "top"
            | "regional"
            | "provincial"
            | "federal"
            | "civil"
            | "emergency"
            | "security"
            | "military"
            | "media"
            | "press"
            | "humanitarian"
            | "rights"
            | "human"
    )
}

/// Skips what may stand between a verb and the said words: times ("on
/// Monday", "late Friday"), the channel ("in a statement"), and a hearer or
/// setting closed by "that" ("told CNN on Sunday that", "said during a press
/// conference in Gaza that"). Returns the first token of the said words.
pub fn skip_to_said(w: &Words, mut i: usize, ceiling: usize, form: Option<&CueForm>) -> usize {
    let addressee = form.is_some_and(|f| f.addressee);
    let hearer = form.is_some_and(|f| f.hearer);
    loop {
        // ", citing people familiar with the deal, that ..."
        if w.is_punct(i, ",")
            && matches!(
                w.word(i + 1),
                Some("citing" | "quoting" | "however" | "in" | "on" | "speaking")
            )
        {
            if let Some(k) = that_ahead(w, i + 1, ceiling) {
                return k + 1;
            }
        }
        let Some(word) = w.word(i) else { return i };
        let mut buf = [0u8; 32];
        let lower = words::lowercase(word, &mut buf);
        if lower == "that" {
            return i + 1;
        }
        // "said as reported by Reuters": an attribution of the attribution.
        if lower == "as"
            && matches!(
                w.word(i + 1),
                Some("reported" | "quoted" | "cited" | "carried")
            )
        {
            return ceiling;
        }
        let opens_setting = matches!(
            &*lower,
            "in" | "at" | "during" | "via" | "through" | "on" | "after" | "following" | "shortly"
        );
        if addressee || opens_setting {
            if let Some(k) = that_ahead(w, i, ceiling) {
                return k + 1;
            }
        }
        if words::is_aux(word) || is_time_word(word) {
            i += 1;
            continue;
        }
        if lower == "in" {
            if let Some(k) = channel_end(w, i, ceiling) {
                i = k;
                continue;
            }
        }
        if hearer && is_hearer(w, i) {
            i += hearer_len(w, i, ceiling);
            continue;
        }
        return i;
    }
}

/// "that" within a few tokens, with no sentence punctuation before it.
fn that_ahead(w: &Words, from: usize, ceiling: usize) -> Option<usize> {
    (from..ceiling.min(from + 16))
        .take_while(|&k| !w.is_punct(k, ".;:!?"))
        .find(|&k| w.word(k) == Some("that"))
}

fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "shortly"
            | "afterwards"
            | "days"
            | "hours"
            | "ago"
            | "overnight"
            | "Sunday's"
            | "Friday's"
    )
}

/// "in a statement (on Telegram)", "in an interview": where it was said.
fn channel_end(w: &Words, i: usize, ceiling: usize) -> Option<usize> {
    let det = w.word(i + 1)?;
    if !matches!(det, "a" | "an" | "its" | "his" | "her" | "their" | "the") {
        return None;
    }
    let noun = (i + 2..ceiling.min(i + 5)).find(|&k| {
        w.word(k).is_some_and(|x| {
            matches!(
                x,
                "statement"
                    | "video"
                    | "post"
                    | "interview"
                    | "readout"
                    | "briefing"
                    | "speech"
                    | "message"
                    | "tweet"
                    | "address"
                    | "conference"
            )
        })
    })?;
    let mut k = noun + 1;
    // "on Telegram", "posted on X"
    if w.word(k) == Some("posted") {
        k += 1;
    }
    if matches!(w.word(k), Some("on" | "to"))
        && w.word(k + 1)
            .is_some_and(|x| x.starts_with(char::is_uppercase))
    {
        k += 2;
    }
    Some(k)
}

/// A hearer right after "told": reporters, or a capitalised name.
fn is_hearer(w: &Words, i: usize) -> bool {
    w.word(i).is_some_and(|x| {
        x.starts_with(char::is_uppercase)
            || matches!(
                x,
                "reporters" | "journalists" | "lawmakers" | "parliament" | "the"
            )
    })
}

fn hearer_len(w: &Words, i: usize, ceiling: usize) -> usize {
    let mut k = i;
    if w.word(k) == Some("the") {
        k += 1;
    }
    while k < ceiling && k - i < 5 && w.word(k).is_some_and(|x| x.starts_with(char::is_uppercase)) {
        k += 1;
    }
    if matches!(
        w.word(i),
        Some("reporters" | "journalists" | "lawmakers" | "parliament")
    ) {
        k = i + 1;
    }
    (k - i).max(1)
}

/// The dateline or agency tag a first sentence may open with ("BEIRUT:",
/// "WASHINGTON (Reuters) -", "(MENAFN- Live Mint)"). Returns the first
/// token after it.
pub fn skip_dateline(w: &Words, from: usize, ceiling: usize) -> usize {
    let mut i = from;
    // "(Agency tag)"
    if w.is_punct(i, "(") {
        if let Some(k) = (i..ceiling.min(i + 8)).find(|&k| w.is_punct(k, ")")) {
            i = k + 1;
        }
    }
    // Upper-case place names, maybe "(Agency)", then ":" or a dash.
    let mut k = i;
    while k < ceiling && w.word(k).is_some_and(is_all_caps) {
        k += 1;
    }
    if k > i {
        let mut j = k;
        if w.is_punct(j, "(") {
            if let Some(close) = (j..ceiling.min(j + 5)).find(|&m| w.is_punct(m, ")")) {
                j = close + 1;
            }
        }
        if w.is_punct(j, ":-–—") {
            return j + 1;
        }
    }
    // "Shafaq News/ "
    if let Some(slash) = (i..ceiling.min(i + 4)).find(|&m| w.is_punct(m, "/")) {
        if (i..slash).all(|m| w.word(m).is_some_and(|x| x.starts_with(char::is_uppercase))) {
            return slash + 1;
        }
    }
    i
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}
