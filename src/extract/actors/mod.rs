//! Actors: the people and organizations an article names.
//!
//! Design: every rule proposes spans with a candidate canonical name
//! ([`Found`]); overlapping proposals are settled by length, then by how much
//! the rule is trusted; [`resolve`] then groups the survivors into one actor
//! per real actor in the article (short forms to full names, "the ministry"
//! to the ministry named earlier) and adds their later mentions.
//!
//! - [`organizations`]: lexicon, state-named bodies, name shapes, descriptors.
//! - [`people`]: titles, appositions, speech verbs, credits, lexicon.
//! - [`names`]: what a person's name looks like and what never is one.
//! - [`lexicon`]: the curated lists in `data/actors*.tsv`.
//! - [`tokens`]: the words of the body with their byte ranges.
//! - [`words`]: what the word lists say of each word, looked up once.
//!
//! Countries are not produced here: a state that acts or speaks becomes a
//! `country` actor in the statements extractor. Demonyms never become actors,
//! but they give affiliations ("Israeli Defence Minister" -> IL).

mod lexicon;
mod names;
mod organizations;
mod people;
mod resolve;
mod tokens;
mod words;

use std::ops::Range;

use super::text::Text;
use super::Actor;
use tokens::Tokens;

/// Person or organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Person,
    Organization,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
        }
    }
}

/// The rule that proposed a span, in order of trust for equal spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rule {
    OrgLexicon,
    StateBody,
    Described,
    PersonLexicon,
    Titled,
    Apposition,
    Byline,
    Speaker,
    GivenName,
    Shaped,
}

/// Whether a person's name is complete or a short form to resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Full,
    /// One word: a surname ("Secretary Austin") or a given name after an
    /// honorific ("Sheikh Mohammed").
    Short,
}

/// A name found in the text, before mentions are grouped into actors.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Byte range of the mention.
    pub range: Range<usize>,
    /// Candidate canonical name.
    pub name: String,
    pub kind: Kind,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    pub rule: Rule,
    pub form: Form,
}

/// Finds the people and organizations named in an article. (Kept out of
/// line, one call per article, so profiles show the stage's own cost.)
#[inline(never)]
pub fn extract(text: &Text) -> Vec<Actor> {
    let tokens = Tokens::new(text.body);
    let (org_hits, people_hits) = lexicon::organizations_and_people(text.body);
    // Organizations settle first: a person's title reads them ("IDF
    // spokesperson"), and people then compete with them for spans.
    let mut found = remove_overlaps(merge_same_spans(organizations::find(&tokens, org_hits)));
    let people = people::find(&tokens, &found, people_hits);
    found.extend(people);
    let found = remove_overlaps(merge_same_spans(found));
    resolve::group(text, &tokens, found)
}

/// Proposals for the same span and kind become one, keeping the most trusted
/// rule's name and any title or affiliation another rule read.
fn merge_same_spans(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by(|a, b| {
        (a.range.start, a.range.end, a.kind as u8, a.rule).cmp(&(
            b.range.start,
            b.range.end,
            b.kind as u8,
            b.rule,
        ))
    });
    // In place: a proposal for the span and kind of the one kept before it
    // gives that one what it read, and goes.
    found.dedup_by(|f, last| {
        let same = last.range == f.range && last.kind == f.kind;
        if same {
            last.title = last.title.take().or(f.title.take());
            last.affiliation = last.affiliation.take().or(f.affiliation.take());
        }
        same
    });
    found
}

/// Keeps the longest of overlapping names; among equals, the most trusted rule.
fn remove_overlaps(found: Vec<Found>) -> Vec<Found> {
    let mut by_length: Vec<Found> = found;
    by_length.sort_by_key(|f| (std::cmp::Reverse(f.range.len()), f.rule, f.range.start));
    let mut kept: Vec<Found> = Vec::with_capacity(by_length.len());
    for f in by_length {
        let overlapping = kept
            .iter_mut()
            .find(|k| f.range.start < k.range.end && k.range.start < f.range.end);
        match overlapping {
            // "Crown Prince Mohammed bin Salman Al Saud": the lexicon's
            // longer span keeps the title the shorter titled one read.
            // (Not when the longer span reaches back over the title itself:
            // "Hassan Sheikh Mohamud".)
            Some(k)
                if k.kind == Kind::Person
                    && f.kind == Kind::Person
                    && k.range.start >= f.range.start =>
            {
                k.title = k.title.take().or(f.title);
                k.affiliation = k.affiliation.take().or(f.affiliation);
            }
            Some(_) => {}
            None => kept.push(f),
        }
    }
    kept.sort_by_key(|f| f.range.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors(body: &str) -> Vec<Actor> {
        extract(&Text::new(body))
    }

    fn names(body: &str) -> Vec<(String, String)> {
        actors(body).into_iter().map(|a| (a.name, a.kind)).collect()
    }

    fn find<'a>(actors: &'a [Actor], name: &str) -> &'a Actor {
        actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no actor {name} in {actors:?}"))
    }

    #[test]
    fn mention_spans_are_exact() {
        let body = "Défense chief Élodie Marchand met Gen. Tan. Marchand’s aides said the Israeli army’s plans changed.";
        let text = Text::new(body);
        for actor in extract(&text) {
            for m in &actor.mentions {
                let chars: String = body
                    .chars()
                    .skip(m.span.start)
                    .take(m.span.end - m.span.start)
                    .collect();
                assert_eq!(chars, m.text, "{actor:?}");
            }
        }
    }

    #[test]
    fn short_forms_resolve_to_the_full_name() {
        let a = actors(
            "Foreign Minister Amara Okonjo arrived in Lagos. Later, Secretary Okonjo spoke. \
             Okonjo added that talks would resume.",
        );
        let people: Vec<_> = a.iter().filter(|x| x.kind == "person").collect();
        assert_eq!(people.len(), 1, "{a:?}");
        assert_eq!(people[0].name, "Amara Okonjo");
        assert_eq!(people[0].mentions.len(), 3);
        assert!(people[0].aliases.contains(&"Okonjo".to_string()));
    }

    #[test]
    fn a_title_is_kept_with_its_state() {
        let a = actors("Kestrelian Defence Minister Tomas Vell said on Monday the talks failed.");
        let vell = find(&a, "Tomas Vell");
        assert_eq!(vell.kind, "person");
        assert_eq!(vell.title.as_deref(), Some("Defence Minister"));
        let a = actors("Israeli Defence Minister Tomas Vell said the talks failed.");
        let vell = find(&a, "Tomas Vell");
        assert_eq!(vell.title.as_deref(), Some("Israeli Defence Minister"));
        assert_eq!(vell.affiliation.as_deref(), Some("IL"));
    }

    #[test]
    fn initials_and_honorifics_leave_the_canonical_name() {
        let a = actors("Secretary of Defense Lloyd J. Austin spoke. Sheikh Nasser bin Khalid Al Hamad met him; Sheikh Nasser said so.");
        assert_eq!(find(&a, "Lloyd Austin").aliases, vec!["Lloyd J. Austin"]);
        let nasser = find(&a, "Nasser bin Khalid Al Hamad");
        assert_eq!(nasser.mentions.len(), 2, "{a:?}");
    }

    #[test]
    fn an_apposition_names_a_person_and_keeps_the_role() {
        let a = actors("Amara Okonjo, the foreign minister, rejected the plan.");
        let okonjo = find(&a, "Amara Okonjo");
        assert_eq!(okonjo.title.as_deref(), Some("foreign minister"));
        let a = actors("The reply came from the head of the regional council, Pavel Droz.");
        assert_eq!(find(&a, "Pavel Droz").kind, "person");
        let a = actors("Dario Mendes, 40, was arrested.");
        assert_eq!(find(&a, "Dario Mendes").kind, "person");
    }

    #[test]
    fn speech_verbs_and_credits_name_people() {
        let a = actors("By Jana Holt and Omar Saleh\nThe flood was huge, warned Rafael Ortiz of the aid group.");
        for name in ["Jana Holt", "Omar Saleh", "Rafael Ortiz"] {
            assert_eq!(find(&a, name).kind, "person");
        }
    }

    #[test]
    fn lexicon_spellings_merge_into_one_actor() {
        let a = actors("Hizballah fired rockets. Hezbollah later said more. The US Department of Defence and the Pentagon agreed.");
        let orgs: Vec<_> = a.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(orgs, vec!["Hezbollah", "Pentagon"]);
        assert_eq!(find(&a, "Hezbollah").aliases, vec!["Hizballah"]);
        assert_eq!(
            find(&a, "Pentagon").aliases,
            vec!["US Department of Defence"]
        );
    }

    #[test]
    fn a_title_alone_refers_to_the_one_person_holding_it() {
        let a = actors(
            "Chilean Defence Minister Tomas Vell met Health Minister Ana Ruiz. \
             The Chilean Defence Minister said talks went well. The minister later left.",
        );
        let vell = find(&a, "Tomas Vell");
        assert!(
            vell.aliases
                .contains(&"Chilean Defence Minister".to_string()),
            "{a:?}"
        );
        // "the minister" fits both: it names neither.
        assert!(
            a.iter()
                .all(|x| !x.aliases.contains(&"minister".to_string())),
            "{a:?}"
        );
    }

    #[test]
    fn a_state_named_army_is_its_armed_forces() {
        let a =
            actors("The Sudanese army said it retook the bridge. The army said 12 people died.");
        let saf = find(&a, "Sudanese Armed Forces");
        assert_eq!(saf.kind, "organization");
        assert_eq!(saf.mentions.len(), 2, "{a:?}");
        assert_eq!(saf.affiliation.as_deref(), Some("SD"));
    }

    #[test]
    fn a_state_named_ministry_is_an_organization() {
        let a = actors(
            "Lebanon's health ministry said three died. The health ministry later raised the toll.",
        );
        let ministry = find(&a, "Lebanon's health ministry");
        assert_eq!(ministry.mentions.len(), 2, "{a:?}");
    }

    #[test]
    fn demonyms_forces_and_countries_are_not_actors() {
        assert!(names("Israeli forces shelled the town. Lebanese residents fled.").is_empty());
        assert!(names("Israeli military operations continued near the border.").is_empty());
        let a = names("Jordan said the crossing would reopen, Egypt added.");
        assert!(a.is_empty(), "{a:?}");
        let a = names("Tel Aviv said the strike was a mistake.");
        assert!(a.is_empty(), "{a:?}");
    }

    #[test]
    fn platforms_and_ships_are_not_actors() {
        let a = names("He said in a post on X and on Telegram that the USS Carney Strike Group and the MV Galaxy Leader were hit.");
        assert!(a.is_empty(), "{a:?}");
    }

    #[test]
    fn sentence_starts_days_and_months_are_not_people() {
        let a = names("On Monday Officials Said nothing. In March Reuters reported the deal.");
        assert_eq!(a, vec![("Reuters".to_string(), "organization".to_string())]);
        let a = names("Meanwhile Security Forces said Tuesday Morning was calm.");
        assert!(!a.iter().any(|(_, k)| k == "person"), "{a:?}");
    }

    #[test]
    fn shaped_organizations_are_found() {
        let a = names("The Kestrel Health Ministry said on Monday. The Ministry of the Interior agreed, as did the Sudanese Organisation for the Protection of Civilians.");
        for name in [
            "Kestrel Health Ministry",
            "Ministry of the Interior",
            "Sudanese Organisation for the Protection of Civilians",
        ] {
            assert!(
                a.contains(&(name.to_string(), "organization".to_string())),
                "{a:?}"
            );
        }
    }

    #[test]
    fn weaker_evidence_still_names_people() {
        let a = actors(
            "Dario Mendes, who fled the city, returned. War cabinet member Tomas Vell resigned. \
             The killing of Fouad Karimi in Beirut was condemned. Coach Dana Price said the team would travel.",
        );
        for name in ["Dario Mendes", "Tomas Vell", "Fouad Karimi", "Dana Price"] {
            assert_eq!(find(&a, name).kind, "person");
        }
        assert_eq!(find(&a, "Tomas Vell").title.as_deref(), Some("member"));
    }

    #[test]
    fn places_named_after_people_are_not_people() {
        let a = names("Convoys crossed the King Abdullah II Bridge. Khan Younis, the main city in the south, was shelled. Fighters held Mark Twain Avenue.");
        assert!(!a.iter().any(|(_, k)| k == "person"), "{a:?}");
    }

    #[test]
    fn a_generic_body_takes_its_state() {
        let a = actors("Qatar's Ministry of Foreign Affairs said talks went on. The Ministry of Foreign Affairs later denied it.");
        let ministry = find(&a, "Qatar's Ministry of Foreign Affairs");
        assert_eq!(ministry.mentions.len(), 2, "{a:?}");
        assert_eq!(ministry.affiliation.as_deref(), Some("QA"));
    }

    #[test]
    fn shorter_and_complemented_names_join_the_full_one() {
        let a = actors(
            "The Libyan Red Crescent said 300 bodies were found. Red Crescent teams dug on.",
        );
        assert_eq!(find(&a, "Libyan Red Crescent").mentions.len(), 2, "{a:?}");
        let a = actors("The U.N. Human Rights Office of the Commissioner spoke. The UN human rights office said more.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].name, "UN Human Rights Office");
    }

    #[test]
    fn outlets_are_found_from_their_descriptors_and_credits() {
        let a = actors("Local news portal Kestrel Voice said roads closed, Radio Vela 9 radio station reported.\nPhoto: Jana Holt/AFP");
        assert_eq!(find(&a, "Kestrel Voice").kind, "organization");
        assert_eq!(find(&a, "Radio Vela 9").kind, "organization");
        assert_eq!(find(&a, "Jana Holt").kind, "person");
        assert_eq!(find(&a, "Agence France-Presse").aliases, vec!["AFP"]);
    }

    #[test]
    fn headlines_in_title_case_or_capitals_are_read_with_care() {
        let a = names("Bill Passes Senate As Dana Price Visits Kyiv\nWHO IS TO BLAME FOR IT\nThe vote was close.");
        assert!(a.is_empty(), "{a:?}");
        let a = names("Islamic State (IS) claimed it. IS later said more.");
        assert_eq!(
            a,
            vec![("Islamic State".to_string(), "organization".to_string())]
        );
    }

    #[test]
    fn odd_text_does_not_panic() {
        // Words, punctuation and scripts in every order a scraper may produce.
        let pieces = [
            "Minister",
            "Gen.",
            "’s",
            "'",
            "Al",
            "al-",
            "Ärzte",
            "İstanbul",
            "Ministry",
            "of",
            "the",
            ",",
            ".",
            "\n",
            "(",
            ")",
            "/",
            "said",
            "Dr.",
            "J.",
            "X",
            "Hamas",
            "ﷺ",
            "😀",
            "Israeli",
            "army",
            "Sheikh",
            "by",
            "By",
            "U.S.",
            "Red",
            "Crescent",
            "—",
            "’",
            "Ña",
        ];
        let mut seed: u64 = 7;
        for _ in 0..400 {
            let mut body = String::new();
            for _ in 0..30 {
                crate::extract::text::step_random(&mut seed);
                body.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                if !seed.is_multiple_of(3) {
                    body.push(' ');
                }
            }
            let text = Text::new(&body);
            for actor in extract(&text) {
                for m in &actor.mentions {
                    assert_eq!(&body[text.byte_range(m.span)], m.text);
                }
            }
        }
    }

    #[test]
    fn an_outlet_names_its_journalist() {
        let a = actors("A US official told Axios’ Dana Price that talks resumed.");
        assert_eq!(find(&a, "Dana Price").affiliation.as_deref(), Some("Axios"));
    }
}
