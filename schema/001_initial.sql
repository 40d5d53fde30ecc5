-- newsfacts schema, version 1.
-- Migrations are append-only: never edit this file once released; add 002_*.sql.
-- Offsets (start_char, end_char) count characters into articles.body, so
-- substr(body, start_char + 1, end_char - start_char) returns the span.

-- One row per `newsfacts import` invocation.
CREATE TABLE import_runs (
    id            INTEGER PRIMARY KEY,
    started_at    TEXT NOT NULL,           -- UTC, ISO 8601
    finished_at   TEXT,                    -- NULL while running or if the run was killed
    command       TEXT NOT NULL,           -- the arguments, for the record
    articles_new       INTEGER NOT NULL DEFAULT 0,
    articles_unchanged INTEGER NOT NULL DEFAULT 0,
    articles_failed    INTEGER NOT NULL DEFAULT 0
);

-- A file or record that could not be imported, kept so nothing disappears silently.
CREATE TABLE import_errors (
    id        INTEGER PRIMARY KEY,
    run_id    INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
    path      TEXT NOT NULL,
    line      INTEGER,                     -- NULL for whole-file problems
    reason    TEXT NOT NULL
);
CREATE INDEX import_errors_run ON import_errors(run_id);

-- One row per distinct article (by normalised text).
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source_path   TEXT NOT NULL,
    record        INTEGER,                 -- line (JSONL) or row (CSV); NULL for .txt
    external_id   TEXT,                    -- the record's own id, when it has one
    url           TEXT,
    outlet        TEXT,                    -- NULL when neither record nor text names it
    title         TEXT,                    -- NULL when the text has no headline
    published_on  TEXT,                    -- 'YYYY-MM-DD'; NULL when not stated
    body          TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,    -- SHA-256 of the whitespace-folded body
    run_id        INTEGER REFERENCES import_runs(id) ON DELETE SET NULL
);
CREATE INDEX articles_published_on ON articles(published_on);
CREATE INDEX articles_outlet ON articles(outlet);

-- People, organizations and countries (those that act or speak), one row per
-- real actor across the corpus.
CREATE TABLE actors (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'country')),
    title        TEXT,                     -- the latest title the text stated; NULL if none
    affiliation  TEXT,                     -- country code or organization; NULL if not stated
    UNIQUE (kind, name)
);

-- Every other surface form an actor has been called.
CREATE TABLE actor_aliases (
    actor_id  INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_alias ON actor_aliases(alias COLLATE NOCASE);

-- One row per mention of an actor in an article.
CREATE TABLE actor_mentions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actors(id),
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    surface     TEXT NOT NULL              -- the words as written
);
CREATE INDEX actor_mentions_article ON actor_mentions(article_id);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id, article_id);

-- Named places, geocoded from GeoNames when known.
CREATE TABLE locations (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('country', 'admin', 'region', 'city', 'site')),
    country_code  TEXT,                    -- ISO 3166-1 alpha-2; NULL when unknown or spanning countries
    latitude      REAL,                    -- NULL for places missing from the gazetteer
    longitude     REAL,
    geonames_id   INTEGER,                 -- NULL for places missing from GeoNames
    place_key     TEXT NOT NULL UNIQUE     -- 'geonames:ID', or 'name:KIND:CC' when not in the gazetteer
);
CREATE INDEX locations_name ON locations(name COLLATE NOCASE);

CREATE TABLE location_aliases (
    location_id  INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    alias        TEXT NOT NULL,
    PRIMARY KEY (location_id, alias)
) WITHOUT ROWID;
CREATE INDEX location_aliases_alias ON location_aliases(alias COLLATE NOCASE);

CREATE TABLE location_mentions (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    location_id  INTEGER NOT NULL REFERENCES locations(id),
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    surface      TEXT NOT NULL
);
CREATE INDEX location_mentions_article ON location_mentions(article_id);
CREATE INDEX location_mentions_location ON location_mentions(location_id, article_id);

-- Who said what. speaker_id is NULL for unnamed sources; speaker_text keeps
-- the description as written ("a source close to ...").
CREATE TABLE statements (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id    INTEGER REFERENCES actors(id),
    speaker_text  TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('direct', 'reported')),
    cue           TEXT,                    -- NULL for a quote standing alone after its attribution
    text          TEXT NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_speaker ON statements(speaker_id);

-- Numbers of people killed, injured, missing, displaced, detained or held hostage.
CREATE TABLE casualty_figures (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    category       TEXT NOT NULL CHECK (category IN ('killed', 'injured', 'missing', 'displaced', 'detained', 'hostage')),
    count          INTEGER NOT NULL,       -- as stated; the lower end of a range
    count_low      INTEGER,                -- NULL when unbounded below ("up to 40")
    count_high     INTEGER,                -- NULL when unbounded above ("more than 40")
    qualifier      TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'at_least', 'more_than', 'nearly', 'up_to')),
    victims        TEXT,                   -- as written; NULL when not stated
    location_id    INTEGER REFERENCES locations(id),
    period         TEXT,                   -- "since October 7"; NULL when not stated
    source_id      INTEGER REFERENCES actors(id),  -- who gave the figure, when attributed
    part_of_id     INTEGER REFERENCES casualty_figures(id) ON DELETE CASCADE,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL
);
CREATE INDEX casualty_figures_article ON casualty_figures(article_id);
CREATE INDEX casualty_figures_place ON casualty_figures(location_id, category);
CREATE INDEX casualty_figures_category ON casualty_figures(category, location_id);

-- Full-text search over titles and bodies. Datasette recognises the content table
-- (and shows a search box) only when it is written in double quotes.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content="articles", content_rowid="id"
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Statements with the speaker's name and the article's date.
CREATE VIEW statements_view AS
SELECT s.id, s.article_id, a.published_on, a.title AS article_title,
       s.speaker_id, sp.name AS speaker, sp.kind AS speaker_kind, s.speaker_text,
       s.kind, s.cue, s.text, s.start_char, s.end_char
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN actors sp ON sp.id = s.speaker_id;

-- Casualty figures with the place (and its coordinates) and the article's date.
CREATE VIEW casualty_figures_view AS
SELECT f.id, f.article_id, a.published_on, a.title AS article_title,
       f.category, f.count, f.count_low, f.count_high, f.qualifier, f.victims,
       f.location_id, l.name AS place, l.country_code, l.latitude, l.longitude,
       f.period, src.name AS source, f.part_of_id, f.start_char, f.end_char
FROM casualty_figures f
JOIN articles a ON a.id = f.article_id
LEFT JOIN locations l ON l.id = f.location_id
LEFT JOIN actors src ON src.id = f.source_id;
