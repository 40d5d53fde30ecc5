//! Which casualty word governs a count, and which larger figure it belongs to.
//!
//! A count is read in three ways, in this order, the first that applies wins:
//! 1. a verb just before it, past qualifiers: "killing at least 12";
//! 2. a predicate after its noun phrase: "12 people were later found dead",
//!    "three dead", "632 deaths", "a child was among three people killed";
//! 3. a total it is the value of: "the death toll in X rose to 21", "the
//!    wounded included a police officer".
//!
//! A count with none of these can still take the category of the figure it
//! belongs to ("including two children", "five siblings, three of whom",
//! "— seven males and one female") or of the figure it is coordinated with
//! ("nine Americans, along with one resident", "another 1,500"). Anything
//! hypothetical ("could reach 20,000") or negated is not read at all.

use super::lexicon::{
    qualifier_words, qualifiers_ending_with, term_ending, term_starting, words_at, Role, Term, AUX,
    COORDINATORS, FILLERS_BEFORE, INCLUDE_WORDS, MODALS, MORE_OF_THE_SAME, NEGATIONS, NP_STOP,
    OBJECTS, TOLL_LINKS,
};
use super::tokens::{Kind, Token};
use crate::extract::numbers::WordSet;
use crate::extract::text::WordShapes;

/// Prepositions that may stand inside a count's noun phrase ("7 members of
/// one family", "12 people in Gaza").
static PREPS: WordSet = WordSet::new(&[
    "of", "in", "at", "on", "from", "near", "inside", "outside", "across", "aboard", "with",
    "within",
]);

/// Qualifiers that are verbs, so they link a total to its value.
static QUALIFIER_VERBS: WordSet = WordSet::new(&[
    "tops",
    "topped",
    "topping",
    "passes",
    "passing",
    "crossed",
    "crosses",
    "exceeded",
    "exceeds",
    "exceeding",
    "surpassed",
    "surpasses",
    "surpassing",
    "passed",
    "nearing",
    "approaching",
]);

/// Words before "a"/"an" that make its noun the object of a preposition, not
/// the subject of a predicate ("colleagues from an organisation were killed").
static PREPS_BEFORE_ARTICLE: WordSet = WordSet::new(&[
    "of", "from", "in", "at", "on", "by", "with", "for", "to", "into", "near", "about", "against",
    "like", "than", "after", "before", "behind", "under", "over", "through",
]);

/// How far a noun phrase may run before its predicate.
const MAX_NP_WORDS: usize = 6;

/// How far back a total ("death toll") may stand from its value.
const MAX_TOLL_DISTANCE: usize = 16;

/// How far back the figure a count is coordinated with may stand.
const MAX_SIBLING_DISTANCE: usize = 12;

/// The figure a count is part of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Parent {
    /// The figure read from this token of the same sentence.
    Token(usize),
    /// The latest earlier figure of the same category in the article.
    Earlier,
}

/// A count read as a casualty figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub category: &'static str,
    pub parent: Option<Parent>,
}

/// A figure already read in the current sentence.
#[derive(Debug, Clone)]
pub struct Prior {
    pub token: usize,
    pub category: &'static str,
    pub parent: Option<Parent>,
}

/// The outcome of one reading rule.
enum Found {
    Category(&'static str),
    /// Hypothetical: the count must not be read at all.
    Forecast,
    Nothing,
}

/// Reads the count at token `i`. `prior` holds the figures read before it in
/// the sentence; `latest` is the category of the article's latest figure.
pub fn read(
    toks: &[Token],
    i: usize,
    prior: &[Prior],
    latest: Option<&'static str>,
) -> Option<Reading> {
    let n = toks[i].count()?;
    if counts_things(toks, i) || after_kin(toks, i) {
        return None;
    }
    let start = skip_fillers_back(toks, i);
    let own = own_category(toks, i, start, n.article)?;
    let (own, among, via_toll) = (own.category, own.among, own.via_toll);
    let parent = among
        .map(Parent::Token)
        .or_else(|| breakdown_parent(toks, i, start, prior, via_toll));
    let parent_category = match parent {
        Some(Parent::Token(t)) => prior.iter().find(|p| p.token == t).map(|p| p.category),
        Some(Parent::Earlier) => latest,
        None => None,
    };
    if let Some(category) = own.or(parent_category) {
        return Some(Reading { category, parent });
    }
    if let Some(category) = verb_before_conjunct(toks, start) {
        return Some(Reading {
            category,
            parent: None,
        });
    }
    let sibling = coordinated_with(toks, i, start, prior)?;
    Some(Reading {
        category: sibling.category,
        parent: sibling.parent,
    })
}

/// What rules 1-3 found for a count.
struct Own {
    category: Option<&'static str>,
    /// A larger count named in the predicate ("among three people killed").
    among: Option<usize>,
    /// The category came from a total ("the toll includes 619 women").
    via_toll: bool,
}

/// Rules 1-3 in order; `None` when the count is hypothetical.
fn own_category(toks: &[Token], i: usize, start: usize, article: bool) -> Option<Own> {
    let mut own = Own {
        category: verb_before(toks, i, start, article),
        among: None,
        via_toll: false,
    };
    if own.category.is_some() {
        return Some(own);
    }
    // "colleagues from an organisation were killed": not the subject.
    let object_of_prep = article && i > 0 && PREPS_BEFORE_ARTICLE.contains(&toks[i - 1].lower);
    if !object_of_prep {
        match forward(toks, i, article, &mut own.among) {
            Found::Category(c) => own.category = Some(c),
            Found::Forecast => return None,
            Found::Nothing => {}
        }
    }
    if own.category.is_none() {
        match toll_before(toks, start, i, article) {
            Found::Category(c) => {
                own.category = Some(c);
                own.via_toll = true;
            }
            Found::Forecast => return None,
            Found::Nothing => {}
        }
    }
    Some(own)
}

/// Nouns whose "of N" counts relatives, not victims ("a father of three").
const KIN: &[&str] = &["father", "mother", "parent", "grandfather", "grandmother"];

/// Whether the count at `i` follows a kin noun and "of" ("a mother of five").
fn after_kin(toks: &[Token], i: usize) -> bool {
    i >= 2 && toks[i - 1].is_word("of") && KIN.contains(&toks[i - 2].lower)
}

/// Whether the words after the count name things, not people ("3 rockets",
/// "one of the few remaining health posts").
fn counts_things(toks: &[Token], i: usize) -> bool {
    for t in toks.iter().skip(i + 1).take(6) {
        if t.kind != Kind::Word {
            break;
        }
        let w = t.lower;
        if OBJECTS.contains(&w) {
            return true;
        }
        let transparent = matches!(w, "of" | "the" | "those" | "these" | "its" | "their");
        if !transparent
            && (AUX.contains(&w) || NP_STOP.contains(&w) || PREPS.contains(&w) || is_term(w))
        {
            break;
        }
    }
    false
}

fn is_term(w: &str) -> bool {
    super::lexicon::starts_term(w)
}

/// The shapes of the last words of [`FILLERS_BEFORE`].
const FILLER_ENDS: WordShapes = {
    let mut shapes = WordShapes::NONE;
    let mut k = 0;
    while k < FILLERS_BEFORE.len() {
        let words = FILLERS_BEFORE[k];
        shapes.add(words[words.len() - 1].as_bytes());
        k += 1;
    }
    shapes
};

/// The first token of the qualifiers and fillers just before the count
/// ("killed [at least] 12", "wounding [another] 13").
pub fn skip_fillers_back(toks: &[Token], i: usize) -> usize {
    let mut k = i;
    'outer: loop {
        // Every qualifier and filler is words: none ends at a count or mark.
        let Some(last) = k.checked_sub(1).map(|p| &toks[p]) else {
            return k;
        };
        if last.kind != Kind::Word {
            return k;
        }
        for words in qualifiers_ending_with(last.lower) {
            if let Some(s) = k.checked_sub(words.len()) {
                if words_at(toks, s, words) {
                    k = s;
                    continue 'outer;
                }
            }
        }
        // Only a filler ending in this word can end here: most words are
        // turned away by their length and first byte, the rest compared.
        if !FILLER_ENDS.may_hold(last.lower.as_bytes()) {
            return k;
        }
        let fillers = FILLERS_BEFORE
            .iter()
            .filter(|words| words.last() == Some(&last.lower));
        for words in fillers {
            if let Some(s) = k.checked_sub(words.len()) {
                if words_at(toks, s, words) {
                    k = s;
                    continue 'outer;
                }
            }
        }
        return k;
    }
}

/// Rule 1: a casualty verb just before the count ("killing 12", "the deaths
/// of at least 40"). "a"/"an" must be followed by its noun ("killing a child").
fn verb_before(toks: &[Token], i: usize, start: usize, article: bool) -> Option<&'static str> {
    let (term, first) = term_ending(toks, start, Role::Obj)?;
    if first > 0 && MODALS.contains(&toks[first - 1].lower) {
        return None;
    }
    if article && toks.get(i + 1).is_none_or(|t| t.kind != Kind::Word) {
        return None;
    }
    Some(term.category)
}

/// How far back a verb may govern a count joined to its first object by
/// "and" ("killed commander Ahmed Ali and 4 of his aides").
const MAX_CONJUNCT_DISTANCE: usize = 6;

/// A casualty verb whose first object is a name or noun phrase, the count
/// being its second object after "and".
fn verb_before_conjunct(toks: &[Token], start: usize) -> Option<&'static str> {
    if start == 0 || !toks[start - 1].is_word("and") {
        return None;
    }
    let and = start - 1;
    // The first object: words only, at least one.
    for end in (and.saturating_sub(MAX_CONJUNCT_DISTANCE).max(1)..=and).rev() {
        if end < and {
            if let Some((term, _)) = term_ending(toks, end, Role::Obj) {
                return Some(term.category);
            }
        }
        let t = &toks[end - 1];
        if t.kind != Kind::Word || NP_STOP.contains(&t.lower) || AUX.contains(&t.lower) {
            return None;
        }
    }
    None
}

/// Rule 2: the count's noun phrase, then a predicate. Records in `among` the
/// token of a larger count the phrase names ("a child was among three people
/// killed").
fn forward(toks: &[Token], i: usize, article: bool, among: &mut Option<usize>) -> Found {
    let mut partitive = None;
    match predicate_after(toks, i, article, among, &mut partitive) {
        Found::Nothing => partitive.map_or(Found::Nothing, Found::Category),
        found => found,
    }
}

/// "of the wounded", "of those killed" at token `j` (the casualty word).
fn is_partitive(toks: &[Token], j: usize) -> bool {
    let det = j >= 1 && matches!(toks[j - 1].lower, "the" | "those");
    let of_at = if det {
        j.checked_sub(2)
    } else {
        j.checked_sub(1)
    };
    of_at.is_some_and(|k| toks[k].is_word("of"))
}

fn predicate_after(
    toks: &[Token],
    i: usize,
    article: bool,
    among: &mut Option<usize>,
    partitive: &mut Option<&'static str>,
) -> Found {
    let mut j = i + 1;
    let mut np_words = 0;
    let mut in_aux = false;
    while let Some(t) = toks.get(j) {
        match &t.kind {
            Kind::Punct(',') if !in_aux => {
                if let Some(term) = participle_after_comma(toks, j) {
                    return Found::Category(term);
                }
                match parenthetical_end(toks, j) {
                    Some(k) => j = k + 1,
                    None => return Found::Nothing,
                }
            }
            Kind::Punct(_) => return Found::Nothing,
            Kind::Count(_) => {
                if in_aux || !joins_noun_phrase(toks, j) {
                    return Found::Nothing;
                }
                np_words += 1;
                j += 1;
            }
            Kind::Word => {
                if let Some(term) = term_starting(toks, j, Role::Pred) {
                    let end = j + term.words.len();
                    // "two of the wounded died": the group they come from, not
                    // what happened to them; the predicate may still follow.
                    if is_partitive(toks, j) {
                        *partitive = partitive.or(Some(term.category));
                        np_words += term.words.len();
                        j = end;
                        continue;
                    }
                    if is_predicate(toks, j, term, article, in_aux, np_words) {
                        return Found::Category(term.category);
                    }
                    if in_aux {
                        return Found::Nothing;
                    }
                    np_words += term.words.len();
                    j = end;
                    continue;
                }
                let w = t.lower;
                if MODALS.contains(&w) {
                    return Found::Forecast;
                }
                if NEGATIONS.contains(&w) {
                    return Found::Nothing;
                }
                if w == "among" {
                    return among_phrase(toks, j + 1, among);
                }
                // "are internally displaced": an adverb inside the verb group.
                let adverb = in_aux && w.len() > 4 && w.ends_with("ly");
                if AUX.contains(&w) || adverb {
                    in_aux = true;
                } else if in_aux || NP_STOP.contains(&w) {
                    return Found::Nothing;
                } else {
                    np_words += 1;
                    if np_words > MAX_NP_WORDS {
                        return Found::Nothing;
                    }
                }
                j += 1;
            }
        }
    }
    Found::Nothing
}

/// Whether a count inside a noun phrase is coordinated into it ("10 women
/// and three infants", "a woman and her two children", "a father of three").
fn joins_noun_phrase(toks: &[Token], j: usize) -> bool {
    let and_at = |k: usize| toks[k].is_word("and") || toks[k].is_word("or");
    let determiner = matches!(
        toks[j - 1].lower,
        "her" | "his" | "their" | "its" | "the" | "another"
    );
    and_at(j - 1) || (determiner && j >= 2 && and_at(j - 2)) || after_kin(toks, j)
}

/// Whether the casualty `term` at token `j` is the predicate of the count
/// whose phrase is being read.
fn is_predicate(
    toks: &[Token],
    j: usize,
    term: &Term,
    article: bool,
    in_aux: bool,
    np_words: usize,
) -> bool {
    let end = j + term.words.len();
    let modifier = !in_aux && term.noun && is_modifier(toks, end);
    // "a man died", "a hostage"; not "a hostage deal", "a decision on the
    // displaced".
    let after_the = toks[j - 1].is_word("the") || toks[j - 1].is_word("those");
    let fits_article =
        !article || in_aux || term.person || (!term.noun && np_words > 0 && !after_the);
    // A noun after a verb is its object ("sentenced to death").
    let object = in_aux && term.noun;
    // "an airstrike killed Hamas commander X": an active verb with its own
    // object says nothing about this count.
    let active = !in_aux && term.obj && takes_object(toks, end);
    !modifier && !object && !active && fits_article && !takes_count(toks, end, term.obj)
}

/// "... among the dead", "among those killed", "among three people killed".
fn among_phrase(toks: &[Token], from: usize, among: &mut Option<usize>) -> Found {
    let mut words = 0;
    for j in from..toks.len().min(from + 6) {
        let t = &toks[j];
        match &t.kind {
            Kind::Count(_) => *among = Some(j),
            Kind::Punct(_) => break,
            Kind::Word => {
                if let Some(term) = term_starting(toks, j, Role::Any) {
                    if term.pred || term.toll {
                        return Found::Category(term.category);
                    }
                }
                if !matches!(t.lower, "the" | "those" | "them") {
                    words += 1;
                    if words > 3 {
                        break;
                    }
                }
            }
        }
    }
    *among = None;
    Found::Nothing
}

/// ", killed in ...": a reduced relative clause right after the noun phrase.
fn participle_after_comma(toks: &[Token], comma: usize) -> Option<&'static str> {
    let term = term_starting(toks, comma + 1, Role::Pred)?;
    (term.obj && term.words[0].ends_with("ed")).then_some(term.category)
}

/// The comma closing a short aside after the noun phrase, when a predicate
/// follows it ("100 people, including 20 children, are feared dead").
fn parenthetical_end(toks: &[Token], open: usize) -> Option<usize> {
    for k in open + 1..toks.len().min(open + 14) {
        match &toks[k].kind {
            Kind::Punct(',') => {
                let next = toks.get(k + 1)?;
                let resumes = next.kind == Kind::Word
                    && (AUX.contains(&next.lower)
                        || term_starting(toks, k + 1, Role::Pred).is_some());
                return resumes.then_some(k);
            }
            Kind::Punct(c) if !matches!(c, '-' | '%' | '/' | '&') => return None,
            _ => {}
        }
    }
    None
}

/// Whether the word at `at` makes a preceding noun a modifier ("hostage deal").
fn is_modifier(toks: &[Token], at: usize) -> bool {
    let Some(t) = toks.get(at) else {
        return false;
    };
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.lower;
    !(AUX.contains(&w)
        || NP_STOP.contains(&w)
        || PREPS.contains(&w)
        || MODALS.contains(&w)
        || matches!(w, "and" | "or" | "among" | "who" | "during" | "including")
        || w.ends_with("ed")
        || term_starting(toks, at, Role::Any).is_some())
}

/// Whether a verb at `end` takes a count of its own ("attacks killed 12"),
/// so it is not the predicate of the count before it.
fn takes_count(toks: &[Token], end: usize, verb: bool) -> bool {
    verb && toks
        .get(skip_qualifiers_forward(toks, end))
        .is_some_and(|t| t.count().is_some())
}

/// Words after a verb that are not its object ("killed overnight"); weekdays
/// ("killed Monday") are checked through `calendar`.
const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "earlier",
    "later",
    "last",
    "this",
    "early",
    "late",
    "instantly",
    "outright",
    "immediately",
    "too",
];

/// Whether the word at `at` opens an object of the verb before it.
fn takes_object(toks: &[Token], at: usize) -> bool {
    let Some(t) = toks.get(at) else {
        return false;
    };
    let w = t.lower;
    t.kind == Kind::Word
        && !(PREPS.contains(&w)
            || NP_STOP.contains(&w)
            || AUX.contains(&w)
            || MODALS.contains(&w)
            || TIME_WORDS.contains(&w)
            || crate::extract::calendar::is_weekday(w)
            || matches!(
                w,
                "and" | "or" | "during" | "including" | "among" | "when" | "after"
            )
            || (w.len() > 4 && w.ends_with("ly")))
}

fn skip_qualifiers_forward(toks: &[Token], mut k: usize) -> usize {
    'outer: loop {
        for (words, _) in qualifier_words() {
            if words_at(toks, k, words) {
                k += words.len();
                continue 'outer;
            }
        }
        return k;
    }
}

/// Rule 3: a total the count is the value of: "the death toll in X rose to
/// 21", "the number of injured people had surpassed 40,000", "the wounded
/// included a police officer". `start` is the first qualifier token.
fn toll_before(toks: &[Token], start: usize, i: usize, article: bool) -> Found {
    let mut k = start;
    // "the death toll tops 6,300": the qualifier is the linking verb.
    let mut links = toks[start..i]
        .iter()
        .filter(|t| QUALIFIER_VERBS.contains(&t.lower))
        .count();
    while k > 0 && links < 6 && toks[k - 1].kind == Kind::Word {
        let w = toks[k - 1].lower;
        let allowed = if article {
            INCLUDE_WORDS.contains(&w) || matches!(w, "was" | "were" | "is" | "are")
        } else {
            TOLL_LINKS.contains(&w)
        };
        if !allowed {
            break;
        }
        if k >= 2 && MODALS.contains(&toks[k - 2].lower) {
            return Found::Forecast;
        }
        k -= 1;
        links += 1;
    }
    if links == 0 {
        return match term_ending(toks, k, Role::Toll) {
            Some((term, _)) if !article => Found::Category(term.category),
            _ => Found::Nothing,
        };
    }
    let mut p = k;
    while p > 0 && k - p < MAX_TOLL_DISTANCE {
        if let Some((term, _)) = term_ending(toks, p, Role::Toll) {
            return Found::Category(term.category);
        }
        if let Some(c) = among_term_ending(toks, p) {
            return Found::Category(c);
        }
        if let Some(c) = number_of(toks, p - 1) {
            return Found::Category(c);
        }
        let t = &toks[p - 1];
        match &t.kind {
            Kind::Count(_) => return Found::Nothing,
            Kind::Punct(',' | ':') => {}
            Kind::Punct(_) => return Found::Nothing,
            Kind::Word if MODALS.contains(&t.lower) => return Found::Forecast,
            Kind::Word if article => return Found::Nothing,
            Kind::Word => {}
        }
        p -= 1;
    }
    Found::Nothing
}

/// "among those killed", "among the dead" ending just before token `end`.
fn among_term_ending(toks: &[Token], end: usize) -> Option<&'static str> {
    let (term, first) = term_ending(toks, end, Role::Any)?;
    let det = first >= 1 && matches!(toks[first - 1].lower, "the" | "those");
    let among_at = if det {
        first.checked_sub(2)?
    } else {
        first.checked_sub(1)?
    };
    toks[among_at].is_word("among").then_some(term.category)
}

/// "number of [those] killed": the category of the casualty word after
/// "number of" at token `at`.
fn number_of(toks: &[Token], at: usize) -> Option<&'static str> {
    if !(toks[at].is_word("number") && toks.get(at + 1).is_some_and(|t| t.is_word("of"))) {
        return None;
    }
    (at + 2..toks.len().min(at + 6))
        .find_map(|j| term_starting(toks, j, Role::Any).map(|t| t.category))
}

/// The figure the count is a breakdown of: "including two children", "among
/// them a child", "three of whom", "— seven males", "the toll includes 619
/// women" (a figure of an earlier sentence).
fn breakdown_parent(
    toks: &[Token],
    i: usize,
    start: usize,
    prior: &[Prior],
    via_toll: bool,
) -> Option<Parent> {
    let ends_with = |words: &[&str]| {
        start
            .checked_sub(words.len())
            .is_some_and(|s| words_at(toks, s, words))
    };
    let include = INCLUDE_WORDS.iter().any(|w| ends_with(&[w]));
    let before = include
        || ends_with(&["among", "them"])
        || ends_with(&["among", "whom"])
        || ends_with(&["of", "whom"])
        || ends_with(&["of", "them"])
        || ends_with(&["among"]);
    let after = words_at(toks, i + 1, &["of", "them"])
        || words_at(toks, i + 1, &["of", "whom"])
        || words_at(toks, i + 1, &["of", "those"]);
    let last = prior.last();
    let dash = last.is_some_and(|p| {
        toks.get(p.token + 1..start)
            .unwrap_or_default()
            .iter()
            .any(|t| matches!(t.kind, Kind::Punct('\u{2014}' | '\u{2013}' | ':')))
    });
    if before || after || dash {
        if let Some(p) = last {
            return Some(Parent::Token(p.token));
        }
        // "The toll includes 619 women", "Among them were five children".
        if (include && via_toll) || (before && start <= 3) {
            return Some(Parent::Earlier);
        }
    }
    None
}

/// Whether the count's phrase goes on to a verb of its own ("four were
/// hospitalized"), so it does not share the category of the figure before.
/// A copula before a noun ("the two others were civilians") does not count.
fn has_own_verb(toks: &[Token], i: usize) -> bool {
    let mut j = i + 1;
    while toks
        .get(j)
        .is_some_and(|t| t.kind == Kind::Word && !AUX.contains(&t.lower))
    {
        j += 1;
        if j - i > MAX_NP_WORDS {
            return false;
        }
    }
    if !toks.get(j).is_some_and(|t| t.kind == Kind::Word) {
        return false;
    }
    while toks
        .get(j)
        .is_some_and(|t| t.kind == Kind::Word && AUX.contains(&t.lower))
    {
        j += 1;
    }
    toks.get(j).is_some_and(|t| {
        let w = t.lower;
        t.kind == Kind::Word && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing"))
    })
}

/// The figure the count is coordinated with: "10 women and three infants",
/// "nine Americans, along with one resident", "while another 1,500".
fn coordinated_with<'p>(
    toks: &[Token],
    i: usize,
    start: usize,
    prior: &'p [Prior],
) -> Option<&'p Prior> {
    let last = prior.last()?;
    if start < last.token || start - last.token > MAX_SIBLING_DISTANCE || has_own_verb(toks, i) {
        return None;
    }
    // The two counts must stand in one clause: no attribution or new clause
    // between them ("1,782, according to the government and a rescue service").
    let between = &toks[last.token + 1..start];
    let one_clause = between.iter().enumerate().all(|(k, t)| match t.kind {
        Kind::Punct(',') => k + 1 == between.len() || between.len() - k <= 3,
        Kind::Punct(_) => false,
        _ => !NP_STOP.contains(&t.lower) && !MODALS.contains(&t.lower),
    });
    let more = MORE_OF_THE_SAME
        .iter()
        .any(|w| i.checked_sub(w.len()).is_some_and(|s| words_at(toks, s, w)));
    // "another 1,500" is more of the same even across a clause.
    if more {
        return Some(last);
    }
    if !one_clause {
        return None;
    }
    let coordinated = COORDINATORS.iter().any(|w| {
        start
            .checked_sub(w.len())
            .is_some_and(|s| words_at(toks, s, w))
    });
    coordinated.then_some(last)
}
