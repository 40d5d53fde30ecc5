//! Interruptions and concurrent use, on a generated corpus of a few thousand
//! articles (invented text from the templates below):
//!
//! - an import killed with SIGKILL at random moments leaves a sound file
//!   holding only whole articles (each with exactly the facts a clean import
//!   gives it), and a re-run reaches the exact counts of an uninterrupted one;
//! - `newsfacts query`, the sqlite3 shell and Python's sqlite3 (what Datasette
//!   uses) read while an import is running;
//! - two imports into one file serialise: both finish, nothing is duplicated.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use crate::{assert_sound, index_definitions, scalar, table_counts, Workspace};

// ---- the generated corpus ----

/// A small deterministic generator (xorshift64*), so the corpus needs no
/// extra dependency and a failing kill schedule can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    /// A float in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const FIRST: &[&str] = &[
    "Amara", "Omar", "Lena", "Tomas", "Priya", "Kwame", "Ines", "Yusuf", "Mariam", "Pavel",
];
const LAST: &[&str] = &[
    "Okonjo",
    "Haddad",
    "Varga",
    "Reyes",
    "Natarajan",
    "Mensah",
    "Duarte",
    "Demir",
    "Saleh",
    "Novak",
];
const TITLES: &[&str] = &[
    "Foreign Minister",
    "Health Minister",
    "Defence Minister",
    "President",
    "Governor",
    "Gen.",
];
const PLACES: &[&str] = &[
    "Tartus", "Rafah", "Gaza", "Kyiv", "Khartoum", "Goma", "Aden", "Mosul", "Kherson", "Idlib",
];
const BODIES: &[&str] = &[
    "the Health Ministry",
    "the United Nations",
    "the Red Crescent",
    "local officials",
    "the civil defence agency",
];

/// One invented article; `i` makes each one distinct.
fn article(i: u64) -> String {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ (i + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let person = format!("{} {}", r.pick(FIRST), r.pick(LAST));
    let surname = person.split(' ').nth(1).unwrap().to_string();
    let title = r.pick(TITLES);
    let place = r.pick(PLACES);
    let source = r.pick(BODIES);
    let killed = 2 + r.below(90);
    let wounded = killed + r.below(200);
    let day = 1 + i % 28;
    match r.below(3) {
        0 => format!(
            "Strike near {place} kills {killed}, officials say (report {i})\n\n\
             At least {killed} people were killed and {wounded} wounded in {place} on \
             2025-03-{day:02}, {source} said.\n\n\
             \u{201c}The situation is grave,\u{201d} {title} {person} told reporters. \
             {surname} added that talks would resume within days.\n"
        ),
        1 => format!(
            "{title} {person} calls for calm after clashes in {place}\n\n\
             {title} {person} said on Monday that the crossings would reopen. More than \
             {wounded} people were injured and {killed} were missing, according to {source}.\n\n\
             Case file {i}: the figures were confirmed on day {day}.\n"
        ),
        _ => format!(
            "Aid convoy reaches {place}\n\n\
             Nearly {wounded} families were displaced from {place}, {source} said in \
             bulletin {i}. \u{201c}We need access now,\u{201d} said {person}, a local \
             coordinator. {killed} people were killed in the week before the convoy.\n"
        ),
    }
}

/// Writes articles `ids` under `dir` as a mix of JSONL, CSV and .txt files
/// (about 80%, 13% and 7%), so every reader takes part.
fn write_corpus(ws: &Workspace, dir: &str, ids: std::ops::Range<u64>) {
    let mut jsonl = String::new();
    let csv_path = ws.path(&format!("{dir}/briefs.csv"));
    std::fs::create_dir_all(csv_path.parent().unwrap()).unwrap();
    let mut csv = csv::Writer::from_path(csv_path).unwrap();
    csv.write_record(["id", "body"]).unwrap();
    for i in ids.clone() {
        match i % 15 {
            0 => {
                ws.write(&format!("{dir}/txt/{i:05}.txt"), article(i));
            }
            1 | 2 => csv.write_record([i.to_string(), article(i)]).unwrap(),
            _ => {
                jsonl += &serde_json::json!({"id": i.to_string(), "text": article(i)}).to_string();
                jsonl.push('\n');
            }
        }
    }
    csv.flush().unwrap();
    ws.write(&format!("{dir}/wire.jsonl"), jsonl);
}

fn jsonl_lines(ids: std::ops::Range<u64>) -> Vec<String> {
    ids.map(|i| {
        format!(
            "{}\n",
            serde_json::json!({"id": i.to_string(), "text": article(i)})
        )
    })
    .collect()
}

// ---- helpers ----

fn newsfacts(ws: &Workspace) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsfacts"));
    cmd.current_dir(ws.dir.path())
        .env_remove("NEWSFACTS_QUERIES");
    cmd
}

fn spawn_import(ws: &Workspace, args: &[&str]) -> Child {
    newsfacts(ws)
        .arg("import")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Per article (by content hash): actor mentions, statements, casualty
/// figures, location mentions.
fn facts_per_article(db: &Path) -> HashMap<String, [i64; 4]> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT a.content_hash,
                (SELECT count(*) FROM actor_mentions WHERE article_id = a.id),
                (SELECT count(*) FROM statements WHERE article_id = a.id),
                (SELECT count(*) FROM casualty_figures WHERE article_id = a.id),
                (SELECT count(*) FROM location_mentions WHERE article_id = a.id)
             FROM articles a",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// The file is sound and every article in it is whole: it has exactly the
/// facts the clean import gave the same text. Returns the article count.
fn assert_whole_articles(db: &Path, clean: &HashMap<String, [i64; 4]>) -> usize {
    assert_sound(db);
    let conn = Connection::open(db).unwrap();
    if scalar::<i64>(&conn, "PRAGMA user_version") == 0 {
        // Killed before the schema was committed: migrations run in one
        // transaction, so there is no table at all, never half a schema.
        let tables: i64 = scalar(&conn, "SELECT count(*) FROM sqlite_master");
        assert_eq!(tables, 0, "half-migrated file");
        return 0;
    }
    conn.execute_batch("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        .expect("full-text index matches the articles");
    let found = facts_per_article(db);
    for (hash, counts) in &found {
        assert_eq!(Some(counts), clean.get(hash), "article {hash} is not whole");
    }
    found.len()
}

// ---- interruption ----

/// How many imports the kill test interrupts.
const KILLS: usize = 10;

/// Kills a real import at random moments ([`KILLS`] times), checking after each
/// that the file is sound and holds only whole articles; then a re-run must
/// reach exactly the counts of an uninterrupted import. When the kills let an
/// import complete, the file starts over, so most kills land while batches
/// are being written. The seed is printed; NEWSFACTS_KILL_SEED replays it.
#[test]
fn killed_imports_leave_whole_articles_and_a_rerun_completes() {
    let ws = Workspace::new();
    write_corpus(&ws, "corpus", 0..3_000);

    let started = Instant::now();
    let clean_run = spawn_import(&ws, &["corpus", "--db", "clean.db"])
        .wait_with_output()
        .unwrap();
    let mut estimate = started.elapsed();
    assert!(clean_run.status.success(), "{clean_run:?}");
    let clean = facts_per_article(&ws.path("clean.db"));
    assert_eq!(clean.len(), 3_000);

    let seed = kill_seed();
    eprintln!("kill test: seed {seed}, uninterrupted import {estimate:?}");
    let mut rng = Rng(seed);
    let db = ws.path("killed.db");
    let mut kills = 0;
    let mut seen = Vec::new();
    for round in 0..40 {
        if kills == KILLS {
            break;
        }
        // The first kill lands while the file is being created and migrated.
        let delay = if round == 0 {
            Duration::from_millis(rng.below(40))
        } else {
            estimate.mul_f64(rng.unit())
        };
        match run_until(&ws, "killed.db", delay) {
            Some(took) => estimate = took,
            None => kills += 1,
        }
        if !db.exists() {
            continue;
        }
        let articles = assert_whole_articles(&db, &clean);
        seen.push(articles);
        if articles == clean.len() && kills < KILLS {
            remove_database(&db);
        }
    }
    eprintln!("kill test: {kills} kills; articles after each round: {seen:?}");
    assert_eq!(kills, KILLS, "the imports kept finishing before the kill");

    // A killed file is readable by `query` (read-only) as it is, and says
    // when the kill left indexes missing.
    let read = count_articles_by_query(&ws, "killed.db");
    let missing: i64 = scalar(
        &Connection::open(&db).unwrap(),
        "SELECT count(*) FROM deferred_indexes",
    );
    let noted = String::from_utf8_lossy(&read.stderr).contains("indexes of killed.db");
    assert_eq!(noted, missing > 0, "{read:?}");

    let rerun = spawn_import(&ws, &["corpus", "--db", "killed.db"])
        .wait_with_output()
        .unwrap();
    assert!(rerun.status.success(), "{rerun:?}");
    let summary = String::from_utf8_lossy(&rerun.stdout);
    assert!(summary.contains(" 0 failed"), "{summary}");
    assert_eq!(table_counts(&db), table_counts(&ws.path("clean.db")));
    assert_eq!(facts_per_article(&db), clean);
    assert_whole_articles(&db, &clean);
    // The rerun built whatever the kills left missing.
    assert_eq!(
        index_definitions(&db),
        index_definitions(&ws.path("clean.db"))
    );
    let missing: i64 = scalar(
        &Connection::open(&db).unwrap(),
        "SELECT count(*) FROM deferred_indexes",
    );
    assert_eq!(missing, 0);
}

fn kill_seed() -> u64 {
    std::env::var("NEWSFACTS_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        })
}

/// Runs an import of `corpus` (building indexes after the load) and SIGKILLs it after `delay` unless it ended
/// first. Returns how long it took when it ended by itself.
fn run_until(ws: &Workspace, db: &str, delay: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut child = newsfacts(ws)
        // Indexes dropped and built at the end: the kills also land while
        // they are missing and while they are being built.
        .args(["import", "corpus", "--db", db, "--build-indexes", "after"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while started.elapsed() < delay {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "import failed: {status}");
            return Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    None
}

/// `newsfacts query` (read-only) counting the articles of `db` as CSV; it
/// must succeed. Its output, for what it printed and said.
fn count_articles_by_query(ws: &Workspace, db: &str) -> std::process::Output {
    let read = newsfacts(ws)
        .args(["query", "SELECT count(*) FROM articles", "--db", db])
        .args(["-f", "csv"])
        .output()
        .unwrap();
    assert!(read.status.success(), "{read:?}");
    read
}

fn remove_database(db: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let file = format!("{}{suffix}", db.display());
        let _ = std::fs::remove_file(file);
    }
}

/// An import writes with a rollback journal (`db::start_bulk_load`). Killed
/// after its transaction had spilled pages into the file, it leaves a hot
/// journal that only a writer may roll back: a read-only `query` must do that
/// first, then read the last committed state.
#[test]
fn query_recovers_a_file_a_killed_writer_left_with_its_journal() {
    let ws = Workspace::new();
    write_corpus(&ws, "corpus", 0..300);
    let import = spawn_import(&ws, &["corpus", "--db", "base.db"])
        .wait_with_output()
        .unwrap();
    assert!(import.status.success(), "{import:?}");
    let committed_count = committed(&ws.path("base.db"));
    assert_eq!(committed_count, 300);

    // A writer mid-transaction, its changes spilled into the file: copying
    // the file and its journal now gives what a kill at that moment leaves.
    let writer = Connection::open(ws.path("base.db")).unwrap();
    writer
        .execute_batch(
            "PRAGMA journal_mode = TRUNCATE; PRAGMA cache_size = 5;
             BEGIN IMMEDIATE; DELETE FROM articles;",
        )
        .unwrap();
    for suffix in ["", "-journal"] {
        std::fs::copy(
            ws.path(&format!("base.db{suffix}")),
            ws.path(&format!("killed.db{suffix}")),
        )
        .unwrap();
    }
    writer.execute_batch("ROLLBACK").unwrap();

    let read = count_articles_by_query(&ws, "killed.db");
    let stdout = String::from_utf8_lossy(&read.stdout);
    let rows: Vec<&str> = stdout.lines().collect();
    assert_eq!(rows, ["count(*)", &committed_count.to_string()]);
    assert!(
        String::from_utf8_lossy(&read.stderr).contains("Recovering"),
        "{read:?}"
    );
}

// ---- concurrent use ----

/// Articles committed so far, as a reader sees them; 0 while the file or its
/// tables do not exist yet.
fn committed(db: &Path) -> i64 {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
        .unwrap_or(0)
}

fn output_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The import reads JSONL from a pipe the test feeds, so it is provably still
/// running (waiting for input, between batches) while the readers run.
#[test]
fn readers_work_while_an_import_runs() {
    let ws = Workspace::new();
    let db = ws.path("live.db");
    let lines = jsonl_lines(0..1_500);
    let mut import = newsfacts(&ws)
        .args(["import", "-", "--db", "live.db"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = import.stdin.take().unwrap();
    let mut fed = 0;
    let waiting_since = Instant::now();
    while committed(&db) == 0 {
        assert!(
            waiting_since.elapsed() < Duration::from_secs(120),
            "no batch committed"
        );
        if fed < lines.len() {
            for line in &lines[fed..(fed + 50).min(lines.len())] {
                input.write_all(line.as_bytes()).unwrap();
            }
            fed = (fed + 50).min(lines.len());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        import.try_wait().unwrap().is_none(),
        "the import should still be running"
    );

    let n: i64 = output_of(newsfacts(&ws).args([
        "query",
        "SELECT count(*) FROM articles",
        "--db",
        "live.db",
        "--format",
        "tsv",
        "--no-headers",
    ]))
    .parse()
    .unwrap();
    assert!(n > 0);
    output_of(newsfacts(&ws).args(["query", "casualty_timeline", "--db", "live.db"]));
    if have("sqlite3") {
        let shell = output_of(
            Command::new("sqlite3")
                .arg("-readonly")
                .arg(&db)
                .arg("SELECT count(*) > 0 FROM statements_view;"),
        );
        assert_eq!(shell, "1");
    } else {
        eprintln!("note: no sqlite3 shell; that reader skipped");
    }
    if have("python3") {
        // Datasette opens files like this (read-only URI) through Python's sqlite3.
        let script = "import sqlite3, sys\n\
                      c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)\n\
                      print(c.execute('SELECT count(*) > 0 FROM casualty_figures_view').fetchone()[0])";
        let py = output_of(Command::new("python3").args(["-c", script]).arg(&db));
        assert_eq!(py, "1");
    } else {
        eprintln!("note: no python3; the Datasette-style reader skipped");
    }
    // A reader also works while a write transaction is open.
    let writer = Connection::open(&db).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    output_of(newsfacts(&ws).args(["query", "SELECT count(*) FROM actors", "--db", "live.db"]));
    writer.execute_batch("ROLLBACK").unwrap();
    assert!(
        import.try_wait().unwrap().is_none(),
        "the import should still be running"
    );

    for line in &lines[fed..] {
        input.write_all(line.as_bytes()).unwrap();
    }
    drop(input);
    let out = import.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(committed(&db), 1_500);
    assert_sound(&db);
}

/// Two imports started together on one new file (so they also race to create
/// the schema), with overlapping corpora: both finish, each shared article is
/// stored once, and the result equals importing everything in one go.
#[test]
fn two_imports_into_one_file_serialise() {
    let ws = Workspace::new();
    write_corpus(&ws, "a", 0..1_000);
    write_corpus(&ws, "b", 600..1_600);
    let reference = spawn_import(&ws, &["a", "b", "--db", "reference.db"])
        .wait_with_output()
        .unwrap();
    assert!(reference.status.success(), "{reference:?}");
    for round in 0..2 {
        let db = format!("shared-{round}.db");
        let first = spawn_import(&ws, &["a", "--db", &db]);
        let second = spawn_import(&ws, &["b", "--db", &db]);
        let (first, second) = (
            first.wait_with_output().unwrap(),
            second.wait_with_output().unwrap(),
        );
        assert!(first.status.success(), "{first:?}");
        assert!(second.status.success(), "{second:?}");
        let new: u64 = [&first, &second]
            .iter()
            .map(|o| {
                let s = String::from_utf8_lossy(&o.stdout);
                let n = s.split(" new").next().unwrap().rsplit(' ').next().unwrap();
                n.parse::<u64>().unwrap()
            })
            .sum();
        assert_eq!(new, 1_600);
        let path = ws.path(&db);
        assert_eq!(table_counts(&path), table_counts(&ws.path("reference.db")));
        assert_eq!(
            facts_per_article(&path),
            facts_per_article(&ws.path("reference.db"))
        );
        assert_sound(&path);
    }
}
