//! Casualty figures: numbers of people killed, injured, missing, displaced,
//! detained or held hostage, with qualifier, bounds and victims.
//!
//! First pass, sentence by sentence: a number becomes a figure when a
//! casualty word governs it in the same clause, either after it ("12 people
//! were killed", "three dead") or before it ("killing 12", "death toll rose
//! to 34,000"). The qualifier comes from the words just before the number.

use std::ops::Range;

use super::numbers::{self, Number};
use super::text::Text;
use super::{Actor, CasualtyFigure, Location};

/// Casualty words and their category. Matched as word prefixes, lower case.
const CATEGORY_WORDS: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("killing", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("deaths", "killed"),
    ("death toll", "killed"),
    ("martyred", "killed"),
    ("martyrs", "killed"),
    ("lost their lives", "killed"),
    ("fatalities", "killed"),
    ("bodies", "killed"),
    ("wounded", "injured"),
    ("wounding", "injured"),
    ("injured", "injured"),
    ("injuring", "injured"),
    ("injuries", "injured"),
    ("hurt", "injured"),
    ("missing", "missing"),
    ("displaced", "displaced"),
    ("fled", "displaced"),
    ("took refuge", "displaced"),
    ("homeless", "displaced"),
    ("displacing", "displaced"),
    ("detained", "detained"),
    ("arrested", "detained"),
    ("captured", "detained"),
    ("hostages", "hostage"),
    ("hostage", "hostage"),
    ("abducted", "hostage"),
    ("held captive", "hostage"),
    ("kidnapped", "hostage"),
];

/// Qualifier phrases that stand just before a number.
const QUALIFIERS: &[(&str, &str)] = &[
    ("at least", "at_least"),
    ("more than", "more_than"),
    ("over", "more_than"),
    ("above", "more_than"),
    ("exceeded", "more_than"),
    ("surpassed", "more_than"),
    ("tops", "more_than"),
    ("topped", "more_than"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("up to", "up_to"),
    ("as many as", "up_to"),
    ("about", "approx"),
    ("around", "approx"),
    ("roughly", "approx"),
    ("some", "approx"),
    ("an estimated", "approx"),
    ("approximately", "approx"),
    ("estimated", "approx"),
];

/// Words after a number that show it is not a count of people.
const NOT_PEOPLE: &[&str] = &[
    "percent",
    "per",
    "%",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "years",
    "year",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "weeks",
    "months",
    "am",
    "pm",
    "a.m",
    "p.m",
    "times",
    "rockets",
    "missiles",
    "drones",
    "projectiles",
    "houses",
    "homes",
    "buildings",
    "ambulances",
    "hospitals",
    "vehicles",
    "tons",
    "tonnes",
    "dollars",
    "million",
    "billion",
];

/// Finds the casualty figures in an article.
pub fn extract(text: &Text, actors: &[Actor], locations: &[Location]) -> Vec<CasualtyFigure> {
    let _ = actors;
    let mut figures: Vec<CasualtyFigure> = Vec::new();
    for sentence in &text.sentences {
        let s = &text.body[sentence.clone()];
        for n in numbers::find_all(s) {
            let Some(category) = category_for(s, &n) else {
                continue;
            };
            let qualifier = qualifier_before(s, n.range.start).unwrap_or(if n.plus {
                "more_than"
            } else {
                "exact"
            });
            let (low, high) = bounds(n.value, qualifier);
            let abs = sentence.start + n.range.start..sentence.start + n.range.end;
            let figure = CasualtyFigure {
                category: category.to_string(),
                count: n.value,
                count_low: low,
                count_high: high,
                qualifier: qualifier.to_string(),
                victims: victims_after(s, &n),
                location: location_in(text, sentence, locations),
                period: None,
                source: None,
                part_of: None,
                span: text.span(&abs),
            };
            // The same figure repeated (headline and body) is one figure.
            if !figures
                .iter()
                .any(|f| f.category == figure.category && f.count == figure.count)
            {
                figures.push(figure);
            }
        }
    }
    figures
}

/// The category of the casualty word governing `n`, if any.
fn category_for(s: &str, n: &Number) -> Option<&'static str> {
    let after = &s[n.range.end..];
    let next_word = numbers::word_at(after.trim_start()).to_ascii_lowercase();
    if NOT_PEOPLE.contains(&next_word.as_str())
        || after.starts_with('%')
        || after.starts_with("-year")
    {
        return None;
    }
    // A number word "a"/"an" must be followed closely by its casualty noun.
    let window = if n.article { 4 } else { 6 };
    if let Some(cat) = category_in(&clause_words(after, window)) {
        return Some(cat);
    }
    if n.article {
        return None;
    }
    // "killing 12", "death toll rose to 34,000", "wounded at least 20".
    let before = &s[..n.range.start];
    let words: Vec<&str> = before.split_whitespace().rev().take(6).collect();
    let joined = words
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let tail = joined.rsplit([',', ';', ':']).next().unwrap_or("");
    category_in(tail)
}

/// The first `max` words of the clause starting at `s`.
fn clause_words(s: &str, max: usize) -> String {
    let clause = s
        .split([',', ';', ':', '.', '(', '\u{2014}'])
        .next()
        .unwrap_or("");
    clause
        .split_whitespace()
        .take(max)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn category_in(words: &str) -> Option<&'static str> {
    CATEGORY_WORDS
        .iter()
        .filter_map(|(w, cat)| find_word(words, w).map(|pos| (pos, *cat)))
        .min_by_key(|(pos, _)| *pos)
        .map(|(_, cat)| cat)
}

/// Byte position of `needle` as whole words in `hay`.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    hay.match_indices(needle)
        .map(|(i, _)| i)
        .find(|&i| super::text::word_start(hay, i) && super::text::word_end(hay, i + needle.len()))
}

/// The qualifier phrase ending just before byte `at`.
fn qualifier_before(s: &str, at: usize) -> Option<&'static str> {
    let before = s[..at].trim_end().to_lowercase();
    QUALIFIERS
        .iter()
        .find(|(phrase, _)| {
            before.ends_with(phrase)
                && super::text::word_start(&before, before.len() - phrase.len())
        })
        .map(|(_, q)| *q)
}

/// count_low and count_high from the qualifier.
pub fn bounds(count: i64, qualifier: &str) -> (Option<i64>, Option<i64>) {
    match qualifier {
        "exact" => (Some(count), Some(count)),
        "at_least" => (Some(count), None),
        "more_than" => (Some(count + 1), None),
        "nearly" => (None, Some(count)),
        "up_to" => (None, Some(count)),
        _ => (None, None),
    }
}

/// The noun phrase right after the number ("Palestinians", "people").
fn victims_after(s: &str, n: &Number) -> Option<String> {
    let after = s[n.range.end..].trim_start();
    let mut words = Vec::new();
    for w in after.split_whitespace().take(3) {
        let clean = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let lower = clean.to_lowercase();
        if clean.is_empty()
            || CATEGORY_WORDS.iter().any(|(cw, _)| *cw == lower)
            || [
                "were", "was", "have", "had", "are", "in", "and", "of", "on", "from", "who",
            ]
            .contains(&lower.as_str())
        {
            break;
        }
        words.push(clean.to_string());
        if w.ends_with([',', '.', ';']) {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The first non-country place named in the sentence.
fn location_in(text: &Text, sentence: &Range<usize>, locations: &[Location]) -> Option<usize> {
    let span = text.span(sentence);
    locations.iter().position(|l| {
        l.kind != "country"
            && l.mentions
                .iter()
                .any(|m| m.span.start >= span.start && m.span.end <= span.end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(body: &str) -> Vec<(String, i64, String)> {
        let text = Text::new(body);
        extract(&text, &[], &[])
            .into_iter()
            .map(|f| (f.category, f.count, f.qualifier))
            .collect()
    }

    #[test]
    fn number_before_casualty_word() {
        assert_eq!(
            figures("At least 12 people were killed in the raid."),
            vec![("killed".into(), 12, "at_least".into())]
        );
    }

    #[test]
    fn casualty_verb_before_number() {
        assert_eq!(
            figures("The blast tore through the market, wounding 30."),
            vec![("injured".into(), 30, "exact".into())]
        );
    }

    #[test]
    fn distances_and_percentages_are_not_figures() {
        assert!(
            figures("The town lies 10 km from the border where 40% were displaced.").is_empty()
        );
    }
}
