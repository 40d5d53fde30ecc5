//! Finding the speech cues of a unit, outside quotation marks.
//!
//! A cue word is only speech when it is used as a verb of saying: not after
//! a determiner ("the reported attack"), not passive ("no injuries were
//! reported"), not a state ("confirmed dead", "said to be"), and a noun-like
//! form not before "of" ("reports of a strike").

use std::ops::Range;

use super::lexicon::{self, CueForm, Role};
use super::tokens::{Kind, Token};
use super::words;

/// A speech cue found in a unit.
#[derive(Debug, Clone)]
pub struct Cue {
    pub form: &'static CueForm,
    /// Token indices of the cue words.
    pub toks: Range<usize>,
    /// Byte range of the cue as written.
    pub range: Range<usize>,
    /// For "X quoted Y as saying": the token range of "as saying".
    pub as_saying: Option<Range<usize>>,
}

impl Cue {
    pub fn role(&self) -> Role {
        self.form.role
    }
}

/// The valid cues among `toks`, in order, written into `out` (cleared
/// first): one buffer serves every unit of an article.
pub fn find(masked: &str, toks: &[Token], out: &mut Vec<Cue>) {
    // Read only when a capitalised cue word stands mid-clause (rare).
    let title_case = std::cell::OnceCell::new();
    let title_case = || *title_case.get_or_init(|| is_title_case(masked, toks));
    let word = |i: usize| -> Option<&str> {
        toks.get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| &masked[t.range.clone()])
    };
    let may_start_cue = lexicon::cue_start_test();
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        // Most tokens start no cue: a table look-up on their bytes turns
        // them away before their text is read.
        let t = &toks[i];
        if t.kind != Kind::Word || !may_start_cue(&masked.as_bytes()[t.range.clone()]) {
            i += 1;
            continue;
        }
        match match_form(toks, &word, i, &title_case) {
            Some(form) => {
                let end = i + form.words.len();
                match validate(form, toks, &word, i..end) {
                    // "as saying" belongs to "quoted"; it is no cue of its own.
                    Some(cue) => {
                        i = cue.as_saying.as_ref().map_or(cue.toks.end, |r| r.end);
                        out.push(cue);
                    }
                    None => i = end,
                }
            }
            None => i += 1,
        }
    }
}

/// A headline in title case ("Gaza Health Ministry Says 30 Killed"): most
/// longer words capitalised.
fn is_title_case(masked: &str, toks: &[Token]) -> bool {
    let (mut long, mut capitalised) = (0, 0);
    for t in toks.iter().filter(|t| t.kind == Kind::Word) {
        let w = &masked[t.range.clone()];
        // Four chars need at least four bytes: shorter words are skipped unread.
        if w.len() >= 4 && is_long_alphabetic(w) {
            long += 1;
            capitalised += usize::from(w.starts_with(char::is_uppercase));
        }
    }
    long >= 3 && capitalised * 5 >= long * 4
}

/// At least four chars, all letters.
fn is_long_alphabetic(w: &str) -> bool {
    let mut chars = 0;
    for c in w.chars() {
        if !c.is_alphabetic() {
            return false;
        }
        chars += 1;
    }
    chars >= 4
}

/// The longest lexicon form starting at token `i`. A capitalised form only
/// counts where a clause starts ("According to") or in a title-case headline.
fn match_form<'a>(
    toks: &[Token],
    word: &impl Fn(usize) -> Option<&'a str>,
    i: usize,
    title_case: &impl Fn() -> bool,
) -> Option<&'static CueForm> {
    let first = word(i)?;
    let mut forms = lexicon::cues_starting_with(first).peekable();
    // Most words start no cue: the case rule is read only for those that do.
    forms.peek()?;
    let clause_start = i == 0 || toks[i - 1].kind != Kind::Word;
    if first.starts_with(char::is_uppercase) && !clause_start && !title_case() {
        return None;
    }
    forms.find(|form| {
        form.words.iter().enumerate().skip(1).all(|(k, w)| {
            // Cue words are ASCII lower case: compare without allocating.
            word(i + k).is_some_and(|text| text.eq_ignore_ascii_case(w))
        })
    })
}

/// Checks the words around a cue; returns the cue when it is speech.
fn validate<'a>(
    form: &'static CueForm,
    toks: &[Token],
    word: &impl Fn(usize) -> Option<&'a str>,
    at: Range<usize>,
) -> Option<Cue> {
    let (mut before_buf, mut after_buf) = ([0u8; 32], [0u8; 32]);
    let before = at
        .start
        .checked_sub(1)
        .and_then(word)
        .map(|w| words::lowercase(w, &mut before_buf));
    let after = word(at.end).map(|w| words::lowercase(w, &mut after_buf));
    let before = before.as_deref();
    let after = after.as_deref();
    let mut as_saying = None;
    match form.role {
        Role::According => {}
        Role::Participle => {
            if before.is_some_and(words::is_determiner) {
                return None;
            }
        }
        Role::Finite | Role::Quoted => {
            if before.is_some_and(|w| {
                words::is_determiner(w) || (form.noun && words::is_noun_modifier(w))
            }) || (after.is_some_and(words::is_state_word) && !plain_saying(form))
                || (form.not_to && after == Some("to"))
                || (form.noun && matches!(after, Some("of" | "for" | "from")))
            {
                return None;
            }
            let passive = matches!(
                before,
                Some("was" | "were" | "is" | "are" | "be" | "been" | "being" | "as")
            );
            if form.role == Role::Quoted {
                as_saying = Some(find_as_saying(toks, word, at.end)?);
                if passive {
                    // "was quoted as saying": a plain verb ending at "saying".
                    return Some(Cue {
                        form: finite_said(),
                        range: toks[at.start].range.start
                            ..toks[as_saying.as_ref()?.end - 1].range.end,
                        toks: at.start..as_saying?.end,
                        as_saying: None,
                    });
                }
            } else if passive {
                return None;
            }
        }
    }
    Some(Cue {
        form,
        range: toks[at.start].range.start..toks[at.end - 1].range.end,
        toks: at,
        as_saying,
    })
}

/// "said" and "told" before "killed" are still speech ("strikes that the
/// ministry said killed 70"); "reported killed" and "confirmed dead" are not.
fn plain_saying(form: &CueForm) -> bool {
    matches!(form.words[0].as_str(), "said" | "says" | "say" | "told")
}

/// "as saying" (or telling, stating) within a few words after "quoted".
fn find_as_saying<'a>(
    toks: &[Token],
    word: &impl Fn(usize) -> Option<&'a str>,
    from: usize,
) -> Option<Range<usize>> {
    (from..toks.len().min(from + 14)).find_map(|k| {
        let is_as = word(k) == Some("as");
        let saying = word(k + 1).is_some_and(|w| matches!(w, "saying" | "telling" | "stating"));
        (is_as && saying).then_some(k..k + 2)
    })
}

/// The lexicon's plain "said", which "was quoted as saying" behaves like.
fn finite_said() -> &'static CueForm {
    lexicon::cues()
        .iter()
        .find(|c| c.words == ["said"])
        .expect("the cue lexicon has \"said\"")
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn cues(s: &str) -> Vec<String> {
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), &mut toks);
        let mut found = Vec::new();
        find(s, &toks, &mut found);
        found.into_iter().map(|c| s[c.range].to_string()).collect()
    }

    #[test]
    fn verbs_of_saying_are_cues() {
        assert_eq!(cues("The army said it struck."), vec!["said"]);
        assert_eq!(
            cues("According to the agency, ten died, adding that more may."),
            vec!["According to", "adding"]
        );
    }

    #[test]
    fn nouns_adjectives_passives_and_states_are_not() {
        assert!(cues("after the reports of a strike").is_empty());
        assert!(cues("No injuries were reported.").is_empty());
        assert!(cues("Two soldiers confirmed dead.").is_empty());
        assert!(cues("He is said to be safe.").is_empty());
        assert!(cues("The toll was added to the list.").is_empty());
    }

    #[test]
    fn title_case_headlines_have_capitalised_cues() {
        assert_eq!(
            cues("Gaza Health Ministry Says Thirty Killed"),
            vec!["Says"]
        );
        assert!(cues("The Army Says Goodbye").len() == 1);
        assert!(cues("Mr Says arrived in Paris on Monday with his family.").is_empty());
    }

    #[test]
    fn quoted_as_saying() {
        let s = "The paper quoted a defence official as saying that talks stalled.";
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), &mut toks);
        let mut found = Vec::new();
        find(s, &toks, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].role(), Role::Quoted);
        assert!(found[0].as_saying.is_some());
        assert_eq!(
            cues("He was quoted as saying talks stalled."),
            vec!["quoted as saying"]
        );
    }
}
