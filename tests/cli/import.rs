//! `newsfacts import`: input formats, idempotence, errors.

use predicates::prelude::*;

use crate::{
    index_definitions, scalar, table_contents, table_counts, Workspace, PORT_STRIKE, TALKS,
};

#[test]
fn imports_a_txt_article_with_date_title_and_facts() {
    let ws = Workspace::new();
    ws.write("corpus/port.txt", PORT_STRIKE);
    ws.cmd()
        .args(["import", "corpus"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "articles: 1 new, 0 unchanged, 0 failed",
        ));
    let db = ws.db();
    let (title, date): (String, String) = db
        .query_row("SELECT title, published_on FROM articles", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(title, "Strike on port town kills seven, ministry says");
    assert_eq!(date, "2025-05-04");
    let killed: i64 = scalar(
        &db,
        "SELECT count FROM casualty_figures WHERE category = 'killed'",
    );
    assert_eq!(killed, 7);
    let (wounded, qualifier): (i64, String) = db
        .query_row(
            "SELECT count, qualifier FROM casualty_figures WHERE category = 'injured'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((wounded, qualifier.as_str()), (12, "at_least"));
}

#[test]
fn offsets_point_at_the_span_in_the_body() {
    let ws = Workspace::new();
    ws.write("a.txt", PORT_STRIKE);
    ws.cmd().args(["import", "a.txt"]).assert().success();
    let db = ws.db();
    let bad: i64 = scalar(
        &db,
        "SELECT count(*) FROM actor_mentions m JOIN articles a ON a.id = m.article_id
         WHERE substr(a.body, m.start_char + 1, m.end_char - m.start_char) != m.surface",
    );
    assert_eq!(bad, 0);
    let quote: String = scalar(
        &db,
        "SELECT substr(a.body, s.start_char + 1, s.end_char - s.start_char) FROM statements s
         JOIN articles a ON a.id = s.article_id WHERE s.kind = 'direct'",
    );
    assert!(
        quote.contains("We are still searching the rubble"),
        "{quote}"
    );
}

#[test]
fn imports_jsonl_with_its_fields() {
    let ws = Workspace::new();
    let line = serde_json::json!({
        "id": "w-1", "title": "Envoys meet", "date": "2025-02-03T10:00:00Z",
        "url": "https://example.org/1", "source": "Meridian Wire", "text": TALKS,
    });
    ws.write("wires.jsonl", format!("{line}\n\n"));
    ws.cmd().args(["import", "wires.jsonl"]).assert().success();
    let row: (String, String, String, String, i64) = ws
        .db()
        .query_row(
            "SELECT external_id, published_on, outlet, url, record FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(
        row,
        (
            "w-1".into(),
            "2025-02-03".into(),
            "Meridian Wire".into(),
            "https://example.org/1".into(),
            1
        )
    );
}

#[test]
fn imports_csv_rows_with_quoted_bodies() {
    let ws = Workspace::new();
    let mut w = csv::Writer::from_path(ws.path("briefs.csv")).unwrap();
    w.write_record(["id", "title", "published", "outlet", "body"])
        .unwrap();
    w.write_record(["b1", "Talks", "2025-01-02", "Eastwind", TALKS])
        .unwrap();
    w.write_record(["b2", "Port", "", "Eastwind", PORT_STRIKE])
        .unwrap();
    w.flush().unwrap();
    ws.cmd().args(["import", "briefs.csv"]).assert().success();
    let db = ws.db();
    assert_eq!(scalar::<i64>(&db, "SELECT count(*) FROM articles"), 2);
    assert_eq!(
        scalar::<String>(&db, "SELECT title FROM articles WHERE external_id = 'b1'"),
        "Talks"
    );
}

#[test]
fn imports_jsonl_from_standard_input() {
    let ws = Workspace::new();
    let line = serde_json::json!({"body": TALKS});
    ws.cmd()
        .args(["import", "-"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .success();
    assert_eq!(
        scalar::<String>(&ws.db(), "SELECT source_path FROM articles"),
        "<stdin>"
    );
}

#[test]
fn importing_twice_changes_no_row_count() {
    let ws = Workspace::new();
    ws.write("c/a.txt", PORT_STRIKE);
    ws.write("c/b.txt", TALKS);
    ws.cmd().args(["import", "c"]).assert().success();
    let first = table_counts(&ws.path("newsfacts.db"));
    ws.cmd()
        .args(["import", "c"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 new, 2 unchanged"));
    assert_eq!(table_counts(&ws.path("newsfacts.db")), first);
}

/// An import alone on the file writes with a rollback journal and puts WAL
/// back at its end; one that finds the file open elsewhere keeps WAL
/// throughout, and the open connection reads its articles.
#[test]
fn an_import_leaves_the_file_in_wal_mode_open_or_not() {
    let ws = Workspace::new();
    ws.write("a/port.txt", PORT_STRIKE);
    ws.cmd().args(["import", "a"]).assert().success();
    let reader = ws.db();
    assert_eq!(scalar::<String>(&reader, "PRAGMA journal_mode"), "wal");
    ws.write("b/talks.txt", TALKS);
    ws.cmd().args(["import", "b"]).assert().success();
    assert_eq!(scalar::<String>(&reader, "PRAGMA journal_mode"), "wal");
    assert_eq!(scalar::<i64>(&reader, "SELECT count(*) FROM articles"), 2);
}

#[test]
fn replace_re_extracts_without_duplicating() {
    let ws = Workspace::new();
    ws.write("a.txt", PORT_STRIKE);
    ws.cmd().args(["import", "a.txt"]).assert().success();
    let first = table_counts(&ws.path("newsfacts.db"));
    ws.cmd()
        .args(["import", "a.txt", "--replace"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 replaced"));
    assert_eq!(table_counts(&ws.path("newsfacts.db")), first);
}

/// Each running total next to the count over the facts it totals, for every
/// key where either is non-zero.
fn totals_and_counts(conn: &rusqlite::Connection) -> Vec<(String, String, i64, i64)> {
    let pairs = [
        (
            "places",
            "SELECT location_id, mentions, articles FROM location_counts",
            "SELECT location_id, count(*), count(DISTINCT article_id) FROM location_mentions
             GROUP BY location_id",
        ),
        (
            "figures",
            "SELECT location_id || category, figures, 0 FROM casualty_counts",
            "SELECT location_id || category, count(*), 0 FROM casualty_figures
             WHERE location_id IS NOT NULL AND part_of_id IS NULL GROUP BY 1",
        ),
        (
            "outlets",
            "SELECT outlet, articles, statements + casualty_figures + actor_mentions + place_mentions
             FROM outlet_counts",
            "SELECT coalesce(outlet, ''), count(*),
                    sum((SELECT count(*) FROM statements WHERE article_id = a.id)
                      + (SELECT count(*) FROM casualty_figures WHERE article_id = a.id)
                      + (SELECT count(*) FROM actor_mentions WHERE article_id = a.id)
                      + (SELECT count(*) FROM location_mentions WHERE article_id = a.id))
             FROM articles a GROUP BY 1",
        ),
    ];
    let mut out = Vec::new();
    for (name, totals, counts) in pairs {
        let read = |sql: &str| -> std::collections::BTreeMap<String, (i64, i64)> {
            let mut stmt = conn.prepare(sql).unwrap();
            stmt.query_map([], |r| {
                let key: rusqlite::types::Value = r.get(0)?;
                Ok((format!("{key:?}"), (r.get(1)?, r.get(2)?)))
            })
            .unwrap()
            .map(Result::unwrap)
            .filter(|(_, (a, b))| *a != 0 || *b != 0)
            .collect()
        };
        let (totals, counts) = (read(totals), read(counts));
        assert!(!counts.is_empty(), "{name}: nothing to total");
        for key in totals.keys().chain(counts.keys()) {
            let (t, c) = (totals.get(key), counts.get(key));
            if t != c {
                out.push((
                    name.to_string(),
                    key.clone(),
                    t.map_or(0, |v| v.0),
                    c.map_or(0, |v| v.0),
                ));
            }
        }
    }
    out
}

#[test]
fn running_totals_equal_the_facts_through_replace_delete_and_moves() {
    let ws = Workspace::new();
    ws.write("c/port.txt", PORT_STRIKE);
    ws.write("c/talks.txt", TALKS);
    ws.write("c/more.jsonl", many_articles(30));
    ws.cmd().args(["import", "c"]).assert().success();
    let conn = rusqlite::Connection::open(ws.path("newsfacts.db")).unwrap();
    assert_eq!(totals_and_counts(&conn), [], "after import");
    ws.cmd()
        .args(["import", "c", "--replace"])
        .assert()
        .success();
    assert_eq!(totals_and_counts(&conn), [], "after --replace");
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         DELETE FROM articles WHERE id IN (SELECT min(article_id) FROM casualty_figures);",
    )
    .unwrap();
    assert_eq!(totals_and_counts(&conn), [], "after a delete by hand");
    conn.execute_batch(
        "UPDATE location_mentions SET location_id = (SELECT min(location_id) FROM location_mentions)
         WHERE location_id = (SELECT max(location_id) FROM location_mentions);
         UPDATE casualty_figures SET category = 'missing' WHERE id = (SELECT max(id) FROM casualty_figures);
         UPDATE articles SET outlet = 'Renamed Wire' WHERE id = (SELECT max(id) FROM articles);",
    )
    .unwrap();
    assert_eq!(totals_and_counts(&conn), [], "after moves by hand");
}

#[test]
fn bad_files_are_named_with_their_reason_and_the_rest_imported() {
    let ws = Workspace::new();
    ws.write("c/good.txt", TALKS);
    ws.write("c/empty.txt", "  \n");
    ws.write(
        "c/bad.jsonl",
        format!(
            "{}\nnot json\n{{\"title\": \"no text\"}}\n",
            serde_json::json!({"text": PORT_STRIKE})
        ),
    );
    ws.write("c/latin1.txt", b"caf\xe9 owner said\n".as_slice());
    ws.cmd()
        .args(["import", "c", "missing-folder"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("c/empty.txt: empty article"))
        .stderr(predicate::str::contains("c/bad.jsonl:2: not valid JSON"))
        .stderr(predicate::str::contains(
            "c/bad.jsonl:3: no `text` or `body` field",
        ))
        .stderr(predicate::str::contains("c/latin1.txt: not valid UTF-8"))
        .stderr(predicate::str::contains(
            "missing-folder: no such file or folder",
        ))
        .stdout(predicate::str::contains("2 new, 0 unchanged, 5 failed"));
    let db = ws.db();
    assert_eq!(scalar::<i64>(&db, "SELECT count(*) FROM articles"), 2);
    assert_eq!(scalar::<i64>(&db, "SELECT count(*) FROM import_errors"), 5);
}

#[test]
fn csv_row_with_wrong_field_count_names_its_line() {
    let ws = Workspace::new();
    ws.write(
        "b.csv",
        "id,body\n1,\"Seven people were killed, officials said.\"\n2,too,many\n",
    );
    ws.cmd()
        .args(["import", "b.csv"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "b.csv:3: row has 3 fields, the header has 2",
        ));
    assert_eq!(scalar::<i64>(&ws.db(), "SELECT count(*) FROM articles"), 1);
}

/// Enough articles to fill several pipeline batches, alternating two stories.
fn many_articles(n: usize) -> String {
    (0..n)
        .map(|i| {
            let story = if i % 2 == 0 { PORT_STRIKE } else { TALKS };
            let text = format!("{story}\nUpdate {i}: {} more people were injured.\n", i + 2);
            format!(
                "{}\n",
                serde_json::json!({"id": i.to_string(), "text": text})
            )
        })
        .collect()
}

#[test]
fn map_then_load_equals_direct_import() {
    let ws = Workspace::new();
    let lines = many_articles(600);
    ws.cmd()
        .args(["import", "-", "--db", "direct.db"])
        .write_stdin(lines.clone())
        .assert()
        .success();
    let facts = ws
        .cmd()
        .arg("extract")
        .write_stdin(lines)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    ws.write("facts.jsonl", facts);
    ws.cmd()
        .args(["import", "--facts", "facts.jsonl", "--db", "mapped.db"])
        .assert()
        .success();
    let direct = table_contents(&ws.path("direct.db"));
    assert_eq!(direct[0].1.len(), 600, "every article stored");
    assert_eq!(direct, table_contents(&ws.path("mapped.db")));
}

/// Dropping the query indexes and building them after the load stores the
/// same rows and ends with the same indexes as updating them as it goes.
#[test]
fn building_indexes_after_the_load_equals_building_them_during_it() {
    let ws = Workspace::new();
    ws.write("many.jsonl", many_articles(600));
    for (when, summary) in [
        (
            "during",
            predicate::str::contains("indexes built").not().boxed(),
        ),
        (
            "after",
            predicate::str::contains("7 indexes built after the load in").boxed(),
        ),
    ] {
        ws.cmd()
            .args(["import", "many.jsonl", "--db", &format!("{when}.db")])
            .args(["--build-indexes", when])
            .assert()
            .success()
            .stdout(summary);
    }
    let (during, after) = (ws.path("during.db"), ws.path("after.db"));
    assert_eq!(table_contents(&during), table_contents(&after));
    assert_eq!(index_definitions(&during), index_definitions(&after));
    assert!(index_definitions(&after)
        .iter()
        .any(|(name, _)| name == "statements_speaker_text"));
    // Nothing is left listed as missing, and queries say nothing about it.
    let missing: i64 = scalar(
        &rusqlite::Connection::open(&after).unwrap(),
        "SELECT count(*) FROM deferred_indexes",
    );
    assert_eq!(missing, 0);
    ws.cmd()
        .args(["query", "places", "--db", "after.db"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_large_import_keeps_input_order_and_answers_full_text_search() {
    let ws = Workspace::new();
    ws.write("many.jsonl", many_articles(600));
    ws.cmd()
        .args(["import", "many.jsonl"])
        .assert()
        .success()
        .stdout(predicate::str::contains("600 new, 0 unchanged, 0 failed"))
        // Not a terminal: no progress bar, nothing on stderr.
        .stderr("");
    let db = ws.db();
    let out_of_order: i64 = scalar(
        &db,
        "SELECT count(*) FROM articles WHERE id != record OR CAST(external_id AS INTEGER) != id - 1",
    );
    assert_eq!(out_of_order, 0);
    let hits: i64 = scalar(
        &db,
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'crossings'",
    );
    assert_eq!(hits, 300);
}
