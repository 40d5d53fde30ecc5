//! The one integration-test binary: runs the real `newsfacts` CLI on small
//! fixtures written by each test into a temporary folder.

mod import;
mod query;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rusqlite::Connection;

/// A temporary folder with helpers to write fixtures and run the CLI in it.
pub struct Workspace {
    pub dir: tempfile::TempDir,
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

impl Default for Workspace {
    fn default() -> Self {
        Self::new()
    }
}

/// A single-value SQL answer from the workspace database.
pub fn scalar<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> T {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Row counts of every fact table, for comparing imports.
pub fn table_counts(db: &Path) -> Vec<(String, i64)> {
    let conn = Connection::open(db).unwrap();
    [
        "articles",
        "actors",
        "actor_aliases",
        "actor_mentions",
        "statements",
        "casualty_figures",
        "locations",
        "location_aliases",
        "location_mentions",
    ]
    .iter()
    .map(|t| {
        (
            t.to_string(),
            scalar(&conn, &format!("SELECT count(*) FROM {t}")),
        )
    })
    .collect()
}

/// Every row of every article and fact table, in key order: two databases
/// with equal contents hold the same facts under the same ids.
pub fn table_contents(db: &Path) -> Vec<(String, Vec<Vec<rusqlite::types::Value>>)> {
    let conn = Connection::open(db).unwrap();
    [
        "articles",
        "actors",
        "actor_aliases",
        "actor_mentions",
        "statements",
        "casualty_figures",
        "locations",
        "location_aliases",
        "location_mentions",
    ]
    .iter()
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
