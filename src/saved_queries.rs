//! Saved queries: `queries/<name>.sql` files with a comment header, built into
//! the binary.
//!
//! The header is a run of `--` lines at the top:
//!
//! ```sql
//! -- title: Casualty timeline
//! -- description: Figures per category and place, by article date.
//! -- param: place = NULL : Only this place (any alias); all places when NULL.
//! ```
//!
//! A `param` without `= DEFAULT` is required. `NULL` as a default binds SQL NULL.
//! The header ends at the first line that is not a comment, or at a bare `--`
//! line; comments after that are notes on the SQL and are not parsed.

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use embedded::DEMO_FILES;

/// A parameter a saved query declares in its header.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    /// None when the parameter is required; Some("NULL") binds SQL NULL.
    pub default: Option<String>,
    pub description: String,
}

/// A saved query with its header parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedQuery {
    pub name: String,
    pub title: String,
    pub description: String,
    pub params: Vec<Param>,
    pub sql: String,
}

#[derive(Debug, thiserror::Error)]
pub enum QueryLookupError {
    #[error("no saved query named {name:?}{}", suggestion.as_ref().map(|s| format!("; did you mean {s:?}?")).unwrap_or_default())]
    Unknown {
        name: String,
        suggestion: Option<String>,
    },
}

/// Parses a saved query's header and keeps its SQL.
pub fn parse(name: &str, text: &str) -> SavedQuery {
    let mut q = SavedQuery {
        name: name.to_string(),
        title: name.to_string(),
        description: String::new(),
        params: Vec::new(),
        sql: text.to_string(),
    };
    for line in header_lines(text) {
        let line = line.trim_start_matches('-').trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "title" => q.title = value.to_string(),
            "description" => q.description = value.to_string(),
            "param" => q.params.push(parse_param(value)),
            _ => {}
        }
    }
    q
}

/// The `-- key: value` lines at the top, up to the first non-comment or bare `--`.
fn header_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .take_while(|l| l.starts_with("--") && l.trim_start_matches('-').trim() != "")
}

/// The query without its header: the SQL and any notes on it.
pub fn body(text: &str) -> &str {
    let mut rest = text;
    while let Some(line) = rest.lines().next() {
        let trimmed = line.trim();
        if !trimmed.starts_with("--") {
            break;
        }
        rest = rest[line.len()..].trim_start_matches(['\r', '\n']);
        if trimmed.trim_start_matches('-').trim().is_empty() {
            break;
        }
    }
    rest
}

/// `NAME [= DEFAULT] : description`.
fn parse_param(spec: &str) -> Param {
    let (head, description) = spec.split_once(':').unwrap_or((spec, ""));
    let (name, default) = match head.split_once('=') {
        Some((n, d)) => (n.trim(), Some(d.trim().to_string())),
        None => (head.trim(), None),
    };
    Param {
        name: name.trim_start_matches(':').to_string(),
        default,
        description: description.trim().to_string(),
    }
}

/// All saved queries: the built-in ones, overridden or extended by `.sql`
/// files in `extra_dir` when given.
pub fn all(extra_dir: Option<&std::path::Path>) -> anyhow::Result<Vec<SavedQuery>> {
    let mut queries: Vec<SavedQuery> = embedded::SAVED_QUERIES
        .iter()
        .map(|(name, text)| parse(name, text))
        .collect();
    if let Some(dir) = extra_dir {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| anyhow::anyhow!("reading saved queries folder {}: {e}", dir.display()))?;
        let mut paths: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?;
            queries.retain(|q| q.name != name);
            queries.push(parse(&name, &text));
        }
        queries.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Ok(queries)
}

/// Finds a saved query by name, suggesting the closest on a miss.
pub fn find(queries: &[SavedQuery], name: &str) -> Result<SavedQuery, QueryLookupError> {
    if let Some(q) = queries.iter().find(|q| q.name == name) {
        return Ok(q.clone());
    }
    let suggestion = queries
        .iter()
        .map(|q| (strsim::jaro_winkler(&q.name, name), &q.name))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n.clone());
    Err(QueryLookupError::Unknown {
        name: name.to_string(),
        suggestion,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_gives_title_description_and_params() {
        let q = parse(
            "x",
            "-- title: T\n-- description: D\n-- param: place = NULL : Where\n-- param: who : Speaker\nSELECT :place, :who",
        );
        assert_eq!(q.title, "T");
        assert_eq!(q.description, "D");
        assert_eq!(q.params[0].default.as_deref(), Some("NULL"));
        assert_eq!(q.params[1].default, None);
        assert_eq!(q.params[1].description, "Speaker");
    }

    #[test]
    fn a_near_miss_suggests_the_closest_name() {
        let qs = all(None).unwrap();
        let err = find(&qs, "statments_by_speaker").unwrap_err().to_string();
        assert!(err.contains("did you mean"), "{err}");
    }

    #[test]
    fn the_header_ends_at_a_bare_comment_line() {
        let text = "-- title: T\n-- param: a = 1 : A\n--\n-- note: not a header\n-- param: b : B\nSELECT :a";
        let q = parse("x", text);
        assert_eq!(q.params.len(), 1);
        assert_eq!(
            body(text),
            "-- note: not a header\n-- param: b : B\nSELECT :a"
        );
        assert_eq!(body("-- title: T\nSELECT 1"), "SELECT 1");
    }

    /// Tables that grow with the corpus. A full pass over one of them (`SCAN`,
    /// with or without an index) makes a query slow on a large database.
    const BIG_TABLES: &[&str] = &[
        "articles",
        "actor_mentions",
        "location_mentions",
        "statements",
        "casualty_figures",
        "actor_aliases",
        "location_aliases",
        "actors",
        "locations",
        "location_counts",
        "casualty_counts",
    ];

    /// The full passes that are the point of a query: (query, table, why).
    /// Each entry allows one `SCAN` of that table in the query's plan; any
    /// other scan of a big table fails the test below.
    const LEGITIMATE_SCANS: &[(&str, &str, &str)] = &[
        (
            "casualty_timeline",
            "articles",
            "unfiltered, it walks articles newest first down articles_published_on and stops at :limit",
        ),
        (
            "statements_by_speaker",
            "articles",
            "unfiltered, it walks articles newest first down articles_published_on and stops at :limit",
        ),
        (
            "conflicting_figures",
            "articles",
            "it walks articles newest first down articles_published_on and stops at :limit pairs",
        ),
        (
            "places",
            "location_counts",
            "one row per place: the running totals are the answer",
        ),
        (
            "latest_figures",
            "casualty_counts",
            "one row per place and category: the answer's own rows",
        ),
    ];

    /// `EXPLAIN QUERY PLAN` of every built-in query on a fresh schema: a
    /// full scan of a big table is allowed only where LEGITIMATE_SCANS says
    /// why; everything else must be a SEARCH through an index.
    #[test]
    fn saved_query_plans_use_indexes() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::db::migrations::migrate(&conn).unwrap();
        let mut failures = Vec::new();
        for q in all(None).unwrap() {
            let tables = alias_tables(&q.sql);
            let mut allowed: Vec<&str> = LEGITIMATE_SCANS
                .iter()
                .filter(|(name, _, _)| *name == q.name)
                .map(|(_, table, _)| *table)
                .collect();
            let plan = query_plan(&conn, &q.sql);
            for line in &plan {
                let Some(alias) = scanned_alias(line) else {
                    continue;
                };
                let table = tables.get(alias).map_or(alias, String::as_str);
                if !BIG_TABLES.contains(&table) {
                    continue;
                }
                if let Some(i) = allowed.iter().position(|t| *t == table) {
                    allowed.remove(i);
                } else {
                    failures.push(format!(
                        "{}: full scan of {table} ({line})\n    plan: {}",
                        q.name,
                        plan.join(" / ")
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn the_plan_check_sees_a_full_scan() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::db::migrations::migrate(&conn).unwrap();
        let sql = "SELECT * FROM statements s WHERE :who IS NULL OR s.speaker_id = :who";
        let plan = query_plan(&conn, sql);
        let scanned: Vec<&str> = plan.iter().filter_map(|l| scanned_alias(l)).collect();
        assert_eq!(scanned, ["s"]);
        assert_eq!(alias_tables(sql)["s"], "statements");
    }

    /// The plan's detail lines, in order.
    fn query_plan(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let mut rows = stmt.raw_query();
        let mut lines = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            lines.push(row.get::<_, String>(3).unwrap());
        }
        lines
    }

    /// The table or alias a `SCAN` line reads; None for searches, CTEs that
    /// are only co-routines, virtual-table (FTS) lookups and constant rows.
    fn scanned_alias(line: &str) -> Option<&str> {
        let rest = line.strip_prefix("SCAN ")?;
        if rest.contains("VIRTUAL TABLE") || rest.starts_with("CONSTANT ROW") {
            return None;
        }
        rest.split_whitespace().next()
    }

    /// Alias -> table for every `FROM t [AS] x` and `JOIN t [AS] x`.
    fn alias_tables(sql: &str) -> std::collections::HashMap<String, String> {
        const KEYWORDS: &[&str] = &[
            "where", "join", "left", "inner", "cross", "on", "group", "order", "limit", "union",
            "using", "natural", "window", "as", "select", "with",
        ];
        let re = regex::Regex::new(
            r"(?i)\b(?:FROM|JOIN)\s+([A-Za-z_]\w*)(?:\s+(?:AS\s+)?([A-Za-z_]\w*))?",
        )
        .unwrap();
        let mut map = std::collections::HashMap::new();
        for cap in re.captures_iter(sql) {
            let table = cap[1].to_string();
            if let Some(alias) = cap.get(2) {
                if !KEYWORDS.contains(&alias.as_str().to_ascii_lowercase().as_str()) {
                    map.insert(alias.as_str().to_string(), table.clone());
                }
            }
            map.insert(table.clone(), table);
        }
        map
    }

    /// Every built-in query prepares against a fresh schema, and the
    /// parameters it uses are exactly those its header declares.
    #[test]
    fn every_saved_query_prepares_and_declares_its_params() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::db::migrations::migrate(&conn).unwrap();
        let qs = all(None).unwrap();
        assert!(qs.len() >= 3);
        for q in qs {
            let stmt = conn
                .prepare(&q.sql)
                .unwrap_or_else(|e| panic!("{}: {e}", q.name));
            let mut used: Vec<String> = (1..=stmt.parameter_count())
                .filter_map(|i| {
                    stmt.parameter_name(i)
                        .map(|n| n.trim_start_matches(':').to_string())
                })
                .collect();
            used.sort();
            let mut declared: Vec<String> = q.params.iter().map(|p| p.name.clone()).collect();
            declared.sort();
            assert_eq!(used, declared, "{}", q.name);
            assert!(!q.description.is_empty(), "{} has no description", q.name);
        }
    }
}
