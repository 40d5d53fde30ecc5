//! Behaviour of the casualty extractor on short invented sentences: one
//! test per pattern the rules must read, and one per thing they must not.

use super::*;
use crate::extract::{Mention, Span};

/// (category, count, qualifier) of each figure.
fn figures(body: &str) -> Vec<(String, i64, String)> {
    all(body)
        .into_iter()
        .map(|f| (f.category, f.count, f.qualifier))
        .collect()
}

fn all(body: &str) -> Vec<CasualtyFigure> {
    extract(&Text::new(body), &[], &[])
}

fn fig(category: &str, count: i64, qualifier: &str) -> (String, i64, String) {
    (category.to_string(), count, qualifier.to_string())
}

fn one(body: &str) -> CasualtyFigure {
    let found = all(body);
    assert_eq!(found.len(), 1, "{body}: {found:?}");
    found.into_iter().next().unwrap()
}

fn none(body: &str) {
    assert!(figures(body).is_empty(), "{body}: {:?}", figures(body));
}

/// A mention of `name` at its first occurrence in `body`, in characters.
fn mention(body: &str, name: &str) -> Mention {
    let byte = body.find(name).expect("name in body");
    let start = body[..byte].chars().count();
    Mention {
        span: Span {
            start,
            end: start + name.chars().count(),
        },
        text: name.to_string(),
    }
}

fn actor(body: &str, name: &str) -> Actor {
    Actor {
        name: name.to_string(),
        kind: "organization".to_string(),
        title: None,
        affiliation: None,
        aliases: Vec::new(),
        mentions: vec![mention(body, name)],
    }
}

fn place(body: &str, name: &str, kind: &str) -> Location {
    Location {
        name: name.to_string(),
        kind: kind.to_string(),
        country_code: None,
        latitude: None,
        longitude: None,
        geonames_id: None,
        aliases: Vec::new(),
        mentions: vec![mention(body, name)],
    }
}

// --- numbers as written ---

#[test]
fn digits_with_separators() {
    assert_eq!(
        figures("The quake killed 1,200 people."),
        vec![fig("killed", 1200, "exact")]
    );
}

#[test]
fn number_words_and_compounds() {
    assert_eq!(
        figures("Seven soldiers died and twenty-five were wounded."),
        vec![fig("killed", 7, "exact"), fig("injured", 25, "exact")]
    );
}

#[test]
fn a_civilian_is_one() {
    assert_eq!(
        figures("Two soldiers and a civilian were killed in the ambush."),
        vec![fig("killed", 2, "exact"), fig("killed", 1, "exact")]
    );
}

#[test]
fn scaled_numbers() {
    assert_eq!(
        figures("The floods have displaced 1.5 million people."),
        vec![fig("displaced", 1_500_000, "exact")]
    );
    assert_eq!(
        figures("Half a million residents have fled the region."),
        vec![fig("displaced", 500_000, "exact")]
    );
}

#[test]
fn plus_suffix_is_more_than() {
    let f = one("The siege has killed 2,000-plus people.");
    assert_eq!((f.count, f.qualifier.as_str()), (2000, "more_than"));
    assert_eq!((f.count_low, f.count_high), (Some(2000), None));
}

#[test]
fn ranges_keep_both_ends() {
    let f = one("The fighting killed between 20 and 25 civilians.");
    assert_eq!(
        (f.count, f.count_low, f.count_high),
        (20, Some(20), Some(25))
    );
    let f = one("Officials said 40-50 people were injured.");
    assert_eq!(
        (f.category.as_str(), f.count, f.count_high),
        ("injured", 40, Some(50))
    );
}

// --- qualifiers and bounds ---

fn bounds_of(body: &str) -> (String, Option<i64>, Option<i64>) {
    let f = one(body);
    (f.qualifier, f.count_low, f.count_high)
}

#[test]
fn exact_has_both_bounds() {
    assert_eq!(
        bounds_of("Nine people were killed."),
        ("exact".into(), Some(9), Some(9))
    );
}

#[test]
fn at_least_has_a_floor() {
    assert_eq!(
        bounds_of("At least 40 people were killed."),
        ("at_least".into(), Some(40), None)
    );
    assert_eq!(
        bounds_of("An initial 50 or more hostages are still in captivity.").0,
        "at_least"
    );
}

#[test]
fn more_than_has_the_stated_floor() {
    assert_eq!(
        bounds_of("More than 34,000 Palestinians have been killed."),
        ("more_than".into(), Some(34000), None)
    );
    assert_eq!(
        bounds_of("The death toll has surpassed 5,000.").0,
        "more_than"
    );
}

#[test]
fn nearly_and_up_to_have_a_ceiling() {
    assert_eq!(
        bounds_of("Nearly 16,000 people have fled."),
        ("nearly".into(), None, Some(16000))
    );
    assert_eq!(
        bounds_of("As many as 300 people are missing."),
        ("up_to".into(), None, Some(300))
    );
}

#[test]
fn approx_has_no_bounds() {
    assert_eq!(
        bounds_of("Some 1,200 people were killed."),
        ("approx".into(), None, None)
    );
    assert_eq!(
        bounds_of("An estimated 80,000 people were displaced.").0,
        "approx"
    );
}

#[test]
fn a_toll_climbing_up_to_a_number_is_exact() {
    assert_eq!(
        bounds_of("The death toll climbed up to 21 on Sunday.").0,
        "exact"
    );
}

// --- categories ---

#[test]
fn each_category_from_its_words() {
    let cases = [
        ("Four men were killed.", "killed"),
        ("The army said 12 fighters were martyred.", "killed"),
        ("Nine people lost their lives in the fire.", "killed"),
        ("Rescuers recovered 20 bodies from the rubble.", "killed"),
        ("The blast wounded 30 people.", "injured"),
        ("The ministry reported 15 injuries.", "injured"),
        ("Eleven fishermen are still missing.", "missing"),
        (
            "About 3,000 people were displaced by the floods.",
            "displaced",
        ),
        (
            "Some 2,500 people have taken refuge in schools.",
            "displaced",
        ),
        ("Police arrested 14 protesters.", "detained"),
        ("Gunmen abducted 30 pupils from a school.", "hostage"),
        ("The group released four hostages on Friday.", "hostage"),
    ];
    for (body, category) in cases {
        assert_eq!(one(body).category, category, "{body}");
    }
}

#[test]
fn each_count_takes_the_verb_before_it() {
    assert_eq!(
        figures("Gunmen opened fire, killing 18 people and wounding another 13."),
        vec![fig("killed", 18, "exact"), fig("injured", 13, "exact")]
    );
}

#[test]
fn a_total_gives_its_category_to_its_value() {
    assert_eq!(
        figures("The death toll in the coastal town rose to 112."),
        vec![fig("killed", 112, "exact")]
    );
    assert_eq!(
        figures("The number of wounded has reached 1,150."),
        vec![fig("injured", 1150, "exact")]
    );
}

// --- one victim, breakdowns and parts ---

#[test]
fn a_child_among_three_people_killed_is_two_figures() {
    let found = all("A child was among three people killed in the strike.");
    let pairs: Vec<(i64, Option<usize>)> = found.iter().map(|f| (f.count, f.part_of)).collect();
    assert_eq!(pairs, vec![(3, None), (1, Some(0))]);
    assert!(found.iter().all(|f| f.category == "killed"));
}

#[test]
fn the_wounded_included_a_police_officer() {
    let f = one("The wounded included a police officer.");
    assert_eq!((f.category.as_str(), f.count), ("injured", 1));
}

#[test]
fn breakdowns_are_figures_of_their_own_part_of_the_total() {
    let found = all("The strike killed 45 people, including 12 children, officials said.");
    assert_eq!(found.len(), 2);
    assert_eq!((found[1].count, found[1].part_of), (12, Some(0)));
    assert_eq!(found[1].victims.as_deref(), Some("children"));
}

#[test]
fn a_breakdown_in_the_next_sentence_points_back() {
    let found =
        all("Strikes have killed 3,100 people. The toll includes 619 women and 194 children.");
    let parts: Vec<(i64, Option<usize>)> = found.iter().map(|f| (f.count, f.part_of)).collect();
    assert_eq!(parts, vec![(3100, None), (619, Some(0)), (194, Some(0))]);
    assert!(found.iter().all(|f| f.category == "killed"));
}

#[test]
fn of_whom_and_dashes_break_down_the_figure_before() {
    let found = all("Eight men were found dead, five of whom were guards.");
    assert_eq!(found[1].count, 5);
    assert_eq!(found[1].part_of, Some(0));
    let found = all("Officers found seven people dead there \u{2014} six men and one woman.");
    let counts: Vec<i64> = found.iter().map(|f| f.count).collect();
    assert_eq!(counts, vec![7, 6, 1]);
    assert!(found.iter().all(|f| f.category == "killed"));
}

#[test]
fn parts_always_point_to_earlier_figures() {
    let body = "A boy was among five people wounded, and a girl was among the dead. \
                The dead included a nurse. Among them were 3 doctors.";
    for (k, f) in all(body).iter().enumerate() {
        assert!(f.part_of.is_none_or(|p| p < k), "{f:?}");
    }
}

#[test]
fn of_the_wounded_is_where_they_come_from_not_what_happened() {
    assert_eq!(
        figures("Two of the wounded died in hospital."),
        vec![fig("killed", 2, "exact")]
    );
    assert_eq!(
        figures("Seven of the injured are in critical condition."),
        vec![fig("injured", 7, "exact")]
    );
}

#[test]
fn among_those_killed_were() {
    assert_eq!(
        figures("Among those killed were two journalists and a paramedic."),
        vec![fig("killed", 2, "exact"), fig("killed", 1, "exact")]
    );
}

#[test]
fn a_verb_with_its_own_object_does_not_govern_the_subject() {
    assert_eq!(
        figures("An airstrike killed commander Ahmed Ali and 4 of his aides."),
        vec![fig("killed", 4, "exact")]
    );
    none("Two gunmen killed the policeman.");
    none("A decision on the displaced was postponed.");
    none("The court sentenced 3 men to death.");
}

// --- victims, period, source, place ---

#[test]
fn victims_as_written() {
    let f = one("The raid killed seven Iranian military officers.");
    assert_eq!(f.victims.as_deref(), Some("Iranian military officers"));
    let f = one("A 7-year-old girl was critically injured.");
    assert_eq!(f.victims.as_deref(), Some("7-year-old girl"));
}

#[test]
fn period_when_stated() {
    let f = one("Since October 7, more than 34,000 Palestinians have been killed.");
    assert_eq!(f.period.as_deref(), Some("Since October 7"));
    let f = one("Heavy rains killed 17 people in the past 24 hours.");
    assert_eq!(f.period.as_deref(), Some("in the past 24 hours"));
    let f = one("Six people were killed on Monday.");
    assert_eq!(f.period, None);
}

#[test]
fn source_when_attributed() {
    let body = "At least 30 people were killed in the Red Cross clinic, the Health Ministry said.";
    let actors = vec![actor(body, "Red Cross"), actor(body, "Health Ministry")];
    let found = extract(&Text::new(body), &actors, &[]);
    assert_eq!(found[0].source, Some(1));
    let body = "At least 30 people were killed in the Health Ministry building.";
    let actors = vec![actor(body, "Health Ministry")];
    assert_eq!(extract(&Text::new(body), &actors, &[])[0].source, None);
}

#[test]
fn place_when_stated() {
    let body = "In Lebanon, an airstrike killed five people in Tyre.";
    let places = vec![
        place(body, "Lebanon", "country"),
        place(body, "Tyre", "city"),
    ];
    let found = extract(&Text::new(body), &[], &places);
    assert_eq!(found[0].location, Some(1));
    let body = "Five people were killed.";
    assert_eq!(extract(&Text::new(body), &[], &places)[0].location, None);
}

#[test]
fn a_place_named_as_an_actor_is_not_where_it_happened() {
    let body = "Two soldiers were killed in Israel's attack on the city of Homs.";
    let places = vec![
        place(body, "Israel", "country"),
        place(body, "Homs", "city"),
    ];
    let found = extract(&Text::new(body), &[], &places);
    assert_eq!(found[0].location, Some(1));
}

// --- not figures ---

#[test]
fn percentages_are_not_figures() {
    none("About 70% of those displaced are women, and 40 percent are children.");
}

#[test]
fn ages_are_not_figures() {
    let f = one("A 12-year-old boy was killed.");
    assert_eq!(f.count, 1);
    none("The suspect, Robert Vale, 40, fled the scene by car.");
}

#[test]
fn years_dates_and_times_are_not_figures() {
    none("The war that began in 2023 killed more in 2024 than expected.");
    none("On October 7, the group attacked at 6:30 a.m.");
    none("Police said on Oct. 12 that the killed suspect was armed.");
}

#[test]
fn distances_and_weapon_names_are_not_figures() {
    none("A Fadi-4 rocket hit a house 10 km from the border.");
    none("An F-16 struck the town, 12 miles from where the soldiers were killed.");
}

#[test]
fn objects_are_not_figures() {
    none("The strikes destroyed 300 houses and damaged 5 ambulances and 2 hospitals.");
    none("The army said it had shot down 38 drones.");
}

#[test]
fn vague_amounts_are_not_figures() {
    none("Dozens of people were killed and hundreds wounded.");
    none("A number of civilians were killed.");
    none("Tens of thousands of people have fled.");
}

#[test]
fn forecasts_are_not_figures() {
    none("The WHO warned that the death toll could reach 20,000.");
    none("Officials fear up to 1,000 people may have died.");
}

#[test]
fn rescued_and_affected_are_not_figures() {
    none("Rescuers pulled 11 people alive from the rubble and 38 were rescued.");
    none("The earthquake affected 3 million people.");
}

#[test]
fn negated_figures_are_not_figures() {
    none("No one was hurt in the attack.");
    none("The two soldiers were not injured.");
}

#[test]
fn a_headline_figure_repeated_in_the_body_is_one_figure() {
    let body = "Strike kills seven in port town\n\nA strike killed seven people in the port, officials said.";
    let found = all(body);
    assert_eq!(found.len(), 1);
    // The body's statement fills in what the headline left out.
    assert_eq!(found[0].victims.as_deref(), Some("people"));
}

#[test]
fn a_hostage_deal_is_not_a_hostage() {
    none("The minister said a hostage deal was close.");
}

// --- robustness and offsets ---

#[test]
fn offsets_are_char_offsets_inside_the_body() {
    let body = "Près de Beyrouth, l’armée a dit: «\u{a0}three people were killed\u{a0}» — “two were wounded”.";
    let found = all(body);
    assert_eq!(found.len(), 2);
    let chars: Vec<char> = body.chars().collect();
    for f in &found {
        assert!(f.span.start < f.span.end && f.span.end <= chars.len());
        let text: String = chars[f.span.start..f.span.end].iter().collect();
        assert!(text == "three" || text == "two", "{text}");
    }
}

#[test]
fn nothing_panics_on_adversarial_input() {
    let long_word = "x".repeat(1 << 20);
    let dashes = "1-".repeat(1 << 19);
    let inputs = [
        "99999999999999999999 killed and 18446744073709551616 wounded",
        ".,;:!?()\u{2014}\u{2013}\"'\u{201c}\u{201d}",
        "",
        " ",
        "a",
        "killed",
        "including",
        "among them a",
        "— 5 — 6 : 7",
        long_word.as_str(),
        dashes.as_str(),
    ];
    for input in inputs {
        for f in all(input) {
            assert!(f.span.end <= input.chars().count());
        }
    }
}

/// A token list emptied for the next sentence keeps its allocation.
#[test]
fn emptied_token_lists_keep_their_room() {
    let mut lowered = String::new();
    let toks = tokens::tokenize("Three people were killed, officials said.", &mut lowered);
    let room = toks.capacity();
    let spare: Vec<Token> = emptied(toks);
    assert!(spare.is_empty());
    assert_eq!(spare.capacity(), room);
}
