//! Extraction: a pure function from one article to its facts.
//!
//! [`extract`] takes a [`Document`] and returns [`Facts`]; it touches no
//! database and no global state beyond read-only lexicons, so it runs in
//! parallel, in tests, and as a map step (`newsfacts extract`) under any
//! engine. Each fact kind has its own module; `text` holds the shared view of
//! the body (sentences, character offsets) and `numbers` parses counts.
//!
//! Offsets in the output are *character* offsets into `Article::body`, so
//! `substr(body, start_char + 1, end_char - start_char)` in SQL returns the span.
//! Inside the extractors, work is done on byte ranges and converted once.

pub mod actors;
pub mod calendar;
pub mod casualties;
pub mod gazetteer;
pub mod locations;
pub mod metadata;
pub mod numbers;
pub mod statements;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::ingest::Document;
use text::Text;

/// Everything extracted from one article; the unit the writer stores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub article: Article,
    pub actors: Vec<Actor>,
    pub locations: Vec<Location>,
    pub statements: Vec<Statement>,
    pub casualties: Vec<CasualtyFigure>,
}

/// Article metadata and the normalised body all offsets point into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub source_path: String,
    /// Line (JSONL) or row (CSV) number within `source_path`, 1-based.
    pub record: Option<u64>,
    pub external_id: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published_on: Option<String>,
    pub body: String,
    /// SHA-256 of the whitespace-normalised body: the identity used for re-import.
    pub content_hash: String,
}

/// A span of the body, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One occurrence of a name in the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
}

/// A person, organization or country named in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name: the fullest form, in common English spelling.
    pub name: String,
    /// `person`, `organization` or `country`.
    pub kind: String,
    pub title: Option<String>,
    /// Country ISO code or organization, when the text states it.
    pub affiliation: Option<String>,
    /// Other surface forms used in this article.
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// A named place, geocoded when the gazetteer knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    /// `country`, `admin`, `region`, `city` or `site`.
    pub kind: String,
    pub country_code: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geonames_id: Option<i64>,
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// Something a speaker said, directly or reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// `direct` or `reported`.
    pub kind: String,
    /// The speech verb or phrase as written; None for a quote standing alone.
    pub cue: Option<String>,
    pub text: String,
    /// Index into `Facts::actors`.
    pub speaker: Option<usize>,
    /// The speaker as written ("a source close to Hezbollah").
    pub speaker_text: Option<String>,
    pub span: Span,
}

/// A number of people killed, injured, missing, displaced, detained or held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CasualtyFigure {
    pub category: String,
    /// The number as stated (the lower end of a range).
    pub count: i64,
    pub count_low: Option<i64>,
    pub count_high: Option<i64>,
    /// `exact`, `approx`, `at_least`, `more_than`, `nearly` or `up_to`.
    pub qualifier: String,
    pub victims: Option<String>,
    /// Index into `Facts::locations`.
    pub location: Option<usize>,
    pub period: Option<String>,
    /// Index into `Facts::actors`: who gave the figure.
    pub source: Option<usize>,
    /// Index into `Facts::casualties`: the larger figure this one is part of.
    pub part_of: Option<usize>,
    pub span: Span,
}

/// Extracts all facts from one document. Pure: same input, same output.
pub fn extract(doc: &Document) -> Facts {
    let article = metadata::article(doc);
    let text = Text::new(&article.body);
    let mut actors = actors::extract(&text);
    let locations = locations::extract(&text, &actors);
    let statements = statements::extract(&text, &mut actors, &locations);
    let casualties = casualties::extract(&text, &actors, &locations);
    Facts {
        article,
        actors,
        locations,
        statements,
        casualties,
    }
}
