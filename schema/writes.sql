-- The statements the import writer runs, by name (`-- name: NAME` starts one).
-- Kept here rather than in Rust strings so all SQL lives under schema/ and queries/.

-- The articles of a batch go into `articles` by ONE statement (insert_article made to take
-- every row of the batch): the full-text trigger then runs inside a single statement, and
-- FTS5 writes its in-memory index once per batch instead of once per article (it flushes at
-- every statement savepoint).

-- The facts (mentions, statements, casualty figures) go in by INSERT OR FAIL, many rows per
-- statement. The rows are the same; but a statement that cannot abort halfway needs no
-- statement journal, in which SQLite copied every page it changed (some 15 pages per
-- article) in case it had to undo it. A failure still fails the batch, and its transaction
-- is rolled back. (The articles' insert keeps its journal: the savepoint it opens is where
-- FTS5 writes the previous batch's text as one segment.)

-- name: find_article
SELECT id, run_id FROM articles WHERE content_hash = :content_hash;

-- name: next_article_id
SELECT coalesce(max(id), 0) + 1 FROM articles;

-- name: insert_article
INSERT INTO articles (id, source_path, record, external_id, url, outlet, title, published_on, body, content_hash, run_id)
VALUES (:id, :source_path, :record, :external_id, :url, :outlet, :title, :published_on, :body, :content_hash, :run_id);

-- name: delete_articles
-- :ids is a JSON array of article ids; one statement per batch, for the same reason as above.
DELETE FROM articles WHERE id IN (SELECT value FROM json_each(:ids));

-- Places the writer has not cached are looked up, then inserted when new; actors are
-- inserted, then looked up when already stored (an upsert returning its row cost several
-- times as much).

-- name: find_actor
SELECT id, title, affiliation FROM actors WHERE kind = :kind AND name = :name;

-- name: insert_actor
-- Ignored when an actor of this kind and name is stored (rowids are not used up).
INSERT OR IGNORE INTO actors (name, kind, title, affiliation) VALUES (:name, :kind, :title, :affiliation);

-- name: restate_actor
-- An actor already stored, with the title or affiliation an article states: the latest
-- stated one wins.
UPDATE actors SET title = coalesce(:title, title), affiliation = coalesce(:affiliation, affiliation)
WHERE id = :id;

-- name: insert_actor_alias
INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (:actor_id, :alias);

-- name: insert_actor_mention
INSERT OR FAIL INTO actor_mentions (article_id, actor_id, start_char, end_char, surface)
VALUES (:article_id, :actor_id, :start_char, :end_char, :surface);

-- name: find_location
SELECT id FROM locations WHERE place_key = :place_key;

-- name: insert_location
INSERT INTO locations (name, kind, country_code, latitude, longitude, geonames_id, place_key)
VALUES (:name, :kind, :country_code, :latitude, :longitude, :geonames_id, :place_key);

-- name: insert_location_alias
INSERT OR IGNORE INTO location_aliases (location_id, alias) VALUES (:location_id, :alias);

-- name: insert_location_mention
INSERT OR FAIL INTO location_mentions (article_id, location_id, start_char, end_char, surface)
VALUES (:article_id, :location_id, :start_char, :end_char, :surface);

-- name: insert_statement
INSERT OR FAIL INTO statements (article_id, speaker_id, speaker_text, kind, cue, text, start_char, end_char)
VALUES (:article_id, :speaker_id, :speaker_text, :kind, :cue, :text, :start_char, :end_char);

-- name: next_figure_id
-- The id SQLite would give the next casualty figure (the writer numbers them itself).
SELECT coalesce(max(id), 0) + 1 FROM casualty_figures;

-- name: insert_casualty_figure
INSERT OR FAIL INTO casualty_figures (id, article_id, category, count, count_low, count_high, qualifier, victims,
                              location_id, period, source_id, part_of_id, start_char, end_char,
                              published_on)
VALUES (:id, :article_id, :category, :count, :count_low, :count_high, :qualifier, :victims,
        :location_id, :period, :source_id, :part_of_id, :start_char, :end_char,
        :published_on);

-- name: start_run
INSERT INTO import_runs (started_at, command) VALUES (:started_at, :command);

-- name: finish_run
UPDATE import_runs SET finished_at = :finished_at, articles_new = :new,
       articles_unchanged = :unchanged, articles_failed = :failed
WHERE id = :id;

-- name: insert_import_error
INSERT INTO import_errors (run_id, path, line, reason) VALUES (:run_id, :path, :line, :reason);


-- Running totals (schema/004_rollups.sql): the writer sums a batch's facts per key
-- as it inserts them and adds each key's sums once per batch; deletes are counted by
-- triggers.

-- name: add_place_totals
INSERT INTO location_counts (location_id, mentions, articles)
VALUES (:location_id, :mentions, :articles)
ON CONFLICT (location_id) DO UPDATE SET
    mentions = mentions + excluded.mentions, articles = articles + excluded.articles;

-- name: add_figure_totals
INSERT INTO casualty_counts (location_id, category, figures)
VALUES (:location_id, :category, :figures)
ON CONFLICT (location_id, category) DO UPDATE SET figures = figures + excluded.figures;

-- name: add_outlet_totals
INSERT INTO outlet_counts (outlet, articles, statements, casualty_figures, actor_mentions, place_mentions)
VALUES (:outlet, :articles, :statements, :casualty_figures, :actor_mentions, :place_mentions)
ON CONFLICT (outlet) DO UPDATE SET
    articles = articles + excluded.articles,
    statements = statements + excluded.statements,
    casualty_figures = casualty_figures + excluded.casualty_figures,
    actor_mentions = actor_mentions + excluded.actor_mentions,
    place_mentions = place_mentions + excluded.place_mentions;


-- Query indexes an import may drop while it loads and build again at its end
-- (schema/005_deferred_indexes.sql). Only indexes the import itself never reads: it
-- looks facts up by article (running totals, --replace deletes) and figures by
-- part_of_id (the cascade when a figure is deleted), so those indexes stay.

-- name: deferrable_indexes
SELECT name, sql FROM sqlite_schema
WHERE type = 'index' AND sql IS NOT NULL
  AND name IN ('actor_mentions_actor', 'location_mentions_location', 'statements_speaker',
               'statements_speaker_text', 'casualty_figures_source', 'casualty_figures_place',
               'casualty_figures_category', 'articles_published_on', 'articles_outlet')
ORDER BY name;

-- name: record_deferred_index
INSERT INTO deferred_indexes (name, sql) VALUES (:name, :sql);

-- name: deferred_indexes
SELECT name, sql FROM deferred_indexes ORDER BY name;

-- name: forget_deferred_index
DELETE FROM deferred_indexes WHERE name = :name;
