-- The statements the import writer runs, by name (`-- name: NAME` starts one).
-- Kept here rather than in Rust strings so all SQL lives under schema/ and queries/.

-- name: find_article
SELECT id FROM articles WHERE content_hash = :content_hash;

-- name: delete_article
DELETE FROM articles WHERE id = :id;

-- name: insert_article
INSERT INTO articles (source_path, record, external_id, url, outlet, title, published_on, body, content_hash, run_id)
VALUES (:source_path, :record, :external_id, :url, :outlet, :title, :published_on, :body, :content_hash, :run_id);

-- name: upsert_actor
INSERT INTO actors (name, kind, title, affiliation) VALUES (:name, :kind, :title, :affiliation)
ON CONFLICT (kind, name) DO UPDATE SET
    title = coalesce(excluded.title, actors.title),
    affiliation = coalesce(excluded.affiliation, actors.affiliation)
RETURNING id;

-- name: insert_actor_alias
INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (:actor_id, :alias);

-- name: insert_actor_mention
INSERT INTO actor_mentions (article_id, actor_id, start_char, end_char, surface)
VALUES (:article_id, :actor_id, :start_char, :end_char, :surface);

-- name: upsert_location
INSERT INTO locations (name, kind, country_code, latitude, longitude, geonames_id, place_key)
VALUES (:name, :kind, :country_code, :latitude, :longitude, :geonames_id, :place_key)
ON CONFLICT (place_key) DO UPDATE SET name = locations.name
RETURNING id;

-- name: insert_location_alias
INSERT OR IGNORE INTO location_aliases (location_id, alias) VALUES (:location_id, :alias);

-- name: insert_location_mention
INSERT INTO location_mentions (article_id, location_id, start_char, end_char, surface)
VALUES (:article_id, :location_id, :start_char, :end_char, :surface);

-- name: insert_statement
INSERT INTO statements (article_id, speaker_id, speaker_text, kind, cue, text, start_char, end_char)
VALUES (:article_id, :speaker_id, :speaker_text, :kind, :cue, :text, :start_char, :end_char);

-- name: insert_casualty_figure
INSERT INTO casualty_figures (article_id, category, count, count_low, count_high, qualifier, victims,
                              location_id, period, source_id, part_of_id, start_char, end_char)
VALUES (:article_id, :category, :count, :count_low, :count_high, :qualifier, :victims,
        :location_id, :period, :source_id, :part_of_id, :start_char, :end_char);

-- name: start_run
INSERT INTO import_runs (started_at, command) VALUES (:started_at, :command);

-- name: finish_run
UPDATE import_runs SET finished_at = :finished_at, articles_new = :new,
       articles_unchanged = :unchanged, articles_failed = :failed
WHERE id = :id;

-- name: insert_import_error
INSERT INTO import_errors (run_id, path, line, reason) VALUES (:run_id, :path, :line, :reason);
