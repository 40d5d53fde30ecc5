//! Locations: named places, geocoded with the GeoNames gazetteer.
//!
//! Candidates are runs of capitalised words; the longest run the gazetteer
//! knows wins. A place inside an organization's name does not count on its
//! own ("Khyber Pakhtunkhwa Police"). Ambiguous names are resolved from the
//! countries the article names, then by population.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{self, Gazetteer};
use super::text::{word_start, Text};
use super::{Actor, Location};

/// The longest place name tried, in words.
const MAX_WORDS: usize = 5;

/// A place name found in the text.
struct Hit {
    range: Range<usize>,
    key: String,
}

/// Finds and geocodes the places named in an article.
pub fn extract(text: &Text, actors: &[Actor]) -> Vec<Location> {
    let gaz = Gazetteer::get();
    let blocked: Vec<Range<usize>> = actors
        .iter()
        .filter(|a| a.kind == "organization")
        .flat_map(|a| a.mentions.iter().map(|m| text.byte_range(m.span)))
        .collect();
    let hits = find_names(text, gaz, &blocked);
    // Countries named in the article are the context for the other names.
    let context: Vec<String> = hits
        .iter()
        .filter_map(|h| gaz.best(&h.key, &[]))
        .map(|id| gaz.place(id))
        .filter(|p| p.kind == gazetteer::PlaceKind::Country)
        .filter_map(|p| p.country_code.clone())
        .collect();
    let context: Vec<&str> = context.iter().map(String::as_str).collect();
    let mut by_place: HashMap<gazetteer::PlaceId, usize> = HashMap::new();
    let mut out: Vec<Location> = Vec::new();
    for hit in hits {
        let Some(id) = gaz.best(&hit.key, &context) else {
            continue;
        };
        let place = gaz.place(id);
        let surface = &text.body[hit.range.clone()];
        let i = *by_place.entry(id).or_insert_with(|| {
            out.push(Location {
                name: place.name.clone(),
                kind: place.kind.as_str().to_string(),
                country_code: place.country_code.clone(),
                latitude: place.latitude,
                longitude: place.longitude,
                geonames_id: place.geonames_id,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            out.len() - 1
        });
        let loc = &mut out[i];
        if surface != loc.name && !loc.aliases.iter().any(|a| a == surface) {
            loc.aliases.push(surface.to_string());
        }
        loc.mentions.push(text.mention(hit.range));
    }
    out
}

/// Runs of capitalised words the gazetteer knows, longest first, left to right.
fn find_names(text: &Text, gaz: &Gazetteer, blocked: &[Range<usize>]) -> Vec<Hit> {
    let body = text.body;
    let words = capitalised_words(body);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut matched = None;
        for n in (1..=MAX_WORDS.min(words.len() - i)).rev() {
            let run = &words[i..i + n];
            // Words of one name are separated by single spaces or hyphens only.
            if run
                .windows(2)
                .any(|w| !matches!(&body[w[0].end..w[1].start], " " | "-"))
            {
                continue;
            }
            let range = run[0].start..run[n - 1].end;
            let key = gazetteer::fold_key(&body[range.clone()]);
            if !gaz.lookup(&key).is_empty() {
                matched = Some((n, Hit { range, key }));
                break;
            }
        }
        match matched {
            Some((n, hit)) => {
                if !blocked
                    .iter()
                    .any(|b| b.start <= hit.range.start && hit.range.end <= b.end)
                {
                    hits.push(hit);
                }
                i += n;
            }
            None => i += 1,
        }
    }
    hits
}

/// Byte ranges of words that start with a capital letter (or are "of"/"al"
/// joiners inside names such as "Gulf of Aden").
fn capitalised_words(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), ' ')))
    {
        let part_of_word = c.is_alphanumeric() || c == '\'' || c == '’' || c == '.';
        match (start, part_of_word) {
            (None, true) if word_start(body, i) => start = Some(i),
            (Some(s), false) => {
                let mut e = i;
                // Keep "U.S." but not a sentence's final stop.
                while e > s
                    && body[..e].ends_with('.')
                    && !body[s..e].trim_end_matches('.').contains('.')
                {
                    e -= 1;
                }
                // "Israel's" names Israel.
                for suffix in ["'s", "’s", "'", "’"] {
                    if body[s..e].ends_with(suffix) {
                        e -= suffix.len();
                        break;
                    }
                }
                let w = &body[s..e];
                let first = w.chars().next().unwrap_or(' ');
                if first.is_uppercase() || matches!(w, "of" | "al" | "el" | "de") {
                    out.push(s..e);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}
