//! Writes batches of extracted articles in transactions of whole batches, so
//! a killed import never leaves an article without its facts.
//!
//! The design is for bulk loads on one writer thread:
//! - every statement is prepared once per batch (named SQL in `schema/writes.sql`),
//!   the many-row inserts once per writer (see [`ManyRowInserts`]), and a
//!   transaction spans several batches ([`COMMIT_EVERY`]);
//! - no statement run per batch opens a savepoint, so the full-text index
//!   gets one segment per transaction rather than one per batch (see
//!   `schema/writes.sql` and [`store_articles`]);
//! - actors and places already stored are remembered (a bounded cache), so a
//!   name seen again costs a hash lookup instead of a query;
//! - mentions, statements and casualty figures, the many rows of a batch,
//!   go in after its articles, many rows per SQL statement (see [`BatchRows`]);
//! - the running totals are summed while the facts are inserted and added in
//!   one upsert per key per batch (see [`BatchTotals`]).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use anyhow::Context;
use rusqlite::{
    named_params, params, CachedStatement, Connection, OptionalExtension, PrepFlags, Transaction,
};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::{Actor, Article, CasualtyFigure, Facts, Location, Mention, Statement};
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

/// What one batch did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchCounts {
    pub new: u64,
    pub unchanged: u64,
    pub replaced: u64,
    pub failed: u64,
    /// Bytes of article text stored (new and replaced).
    pub bytes: u64,
    pub facts: FactCounts,
}

impl BatchCounts {
    fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::New => self.new += 1,
            Outcome::Replaced => self.replaced += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
    }
}

/// The writer's SQL, parsed once from `schema/writes.sql`.
pub(super) fn sql(name: &str) -> &'static str {
    static STATEMENTS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    STATEMENTS.get_or_init(|| parse_named(include_str!("../../schema/writes.sql")))[name]
}

/// Splits a file of `-- name: X` sections into named statements.
fn parse_named(file: &'static str) -> HashMap<String, &'static str> {
    let mut out = HashMap::new();
    for section in file.split("\n-- name: ").skip(1) {
        let (name, body) = section.split_once('\n').unwrap_or((section, ""));
        out.insert(name.trim().to_string(), body.trim());
    }
    out
}

/// Entries each id cache holds before it starts over: enough for the names
/// that recur across a corpus, small enough that memory stays flat.
const CACHE_LIMIT: usize = 25_000;

/// An actor row as stored: id, title, affiliation.
type StoredActor = (i64, Option<String>, Option<String>);

/// Ids of rows already stored, so repeated names skip their queries. Keyed
/// so that a lookup borrows the article's strings: a hit copies nothing.
/// Hashed by Fx: the keys are the writer's own, and SipHash's resistance to
/// chosen keys was a percent of the writer's time.
#[derive(Default)]
struct IdCache {
    /// kind -> name -> the stored row.
    actors: FxHashMap<String, FxHashMap<String, StoredActor>>,
    /// place_key -> id.
    places: FxHashMap<String, i64>,
    /// actor id -> aliases stored.
    actor_aliases: FxHashMap<i64, FxHashSet<String>>,
    /// location id -> aliases stored.
    place_aliases: FxHashMap<i64, FxHashSet<String>>,
}

impl IdCache {
    /// Starts over when any map is full; correctness never depends on a hit.
    fn bound(&mut self) {
        let full = [
            self.actors.values().map(FxHashMap::len).sum(),
            self.places.len(),
            self.actor_aliases.values().map(FxHashSet::len).sum(),
            self.place_aliases.values().map(FxHashSet::len).sum(),
        ]
        .into_iter()
        .any(|n| n >= CACHE_LIMIT);
        if full {
            *self = IdCache::default();
        }
    }

    fn actor(&self, kind: &str, name: &str) -> Option<&StoredActor> {
        self.actors.get(kind)?.get(name)
    }

    fn remember_actor(&mut self, actor: &Actor, stored: StoredActor) {
        let names = self.actors.entry(actor.kind.clone()).or_default();
        names.insert(actor.name.clone(), stored);
    }
}

/// Whether `alias` of row `id` is new to `seen` (and now remembered).
fn first_sighting(seen: &mut FxHashMap<i64, FxHashSet<String>>, id: i64, alias: &str) -> bool {
    let aliases = seen.entry(id).or_default();
    !aliases.contains(alias) && aliases.insert(alias.to_owned())
}

/// Articles written before a commit. Transactions span several batches
/// because random-order index inserts (facts by actor, speaker, place,
/// category) dirty a page each: the larger the transaction, the more inserts
/// share a page write. A killed import loses at most this many articles,
/// never half of one.
pub const COMMIT_EVERY: usize = 4096;

/// The longest a transaction stays open: readers see progress and another
/// import waiting for the lock gets a turn at least this often.
pub const COMMIT_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// Stores batches of articles and their facts for one import run, in
/// transactions of whole batches.
pub struct Writer<'c> {
    conn: &'c Connection,
    open: Option<OpenTransaction<'c>>,
    run_id: i64,
    replace: bool,
    cache: IdCache,
    /// `PRAGMA data_version` when the cache was last known to be current.
    cache_version: Option<i64>,
    /// Whether CHECK constraints are off on the connection (see `begin`).
    checks_off: bool,
    many: ManyRowInserts<'c>,
}

/// The transaction in progress.
struct OpenTransaction<'c> {
    tx: Transaction<'c>,
    /// Whether the writer indexes article text itself in this transaction,
    /// the insert trigger dropped until the commit (see [`take_over_text_index`]).
    indexes_text: bool,
    /// Content hashes stored in this transaction.
    stored: FxHashSet<String>,
    /// Input items written in this transaction.
    items: usize,
    opened: std::time::Instant,
}

/// The statements a batch uses, prepared once per batch.
struct Prepared<'c> {
    find_article: CachedStatement<'c>,
    find_actor: CachedStatement<'c>,
    insert_actor: CachedStatement<'c>,
    restate_actor: CachedStatement<'c>,
    insert_actor_alias: CachedStatement<'c>,
    find_location: CachedStatement<'c>,
    insert_location: CachedStatement<'c>,
    insert_location_alias: CachedStatement<'c>,
}

impl<'c> Prepared<'c> {
    fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        conn.set_prepared_statement_cache_capacity(32);
        Ok(Prepared {
            find_article: conn.prepare_cached(sql("find_article"))?,
            find_actor: conn.prepare_cached(sql("find_actor"))?,
            insert_actor: conn.prepare_cached(sql("insert_actor"))?,
            restate_actor: prepare_in_order(conn, "restate_actor", RESTATE_ACTOR)?,
            insert_actor_alias: conn.prepare_cached(sql("insert_actor_alias"))?,
            find_location: conn.prepare_cached(sql("find_location"))?,
            insert_location: conn.prepare_cached(sql("insert_location"))?,
            insert_location_alias: conn.prepare_cached(sql("insert_location_alias"))?,
        })
    }
}

// The statements run once per article or fact bind their values by position,
// in the order of these names (SQLite numbers named parameters by first
// appearance): looking each name up per row was a tenth of the writer's work.
// `prepare_in_order` checks the SQL against them at every prepare.
const ARTICLE: &[&str] = &[
    ":source_path",
    ":record",
    ":external_id",
    ":url",
    ":outlet",
    ":title",
    ":published_on",
    ":body",
    ":content_hash",
    ":run_id",
];
const ACTOR_MENTION: &[&str] = &[
    ":article_id",
    ":actor_id",
    ":start_char",
    ":end_char",
    ":surface",
];
/// About four actors per article state a new title or affiliation.
const RESTATE_ACTOR: &[&str] = &[":title", ":affiliation", ":id"];
const LOCATION_MENTION: &[&str] = &[
    ":article_id",
    ":location_id",
    ":start_char",
    ":end_char",
    ":surface",
];

const STATEMENT: &[&str] = &[
    ":article_id",
    ":speaker_id",
    ":speaker_text",
    ":kind",
    ":cue",
    ":text",
    ":start_char",
    ":end_char",
];
const CASUALTY_FIGURE: &[&str] = &[
    ":article_id",
    ":category",
    ":count",
    ":count_low",
    ":count_high",
    ":qualifier",
    ":victims",
    ":location_id",
    ":period",
    ":source_id",
    ":part_of_id",
    ":start_char",
    ":end_char",
    ":published_on",
];

/// Mentions or statements inserted by one SQL statement: executing one
/// costs several times the row it inserts (cursors opened, reset).
const ROWS_PER_INSERT: usize = 32;

/// The most articles one statement inserts: [`ARTICLE`]'s parameters for
/// each stay well under SQLite's 32,766, and a batch (256 in an import) is
/// one statement.
const ARTICLES_PER_INSERT: usize = 1024;

/// Prepares statement `name`, refusing it unless its parameters are exactly
/// `names` in order, so values bound by position land where the names say.
fn prepare_in_order<'c>(
    conn: &'c Connection,
    name: &str,
    names: &[&str],
) -> rusqlite::Result<CachedStatement<'c>> {
    let stmt = conn.prepare_cached(sql(name))?;
    let found: Vec<&str> = (1..=stmt.parameter_count())
        .map(|i| stmt.parameter_name(i).unwrap_or("?"))
        .collect();
    if found != names {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "statement {name} in schema/writes.sql takes {found:?}; the writer binds {names:?}"
        )));
    }
    Ok(stmt)
}

impl<'c> Writer<'c> {
    /// A writer for run `run_id`; with `replace`, articles already stored by
    /// an earlier run are extracted afresh instead of skipped. Call
    /// [`Writer::finish`] to commit the last batches; dropping the writer
    /// without it rolls them back.
    pub fn new(conn: &'c Connection, run_id: i64, replace: bool) -> Self {
        Writer {
            conn,
            open: None,
            run_id,
            replace,
            cache: IdCache::default(),
            cache_version: None,
            checks_off: false,
            many: ManyRowInserts::new(conn),
        }
    }

    /// Writes a batch inside the current transaction: each article with all
    /// its facts (or nothing when the same text is already stored), and each
    /// input failure into `import_errors`. Commits once enough is written.
    pub fn write_batch(
        &mut self,
        batch: &[Result<Facts, InputError>],
    ) -> anyhow::Result<BatchCounts> {
        let mut open = match self.open.take() {
            Some(open) => open,
            None => self.begin()?,
        };
        let counts = self.write_in(&mut open, batch)?;
        open.items += batch.len();
        if open.items >= COMMIT_EVERY || open.opened.elapsed() >= COMMIT_AFTER {
            commit(open)?;
        } else {
            self.open = Some(open);
        }
        Ok(counts)
    }

    /// Commits what is written so far; the next batch opens a new transaction.
    /// Called when the input runs dry, so a slow stream is visible to readers.
    pub fn commit(&mut self) -> anyhow::Result<()> {
        match self.open.take() {
            Some(open) => commit(open),
            None => Ok(()),
        }
    }

    /// Commits what is written so far.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.commit()
    }

    fn begin(&mut self) -> anyhow::Result<OpenTransaction<'c>> {
        self.cache.bound();
        // SQLite evaluates a CHECK (x IN (...)) by building a temporary table
        // per executed INSERT: about a tenth of the writer's work. The writer
        // checks the same vocabularies itself (see `admit`), so it skips them.
        // Once per writer: setting the pragma expires every prepared
        // statement, and each is compiled again at its next use.
        if !self.checks_off {
            self.conn
                .pragma_update(None, "ignore_check_constraints", true)?;
            self.checks_off = true;
        }
        let tx = super::begin_write(self.conn)?;
        self.forget_ids_if_others_wrote()?;
        let indexes_text = take_over_text_index(&tx)?;
        Ok(OpenTransaction {
            tx,
            indexes_text,
            stored: FxHashSet::default(),
            items: 0,
            opened: std::time::Instant::now(),
        })
    }

    /// Empties the id cache when another connection has committed since it
    /// was current (someone may have deleted a cached row), so every id the
    /// writer stores is one it read or wrote under the lock it holds: foreign
    /// keys may go unchecked (see `db::start_bulk_load`).
    fn forget_ids_if_others_wrote(&mut self) -> rusqlite::Result<()> {
        let version = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        if self.cache_version != Some(version) {
            self.cache = IdCache::default();
            self.cache_version = Some(version);
        }
        Ok(())
    }

    /// Stores the batch's articles in one statement (see
    /// [`store_articles`]), then their facts and the batch's input failures.
    fn write_in(
        &mut self,
        open: &mut OpenTransaction,
        batch: &[Result<Facts, InputError>],
    ) -> anyhow::Result<BatchCounts> {
        let mut counts = BatchCounts::default();
        let mut st = Prepared::new(self.conn)?;
        let mut admitted = Vec::with_capacity(batch.len());
        let mut articles = Vec::with_capacity(batch.len());
        let mut replaced = Vec::new();
        for item in batch {
            let stored = match item {
                Ok(facts) => {
                    let stored = self.admit(open, &mut st, facts, &mut counts, &mut replaced)?;
                    if stored {
                        articles.push(&facts.article);
                    }
                    stored
                }
                Err(_) => false,
            };
            admitted.push(stored);
        }
        let first_id = store_articles(
            &mut self.many,
            self.run_id,
            open.indexes_text,
            &replaced,
            &articles,
        )?;
        let mut next_id = first_id;
        let mut later = BatchRows {
            next_figure_id: self
                .conn
                .query_row(sql("next_figure_id"), [], |r| r.get(0))?,
            ..BatchRows::default()
        };
        for (item, stored) in batch.iter().zip(admitted) {
            match item {
                Ok(facts) if stored => {
                    counts.facts += self
                        .insert_facts(&mut st, next_id, facts, &mut later)
                        .with_context(|| format!("storing {}", facts.article.source_path))?;
                    next_id += 1;
                }
                Err(err) => {
                    record_error(self.conn, self.run_id, err)?;
                    counts.failed += 1;
                }
                Ok(_) => {}
            }
        }
        later.store(&mut self.many)?;
        Ok(counts)
    }

    /// Decides an article's fate, returning whether it is to be stored and
    /// noting the stored copy it replaces.
    fn admit(
        &self,
        open: &mut OpenTransaction,
        st: &mut Prepared,
        facts: &Facts,
        counts: &mut BatchCounts,
        replaced: &mut Vec<i64>,
    ) -> anyhow::Result<bool> {
        let a = &facts.article;
        crate::ingest::facts::check_vocabulary(facts).map_err(|reason| {
            anyhow::anyhow!(
                "{}: extraction produced a value the schema refuses: {reason}",
                a.source_path
            )
        })?;
        let (outcome, replaces) = if open.stored.contains(&a.content_hash) {
            (Outcome::Unchanged, None)
        } else {
            self.outcome_for(st, &a.content_hash)?
        };
        counts.count(outcome);
        if outcome == Outcome::Unchanged {
            return Ok(false);
        }
        open.stored.insert(a.content_hash.clone());
        replaced.extend(replaces);
        counts.bytes += a.body.len() as u64;
        Ok(true)
    }

    /// New, unchanged, or replacing the stored copy (whose id is returned).
    /// An article stored by this same run is never replaced again.
    fn outcome_for(
        &self,
        st: &mut Prepared,
        content_hash: &str,
    ) -> rusqlite::Result<(Outcome, Option<i64>)> {
        let existing: Option<(i64, Option<i64>)> = st
            .find_article
            .query_row(named_params! {":content_hash": content_hash}, |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        Ok(match existing {
            None => (Outcome::New, None),
            Some((id, run)) if self.replace && run != Some(self.run_id) => {
                (Outcome::Replaced, Some(id))
            }
            Some(_) => (Outcome::Unchanged, None),
        })
    }

    /// Inserts an article's facts, leaving its mentions and its additions
    /// to the running totals for the end of the batch.
    fn insert_facts<'b>(
        &mut self,
        st: &mut Prepared,
        article_id: i64,
        facts: &'b Facts,
        later: &mut BatchRows<'b>,
    ) -> rusqlite::Result<FactCounts> {
        let mut counts = FactCounts::default();
        let mut actor_ids = Vec::with_capacity(facts.actors.len());
        for actor in &facts.actors {
            let id = self.actor_id(st, actor)?;
            counts.actor_mentions +=
                add_mentions(&mut later.actor_mentions, article_id, id, &actor.mentions);
            actor_ids.push(id);
        }
        let mut location_ids = Vec::with_capacity(facts.locations.len());
        for place in &facts.locations {
            let id = self.location_id(st, place)?;
            counts.location_mentions +=
                add_mentions(&mut later.place_mentions, article_id, id, &place.mentions);
            location_ids.push(id);
        }
        later.totals.add_places(&facts.locations, &location_ids);
        for s in &facts.statements {
            let speaker_id = s.speaker.map(|i| actor_ids[i]);
            later.statements.push((article_id, speaker_id, s));
            counts.statements += 1;
        }
        let first_figure_id = later.next_figure_id;
        for (i, f) in facts.casualties.iter().enumerate() {
            // A figure only points back to one listed before it.
            let part_of = f
                .part_of
                .filter(|&p| p < i)
                .map(|p| first_figure_id + p as i64);
            let location_id = f.location.map(|i| location_ids[i]);
            later.figures.push(FigureRow {
                id: later.next_figure_id,
                article_id,
                location_id,
                source_id: f.source.map(|i| actor_ids[i]),
                part_of,
                figure: f,
                published_on: &facts.article.published_on,
            });
            later.next_figure_id += 1;
            counts.casualty_figures += 1;
            if let (Some(place), None) = (location_id, part_of) {
                later.totals.add_figure(place, &f.category);
            }
        }
        later
            .totals
            .add_article(facts.article.outlet.as_deref(), counts);
        Ok(counts)
    }

    /// The actor's id, writing only when it is new or this article states
    /// a title or affiliation the stored row does not have (the latest stated
    /// one wins).
    fn actor_id(&mut self, st: &mut Prepared, actor: &Actor) -> rusqlite::Result<i64> {
        let cached = self.cache.actor(&actor.kind, &actor.name);
        if let Some(stored) = cached.filter(|stored| !restates(stored, actor)) {
            let id = stored.0;
            return self.with_aliases(st, id, actor);
        }
        let restated = match cached.cloned() {
            Some(stored) => restate(st, stored, actor)?,
            None => None,
        };
        let stored = match restated {
            Some(stored) => stored,
            // Not cached, or deleted by hand since it was cached.
            None => store_actor(st, actor)?,
        };
        let id = stored.0;
        self.cache.remember_actor(actor, stored);
        self.with_aliases(st, id, actor)
    }

    /// Stores the actor's aliases not stored yet; returns `id`.
    fn with_aliases(&mut self, st: &mut Prepared, id: i64, actor: &Actor) -> rusqlite::Result<i64> {
        for alias in &actor.aliases {
            if first_sighting(&mut self.cache.actor_aliases, id, alias) {
                st.insert_actor_alias
                    .execute(named_params! {":actor_id": id, ":alias": alias})?;
            }
        }
        Ok(id)
    }

    fn location_id(&mut self, st: &mut Prepared, place: &Location) -> rusqlite::Result<i64> {
        let key = place_key(place);
        let id = match self.cache.places.get(&key) {
            Some(id) => *id,
            None => {
                let id = store_location(st, place, &key)?;
                self.cache.places.insert(key, id);
                id
            }
        };
        for alias in &place.aliases {
            if first_sighting(&mut self.cache.place_aliases, id, alias) {
                st.insert_location_alias
                    .execute(named_params! {":location_id": id, ":alias": alias})?;
            }
        }
        Ok(id)
    }
}

/// Whether `actor` states a title or affiliation the stored row lacks.
fn restates((_, title, affiliation): &StoredActor, actor: &Actor) -> bool {
    let changes = |stored: &Option<String>, new: &Option<String>| new.is_some() && new != stored;
    changes(title, &actor.title) || changes(affiliation, &actor.affiliation)
}

/// Updates the stored actor with the title and affiliation `actor` states,
/// by id; returns the row as it now is, or None when no row has that id.
fn restate(
    st: &mut Prepared,
    (id, title, affiliation): StoredActor,
    actor: &Actor,
) -> rusqlite::Result<Option<StoredActor>> {
    let latest = |new: &Option<String>, stored: Option<String>| new.clone().or(stored);
    let updated = st
        .restate_actor
        .execute(params![actor.title, actor.affiliation, id])?;
    Ok((updated == 1).then(|| {
        (
            id,
            latest(&actor.title, title),
            latest(&actor.affiliation, affiliation),
        )
    }))
}

/// Stores an actor the cache does not hold: inserted when no row of its kind
/// and name is stored, else found and restated. Inserted first, ignored when
/// stored: in an import most actors the cache misses are new, and the insert
/// seeks the unique index the lookup would have. (An upsert returning its row
/// opens a statement journal and a temporary table, several times the cost.)
fn store_actor(st: &mut Prepared, actor: &Actor) -> rusqlite::Result<StoredActor> {
    let inserted = st.insert_actor.insert(named_params! {
        ":name": actor.name, ":kind": actor.kind, ":title": actor.title, ":affiliation": actor.affiliation,
    });
    match inserted {
        Ok(id) => return Ok((id, actor.title.clone(), actor.affiliation.clone())),
        Err(rusqlite::Error::StatementChangedRows(0)) => {}
        Err(err) => return Err(err),
    }
    let stored: StoredActor = st.find_actor.query_row(
        named_params! {":kind": actor.kind, ":name": actor.name},
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    if !restates(&stored, actor) {
        return Ok(stored);
    }
    restate(st, stored, actor)?.ok_or(rusqlite::Error::QueryReturnedNoRows)
}

/// The id of the place stored under `key`, inserting it when there is none
/// (looked up first, as in [`store_actor`]).
fn store_location(st: &mut Prepared, place: &Location, key: &str) -> rusqlite::Result<i64> {
    let found = st
        .find_location
        .query_row(named_params! {":place_key": key}, |r| r.get(0))
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => st.insert_location.insert(named_params! {
            ":name": place.name, ":kind": place.kind, ":country_code": place.country_code,
            ":latitude": place.latitude, ":longitude": place.longitude,
            ":geonames_id": place.geonames_id, ":place_key": key,
        }),
    }
}

/// What a batch writes once all its articles are in: their mentions,
/// statements and casualty figures, many rows per SQL statement, and their
/// additions to the running totals. Each list is in the order its rows are
/// to be stored (their ids follow it).
#[derive(Default)]
struct BatchRows<'b> {
    /// (article id, actor id, mention).
    actor_mentions: Vec<MentionRow<'b>>,
    /// (article id, location id, mention).
    place_mentions: Vec<MentionRow<'b>>,
    /// (article id, speaker id, statement).
    statements: Vec<(i64, Option<i64>, &'b Statement)>,
    figures: Vec<FigureRow<'b>>,
    /// The id the next casualty figure gets: figures are numbered here, as
    /// SQLite numbers them (checked when they are stored), so one can name
    /// another by id before either is stored.
    next_figure_id: i64,
    totals: BatchTotals<'b>,
}

/// A casualty figure as stored, its references resolved to ids.
struct FigureRow<'b> {
    id: i64,
    article_id: i64,
    location_id: Option<i64>,
    source_id: Option<i64>,
    part_of: Option<i64>,
    figure: &'b CasualtyFigure,
    published_on: &'b Option<String>,
}

type MentionRow<'b> = (i64, i64, &'b Mention);

impl BatchRows<'_> {
    fn store(&self, many: &mut ManyRowInserts) -> anyhow::Result<()> {
        insert_rows(
            many,
            "insert_actor_mention",
            ACTOR_MENTION,
            &self.actor_mentions,
            bind_mention,
        )?;
        insert_rows(
            many,
            "insert_location_mention",
            LOCATION_MENTION,
            &self.place_mentions,
            bind_mention,
        )?;
        insert_rows(
            many,
            "insert_statement",
            STATEMENT,
            &self.statements,
            bind_statement,
        )?;
        insert_rows(
            many,
            "insert_casualty_figure",
            CASUALTY_FIGURE,
            &self.figures,
            bind_figure,
        )?;
        if let Some(first) = self.figures.first() {
            check_numbered(many.conn, "casualty_figures", first.id, self.figures.len())?;
        }
        Ok(self.totals.store(many.conn)?)
    }
}

/// Adds the mentions of one actor or place (`id`) to `rows`; returns how many.
fn add_mentions<'b>(
    rows: &mut Vec<MentionRow<'b>>,
    article_id: i64,
    id: i64,
    mentions: &'b [Mention],
) -> u64 {
    rows.extend(mentions.iter().map(|m| (article_id, id, m)));
    mentions.len() as u64
}

/// Inserts `rows` with statement `name` (its parameters `names`),
/// [`ROWS_PER_INSERT`] rows per statement and the rest one by one. `bind`
/// binds a row to the parameters after the given number.
fn insert_rows<R>(
    many: &mut ManyRowInserts,
    name: &'static str,
    names: &[&str],
    rows: &[R],
    bind: fn(&mut rusqlite::Statement, usize, &R) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let mut chunks = rows.chunks_exact(ROWS_PER_INSERT);
    if chunks.len() > 0 {
        let insert = many.get(name, names, ROWS_PER_INSERT)?;
        for chunk in &mut chunks {
            for (i, row) in chunk.iter().enumerate() {
                bind(insert, i * names.len(), row)?;
            }
            insert.raw_execute()?;
        }
        // A kept statement would hold its copies of the texts: SQLite takes
        // them from the connection's small pool of lookaside buffers, and the
        // next statement's texts would then be malloc'ed.
        insert.clear_bindings();
    }
    if chunks.remainder().is_empty() {
        return Ok(());
    }
    let mut one = prepare_in_order(many.conn, name, names)?;
    for row in chunks.remainder() {
        bind(&mut one, 0, row)?;
        one.raw_execute()?;
    }
    Ok(())
}

/// The many-row INSERTs, each prepared once per writer and kept: their SQL
/// runs to kilobytes (a batch's articles, to 17 KB), and writing it out and
/// hashing it for the statement cache at every batch cost more than the
/// statements' own setup.
struct ManyRowInserts<'c> {
    conn: &'c Connection,
    /// (statement name, rows, the statement).
    prepared: Vec<(&'static str, usize, rusqlite::Statement<'c>)>,
}

impl<'c> ManyRowInserts<'c> {
    fn new(conn: &'c Connection) -> Self {
        ManyRowInserts {
            conn,
            prepared: Vec::new(),
        }
    }

    /// Statement `name` (its parameters `names` per row) made to insert
    /// `rows` rows. Keeps one statement per name: a batch of another size
    /// (the last one of an input) replaces it. The one-row statement's
    /// parameters are checked when the many-row one is made from it.
    fn get(
        &mut self,
        name: &'static str,
        names: &[&str],
        rows: usize,
    ) -> rusqlite::Result<&mut rusqlite::Statement<'c>> {
        let kept = self
            .prepared
            .iter()
            .position(|(n, r, _)| *n == name && *r == rows);
        let at = match kept {
            Some(at) => at,
            None => {
                prepare_in_order(self.conn, name, names)?;
                // Persistent, as the statement cache prepares: SQLite then
                // allocates the program outside the connection's lookaside
                // buffers, which stay free for the texts bound.
                let stmt = self.conn.prepare_with_flags(
                    &rows_sql(sql(name), names.len(), rows),
                    PrepFlags::SQLITE_PREPARE_PERSISTENT,
                )?;
                self.prepared.retain(|(n, _, _)| *n != name);
                self.prepared.push((name, rows, stmt));
                self.prepared.len() - 1
            }
        };
        Ok(&mut self.prepared[at].2)
    }
}

/// Binds an article in the order of [`ARTICLE`].
fn bind_article(
    stmt: &mut rusqlite::Statement,
    after: usize,
    run_id: i64,
    a: &Article,
) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(after + 1, &a.source_path)?;
    stmt.raw_bind_parameter(after + 2, a.record.map(|r| r as i64))?;
    stmt.raw_bind_parameter(after + 3, &a.external_id)?;
    stmt.raw_bind_parameter(after + 4, &a.url)?;
    stmt.raw_bind_parameter(after + 5, &a.outlet)?;
    stmt.raw_bind_parameter(after + 6, &a.title)?;
    stmt.raw_bind_parameter(after + 7, &a.published_on)?;
    stmt.raw_bind_parameter(after + 8, &a.body)?;
    stmt.raw_bind_parameter(after + 9, &a.content_hash)?;
    stmt.raw_bind_parameter(after + 10, run_id)
}

/// Binds a mention row in the order of [`ACTOR_MENTION`] and [`LOCATION_MENTION`].
fn bind_mention(
    stmt: &mut rusqlite::Statement,
    after: usize,
    &(article_id, id, m): &MentionRow,
) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(after + 1, article_id)?;
    stmt.raw_bind_parameter(after + 2, id)?;
    stmt.raw_bind_parameter(after + 3, m.span.start as i64)?;
    stmt.raw_bind_parameter(after + 4, m.span.end as i64)?;
    stmt.raw_bind_parameter(after + 5, &m.text)
}

/// Binds a statement row in the order of [`STATEMENT`].
fn bind_statement(
    stmt: &mut rusqlite::Statement,
    after: usize,
    &(article_id, speaker_id, s): &(i64, Option<i64>, &Statement),
) -> rusqlite::Result<()> {
    stmt.raw_bind_parameter(after + 1, article_id)?;
    stmt.raw_bind_parameter(after + 2, speaker_id)?;
    stmt.raw_bind_parameter(after + 3, &s.speaker_text)?;
    stmt.raw_bind_parameter(after + 4, &s.kind)?;
    stmt.raw_bind_parameter(after + 5, &s.cue)?;
    stmt.raw_bind_parameter(after + 6, &s.text)?;
    stmt.raw_bind_parameter(after + 7, s.span.start as i64)?;
    stmt.raw_bind_parameter(after + 8, s.span.end as i64)
}

/// Binds a casualty figure row in the order of [`CASUALTY_FIGURE`].
fn bind_figure(
    stmt: &mut rusqlite::Statement,
    after: usize,
    row: &FigureRow,
) -> rusqlite::Result<()> {
    let f = row.figure;
    stmt.raw_bind_parameter(after + 1, row.article_id)?;
    stmt.raw_bind_parameter(after + 2, &f.category)?;
    stmt.raw_bind_parameter(after + 3, f.count)?;
    stmt.raw_bind_parameter(after + 4, f.count_low)?;
    stmt.raw_bind_parameter(after + 5, f.count_high)?;
    stmt.raw_bind_parameter(after + 6, &f.qualifier)?;
    stmt.raw_bind_parameter(after + 7, &f.victims)?;
    stmt.raw_bind_parameter(after + 8, row.location_id)?;
    stmt.raw_bind_parameter(after + 9, &f.period)?;
    stmt.raw_bind_parameter(after + 10, row.source_id)?;
    stmt.raw_bind_parameter(after + 11, row.part_of)?;
    stmt.raw_bind_parameter(after + 12, f.span.start as i64)?;
    stmt.raw_bind_parameter(after + 13, f.span.end as i64)?;
    stmt.raw_bind_parameter(after + 14, row.published_on)
}

/// Statement `single`, an INSERT whose VALUES list of `columns` parameters
/// ends it, made to insert `rows` rows: parameters numbered in row order.
fn rows_sql(single: &str, columns: usize, rows: usize) -> String {
    use std::fmt::Write;
    let head = &single[..single
        .rfind("VALUES")
        .expect("an INSERT ... VALUES statement")];
    let mut sql = String::with_capacity(head.len() + 16 + rows * columns * 8);
    sql.push_str(head);
    sql.push_str("VALUES ");
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 1..=columns {
            if c > 1 {
                sql.push_str(", ");
            }
            write!(sql, "?{}", r * columns + c).expect("a String takes any text");
        }
        sql.push(')');
    }
    sql
}

/// Stores a batch's articles, deleting the copies they replace first, and
/// returns the id of the first: SQLite numbers them one past the largest id,
/// in order (checked here). The rows are bound straight into one many-row
/// INSERT: staging them in a temporary table first copied every body three
/// more times. With `index_text`, the writer feeds the full-text index
/// itself (see [`take_over_text_index`]).
fn store_articles(
    many: &mut ManyRowInserts,
    run_id: i64,
    index_text: bool,
    replaced: &[i64],
    articles: &[&Article],
) -> anyhow::Result<i64> {
    let conn = many.conn;
    if !replaced.is_empty() {
        let ids = serde_json::to_string(replaced).expect("ids serialise");
        conn.execute(sql("delete_articles"), named_params! {":ids": ids})?;
    }
    let first_id: i64 = conn.query_row(sql("next_article_id"), [], |r| r.get(0))?;
    for chunk in articles.chunks(ARTICLES_PER_INSERT) {
        let insert = many.get("insert_article", ARTICLE, chunk.len())?;
        for (i, article) in chunk.iter().enumerate() {
            bind_article(insert, i * ARTICLE.len(), run_id, article)?;
        }
        insert.raw_execute()?;
        // SQLite keeps its copies of the bodies until the next binding.
        insert.clear_bindings();
    }
    check_numbered(conn, "articles", first_id, articles.len())?;
    if index_text {
        let mut index = conn.prepare_cached(sql("index_article_text"))?;
        for (id, a) in (first_id..).zip(articles) {
            index.execute(named_params! {":id": id, ":title": a.title, ":body": a.body})?;
        }
    }
    Ok(first_id)
}

/// Fails unless the `rows` rows just inserted into `table` got the ids from
/// `first` on, as the writer numbered them (SQLite numbers new rows one past
/// the largest id; facts refer to articles and figures by these numbers).
fn check_numbered(conn: &Connection, table: &str, first: i64, rows: usize) -> anyhow::Result<()> {
    let expected = first + rows as i64 - 1;
    if rows > 0 && conn.last_insert_rowid() != expected {
        anyhow::bail!(
            "internal error: the new rows of {table} were numbered up to {}, not {expected}; \
             nothing of this batch is kept",
            conn.last_insert_rowid()
        );
    }
    Ok(())
}

/// Drops the full-text insert trigger for the transaction when it is the one
/// the schema made, so that the writer indexes article text itself and no
/// statement of a batch opens a savepoint (see `schema/writes.sql`);
/// [`commit`] creates it again. Returns whether it did.
fn take_over_text_index(conn: &Connection) -> rusqlite::Result<bool> {
    let stored: Option<String> = conn
        .query_row(sql("text_index_trigger"), [], |r| r.get(0))
        .optional()?;
    let ours = stored.as_deref() == Some(sql("create_text_index_trigger"));
    if ours {
        conn.execute_batch(sql("drop_text_index_trigger"))?;
    }
    Ok(ours)
}

impl Drop for Writer<'_> {
    /// The connection checks constraints again for whoever uses it next.
    fn drop(&mut self) {
        let _ = self
            .conn
            .pragma_update(None, "ignore_check_constraints", false);
    }
}

/// A batch's additions to the running totals (schema/004_rollups.sql),
/// summed while its facts are inserted: per place, mentions and the articles
/// that mention it; per place and category, the figures that are not part of
/// another; per outlet ('' for none), articles and their facts. Counting the
/// stored rows again with GROUP BY cost a tenth of the writer's work.
#[derive(Default)]
struct BatchTotals<'b> {
    places: BTreeMap<i64, PlaceTotals>,
    figures: BTreeMap<(i64, &'b str), i64>,
    outlets: BTreeMap<&'b str, OutletTotals>,
}

#[derive(Default)]
struct PlaceTotals {
    mentions: i64,
    articles: i64,
}

#[derive(Default)]
struct OutletTotals {
    articles: i64,
    facts: FactCounts,
}

impl<'b> BatchTotals<'b> {
    /// Adds one article's places (`ids[i]` is the stored id of `places[i]`);
    /// two places of one article may be the same stored place.
    fn add_places(&mut self, places: &[Location], ids: &[i64]) {
        let mut counted: Vec<i64> = Vec::with_capacity(ids.len());
        for (place, &id) in places.iter().zip(ids) {
            if place.mentions.is_empty() {
                continue;
            }
            let totals = self.places.entry(id).or_default();
            totals.mentions += place.mentions.len() as i64;
            if !counted.contains(&id) {
                counted.push(id);
                totals.articles += 1;
            }
        }
    }

    fn add_figure(&mut self, location_id: i64, category: &'b str) {
        *self.figures.entry((location_id, category)).or_default() += 1;
    }

    fn add_article(&mut self, outlet: Option<&'b str>, facts: FactCounts) {
        let totals = self.outlets.entry(outlet.unwrap_or("")).or_default();
        totals.articles += 1;
        totals.facts += facts;
    }

    /// Adds the sums to the stored totals, one upsert per key.
    fn store(&self, conn: &Connection) -> rusqlite::Result<()> {
        let mut add_place = conn.prepare_cached(sql("add_place_totals"))?;
        for (id, t) in &self.places {
            add_place.execute(named_params! {
                ":location_id": id, ":mentions": t.mentions, ":articles": t.articles,
            })?;
        }
        let mut add_figures = conn.prepare_cached(sql("add_figure_totals"))?;
        for ((id, category), figures) in &self.figures {
            add_figures.execute(named_params! {
                ":location_id": id, ":category": category, ":figures": figures,
            })?;
        }
        let mut add_outlet = conn.prepare_cached(sql("add_outlet_totals"))?;
        for (outlet, t) in &self.outlets {
            let f = &t.facts;
            add_outlet.execute(named_params! {
                ":outlet": outlet, ":articles": t.articles,
                ":statements": f.statements as i64, ":casualty_figures": f.casualty_figures as i64,
                ":actor_mentions": f.actor_mentions as i64, ":place_mentions": f.location_mentions as i64,
            })?;
        }
        Ok(())
    }
}

fn commit(open: OpenTransaction) -> anyhow::Result<()> {
    if open.indexes_text {
        open.tx.execute_batch(sql("create_text_index_trigger"))?;
    }
    open.tx.commit()?;
    Ok(())
}

/// The identity of a place: its GeoNames id, else name, kind and country.
fn place_key(place: &Location) -> String {
    match place.geonames_id {
        Some(id) => format!("geonames:{id}"),
        None => format!(
            "name:{}:{}:{}",
            place.name.to_lowercase(),
            place.kind,
            place.country_code.as_deref().unwrap_or("")
        ),
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
    use crate::extract::{CasualtyFigure, Mention, Span};

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        crate::db::migrations::migrate(&conn).unwrap();
        conn
    }

    /// A new database holding `batch`, written by one writer.
    fn written(batch: &[Result<Facts, InputError>]) -> Connection {
        let conn = db();
        written_into(&conn, batch);
        conn
    }

    /// Writes `batch` into `conn` with a writer of a new run.
    fn written_into(conn: &Connection, batch: &[Result<Facts, InputError>]) {
        let run = start_run(conn, "test").unwrap();
        let mut writer = Writer::new(conn, run, false);
        writer.write_batch(batch).unwrap();
        writer.finish().unwrap();
    }

    fn article(body: &str) -> Facts {
        Facts {
            article: Article {
                source_path: format!("{body}.txt"),
                record: None,
                external_id: None,
                url: None,
                outlet: None,
                title: None,
                published_on: None,
                body: body.to_string(),
                content_hash: crate::extract::metadata::content_hash(body),
            },
            actors: vec![],
            locations: vec![],
            statements: vec![],
            casualties: vec![],
        }
    }

    fn with_actor(body: &str, title: Option<&str>) -> Facts {
        let mut facts = article(body);
        facts.actors.push(Actor {
            name: "Lina Moss".into(),
            kind: "person".into(),
            title: title.map(String::from),
            affiliation: None,
            aliases: vec!["Moss".into()],
            mentions: vec![Mention {
                span: Span { start: 0, end: 4 },
                text: "Moss".into(),
            }],
        });
        facts
    }

    fn scalar<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> T {
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn every_named_statement_prepares_against_the_schema() {
        let conn = db();
        let all = parse_named(include_str!("../../schema/writes.sql"));
        assert!(all.len() >= 10);
        // The trigger exists: it can be dropped, and then created.
        let create = "create_text_index_trigger";
        for (name, stmt) in all.iter().filter(|(name, _)| *name != create) {
            conn.prepare(stmt).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        conn.execute_batch(sql("drop_text_index_trigger")).unwrap();
        conn.prepare(all[create]).unwrap();
    }

    /// The writer skips SQLite's CHECK constraints for speed, so it must
    /// refuse what they would have refused; the connection checks again after.
    #[test]
    fn a_value_the_schema_refuses_is_an_error_and_nothing_is_stored() {
        let conn = db();
        let run = start_run(&conn, "test").unwrap();
        let mut bad = with_actor("Moss spoke.", None);
        bad.actors[0].kind = "alien".into();
        let mut writer = Writer::new(&conn, run, false);
        let err = writer.write_batch(&[Ok(bad)]).unwrap_err().to_string();
        assert!(err.contains("kind \"alien\" is not one of"), "{err}");
        drop(writer);
        assert_eq!(scalar::<i64>(&conn, "SELECT count(*) FROM actors"), 0);
        let by_hand = conn.execute("INSERT INTO actors (name, kind) VALUES ('X', 'alien')", []);
        assert!(by_hand.is_err(), "CHECK constraints are on again");
    }

    #[test]
    fn a_batch_stores_articles_in_order_with_their_facts_and_errors() {
        let conn = db();
        let run = start_run(&conn, "test").unwrap();
        let batch = vec![
            Ok(with_actor("Moss spoke first.", None)),
            Err(InputError::new("bad.txt", None, "empty article (no text)")),
            Ok(article("Second article.")),
        ];
        let mut writer = Writer::new(&conn, run, false);
        let counts = writer.write_batch(&batch).unwrap();
        writer.finish().unwrap();
        assert_eq!((counts.new, counts.failed), (2, 1));
        assert_eq!(counts.facts.actor_mentions, 1);
        let order: String = scalar(
            &conn,
            "SELECT group_concat(body, '|' ORDER BY id) FROM articles",
        );
        assert_eq!(order, "Moss spoke first.|Second article.");
        let found: i64 = scalar(
            &conn,
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'second'",
        );
        assert_eq!(found, 2);
        assert_eq!(
            scalar::<i64>(&conn, "SELECT count(*) FROM import_errors"),
            1
        );
    }

    #[test]
    fn the_same_text_twice_in_one_run_is_stored_once_even_with_replace() {
        let conn = db();
        let run = start_run(&conn, "test").unwrap();
        let mut writer = Writer::new(&conn, run, true);
        let first = writer
            .write_batch(&[Ok(article("Same.")), Ok(article("Same."))])
            .unwrap();
        let again = writer.write_batch(&[Ok(article("Same."))]).unwrap();
        writer.finish().unwrap();
        assert_eq!((first.new, first.unchanged, again.unchanged), (1, 1, 1));
        assert_eq!(scalar::<i64>(&conn, "SELECT count(*) FROM articles"), 1);
    }

    #[test]
    fn replace_in_a_later_run_swaps_the_article_and_keeps_search_in_step() {
        let conn = db();
        let first = start_run(&conn, "first").unwrap();
        let mut writer = Writer::new(&conn, first, false);
        writer
            .write_batch(&[Ok(with_actor("Moss spoke.", None))])
            .unwrap();
        writer.finish().unwrap();
        let second = start_run(&conn, "second").unwrap();
        let mut writer = Writer::new(&conn, second, true);
        let counts = writer
            .write_batch(&[Ok(with_actor("Moss spoke.", None))])
            .unwrap();
        writer.finish().unwrap();
        assert_eq!(counts.replaced, 1);
        assert_eq!(
            scalar::<i64>(&conn, "SELECT count(*) FROM actor_mentions"),
            1
        );
        let hits: i64 = scalar(
            &conn,
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'spoke'",
        );
        assert_eq!(hits, 1);
    }

    /// Replacing the article with the largest id: SQLite gives the new copy
    /// an id the writer must predict, for it and for its figures, which
    /// name each other by id.
    #[test]
    fn replacing_the_newest_article_keeps_its_facts_and_figures_joined() {
        let conn = db();
        let with_figures = |body: &str| {
            let mut facts = with_actor(body, None);
            facts.casualties = vec![
                figure("killed", None, None),
                figure("killed", None, Some(0)),
            ];
            facts
        };
        let first = start_run(&conn, "first").unwrap();
        let mut writer = Writer::new(&conn, first, false);
        let batch = [
            Ok(with_figures("Moss spoke.")),
            Ok(with_figures("Rain fell.")),
        ];
        writer.write_batch(&batch).unwrap();
        writer.finish().unwrap();
        let second = start_run(&conn, "second").unwrap();
        let mut writer = Writer::new(&conn, second, true);
        let batch = [
            Ok(with_figures("Rain fell.")),
            Ok(with_figures("Snow came.")),
        ];
        let counts = writer.write_batch(&batch).unwrap();
        writer.finish().unwrap();
        assert_eq!((counts.new, counts.replaced), (1, 1));
        let stored: String = scalar(
            &conn,
            "SELECT group_concat(id || ':' || body, '|' ORDER BY id) FROM articles",
        );
        assert_eq!(stored, "1:Moss spoke.|2:Rain fell.|3:Snow came.");
        // Each figure's article and the figure it is part of are its own.
        let joined: String = scalar(
            &conn,
            "SELECT group_concat(a.id || ':' || coalesce(w.article_id, '-'), ' ' ORDER BY f.id)
             FROM casualty_figures f JOIN articles a ON a.id = f.article_id
             LEFT JOIN casualty_figures w ON w.id = f.part_of_id",
        );
        assert_eq!(joined, "1:- 1:1 2:- 2:2 3:- 3:3");
        assert_eq!(
            scalar::<i64>(
                &conn,
                "SELECT count(*) FROM actor_mentions m JOIN articles a ON a.id = m.article_id"
            ),
            3
        );
        conn.execute_batch("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
            .unwrap();
    }

    /// The writer indexes article text itself, the insert trigger dropped
    /// only inside its transactions: the committed schema has the trigger
    /// as it was made, and one transaction of several batches writes one
    /// index segment (no statement made FTS5 write its pending text early).
    #[test]
    fn the_writer_feeds_the_text_index_and_the_trigger_is_back_at_commit() {
        let conn = db();
        let trigger = |conn: &Connection| -> String { scalar(conn, sql("text_index_trigger")) };
        assert_eq!(trigger(&conn), sql("create_text_index_trigger"));
        // As an import loads (without --replace): a statement that checks
        // foreign keys as it inserts many rows opens a savepoint.
        crate::db::start_bulk_load(&conn, false).unwrap();
        let run = start_run(&conn, "test").unwrap();
        let mut writer = Writer::new(&conn, run, false);
        for bodies in [["Moss spoke.", "Rain fell."], ["Moss left.", "Snow came."]] {
            let mut batch: Vec<_> = bodies.iter().map(|b| Ok(article(b))).collect();
            batch[1].as_mut().unwrap().casualties = vec![figure("killed", None, None); 2];
            writer.write_batch(&batch).unwrap();
        }
        writer.finish().unwrap();
        assert_eq!(trigger(&conn), sql("create_text_index_trigger"));
        let segments = "SELECT count(DISTINCT segid) FROM articles_fts_idx";
        assert_eq!(scalar::<i64>(&conn, segments), 1);
        conn.execute_batch("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
            .unwrap();
        let moss = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'moss'";
        assert_eq!(scalar::<i64>(&conn, moss), 2);
        // A row inserted by hand is indexed by the trigger.
        conn.execute_batch(
            "INSERT INTO articles (source_path, body, content_hash) VALUES ('x', 'Moss again.', 'h')",
        )
        .unwrap();
        assert_eq!(scalar::<i64>(&conn, moss), 3);
    }

    #[test]
    fn a_transaction_rolled_back_leaves_the_trigger_and_the_index_as_they_were() {
        let conn = db();
        let run = start_run(&conn, "test").unwrap();
        let mut writer = Writer::new(&conn, run, false);
        writer.write_batch(&[Ok(article("Moss spoke."))]).unwrap();
        drop(writer);
        let stored: String = scalar(&conn, sql("text_index_trigger"));
        assert_eq!(stored, sql("create_text_index_trigger"));
        assert_eq!(scalar::<i64>(&conn, "SELECT count(*) FROM articles"), 0);
        let moss = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'moss'";
        assert_eq!(scalar::<i64>(&conn, moss), 0);
    }

    /// A user who changed the insert trigger keeps it: the writer leaves the
    /// indexing to it.
    #[test]
    fn a_text_index_trigger_changed_by_hand_is_left_to_run() {
        let conn = db();
        conn.execute_batch(
            "DROP TRIGGER articles_fts_insert;
             CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                 INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, 'elsewhere');
             END;",
        )
        .unwrap();
        let before: String = scalar(&conn, sql("text_index_trigger"));
        written_into(&conn, &[Ok(article("Moss spoke."))]);
        let after: String = scalar(&conn, sql("text_index_trigger"));
        assert_eq!(after, before);
        let hits = |word: &str| -> i64 {
            scalar(
                &conn,
                &format!("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '{word}'"),
            )
        };
        assert_eq!((hits("moss"), hits("elsewhere")), (0, 1));
    }

    #[test]
    fn deleting_an_article_finds_dependent_figures_by_index() {
        // Cascading deletes (import --replace) look figures up by part_of_id.
        let conn = db();
        let mut stmt = conn
            .prepare("EXPLAIN QUERY PLAN SELECT id FROM casualty_figures WHERE part_of_id = 1")
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map([], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(plan.iter().any(|p| p.contains("INDEX")), "{plan:?}");
    }

    fn place(geonames_id: i64, mentions: usize) -> Location {
        Location {
            name: format!("Place {geonames_id}"),
            kind: "city".into(),
            country_code: None,
            latitude: None,
            longitude: None,
            geonames_id: Some(geonames_id),
            aliases: vec![],
            mentions: (0..mentions)
                .map(|i| Mention {
                    span: Span {
                        start: i,
                        end: i + 1,
                    },
                    text: "P".into(),
                })
                .collect(),
        }
    }

    fn figure(category: &str, location: Option<usize>, part_of: Option<usize>) -> CasualtyFigure {
        CasualtyFigure {
            category: category.into(),
            count: 3,
            count_low: Some(3),
            count_high: Some(3),
            qualifier: "exact".into(),
            victims: None,
            location,
            period: None,
            source: None,
            part_of,
            span: Span { start: 0, end: 1 },
        }
    }

    /// Each running total as 'key=values', read by `totals` or recounted by `recount`.
    fn totals_as_text(conn: &Connection, totals: &str) -> String {
        scalar(
            conn,
            &format!("SELECT group_concat(t, ' ') FROM ({totals} ORDER BY 1)"),
        )
    }

    #[test]
    fn running_totals_equal_a_count_of_the_stored_rows() {
        let conn = db();
        let run = start_run(&conn, "test").unwrap();
        // The same place twice in one article, one with no mention; figures
        // without a place or part of another; articles with and without an outlet.
        let mut first = with_actor("First.", None);
        first.article.outlet = Some("Wire".into());
        first.locations = vec![place(1, 2), place(1, 1), place(2, 0)];
        first.casualties = vec![
            figure("killed", Some(0), None),
            figure("killed", Some(1), Some(0)),
            figure("injured", None, None),
            figure("injured", Some(2), None),
        ];
        let mut second = article("Second.");
        second.locations = vec![place(2, 1), place(1, 1)];
        second.casualties = vec![figure("killed", Some(1), None)];
        let mut third = with_actor("Third.", None);
        third.article.outlet = Some("Wire".into());
        let mut writer = Writer::new(&conn, run, false);
        writer.write_batch(&[Ok(first), Ok(second)]).unwrap();
        writer.write_batch(&[Ok(third)]).unwrap();
        writer.finish().unwrap();
        let pairs = [
            (
                "SELECT location_id || '=' || mentions || ',' || articles AS t FROM location_counts",
                "SELECT location_id || '=' || count(*) || ',' || count(DISTINCT article_id) AS t
                 FROM location_mentions GROUP BY location_id",
            ),
            (
                "SELECT location_id || category || '=' || figures AS t FROM casualty_counts",
                "SELECT location_id || category || '=' || count(*) AS t FROM casualty_figures
                 WHERE location_id IS NOT NULL AND part_of_id IS NULL GROUP BY location_id, category",
            ),
            (
                "SELECT outlet || '=' || articles || ',' || statements || ',' || casualty_figures
                        || ',' || actor_mentions || ',' || place_mentions AS t FROM outlet_counts",
                "SELECT outlet || '=' || count(*) || ',' || sum(statements) || ',' || sum(casualty_figures)
                        || ',' || sum(actor_mentions) || ',' || sum(place_mentions) AS t
                 FROM article_fact_counts GROUP BY outlet",
            ),
        ];
        for (totals, recount) in pairs {
            assert_eq!(
                totals_as_text(&conn, totals),
                totals_as_text(&conn, recount)
            );
        }
        assert_eq!(
            totals_as_text(&conn, pairs[0].0),
            "1=4,2 2=1,1",
            "each place counted once per article"
        );
    }

    fn statements(n: usize) -> Vec<Statement> {
        let texts = [
            "We will go.",
            "«Nous irons»",
            "我们会去",
            "",
            "'; DROP TABLE x; --",
        ];
        (0..n)
            .map(|i| Statement {
                kind: ["direct", "reported"][i % 2].into(),
                cue: (i % 3 > 0).then(|| "said".into()),
                text: texts[i % texts.len()].into(),
                speaker: (i % 4 > 0).then_some(0),
                speaker_text: (i % 5 > 0).then(|| format!("Mōss {i}")),
                span: Span {
                    start: i,
                    end: i + 7,
                },
            })
            .collect()
    }

    /// Mentions, statements and casualty figures go in many rows per SQL
    /// statement, the rest one by one: the rows must be those the one-row
    /// statements give, in the same order and with the same ids (figures
    /// numbered by the writer as SQLite numbers them).
    #[test]
    fn rows_inserted_many_at_a_time_are_the_rows_one_at_a_time_gives() {
        let surfaces = ["Moss", "Móss", "模斯", "M\u{308}oss 🙂", "", "'; --"];
        let mentions = |n: usize| -> Vec<Mention> {
            (0..n)
                .map(|i| Mention {
                    span: Span {
                        start: i,
                        end: i + 3,
                    },
                    text: surfaces[i % surfaces.len()].to_string(),
                })
                .collect()
        };
        let mut first = with_actor("Many mentions.", None);
        first.actors[0].mentions = mentions(ROWS_PER_INSERT + 5);
        first.locations = vec![place(7, ROWS_PER_INSERT - 1)];
        first.statements = statements(ROWS_PER_INSERT + 3);
        // Parts of earlier figures, of the figure itself and of later ones.
        first.casualties = (0..ROWS_PER_INSERT + 4)
            .map(|i| figure("killed", Some(0).filter(|_| i % 3 > 0), Some(i / 2 + i % 2)))
            .collect();
        let mut second = with_actor("More mentions.", None);
        second.actors[0].mentions = mentions(ROWS_PER_INSERT);
        second.locations = vec![place(8, 2), place(7, 1)];
        second.statements = statements(2);
        second.casualties = vec![
            figure("injured", None, Some(1)),
            figure("missing", Some(1), Some(0)),
        ];
        let batch = [Ok(first), Ok(second)];

        let conn = written(&batch);

        let one_by_one = db();
        one_by_one
            .execute_batch(
                "INSERT INTO articles (id, source_path, body, content_hash) VALUES (1, 'a', 'a', 'a'), (2, 'b', 'b', 'b');
                 INSERT INTO actors (id, name, kind) VALUES (1, 'Lina Moss', 'person');
                 INSERT INTO locations (id, name, kind, place_key) VALUES (1, 'P7', 'city', 'p7'), (2, 'P8', 'city', 'p8');",
            )
            .unwrap();
        let location_ids = [(7, 1), (8, 2)];
        for (article_id, facts) in (1..).zip(batch.iter().map(|f| f.as_ref().unwrap())) {
            for m in &facts.actors[0].mentions {
                conn_insert(&one_by_one, "insert_actor_mention", article_id, 1, m);
            }
            for place in &facts.locations {
                let id = location_ids
                    .iter()
                    .find(|(geonames, _)| Some(*geonames) == place.geonames_id)
                    .unwrap()
                    .1;
                for m in &place.mentions {
                    conn_insert(&one_by_one, "insert_location_mention", article_id, id, m);
                }
            }
            let mut figure_ids = Vec::new();
            for f in &facts.casualties {
                let location_id = f.location.map(|i| {
                    let geonames = facts.locations[i].geonames_id;
                    location_ids
                        .iter()
                        .find(|(g, _)| Some(*g) == geonames)
                        .unwrap()
                        .1
                });
                one_by_one
                    .execute(
                        "INSERT INTO casualty_figures (article_id, category, count, count_low, count_high,
                             qualifier, location_id, part_of_id, start_char, end_char)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                        params![
                            article_id,
                            f.category,
                            f.count,
                            f.count_low,
                            f.count_high,
                            f.qualifier,
                            location_id,
                            f.part_of.and_then(|i| figure_ids.get(i).copied()),
                            f.span.start as i64,
                            f.span.end as i64
                        ],
                    )
                    .unwrap();
                figure_ids.push(one_by_one.last_insert_rowid());
            }
            for s in &facts.statements {
                let speaker_id = s.speaker.map(|_| 1);
                one_by_one
                    .execute(
                        sql("insert_statement"),
                        params![
                            article_id,
                            speaker_id,
                            s.speaker_text,
                            s.kind,
                            s.cue,
                            s.text,
                            s.span.start as i64,
                            s.span.end as i64
                        ],
                    )
                    .unwrap();
            }
        }
        for table in [
            "actor_mentions",
            "location_mentions",
            "statements",
            "casualty_figures",
        ] {
            assert_eq!(rows(&conn, table), rows(&one_by_one, table), "{table}");
        }
    }

    /// Every row of `table` in id order, as text.
    fn rows(conn: &Connection, table: &str) -> String {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .unwrap();
        let width = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let row: Vec<rusqlite::types::Value> =
                    (0..width).map(|i| r.get(i)).collect::<Result<_, _>>()?;
                Ok(format!("{row:?}"))
            })
            .unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    /// A batch's articles go in by one many-row statement: the rows and the
    /// search index must be those the one-row statement gives.
    #[test]
    fn articles_inserted_in_one_statement_are_the_rows_one_at_a_time_gives() {
        let bodies = [
            "Plain text.",
            "Móss said 模斯 🙂.",
            "'; DROP TABLE x; --",
            "Last.",
        ];
        let batch: Vec<Result<Facts, InputError>> = bodies
            .iter()
            .enumerate()
            .map(|(i, body)| {
                let mut facts = article(body);
                let a = &mut facts.article;
                a.record = Some(i as u64 + 1).filter(|_| i % 2 == 0);
                a.external_id = Some(format!("ext-{i}")).filter(|_| i != 1);
                a.url = Some(format!("https://example.org/{i}"));
                a.outlet = Some(["Le Monde", "Ñews"][i % 2].to_string());
                a.title = Some(format!("Título {i}")).filter(|_| i != 2);
                a.published_on = Some(format!("2024-01-0{}", i + 1)).filter(|_| i != 3);
                Ok(facts)
            })
            .collect();

        let conn = written(&batch);

        let one_by_one = db();
        let run = start_run(&one_by_one, "test").unwrap();
        for facts in batch.iter().map(|f| f.as_ref().unwrap()) {
            let a = &facts.article;
            one_by_one
                .execute(
                    sql("insert_article"),
                    named_params! {
                        ":source_path": a.source_path, ":record": a.record.map(|r| r as i64),
                        ":external_id": a.external_id, ":url": a.url, ":outlet": a.outlet,
                        ":title": a.title, ":published_on": a.published_on, ":body": a.body,
                        ":content_hash": a.content_hash, ":run_id": run,
                    },
                )
                .unwrap();
        }
        assert_eq!(rows(&conn, "articles"), rows(&one_by_one, "articles"));
        for word in ["plain", "模斯", "título", "drop"] {
            let found = |c: &Connection| -> Vec<i64> {
                let mut stmt = c
                    .prepare(
                        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid",
                    )
                    .unwrap();
                let ids = stmt
                    .query_map([format!("\"{word}\"")], |r| r.get(0))
                    .unwrap();
                ids.map(Result::unwrap).collect()
            };
            assert_eq!(found(&conn), found(&one_by_one), "{word}");
            assert!(!found(&conn).is_empty(), "{word}");
        }
    }

    #[test]
    fn many_row_sql_numbers_parameters_in_row_order() {
        let single = "INSERT INTO t (a, b)\nVALUES (:a, :b);";
        assert_eq!(
            rows_sql(single, 2, 3),
            "INSERT INTO t (a, b)\nVALUES (?1, ?2), (?3, ?4), (?5, ?6)"
        );
    }

    fn conn_insert(conn: &Connection, name: &str, article_id: i64, id: i64, m: &Mention) {
        conn.execute(
            sql(name),
            params![
                article_id,
                id,
                m.span.start as i64,
                m.span.end as i64,
                m.text
            ],
        )
        .unwrap();
    }

    /// A writer that has stored (and cached) one actor, without mentions.
    fn writer_with_an_actor_cached(conn: &Connection) -> Writer<'_> {
        let run = start_run(conn, "test").unwrap();
        let mut writer = Writer::new(conn, run, false);
        let mut first = with_actor("One.", None);
        first.actors[0].mentions.clear();
        writer.write_batch(&[Ok(first)]).unwrap();
        writer.commit().unwrap();
        writer
    }

    #[test]
    fn an_actor_another_connection_deleted_is_stored_again_without_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ids.db");
        let conn = crate::db::open_for_write(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        let mut writer = writer_with_an_actor_cached(&conn);
        let other = Connection::open(&path).unwrap();
        other.execute("DELETE FROM actors", []).unwrap();
        // The same actor, unchanged: only the cache could know its old id.
        writer.write_batch(&[Ok(with_actor("Two.", None))]).unwrap();
        writer.finish().unwrap();
        assert_eq!(
            scalar::<i64>(
                &conn,
                "SELECT count(*) FROM actor_mentions JOIN actors ON actors.id = actor_id"
            ),
            1
        );
    }

    #[test]
    fn an_actor_deleted_by_hand_after_it_was_cached_is_stored_again() {
        let conn = db();
        let mut writer = writer_with_an_actor_cached(&conn);
        conn.execute("DELETE FROM actors", []).unwrap();
        writer
            .write_batch(&[Ok(with_actor("Two.", Some("Envoy")))])
            .unwrap();
        writer.finish().unwrap();
        assert_eq!(scalar::<String>(&conn, "SELECT title FROM actors"), "Envoy");
        assert_eq!(
            scalar::<i64>(
                &conn,
                "SELECT count(*) FROM actor_mentions JOIN actors ON actors.id = actor_id"
            ),
            1
        );
    }

    #[test]
    fn the_latest_stated_title_wins_across_batches() {
        let conn = db();
        let run = start_run(&conn, "test").unwrap();
        let mut writer = Writer::new(&conn, run, false);
        for (body, title) in [
            ("One.", None),
            ("Two.", Some("Minister")),
            ("Three.", None),
            ("Four.", Some("Envoy")),
            ("Five.", None),
        ] {
            writer.write_batch(&[Ok(with_actor(body, title))]).unwrap();
        }
        writer.finish().unwrap();
        assert_eq!(scalar::<i64>(&conn, "SELECT count(*) FROM actors"), 1);
        assert_eq!(scalar::<String>(&conn, "SELECT title FROM actors"), "Envoy");
        assert_eq!(
            scalar::<i64>(&conn, "SELECT count(*) FROM actor_aliases"),
            1
        );
        assert_eq!(
            scalar::<i64>(&conn, "SELECT count(*) FROM actor_mentions"),
            5
        );
    }

    /// A writer that has not cached an actor finds the stored row: the same
    /// id, and the latest stated title, whichever writer stated it.
    #[test]
    fn the_latest_stated_title_wins_across_runs() {
        let conn = db();
        for (body, title) in [
            ("One.", Some("Minister")),
            ("Two.", None),
            ("Three.", Some("Envoy")),
        ] {
            let run = start_run(&conn, "test").unwrap();
            let mut writer = Writer::new(&conn, run, false);
            writer.write_batch(&[Ok(with_actor(body, title))]).unwrap();
            writer.finish().unwrap();
            let expected = if body == "Three." {
                "Envoy"
            } else {
                "Minister"
            };
            assert_eq!(
                scalar::<String>(&conn, "SELECT title FROM actors"),
                expected
            );
        }
        assert_eq!(scalar::<i64>(&conn, "SELECT count(*) FROM actors"), 1);
        assert_eq!(
            scalar::<i64>(&conn, "SELECT count(DISTINCT actor_id) FROM actor_mentions"),
            1
        );
    }
}
