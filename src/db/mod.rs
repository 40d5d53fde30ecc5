//! The database: opening, migrating and writing facts.
//!
//! Opening looks before it changes anything: a file that is not SQLite, the
//! SQLite file of another application, or a newsfacts file written by a newer
//! version is refused with a message naming it, and left byte for byte as it
//! was (WAL mode is switched on only once the file is known to be ours).

pub mod indexes;
pub mod migrations;
pub mod writer;

use std::path::Path;
use std::time::Duration;

use anyhow::{anyhow, bail, Context};
use rusqlite::{Connection, ErrorCode, OpenFlags};

/// How long a write waits for another process's write transaction before
/// giving up. SQLite's lock is not a fair queue: a second import may get in
/// only when the first pauses or ends, so the wait covers a whole import.
const WRITE_WAIT: Duration = Duration::from_secs(600);

/// How long a read waits; in WAL mode readers rarely wait at all.
const READ_WAIT: Duration = Duration::from_secs(10);

/// Opens (creating if needed) a database for writing and brings its schema
/// up to date.
pub fn open_for_write(path: &Path) -> anyhow::Result<Connection> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.is_dir() {
            bail!(
                "cannot create database {}: folder {} does not exist",
                path.display(),
                parent.display()
            );
        }
    }
    refuse_folder(path)?;
    let conn =
        Connection::open(path).with_context(|| format!("opening database {}", path.display()))?;
    conn.busy_timeout(WRITE_WAIT)?;
    migrations::check_writable(&conn).map_err(|err| explain(path, err))?;
    configure(&conn).with_context(|| format!("preparing database {}", path.display()))?;
    migrations::migrate(&conn).with_context(|| format!("preparing database {}", path.display()))?;
    Ok(conn)
}

/// Opens an existing database read-only (the default for `query`), or for
/// writing when asked.
pub fn open_existing(path: &Path, write: bool) -> anyhow::Result<Connection> {
    if !path.exists() {
        bail!(
            "no database at {} (create one with `newsfacts import`)",
            path.display()
        );
    }
    refuse_folder(path)?;
    let flags = if write {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .with_context(|| format!("opening database {}", path.display()))?;
    conn.busy_timeout(READ_WAIT)?;
    let version = match migrations::check_readable(&conn) {
        Err(err) if !write && left_by_a_killed_import(&err) => {
            // Only a writer may roll the journal back; opening for writing does.
            drop(conn);
            eprintln!(
                "Recovering {} after an interrupted import (once)...",
                path.display()
            );
            open_for_write(path)?;
            return open_existing(path, write);
        }
        checked => checked.map_err(|err| explain(path, err))?,
    };
    if version < migrations::LATEST {
        // Saved queries need the latest schema; upgrading is what the next
        // import would do anyway.
        drop(conn);
        eprintln!(
            "Upgrading {} from schema version {version} to {} (once)...",
            path.display(),
            migrations::LATEST
        );
        open_for_write(path)
            .with_context(|| format!("upgrading {} to the current schema", path.display()))?;
        return open_existing(path, write);
    }
    Ok(conn)
}

/// Whether a read-only open failed on the rollback journal of a write that
/// never finished (see [`start_bulk_load`]).
fn left_by_a_killed_import(err: &anyhow::Error) -> bool {
    matches!(
        err.downcast_ref::<rusqlite::Error>(),
        Some(rusqlite::Error::SqliteFailure(e, _))
            if e.extended_code == rusqlite::ffi::SQLITE_READONLY_ROLLBACK
    )
}

fn refuse_folder(path: &Path) -> anyhow::Result<()> {
    if path.is_dir() {
        bail!(
            "{} is a folder, not a database file (try --db {})",
            path.display(),
            path.join("newsfacts.db").display()
        );
    }
    Ok(())
}

/// Names the file in an error from the first look at it, and says plainly
/// when it is not an SQLite file at all.
fn explain(path: &Path, err: anyhow::Error) -> anyhow::Error {
    let not_sqlite = err
        .downcast_ref::<rusqlite::Error>()
        .and_then(rusqlite::Error::sqlite_error_code)
        == Some(ErrorCode::NotADatabase);
    if not_sqlite {
        return anyhow!(
            "{} is not a newsfacts database (not an SQLite file)",
            path.display()
        );
    }
    if err.downcast_ref::<migrations::SchemaError>().is_some() {
        return anyhow!("{} is not usable: {err}", path.display());
    }
    err.context(format!("opening database {}", path.display()))
}

/// WAL pages written before a commit copies them into the database file
/// (SQLite's default is 1,000). Each checkpoint waits for two fsyncs on the
/// writer's thread; at the default, an import of 20,000 articles spent 2.2 s
/// in 122 of them.
const CHECKPOINT_PAGES: i64 = 16_384;

/// The page size of a new database (SQLite's default is 4,096 bytes). An
/// article's body, typically several kilobytes, then fits its row's page
/// instead of spilling into a chain of overflow pages, and a load reads,
/// writes and balances a quarter as many pages. Full imports of 20,000 and
/// 100,000 articles took 4-6% less time and CPU (README, Performance). A
/// file that exists keeps the size it was made with.
const NEW_FILE_PAGE_SIZE: i64 = 16_384;

/// WAL lets readers (the sqlite3 shell, Datasette, `newsfacts query`) work
/// while an import writes; synchronous=NORMAL in WAL mode never corrupts the
/// file on a crash, it can only lose the last transactions.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // Takes effect only on a file with nothing in it yet, so before WAL.
    conn.pragma_update(None, "page_size", NEW_FILE_PAGE_SIZE)?;
    switch_to_wal(conn)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "wal_autocheckpoint", CHECKPOINT_PAGES)?;
    memory_for_writing(conn)
}

/// The page cache and temporary storage for writing (indexes::build changes
/// them for its sorts, then calls this).
pub(crate) fn memory_for_writing(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "cache_size", -64_000)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "threads", 0)
}

/// Switches the file to WAL. The switch does not wait for another
/// connection's lock as other statements do (SQLite answers SQLITE_BUSY at
/// once), so two imports starting on one new file retry it here.
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<()> {
    let started = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(err)
                if err.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && started.elapsed() < WRITE_WAIT =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            result => return result,
        }
    }
}

/// Settings for one large write (an import), undone by [`end_bulk_load`].
///
/// A rollback journal instead of WAL, when no other connection has the file
/// open (else SQLite refuses the switch at once, and the import runs in WAL
/// as before). WAL writes every page twice, to the log and then to the
/// database at a checkpoint; a rollback journal copies only the pages that
/// existed before the transaction, and an import mostly appends new ones.
/// A killed import still leaves the file as its last commit did: the next
/// connection that writes rolls the journal back (see [`open_existing`]).
/// synchronous=FULL is SQLite's safe level for a rollback journal.
///
/// Foreign keys unchecked when the import deletes nothing (no `--replace`):
/// the writer takes every id it stores from a row it wrote or read in the
/// same transaction, so the checks cannot fail. With `--replace` they stay
/// on: ON DELETE CASCADE is how a replaced article's facts go.
pub fn start_bulk_load(conn: &Connection, deletes: bool) -> rusqlite::Result<()> {
    match conn.pragma_update_and_check(None, "journal_mode", "TRUNCATE", |r| r.get::<_, String>(0))
    {
        Ok(_) => conn.pragma_update(None, "synchronous", "FULL")?,
        Err(err) if err.sqlite_error_code() == Some(ErrorCode::DatabaseBusy) => {}
        Err(err) => return Err(err),
    }
    if !deletes {
        conn.pragma_update(None, "foreign_keys", "OFF")?;
    }
    Ok(())
}

/// Puts back the settings [`start_bulk_load`] changed: WAL, so readers
/// never wait for the next import, and foreign keys checked.
pub fn end_bulk_load(conn: &Connection) -> rusqlite::Result<()> {
    configure(conn)
}

/// Starts a write transaction, taking the write lock at once. A deferred
/// transaction that reads first and writes later fails at once when another
/// process (a second import) committed in between; taking the lock up front
/// makes concurrent imports wait for each other's batches instead.
pub fn begin_write(conn: &Connection) -> anyhow::Result<rusqlite::Transaction<'_>> {
    rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate).map_err(
        |err| {
            if err.sqlite_error_code() == Some(ErrorCode::DatabaseBusy) {
                anyhow!(
                    "the database stayed locked by another process for {} s (another import?); \
                     try again when it has finished",
                    WRITE_WAIT.as_secs()
                )
            } else {
                err.into()
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_size(conn: &Connection) -> i64 {
        conn.pragma_query_value(None, "page_size", |row| row.get(0))
            .unwrap()
    }

    #[test]
    fn a_new_database_gets_the_larger_page_size() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open_for_write(&dir.path().join("new.db")).unwrap();
        assert_eq!(page_size(&conn), NEW_FILE_PAGE_SIZE);
        assert_eq!(
            migrations::check_writable(&conn).unwrap(),
            migrations::LATEST
        );
    }

    #[test]
    fn an_existing_database_keeps_its_page_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            // As an older newsfacts made it: SQLite's default pages, in WAL.
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "page_size", 4_096).unwrap();
            conn.pragma_update(None, "journal_mode", "WAL").unwrap();
            migrations::migrate(&conn).unwrap();
        }
        let conn = open_for_write(&path).unwrap();
        assert_eq!(page_size(&conn), 4_096);
        assert_eq!(
            migrations::check_writable(&conn).unwrap(),
            migrations::LATEST
        );
    }
}
