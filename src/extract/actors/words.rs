//! What the fixed word lists say about one word, answered once per token.
//!
//! The actor rules ask the same questions of every word of every article:
//! is it a function word, an office, a state's name, a speech verb, can it
//! be part of a person's name? Each list stays beside the rule it serves;
//! this module gathers them all into one hash table keyed by the word, so a
//! token is classed with one or two lookups (as written, and in lower case)
//! when the article is split into words, and the rules then read booleans.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::lexicon::{self, StateForm, TitleClass};
use super::names;
use super::organizations;
use super::people;
use super::tokens::is_capitalised;
use crate::extract::text::with_lowercase;

/// What the lists say about a word as written.
#[derive(Debug, Clone, Copy, Default)]
struct AsWritten {
    function: bool,
    not_name: bool,
    place_feature: bool,
    org_head: bool,
    platform: bool,
    particle: bool,
    ship_prefix: bool,
    speech_verb: bool,
    between_name_and_verb: bool,
    given_name: bool,
    /// "Al", "El", "Sheikh", "Abu": inside a name though not name words.
    name_joiner: bool,
    role_noun: bool,
    rank: bool,
    honorific: bool,
    /// The state the word names on its own.
    state: Option<(usize, StateForm)>,
    /// Some state's name begins with this word.
    opens_state: bool,
    /// Some descriptor of an organization ("news agency") begins with it.
    opens_descriptor: bool,
}

/// What the lists say about a word in lower case.
#[derive(Debug, Clone, Copy, Default)]
struct InLowerCase {
    office: bool,
    modifier: bool,
    portfolio: bool,
    role_noun: bool,
    lowercase_not_title: bool,
    body_modifier: bool,
    body_head_end: bool,
}

#[derive(Default)]
struct Sides {
    written: AsWritten,
    lower: InLowerCase,
}

/// Every list, keyed by word: a word's entry holds what the lists say of it
/// as written and, separately, of it as another word's lower case.
fn table() -> &'static FxHashMap<String, Sides> {
    static TABLE: OnceLock<FxHashMap<String, Sides>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: FxHashMap<String, Sides> = FxHashMap::default();
        let mut written = |words: &mut dyn Iterator<Item = &str>, set: fn(&mut AsWritten)| {
            for w in words {
                set(&mut t.entry(w.to_string()).or_default().written);
            }
        };
        written(&mut names::FUNCTION_WORDS.iter().copied(), |c| {
            c.function = true
        });
        written(&mut names::NOT_NAME_WORDS.iter().copied(), |c| {
            c.not_name = true
        });
        written(&mut names::PLACE_FEATURES.iter().copied(), |c| {
            c.place_feature = true
        });
        written(&mut names::ORG_HEADS.iter().copied(), |c| c.org_head = true);
        written(&mut names::PLATFORMS.iter().copied(), |c| c.platform = true);
        written(&mut names::PARTICLES.iter().copied(), |c| c.particle = true);
        written(&mut names::SHIP_PREFIXES.iter().copied(), |c| {
            c.ship_prefix = true
        });
        written(&mut names::ROLE_NOUNS.iter().copied(), |c| {
            c.role_noun = true
        });
        written(&mut people::SPEECH_VERBS.iter().copied(), |c| {
            c.speech_verb = true
        });
        written(&mut people::BETWEEN_NAME_AND_VERB.iter().copied(), |c| {
            c.between_name_and_verb = true
        });
        written(&mut lexicon::given_names(), |c| c.given_name = true);
        written(&mut organizations::descriptor_first_words(), |c| {
            c.opens_descriptor = true
        });
        written(&mut ["Al", "El", "Sheikh", "Abu"].into_iter(), |c| {
            c.name_joiner = true
        });
        let (exact_titles, folded_titles) = lexicon::title_words();
        for (word, class) in exact_titles {
            let c = &mut t.entry(word.to_string()).or_default().written;
            c.rank |= class.rank;
            c.honorific |= class.honorific;
        }
        for (word, class) in folded_titles {
            let c = &mut t.entry(word.to_string()).or_default().lower;
            c.office |= class.office;
            c.modifier |= class.modifier;
            c.portfolio |= class.portfolio;
        }
        for (form, state, how) in lexicon::states().forms() {
            let first = form.split(' ').next().unwrap_or(form);
            t.entry(first.to_string()).or_default().written.opens_state = true;
            if !form.contains(' ') {
                t.entry(form.to_string()).or_default().written.state = Some((state, how));
            }
        }
        let mut lower = |words: &[&str], set: fn(&mut InLowerCase)| {
            for w in words {
                set(&mut t.entry(w.to_string()).or_default().lower);
            }
        };
        lower(names::ROLE_NOUNS, |c| c.role_noun = true);
        lower(people::LOWERCASE_NOT_TITLES, |c| {
            c.lowercase_not_title = true
        });
        lower(organizations::BODY_MODIFIERS, |c| c.body_modifier = true);
        lower(organizations::HEAD_ENDS, |c| c.body_head_end = true);
        t
    })
}

/// Everything the actor rules ask of one word, one bit per question. (Every
/// token and every word a thread knows holds one: four bytes, where a
/// struct of 31 bools made each token and each known word's slot larger
/// and slower to copy and to read from memory.)
#[derive(Debug, Clone, Copy, Default)]
pub struct WordClass(u32);

/// The questions, each with its bit and the method that asks it.
macro_rules! questions {
    ($($(#[$doc:meta])* $bit:literal $flag:ident $ask:ident;)*) => {
        $(const $flag: u32 = 1 << $bit;)*
        impl WordClass {
            $(
                $(#[$doc])*
                #[inline]
                pub fn $ask(self) -> bool {
                    self.0 & $flag != 0
                }
            )*
        }
    };
}

questions! {
    0 CAPITALISED capitalised;
    1 FUNCTION function;
    /// Never part of a person's name: function words, groups, kinds of place.
    2 STOPWORD stopword;
    3 PLACE_FEATURE place_feature;
    4 ORG_HEAD org_head;
    5 PLATFORM platform;
    6 SHIP_PREFIX ship_prefix;
    7 SPEECH_VERB speech_verb;
    8 BETWEEN_NAME_AND_VERB between_name_and_verb;
    9 GIVEN_NAME given_name;
    /// In the role nouns as written ("spokesperson").
    10 ROLE_NOUN role_noun;
    /// In the role nouns once in lower case ("Coach").
    11 ROLE_NOUN_FOLDED role_noun_folded;
    12 LOWERCASE_NOT_TITLE lowercase_not_title;
    /// In lower case, a word qualifying a state body ("health").
    13 BODY_MODIFIER body_modifier;
    /// In lower case, the last word of a state body's head ("ministry").
    14 BODY_HEAD_END body_head_end;
    /// A role noun as written or any title word: may open a title chain
    /// (one flag for the test asked of every word).
    15 OPENS_TITLE opens_title;
    /// Some state's name begins with this word.
    16 OPENS_STATE opens_state;
    /// "al-Qidra": a surname with a lower-case Arabic article.
    17 ARTICLE_NAME article_name;
    /// "S.", "J.D.": initials that may open a name.
    18 INITIALS initials;
    /// Can be part of a person's name.
    19 NAME_WORD name_word;
    /// May sit inside a name: a name word, a particle or an initial.
    20 INNER_WORD inner_word;
    /// Can stand inside an organization's name.
    21 ORG_WORD org_word;
    /// Opens a phrase without naming: "The", "Hamas-run".
    22 DESCRIPTION description;
    /// Some descriptor of an organization ("news agency") begins with it.
    23 OPENS_DESCRIPTOR opens_descriptor;
    /// ASCII letters and digits only: nothing inside it starts a word.
    24 PLAIN plain;
    25 OFFICE office;
    26 RANK rank;
    27 HONORIFIC honorific;
    28 MODIFIER modifier;
    29 PORTFOLIO portfolio;
}

impl WordClass {
    /// What the title words say of it.
    #[inline]
    pub fn title(self) -> TitleClass {
        TitleClass {
            office: self.office(),
            rank: self.rank(),
            honorific: self.honorific(),
            modifier: self.modifier(),
            portfolio: self.portfolio(),
        }
    }

    /// Classes `word` (one token of the body, or any single word).
    pub fn of(word: &str) -> WordClass {
        let table = table();
        let entry = table.get(word);
        let written = entry.map(|e| e.written).unwrap_or_default();
        let lower = with_lowercase(word, |lower| {
            if lower == word {
                entry.map(|e| e.lower)
            } else {
                table.get(lower).map(|e| e.lower)
            }
            .unwrap_or_default()
        });
        let title = TitleClass {
            office: lower.office,
            rank: written.rank,
            honorific: written.honorific,
            modifier: lower.modifier,
            portfolio: lower.portfolio,
        };
        let capitalised = is_capitalised(word);
        let article_name = names::is_article_name(word);
        let stopword = written.function || written.not_name || written.place_feature;
        let has_lowercase = if word.is_ascii() {
            word.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            word.chars().any(char::is_lowercase)
        };
        let name_word = article_name
            || (capitalised
                && has_lowercase
                && !(stopword
                    || written.org_head
                    || written.platform
                    || title.any()
                    || written.state.is_some()));
        let initial = names::is_initial(word);
        let digits = word.bytes().all(|b| b.is_ascii_digit());
        let answers = [
            (CAPITALISED, capitalised),
            (FUNCTION, written.function),
            (STOPWORD, stopword),
            (PLACE_FEATURE, written.place_feature),
            (ORG_HEAD, written.org_head),
            (PLATFORM, written.platform),
            (SHIP_PREFIX, written.ship_prefix),
            (SPEECH_VERB, written.speech_verb),
            (BETWEEN_NAME_AND_VERB, written.between_name_and_verb),
            (GIVEN_NAME, written.given_name),
            (ROLE_NOUN, written.role_noun),
            (ROLE_NOUN_FOLDED, lower.role_noun),
            (LOWERCASE_NOT_TITLE, lower.lowercase_not_title),
            (BODY_MODIFIER, lower.body_modifier),
            (BODY_HEAD_END, lower.body_head_end),
            (OPENS_TITLE, written.role_noun || title.any()),
            (OPENS_STATE, written.opens_state),
            (ARTICLE_NAME, article_name),
            (INITIALS, names::is_initials(word)),
            (NAME_WORD, name_word),
            (
                INNER_WORD,
                name_word || written.particle || initial || written.name_joiner,
            ),
            (
                ORG_WORD,
                (capitalised || digits)
                    && !written.function
                    && !written.platform
                    && !title.rank
                    && !title.honorific,
            ),
            (
                DESCRIPTION,
                written.function
                    || word.contains('-') && organizations::has_compound_modifier(word),
            ),
            (OPENS_DESCRIPTOR, written.opens_descriptor),
            (PLAIN, word.bytes().all(|b| b.is_ascii_alphanumeric())),
            (OFFICE, title.office),
            (RANK, title.rank),
            (HONORIFIC, title.honorific),
            (MODIFIER, title.modifier),
            (PORTFOLIO, title.portfolio),
        ];
        WordClass(
            answers
                .into_iter()
                .filter(|&(_, yes)| yes)
                .fold(0, |bits, (flag, _)| bits | flag),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_a_bit_of_its_own() {
        let flags = [
            CAPITALISED,
            FUNCTION,
            STOPWORD,
            PLACE_FEATURE,
            ORG_HEAD,
            PLATFORM,
            SHIP_PREFIX,
            SPEECH_VERB,
            BETWEEN_NAME_AND_VERB,
            GIVEN_NAME,
            ROLE_NOUN,
            ROLE_NOUN_FOLDED,
            LOWERCASE_NOT_TITLE,
            BODY_MODIFIER,
            BODY_HEAD_END,
            OPENS_TITLE,
            OPENS_STATE,
            ARTICLE_NAME,
            INITIALS,
            NAME_WORD,
            INNER_WORD,
            ORG_WORD,
            DESCRIPTION,
            OPENS_DESCRIPTOR,
            PLAIN,
            OFFICE,
            RANK,
            HONORIFIC,
            MODIFIER,
            PORTFOLIO,
        ];
        let all = flags.iter().fold(0u32, |all, &flag| all | flag);
        assert_eq!(all.count_ones() as usize, flags.len());
    }

    #[test]
    fn words_are_classed_as_written_and_in_lower_case() {
        let minister = WordClass::of("Minister");
        assert!(minister.title().office && minister.capitalised() && !minister.name_word());
        let coach = WordClass::of("Coach");
        assert!(coach.role_noun_folded() && !coach.role_noun());
        assert!(WordClass::of("said").speech_verb());
        let lebanese = WordClass::of("Lebanese");
        assert!(lebanese.opens_state() && lebanese.capitalised() && !lebanese.name_word());
        assert!(WordClass::of("United").opens_state());
        assert!(WordClass::of("al-Qidra").name_word());
        assert!(WordClass::of("Hamas-run").description());
        assert!(WordClass::of("Okonjo").name_word());
        for word in [
            "Minister",
            "minister",
            "spokesperson",
            "Foreign",
            "Gen.",
            "Sheikh",
            "said",
        ] {
            let class = WordClass::of(word);
            assert_eq!(
                class.opens_title(),
                class.role_noun() || class.title().any(),
                "{word}"
            );
        }
        assert!(!WordClass::of("Monday").name_word());
    }
}
