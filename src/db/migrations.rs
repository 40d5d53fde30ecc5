//! Schema migrations, tracked by `PRAGMA user_version`.
//!
//! The list is append-only (as in cargo's `util/sqlite.rs`): never remove or
//! edit an entry; add a new `schema/NNN_*.sql` and a line here. All pending
//! migrations run in one transaction, so a file is never half-migrated.

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Every schema version, in order. Entry N brings the file to version N+1.
const MIGRATIONS: &[&str] = &[
    include_str!("../../schema/001_initial.sql"),
    include_str!("../../schema/002_query_indexes.sql"),
    include_str!("../../schema/003_replace_index.sql"),
    include_str!("../../schema/004_rollups.sql"),
    include_str!("../../schema/005_deferred_indexes.sql"),
    include_str!("../../schema/006_fts_merging.sql"),
    include_str!("../../schema/007_fts_merging_spread.sql"),
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("database schema version {found} is newer than this newsfacts understands ({LATEST}); upgrade newsfacts")]
    TooNew { found: i64 },
    #[error("this file has tables but none of newsfacts' (version 0); refusing to touch it")]
    Foreign,
    #[error("this file has no newsfacts tables yet; import articles into it first")]
    Empty,
}

/// Brings the database to the latest schema version.
pub fn migrate(conn: &Connection) -> anyhow::Result<()> {
    if check_writable(conn)? == LATEST {
        return Ok(());
    }
    // Two imports may start on a new file at once. Taking the write lock
    // before looking again means the second one waits, then finds the schema
    // in place, instead of failing on "table already exists".
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let version = check_writable(&tx)?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)
            .map_err(|err| anyhow::anyhow!("migration {} failed: {err}", i + 1))?;
    }
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.commit()?;
    Ok(())
}

/// The version of a file an import may write to: a newsfacts file no newer
/// than this build, or an empty one. Reads only, so a refused file is left
/// exactly as it was.
pub fn check_writable(conn: &Connection) -> anyhow::Result<i64> {
    let (version, has_tables) = look(conn)?;
    if version > LATEST {
        return Err(SchemaError::TooNew { found: version }.into());
    }
    if version == 0 && has_tables {
        return Err(SchemaError::Foreign.into());
    }
    Ok(version)
}

/// The version of a file `query` may read: one holding the newsfacts schema.
pub fn check_readable(conn: &Connection) -> anyhow::Result<i64> {
    match check_writable(conn)? {
        0 => Err(SchemaError::Empty.into()),
        version => Ok(version),
    }
}

/// The schema version and whether the file has any table, read by one
/// statement and so from one snapshot: read one at a time, another import
/// could create the schema in between, and its tables would then look
/// foreign (version 0 with tables).
fn look(conn: &Connection) -> rusqlite::Result<(i64, bool)> {
    conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version),
                EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn).unwrap();
        migrate(&conn).unwrap();
        assert_eq!(check_writable(&conn).unwrap(), LATEST);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", LATEST + 1)
            .unwrap();
        let err = migrate(&conn).unwrap_err().to_string();
        assert!(err.contains("newer than this newsfacts"), "{err}");
    }

    #[test]
    fn a_foreign_database_is_left_alone() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE orders (id INTEGER)")
            .unwrap();
        assert!(migrate(&conn).is_err());
    }

    /// A file whose schema another connection creates while this one looks
    /// is seen as empty or as newsfacts', never as another application's.
    #[test]
    fn a_schema_created_meanwhile_never_looks_foreign() {
        let dir = tempfile::tempdir().unwrap();
        for round in 0..20 {
            let path = dir.path().join(format!("race-{round}.db"));
            let looker = Connection::open(&path).unwrap();
            looker
                .busy_timeout(std::time::Duration::from_secs(10))
                .unwrap();
            let creator = std::thread::spawn({
                let path = path.clone();
                move || migrate(&Connection::open(path).unwrap()).unwrap()
            });
            loop {
                match check_writable(&looker) {
                    Ok(LATEST) => break,
                    Ok(version) => assert_eq!(version, 0),
                    Err(err) => panic!("round {round}: {err}"),
                }
            }
            creator.join().unwrap();
        }
    }
}
