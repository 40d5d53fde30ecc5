//! Writes one article's facts. The caller owns the transaction, so a batch of
//! articles commits together and a killed import never leaves an article
//! without its facts.

use std::collections::HashMap;
use std::sync::OnceLock;

use anyhow::Context;
use rusqlite::{named_params, Connection, OptionalExtension};

use crate::extract::{Facts, Location};
use crate::ingest::InputError;

/// What happened to one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    New,
    Unchanged,
    Replaced,
}

/// Row counts written, per fact table.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FactCounts {
    pub actor_mentions: u64,
    pub statements: u64,
    pub casualty_figures: u64,
    pub location_mentions: u64,
}

impl std::ops::AddAssign for FactCounts {
    fn add_assign(&mut self, o: Self) {
        self.actor_mentions += o.actor_mentions;
        self.statements += o.statements;
        self.casualty_figures += o.casualty_figures;
        self.location_mentions += o.location_mentions;
    }
}

/// The writer's SQL, parsed once from `schema/writes.sql`.
fn sql(name: &str) -> &'static str {
    static STATEMENTS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    STATEMENTS.get_or_init(|| parse_named(include_str!("../../schema/writes.sql")))[name]
}

/// Splits a file of `-- name: X` sections into named statements.
fn parse_named(file: &'static str) -> HashMap<String, &'static str> {
    let mut out = HashMap::new();
    for section in file.split("-- name: ").skip(1) {
        let (name, body) = section.split_once('\n').unwrap_or((section, ""));
        out.insert(name.trim().to_string(), body.trim());
    }
    out
}

/// Stores articles and their facts.
pub struct Writer<'c> {
    conn: &'c Connection,
    replace: bool,
    run_id: i64,
}

impl<'c> Writer<'c> {
    pub fn new(conn: &'c Connection, run_id: i64, replace: bool) -> Self {
        Writer {
            conn,
            replace,
            run_id,
        }
    }

    /// Writes one article with all its facts, unless the same text is already
    /// stored (then nothing, or a fresh extraction with `replace`).
    pub fn write(&self, facts: &Facts) -> anyhow::Result<(Outcome, FactCounts)> {
        let a = &facts.article;
        let existing: Option<i64> = self
            .conn
            .prepare_cached(sql("find_article"))?
            .query_row(named_params! {":content_hash": a.content_hash}, |r| {
                r.get(0)
            })
            .optional()?;
        let outcome = match existing {
            Some(_) if !self.replace => return Ok((Outcome::Unchanged, FactCounts::default())),
            Some(id) => {
                self.conn
                    .prepare_cached(sql("delete_article"))?
                    .execute(named_params! {":id": id})?;
                Outcome::Replaced
            }
            None => Outcome::New,
        };
        let article_id = self
            .insert_article(facts)
            .with_context(|| format!("storing {}", a.source_path))?;
        let counts = self.insert_facts(article_id, facts)?;
        Ok((outcome, counts))
    }

    fn insert_article(&self, facts: &Facts) -> rusqlite::Result<i64> {
        let a = &facts.article;
        self.conn.prepare_cached(sql("insert_article"))?.execute(named_params! {
            ":source_path": a.source_path, ":record": a.record.map(|r| r as i64), ":external_id": a.external_id,
            ":url": a.url, ":outlet": a.outlet, ":title": a.title, ":published_on": a.published_on,
            ":body": a.body, ":content_hash": a.content_hash, ":run_id": self.run_id,
        })?;
        Ok(self.conn.last_insert_rowid())
    }

    fn insert_facts(&self, article_id: i64, facts: &Facts) -> rusqlite::Result<FactCounts> {
        let mut counts = FactCounts::default();
        let mut actor_ids = Vec::with_capacity(facts.actors.len());
        for actor in &facts.actors {
            let id: i64 = self.conn.prepare_cached(sql("upsert_actor"))?.query_row(
                named_params! {":name": actor.name, ":kind": actor.kind, ":title": actor.title, ":affiliation": actor.affiliation},
                |r| r.get(0),
            )?;
            for alias in &actor.aliases {
                self.conn
                    .prepare_cached(sql("insert_actor_alias"))?
                    .execute(named_params! {":actor_id": id, ":alias": alias})?;
            }
            for m in &actor.mentions {
                self.conn.prepare_cached(sql("insert_actor_mention"))?.execute(named_params! {
                    ":article_id": article_id, ":actor_id": id, ":start_char": m.span.start as i64,
                    ":end_char": m.span.end as i64, ":surface": m.text,
                })?;
                counts.actor_mentions += 1;
            }
            actor_ids.push(id);
        }
        let mut location_ids = Vec::with_capacity(facts.locations.len());
        for place in &facts.locations {
            let id = self.upsert_location(place)?;
            for m in &place.mentions {
                self.conn.prepare_cached(sql("insert_location_mention"))?.execute(named_params! {
                    ":article_id": article_id, ":location_id": id, ":start_char": m.span.start as i64,
                    ":end_char": m.span.end as i64, ":surface": m.text,
                })?;
                counts.location_mentions += 1;
            }
            location_ids.push(id);
        }
        for s in &facts.statements {
            self.conn.prepare_cached(sql("insert_statement"))?.execute(named_params! {
                ":article_id": article_id, ":speaker_id": s.speaker.map(|i| actor_ids[i]),
                ":speaker_text": s.speaker_text, ":kind": s.kind, ":cue": s.cue, ":text": s.text,
                ":start_char": s.span.start as i64, ":end_char": s.span.end as i64,
            })?;
            counts.statements += 1;
        }
        let mut figure_ids: Vec<i64> = Vec::with_capacity(facts.casualties.len());
        for f in &facts.casualties {
            // A figure only points back to one listed before it.
            let part_of = f.part_of.and_then(|i| figure_ids.get(i).copied());
            self.conn.prepare_cached(sql("insert_casualty_figure"))?.execute(named_params! {
                ":article_id": article_id, ":category": f.category, ":count": f.count,
                ":count_low": f.count_low, ":count_high": f.count_high, ":qualifier": f.qualifier,
                ":victims": f.victims, ":location_id": f.location.map(|i| location_ids[i]),
                ":period": f.period, ":source_id": f.source.map(|i| actor_ids[i]),
                ":part_of_id": part_of, ":start_char": f.span.start as i64, ":end_char": f.span.end as i64,
            })?;
            figure_ids.push(self.conn.last_insert_rowid());
            counts.casualty_figures += 1;
        }
        Ok(counts)
    }

    fn upsert_location(&self, place: &Location) -> rusqlite::Result<i64> {
        let key = match place.geonames_id {
            Some(id) => format!("geonames:{id}"),
            None => format!(
                "name:{}:{}:{}",
                place.name.to_lowercase(),
                place.kind,
                place.country_code.as_deref().unwrap_or("")
            ),
        };
        let id: i64 = self
            .conn
            .prepare_cached(sql("upsert_location"))?
            .query_row(
                named_params! {
                    ":name": place.name, ":kind": place.kind, ":country_code": place.country_code,
                    ":latitude": place.latitude, ":longitude": place.longitude,
                    ":geonames_id": place.geonames_id, ":place_key": key,
                },
                |r| r.get(0),
            )?;
        for alias in &place.aliases {
            self.conn
                .prepare_cached(sql("insert_location_alias"))?
                .execute(named_params! {":location_id": id, ":alias": alias})?;
        }
        Ok(id)
    }
}

/// Records the start of an import run and returns its id.
pub fn start_run(conn: &Connection, command: &str) -> rusqlite::Result<i64> {
    conn.prepare_cached(sql("start_run"))?
        .execute(named_params! {":started_at": now(), ":command": command})?;
    Ok(conn.last_insert_rowid())
}

/// Records how a run ended.
pub fn finish_run(
    conn: &Connection,
    run_id: i64,
    new: u64,
    unchanged: u64,
    failed: u64,
) -> rusqlite::Result<()> {
    conn.prepare_cached(sql("finish_run"))?
        .execute(named_params! {
            ":finished_at": now(), ":new": new as i64, ":unchanged": unchanged as i64,
            ":failed": failed as i64, ":id": run_id,
        })?;
    Ok(())
}

/// Keeps an input failure in the database.
pub fn record_error(conn: &Connection, run_id: i64, err: &InputError) -> rusqlite::Result<()> {
    conn.prepare_cached(sql("insert_import_error"))?.execute(named_params! {
        ":run_id": run_id, ":path": err.path, ":line": err.line.map(|l| l as i64), ":reason": err.reason,
    })?;
    Ok(())
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_statement_prepares_against_the_schema() {
        let conn = Connection::open_in_memory().unwrap();
        crate::db::migrations::migrate(&conn).unwrap();
        let all = parse_named(include_str!("../../schema/writes.sql"));
        assert!(all.len() >= 10);
        for (name, stmt) in all {
            conn.prepare(stmt).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}
