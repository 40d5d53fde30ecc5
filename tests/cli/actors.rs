//! Actors across a corpus: one row per real actor, whatever spelling each
//! article used, with every spelling kept as an alias.

use crate::{scalar, Workspace};

const BEIRUT: &str = "Strikes hit southern Lebanon

BEIRUT (Kestrel Wire) - The Lebanese health ministry said on Monday that four people were killed. \
Hizballah said it fired rockets. The Israeli army said it struck launchers. \
Foreign Minister Amara Okonjo, visiting the region, urged calm. Okonjo later met aid groups.
";

const WASHINGTON: &str = "Pentagon weighs options

WASHINGTON - The US Department of Defence said talks continued. \
The IDF said its jets returned safely, and Hezbollah vowed to respond. \
Lebanon's health ministry raised the toll to six.
";

#[test]
fn one_row_per_actor_across_articles_with_every_spelling() {
    let ws = Workspace::new();
    ws.write("corpus/beirut.txt", BEIRUT);
    ws.write("corpus/washington.txt", WASHINGTON);
    ws.cmd().args(["import", "corpus"]).assert().success();
    let db = ws.db();
    let rows = |name: &str| -> i64 {
        scalar(
            &db,
            &format!(
                "SELECT count(*) FROM actors WHERE name = '{}'",
                name.replace('\'', "''")
            ),
        )
    };
    let aliases = |name: &str| -> String {
        scalar(
            &db,
            &format!(
                "SELECT group_concat(alias, '|') FROM (SELECT alias FROM actor_aliases x
                 JOIN actors a ON a.id = x.actor_id WHERE a.name = '{}' ORDER BY alias)",
                name.replace('\'', "''")
            ),
        )
    };
    for name in [
        "Hezbollah",
        "Israel Defense Forces",
        "Pentagon",
        "Lebanon's health ministry",
    ] {
        assert_eq!(rows(name), 1, "{name}");
    }
    assert_eq!(aliases("Hezbollah"), "Hizballah");
    assert!(aliases("Israel Defense Forces").contains("Israeli army"));
    assert!(aliases("Israel Defense Forces").contains("IDF"));
    assert_eq!(aliases("Pentagon"), "US Department of Defence");
    assert!(aliases("Lebanon's health ministry").contains("Lebanese health ministry"));
    // Within an article the surname is the same person, with title kept.
    let (title, mentions): (String, i64) = db
        .query_row(
            "SELECT a.title, count(m.id) FROM actors a JOIN actor_mentions m ON m.actor_id = a.id
             WHERE a.name = 'Amara Okonjo' GROUP BY a.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((title.as_str(), mentions), ("Foreign Minister", 2));
    // Demonyms and countries are not people or organizations.
    let wrong: i64 = scalar(
        &db,
        "SELECT count(*) FROM actors WHERE kind IN ('person', 'organization')
         AND name IN ('Lebanese', 'Israeli', 'Lebanon', 'Israel', 'BEIRUT', 'WASHINGTON')",
    );
    assert_eq!(wrong, 0);
}
