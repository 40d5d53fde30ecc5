//! Query indexes built after a large load instead of during it.
//!
//! An index keyed by actor, speaker, place or category takes each new fact
//! somewhere in the middle of its b-tree; once the database is larger than
//! the page cache, most of those inserts read and rewrite a page. CREATE INDEX
//! sorts the whole table once and writes each page once. On 100,000
//! synthetic articles, loading with these indexes in place took 99 s, and
//! loading without them 42 s plus 14 s to build them (see README,
//! Performance).
//!
//! Dropping is recorded in `deferred_indexes` in the same transaction as the
//! drop (schema/005_deferred_indexes.sql), so a killed import leaves a list of
//! what is missing, and the next import builds it.

use rusqlite::{named_params, Connection};

use super::writer::sql;

/// An index that is (or is about to be) missing: its name and definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deferred {
    pub name: String,
    pub sql: String,
}

/// Drops the query indexes the import does not read, recording each one
/// first; returns how many were dropped.
pub fn defer(conn: &Connection) -> anyhow::Result<usize> {
    let tx = super::begin_write(conn)?;
    let indexes = list(&tx, "deferrable_indexes")?;
    for index in &indexes {
        tx.prepare_cached(sql("record_deferred_index"))?
            .execute(named_params! {":name": index.name, ":sql": index.sql})?;
        tx.execute_batch(&format!("DROP INDEX {}", quoted(&index.name)))?;
    }
    tx.commit()?;
    Ok(indexes.len())
}

/// The indexes dropped by this or an earlier (perhaps killed) import and not
/// built yet.
pub fn missing(conn: &Connection) -> rusqlite::Result<Vec<Deferred>> {
    list(conn, "deferred_indexes")
}

/// Builds one missing index and forgets it, in one transaction.
pub fn build(conn: &Connection, index: &Deferred) -> anyhow::Result<()> {
    // The sort spills to temporary files rather than memory, in runs of the
    // cache's size. Small runs sort in the processor's cache: for the nine
    // indexes of 100,000 articles, 1 MB runs took 8.1 s of CPU and 8 MB runs
    // 11.8 s (64 MB runs were slower still).
    conn.pragma_update(None, "temp_store", "FILE")?;
    conn.pragma_update(None, "cache_size", BUILD_CACHE_KIB)?;
    // Nothing else runs once the load is done: the other cores sort runs
    // while this thread reads the table and writes the index (SQLite needs
    // temp_store FILE for this).
    conn.pragma_update(None, "threads", sort_helpers())?;
    let tx = super::begin_write(conn)?;
    // CREATE INDEX IF NOT EXISTS: someone may have built it by hand.
    let create = index
        .sql
        .replacen("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1);
    tx.execute_batch(&create)?;
    tx.prepare_cached(sql("forget_deferred_index"))?
        .execute(named_params! {":name": index.name})?;
    tx.commit()?;
    super::memory_for_writing(conn)?;
    Ok(())
}

/// The page cache while building, in KiB as `PRAGMA cache_size` takes it
/// (negative); also the size of each sorted run.
const BUILD_CACHE_KIB: i64 = -1_000;

/// Threads SQLite may start to sort an index besides the calling one: one
/// per other core.
fn sort_helpers() -> i64 {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.saturating_sub(1) as i64
}

fn list(conn: &Connection, query: &str) -> rusqlite::Result<Vec<Deferred>> {
    let mut stmt = conn.prepare_cached(sql(query))?;
    let rows = stmt.query_map([], |r| {
        Ok(Deferred {
            name: r.get(0)?,
            sql: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// An SQL identifier in double quotes.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema_of(conn: &Connection) -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.map(Result::unwrap).collect()
    }

    fn fresh() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        crate::db::migrations::migrate(&conn).unwrap();
        conn
    }

    #[test]
    fn deferring_drops_query_indexes_and_building_restores_them_exactly() {
        let conn = fresh();
        let before = schema_of(&conn);
        let dropped = defer(&conn).unwrap();
        assert_eq!(dropped, 7);
        assert_eq!(schema_of(&conn).len(), before.len() - 7);
        // The indexes the writer reads stay, and so do the articles' own.
        let kept: Vec<String> = schema_of(&conn).into_iter().map(|(n, _)| n).collect();
        for needed in [
            "actor_mentions_article_actor",
            "casualty_figures_part_of",
            "statements_article",
            "articles_published_on",
            "articles_outlet",
        ] {
            assert!(kept.iter().any(|n| n == needed), "{needed} was dropped");
        }
        // Deferring again drops nothing more and records nothing twice.
        assert_eq!(defer(&conn).unwrap(), 0);
        let pending = missing(&conn).unwrap();
        assert_eq!(pending.len(), 7);
        for index in &pending {
            build(&conn, index).unwrap();
        }
        assert_eq!(schema_of(&conn), before);
        assert!(missing(&conn).unwrap().is_empty());
    }

    #[test]
    fn building_leaves_the_settings_for_writing() {
        let conn = fresh();
        defer(&conn).unwrap();
        build(&conn, &missing(&conn).unwrap()[0]).unwrap();
        let setting =
            |name: &str| -> i64 { conn.pragma_query_value(None, name, |r| r.get(0)).unwrap() };
        assert_eq!(setting("threads"), 0);
        assert_eq!(setting("temp_store"), 2); // MEMORY
        assert_eq!(setting("cache_size"), -64_000);
    }

    #[test]
    fn building_keeps_the_bulk_load_settings_until_the_load_ends() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::db::open_for_write(&dir.path().join("bulk.db")).unwrap();
        crate::db::start_bulk_load(&conn, false).unwrap();
        defer(&conn).unwrap();
        build(&conn, &missing(&conn).unwrap()[0]).unwrap();
        let journal = |conn: &Connection| -> String {
            conn.pragma_query_value(None, "journal_mode", |r| r.get(0))
                .unwrap()
        };
        let foreign_keys = |conn: &Connection| -> i64 {
            conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))
                .unwrap()
        };
        assert_eq!(
            (journal(&conn).as_str(), foreign_keys(&conn)),
            ("truncate", 0)
        );
        crate::db::end_bulk_load(&conn).unwrap();
        assert_eq!((journal(&conn).as_str(), foreign_keys(&conn)), ("wal", 1));
    }

    #[test]
    fn an_index_built_by_hand_meanwhile_is_simply_forgotten() {
        let conn = fresh();
        defer(&conn).unwrap();
        let first = missing(&conn).unwrap().remove(0);
        conn.execute_batch(&first.sql).unwrap();
        build(&conn, &first).unwrap();
        assert_eq!(missing(&conn).unwrap().len(), 6);
    }
}
