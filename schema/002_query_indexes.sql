-- newsfacts schema, version 2: indexes the saved queries (queries/*.sql) need
-- to stay fast on a large database. Each index names the query it serves;
-- the saved-query plan test (src/saved_queries.rs) fails when one goes missing.

-- actors_together: pairs of actors in the same article come from a self-join
-- on article_id; with actor_id in the index the join never reads the table.
CREATE INDEX actor_mentions_article_actor ON actor_mentions(article_id, actor_id);

-- statements_by_speaker: unnamed sources ("police", "local officials") are
-- found by the words the article used, whatever their case.
CREATE INDEX statements_speaker_text ON statements(speaker_text COLLATE NOCASE);

-- actor_profile: how many casualty figures an actor gave.
CREATE INDEX casualty_figures_source ON casualty_figures(source_id);

-- Every query that takes an actor (statements_by_speaker, actor_profile,
-- actors_together) finds it by name in any case, like the alias index.
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
