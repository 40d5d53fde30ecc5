-- The statements the import writer runs, by name (`-- name: NAME` starts one).
-- Kept here rather than in Rust strings so all SQL lives under schema/ and queries/.

-- A write transaction spans many batches (db/writer.rs, COMMIT_EVERY), and FTS5 keeps the
-- text it indexes in memory until the transaction commits or 'hashsize' fills, then writes
-- it as one index segment, merged with others later. But FTS5 also writes what it holds at
-- every statement savepoint, and SQLite opens one for any statement that writes many rows
-- and may stop halfway: a statement with a trigger, or a many-row INSERT that gives rowids
-- or may abort. One such statement per batch made an index segment per batch, and at
-- 100,000 articles FTS5 then rewrote each word about twice in merges. So no statement the
-- import runs per batch opens one:
-- - the writer indexes each article's text itself, one row per statement
--   (index_article_text), with the insert trigger dropped for its transaction and created
--   again before the commit, so no committed state lacks it. Only the trigger the schema
--   made (create_text_index_trigger) is taken over; one changed by hand is left to run;
-- - the many-row INSERTs give no rowids (SQLite numbers the rows one past the largest, as
--   the writer predicts and then checks) and FAIL rather than ABORT: a failure still fails
--   the batch, and its transaction is rolled back.
-- (An import with --replace checks foreign keys, which opens a savepoint in every many-row
-- INSERT of facts; such an import still writes a segment per batch.)

-- name: find_article
SELECT id, run_id FROM articles WHERE content_hash = :content_hash;

-- name: next_article_id
-- The id SQLite gives the next article stored (see above).
SELECT coalesce(max(id), 0) + 1 FROM articles;

-- name: insert_article
INSERT OR FAIL INTO articles (source_path, record, external_id, url, outlet, title, published_on, body, content_hash, run_id)
VALUES (:source_path, :record, :external_id, :url, :outlet, :title, :published_on, :body, :content_hash, :run_id);

-- name: index_article_text
INSERT INTO articles_fts (rowid, title, body) VALUES (:id, :title, :body);

-- name: text_index_trigger
SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'articles_fts_insert';

-- name: drop_text_index_trigger
DROP TRIGGER articles_fts_insert;

-- name: create_text_index_trigger
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END

-- name: delete_articles
-- :ids is a JSON array of article ids; one statement per batch, as its full-text trigger
-- opens a savepoint (see above).
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
-- The id SQLite gives the next casualty figure (the writer numbers them too, so that one
-- can name another before either is stored).
SELECT coalesce(max(id), 0) + 1 FROM casualty_figures;

-- name: insert_casualty_figure
INSERT OR FAIL INTO casualty_figures (article_id, category, count, count_low, count_high, qualifier, victims,
                              location_id, period, source_id, part_of_id, start_char, end_char,
                              published_on)
VALUES (:article_id, :category, :count, :count_low, :count_high, :qualifier, :victims,
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
-- part_of_id (the cascade when a figure is deleted), so those indexes stay. The indexes
-- of articles stay too: one entry per article goes into a small index that stays in the
-- page cache, while building one reads every page of the articles' text (about 780 MB
-- at 100,000 articles) to take a date or an outlet from each row.

-- name: deferrable_indexes
SELECT name, sql FROM sqlite_schema
WHERE type = 'index' AND sql IS NOT NULL
  AND name IN ('actor_mentions_actor', 'location_mentions_location', 'statements_speaker',
               'statements_speaker_text', 'casualty_figures_source', 'casualty_figures_place',
               'casualty_figures_category')
ORDER BY name;

-- name: record_deferred_index
INSERT INTO deferred_indexes (name, sql) VALUES (:name, :sql);

-- name: deferred_indexes
SELECT name, sql FROM deferred_indexes ORDER BY name;

-- name: forget_deferred_index
DELETE FROM deferred_indexes WHERE name = :name;
