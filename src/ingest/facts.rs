//! `import --facts`: the JSONL facts that `newsfacts extract` writes, checked
//! before they reach the database.
//!
//! A facts file may come from another machine, another version or a hand
//! edit, so each record is checked for what the writer relies on: indices
//! point at existing actors, places and figures; spans lie inside the body;
//! a mention's text is the body's characters at its span; kinds, categories
//! and qualifiers are ones the schema accepts; the content hash matches the
//! body. A record that fails is one error naming its line and the first
//! problem, instead of a crash or an aborted import; the others still load.

use std::path::Path;

pub use super::lines::Line;
use super::lines::Lines;
use super::{check_text, decode_utf8, InputError};
use crate::extract::{metadata, Facts, Mention, Span};

/// Actor kinds the schema accepts (`actors.kind`).
pub const ACTOR_KINDS: &[&str] = &["person", "organization", "country"];
/// Location kinds the schema accepts (`locations.kind`).
pub const LOCATION_KINDS: &[&str] = &["country", "admin", "region", "city", "site"];
/// Statement kinds the schema accepts (`statements.kind`).
pub const STATEMENT_KINDS: &[&str] = &["direct", "reported"];
/// Casualty categories the schema accepts (`casualty_figures.category`).
pub const CATEGORIES: &[&str] = &[
    "killed",
    "injured",
    "missing",
    "displaced",
    "detained",
    "hostage",
];
/// Count qualifiers the schema accepts (`casualty_figures.qualifier`).
pub const QUALIFIERS: &[&str] = &[
    "exact",
    "approx",
    "at_least",
    "more_than",
    "nearly",
    "up_to",
];

/// One facts record, or why it cannot be loaded.
pub type FactsRecord = Result<Facts, InputError>;

/// Reads a facts file (`-` for standard input), one checked record per line.
pub fn read(path: &Path) -> Box<dyn Iterator<Item = FactsRecord> + Send> {
    let shown = display_name(path);
    Box::new(lines(path).map(move |line| parse(&shown, line)))
}

/// The raw lines of a facts file, for a caller that parses them in parallel
/// with [`parse`].
pub fn lines(path: &Path) -> Box<dyn Iterator<Item = Line> + Send> {
    if path.as_os_str() == "-" {
        Box::new(Lines::new(
            "<stdin>".to_string(),
            Box::new(std::io::stdin()),
        ))
    } else {
        Lines::open(path)
    }
}

/// How a facts file is named in errors.
pub fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Parses and checks one line of a facts file.
pub fn parse(path: &str, line: Line) -> FactsRecord {
    let (line, bytes) = line?;
    let text = decode_utf8(path, Some(line), bytes)?;
    let facts: Facts = serde_json::from_str(&text)
        .map_err(|err| InputError::new(path, Some(line), format!("not a facts record: {err}")))?;
    check_text(path, Some(line), &facts.article.body)?;
    validate(&facts).map_err(|reason| {
        InputError::new(path, Some(line), format!("bad facts record: {reason}"))
    })?;
    Ok(facts)
}

/// Checks that a facts record can be stored as it is: every index, span,
/// mention text and enumerated value. Returns the first problem found.
pub fn validate(facts: &Facts) -> Result<(), String> {
    let body = Body::new(&facts.article.body);
    if facts.article.content_hash != metadata::content_hash(&facts.article.body) {
        return Err("content_hash does not match the body".into());
    }
    check_vocabulary(facts)?;
    for (i, actor) in facts.actors.iter().enumerate() {
        check_mentions(
            &body,
            &format!("actor {i} ({:?})", actor.name),
            &actor.mentions,
        )?;
    }
    for (i, place) in facts.locations.iter().enumerate() {
        check_mentions(
            &body,
            &format!("location {i} ({:?})", place.name),
            &place.mentions,
        )?;
    }
    let actors = facts.actors.len();
    let places = facts.locations.len();
    for (i, s) in facts.statements.iter().enumerate() {
        let what = format!("statement {i}");
        index(&what, "speaker", s.speaker, actors)?;
        body.slice(s.span).map_err(|e| format!("{what}: {e}"))?;
    }
    for (i, f) in facts.casualties.iter().enumerate() {
        let what = format!("casualty figure {i}");
        index(&what, "location", f.location, places)?;
        index(&what, "source", f.source, actors)?;
        index(&what, "part_of", f.part_of, facts.casualties.len())?;
        body.slice(f.span).map_err(|e| format!("{what}: {e}"))?;
    }
    Ok(())
}

/// Checks every kind, category and qualifier against the values the
/// schema's CHECK constraints accept. The import writer runs this on every
/// article (it costs nanoseconds) instead of letting SQLite evaluate those
/// constraints row by row.
pub fn check_vocabulary(facts: &Facts) -> Result<(), String> {
    for (i, actor) in facts.actors.iter().enumerate() {
        let what = || format!("actor {i} ({:?})", actor.name);
        one_of(what, "kind", &actor.kind, ACTOR_KINDS)?;
    }
    for (i, place) in facts.locations.iter().enumerate() {
        let what = || format!("location {i} ({:?})", place.name);
        one_of(what, "kind", &place.kind, LOCATION_KINDS)?;
    }
    for (i, s) in facts.statements.iter().enumerate() {
        one_of(
            || format!("statement {i}"),
            "kind",
            &s.kind,
            STATEMENT_KINDS,
        )?;
    }
    for (i, f) in facts.casualties.iter().enumerate() {
        let what = || format!("casualty figure {i}");
        one_of(what, "category", &f.category, CATEGORIES)?;
        one_of(what, "qualifier", &f.qualifier, QUALIFIERS)?;
    }
    Ok(())
}

/// An article body with its character boundaries, to check spans.
struct Body<'a> {
    text: &'a str,
    /// Byte offset of each character, then the body's length.
    starts: Vec<usize>,
}

impl<'a> Body<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Body { text, starts }
    }

    /// The characters a span covers, if it lies inside the body.
    fn slice(&self, span: Span) -> Result<&'a str, String> {
        let chars = self.starts.len() - 1;
        if span.start > span.end || span.end > chars {
            return Err(format!(
                "span {}..{} is outside the body ({chars} characters)",
                span.start, span.end
            ));
        }
        Ok(&self.text[self.starts[span.start]..self.starts[span.end]])
    }
}

fn check_mentions(body: &Body, what: &str, mentions: &[Mention]) -> Result<(), String> {
    for m in mentions {
        let found = body.slice(m.span).map_err(|e| format!("{what}: {e}"))?;
        if found != m.text {
            return Err(format!(
                "{what}: mention {:?} at {}..{} but the body has {found:?} there",
                m.text, m.span.start, m.span.end
            ));
        }
    }
    Ok(())
}

/// `what` names the fact, built only when the value is refused.
fn one_of(
    what: impl Fn() -> String,
    field: &str,
    value: &str,
    allowed: &[&str],
) -> Result<(), String> {
    if allowed.contains(&value) {
        return Ok(());
    }
    Err(format!(
        "{}: {field} {value:?} is not one of {}",
        what(),
        allowed.join(", ")
    ))
}

fn index(what: &str, field: &str, value: Option<usize>, len: usize) -> Result<(), String> {
    match value {
        Some(i) if i >= len => Err(format!(
            "{what}: {field} {i} points past the end of the list ({len} entries)"
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::writer::Writer;
    use crate::ingest::Document;

    const TEXT: &str = "Health Minister Lena Varga said 14 people were killed in Tartus.";

    fn facts() -> Facts {
        crate::extract::extract(&Document {
            source_path: "t.txt".into(),
            text: TEXT.into(),
            ..Document::default()
        })
    }

    #[test]
    fn extracted_facts_pass() {
        let f = facts();
        assert!(!f.actors.is_empty() && !f.casualties.is_empty(), "{f:?}");
        assert_eq!(validate(&f), Ok(()));
    }

    #[test]
    fn a_dangling_speaker_is_named() {
        let mut f = facts();
        f.statements[0].speaker = Some(99);
        let err = validate(&f).unwrap_err();
        assert!(
            err.contains("statement 0: speaker 99 points past the end"),
            "{err}"
        );
    }

    #[test]
    fn a_span_past_the_body_is_named() {
        let mut f = facts();
        f.casualties[0].span = Span {
            start: 3,
            end: 10_000,
        };
        let err = validate(&f).unwrap_err();
        assert!(err.contains("outside the body (64 characters)"), "{err}");
    }

    #[test]
    fn a_mention_that_is_not_the_body_text_is_named() {
        let mut f = facts();
        f.actors[0].mentions[0].text = "Someone Else".into();
        let err = validate(&f).unwrap_err();
        assert!(err.contains("but the body has"), "{err}");
    }

    #[test]
    fn an_unknown_category_is_named() {
        let mut f = facts();
        f.casualties[0].category = "bored".into();
        let err = validate(&f).unwrap_err();
        assert!(
            err.contains("category \"bored\" is not one of killed"),
            "{err}"
        );
    }

    /// The lists above must stay within the schema's CHECK constraints: a
    /// record using any listed value is stored without error.
    #[test]
    fn every_listed_value_is_accepted_by_the_schema() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::db::migrations::migrate(&conn).unwrap();
        let run = crate::db::writer::start_run(&conn, "test").unwrap();
        let mut writer = Writer::new(&conn, run, true);
        let base = facts();
        let longest = [
            ACTOR_KINDS,
            LOCATION_KINDS,
            STATEMENT_KINDS,
            CATEGORIES,
            QUALIFIERS,
        ]
        .iter()
        .map(|l| l.len())
        .max()
        .unwrap();
        for i in 0..longest {
            let pick = |list: &[&str]| list[i % list.len()].to_string();
            let mut f = base.clone();
            f.actors[0].kind = pick(ACTOR_KINDS);
            f.statements[0].kind = pick(STATEMENT_KINDS);
            f.casualties[0].category = pick(CATEGORIES);
            f.casualties[0].qualifier = pick(QUALIFIERS);
            if let Some(place) = f.locations.first_mut() {
                place.kind = pick(LOCATION_KINDS);
            }
            assert_eq!(validate(&f), Ok(()));
            writer.write_batch(&[Ok(f)]).unwrap();
        }
        writer.finish().unwrap();
    }
}
