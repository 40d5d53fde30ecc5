//! `newsfacts query` and `newsfacts queries`: saved queries, parameters, formats.

use predicates::prelude::*;

use crate::{Workspace, PORT_STRIKE, TALKS};

fn imported() -> Workspace {
    let ws = Workspace::new();
    ws.write("c/port.txt", PORT_STRIKE);
    ws.write("c/talks.txt", TALKS);
    ws.cmd().args(["import", "c"]).assert().success();
    ws
}

#[test]
fn lists_saved_queries_with_parameters() {
    let ws = Workspace::new();
    ws.cmd()
        .args(["queries", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("casualty_timeline"))
        .stdout(predicate::str::contains("-p speaker VALUE"));
}

#[test]
fn saved_query_with_a_parameter_filters_by_alias() {
    let ws = imported();
    let out = ws
        .cmd()
        .args([
            "query",
            "statements_by_speaker",
            "-p",
            "speaker",
            "Okonjo",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r["speaker"] == "Amara Okonjo"),
        "{rows:?}"
    );
}

#[test]
fn csv_output_reads_back() {
    let ws = imported();
    let out = ws
        .cmd()
        .args([
            "query",
            "SELECT category, count, victims FROM casualty_figures ORDER BY count",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["category", "count", "victims"]
    );
    let counts: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    assert!(counts.contains(&"7".to_string()), "{counts:?}");
}

#[test]
fn table_output_is_the_default() {
    let ws = imported();
    ws.cmd()
        .args(["query", "SELECT name FROM locations WHERE name = 'Tartus'"])
        .assert()
        .success()
        .stdout(predicate::str::contains("│ Tartus"))
        .stdout(predicate::str::contains("(1 row)"));
}

#[test]
fn unknown_query_suggests_the_closest() {
    let ws = imported();
    ws.cmd()
        .args(["query", "casualty_timelin"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "did you mean \"casualty_timeline\"",
        ));
}

#[test]
fn sql_error_names_the_query() {
    let ws = imported();
    ws.cmd()
        .args(["query", "SELECT nope FROM articles"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "in query ad-hoc SQL: no such column: nope",
        ));
}

#[test]
fn missing_parameter_says_how_to_pass_it() {
    let ws = imported();
    ws.cmd()
        .args(["query", "SELECT :who"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "needs parameter :who; pass it with -p who VALUE",
        ));
}

#[test]
fn query_is_read_only_by_default() {
    let ws = imported();
    ws.cmd()
        .args(["query", "DELETE FROM articles"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("readonly"));
}

#[test]
fn demo_imports_and_prints_the_headline_queries() {
    let ws = Workspace::new();
    ws.cmd()
        .arg("demo")
        .assert()
        .success()
        .stdout(predicate::str::contains("0 failed"))
        .stdout(predicate::str::contains("== Casualty timeline"));
}
