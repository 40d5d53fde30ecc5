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
    for line in text
        .lines()
        .map(str::trim)
        .take_while(|l| l.starts_with("--"))
    {
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
