//! The one integration-test binary: runs the real `newsfacts` CLI on small
//! fixtures written by each test into a temporary folder.

mod actors;
mod datasette;
mod extract_props;
mod import;
mod interrupt;
mod query;
mod robustness;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rusqlite::Connection;

/// A temporary folder with helpers to write fixtures and run the CLI in it.
///
/// When a test ends (without failing), every SQLite `.db` file left at the
/// top of the folder must pass [`assert_sound`], so each test import is
/// checked for integrity and dangling foreign keys without asking.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new()
    }
}

impl Workspace {
    pub fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a fixture file (creating folders) and returns its path.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// The CLI, run inside the workspace.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("newsfacts").unwrap();
        cmd.current_dir(self.dir.path());
        cmd.env_remove("NEWSFACTS_QUERIES");
        cmd
    }

    pub fn db(&self) -> Connection {
        Connection::open(self.path("newsfacts.db")).unwrap()
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let Ok(entries) = std::fs::read_dir(self.dir.path()) else {
            return;
        };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.extension().is_some_and(|e| e == "db") && is_sqlite(&path) {
                assert_sound(&path);
            }
        }
    }
}

/// Whether a file starts with SQLite's header (a file of another kind named
/// `.db` is some test's deliberate bad input).
fn is_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|_| &header == b"SQLite format 3\0")
}

/// A single-value SQL answer from the workspace database.
pub fn scalar<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> T {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Asserts a database file is sound: `PRAGMA integrity_check` says ok and
/// `PRAGMA foreign_key_check` finds no dangling reference.
pub fn assert_sound(db: &Path) {
    let conn = Connection::open(db).unwrap();
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(integrity, vec!["ok"], "integrity_check of {}", db.display());
    let dangling: Vec<(String, i64, String)> = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        dangling.is_empty(),
        "foreign_key_check of {}: {dangling:?}",
        db.display()
    );
}

/// The article and fact tables an import fills.
const FACT_TABLES: [&str; 9] = [
    "articles",
    "actors",
    "actor_aliases",
    "actor_mentions",
    "statements",
    "casualty_figures",
    "locations",
    "location_aliases",
    "location_mentions",
];

/// Row counts of every fact table, for comparing imports.
pub fn table_counts(db: &Path) -> Vec<(String, i64)> {
    let conn = Connection::open(db).unwrap();
    FACT_TABLES
        .iter()
        .map(|t| {
            (
                t.to_string(),
                scalar(&conn, &format!("SELECT count(*) FROM {t}")),
            )
        })
        .collect()
}

/// Every index's name and definition (automatic ones have none).
pub fn index_definitions(db: &Path) -> Vec<(String, String)> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT name, coalesce(sql, '') FROM sqlite_schema WHERE type = 'index' ORDER BY name",
        )
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// Every row of every article and fact table, in key order: two databases
/// with equal contents hold the same facts under the same ids.
pub fn table_contents(db: &Path) -> Vec<(String, Vec<Vec<rusqlite::types::Value>>)> {
    let conn = Connection::open(db).unwrap();
    let totals = ["location_counts", "casualty_counts", "outlet_counts"];
    FACT_TABLES
        .iter()
        .chain(&totals)
        .map(|t| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM {t} ORDER BY 1, 2"))
                .unwrap();
            let width = stmt.column_count();
            let rows = stmt
                .query_map([], |r| (0..width).map(|i| r.get(i)).collect())
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (t.to_string(), rows)
        })
        .collect()
}

/// A short wire-style article written for these tests.
pub const PORT_STRIKE: &str = " date 2025-05-04 Strike on port town kills seven, ministry says

Seven people were killed and at least 12 wounded when a missile struck the port of Tartus on Sunday, the Syrian Health Ministry said.

\u{201c}We are still searching the rubble,\u{201d} civil defence chief Omar Haddad told reporters.
";

pub const TALKS: &str = "Envoys meet again on border crossings

Foreign Minister Amara Okonjo said on Tuesday that the crossings at Rafah would reopen within days.

Okonjo added that more than 300 trucks were waiting in Egypt.
";
