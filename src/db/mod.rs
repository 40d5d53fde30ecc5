//! The database: opening, migrating and writing facts.

pub mod migrations;
pub mod writer;

use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context};
use rusqlite::{Connection, OpenFlags};

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
    let conn =
        Connection::open(path).with_context(|| format!("opening database {}", path.display()))?;
    configure(&conn).with_context(|| format!("{} is not a newsfacts database", path.display()))?;
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
    let flags = if write {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .with_context(|| format!("opening database {}", path.display()))?;
    conn.busy_timeout(Duration::from_secs(10))?;
    migrations::check_version(&conn)
        .with_context(|| format!("opening database {}", path.display()))?;
    Ok(conn)
}

/// WAL lets readers (the sqlite3 shell, Datasette, `newsfacts query`) work
/// while an import writes; synchronous=NORMAL in WAL mode never corrupts the
/// file on a crash, it can only lose the last transactions.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(30))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "cache_size", -64_000)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}
