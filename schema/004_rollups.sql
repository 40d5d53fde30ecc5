-- newsfacts schema, version 4: every saved query answers in well under 200 ms
-- on a 100,000-article database, and an import writes one index fewer.
--
-- Listings run newest first down an index and stop at their :limit; the
-- summaries (places, outlets, latest figures) read running totals kept in
-- *_counts tables instead of counting millions of fact rows per question.

-- Same lookups as actor_mentions_article_actor(article_id, actor_id), whose
-- prefix it is: one index fewer to write per mention.
DROP INDEX actor_mentions_article;

-- The article's date on each casualty figure, so "newest figure for this place
-- and category" and "figures of this category, newest first" are steps down an
-- index rather than a join over every figure. The import writer sets it; the
-- trigger keeps it true when an article's date is corrected by hand.
ALTER TABLE casualty_figures ADD COLUMN published_on TEXT;
UPDATE casualty_figures
SET published_on = (SELECT published_on FROM articles WHERE articles.id = casualty_figures.article_id);
CREATE TRIGGER articles_date_to_figures AFTER UPDATE OF published_on ON articles BEGIN
    UPDATE casualty_figures SET published_on = new.published_on WHERE article_id = new.id;
END;
DROP INDEX casualty_figures_place;
CREATE INDEX casualty_figures_place ON casualty_figures(location_id, category, published_on);
DROP INDEX casualty_figures_category;
CREATE INDEX casualty_figures_category ON casualty_figures(category, published_on);

-- The dates of many articles by id (an actor's 50,000 articles) from a small
-- index instead of the article rows, each a page of text of its own. The
-- planner prefers the rowid, so the queries name it (INDEXED BY).
CREATE INDEX articles_dates ON articles(id, published_on);

-- outlets: first and last article of an outlet are the ends of its index range.
DROP INDEX articles_outlet;
CREATE INDEX articles_outlet ON articles(outlet, published_on);

-- Running totals. The import writer adds each batch's facts in the same
-- transaction as the facts (schema/writes.sql, count_*); the triggers take
-- them away again whenever facts are deleted, by `import --replace` or by
-- hand, so the totals always equal a count over the fact tables.

-- places: mentions of each place, and the articles that mention it.
CREATE TABLE location_counts (
    location_id  INTEGER PRIMARY KEY REFERENCES locations(id) ON DELETE CASCADE,
    mentions     INTEGER NOT NULL,
    articles     INTEGER NOT NULL
);
INSERT INTO location_counts (location_id, mentions, articles)
SELECT location_id, count(*), count(DISTINCT article_id) FROM location_mentions GROUP BY location_id;
CREATE TRIGGER location_mentions_uncount AFTER DELETE ON location_mentions BEGIN
    UPDATE location_counts
    SET mentions = mentions - 1,
        articles = articles - NOT EXISTS (SELECT 1 FROM location_mentions
                                          WHERE location_id = old.location_id
                                            AND article_id = old.article_id)
    WHERE location_id = old.location_id;
END;

-- latest_figures: figures per place and category (those that are not part of
-- another figure, as the query counts them).
CREATE TABLE casualty_counts (
    location_id  INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    category     TEXT NOT NULL,
    figures      INTEGER NOT NULL,
    PRIMARY KEY (location_id, category)
) WITHOUT ROWID;
INSERT INTO casualty_counts (location_id, category, figures)
SELECT location_id, category, count(*) FROM casualty_figures
WHERE location_id IS NOT NULL AND part_of_id IS NULL
GROUP BY location_id, category;
CREATE TRIGGER casualty_figures_uncount AFTER DELETE ON casualty_figures
WHEN old.location_id IS NOT NULL AND old.part_of_id IS NULL BEGIN
    UPDATE casualty_counts SET figures = figures - 1
    WHERE location_id = old.location_id AND category = old.category;
END;

-- outlets: articles and facts per outlet ('' stands for "no outlet named",
-- because a NULL key would never match itself in an upsert).
CREATE TABLE outlet_counts (
    outlet            TEXT PRIMARY KEY NOT NULL,
    articles          INTEGER NOT NULL,
    statements        INTEGER NOT NULL,
    casualty_figures  INTEGER NOT NULL,
    actor_mentions    INTEGER NOT NULL,
    place_mentions    INTEGER NOT NULL
) WITHOUT ROWID;
-- Each article's facts, counted through the article_id indexes; the totals
-- below are sums of it.
CREATE VIEW article_fact_counts AS
SELECT a.id AS article_id, coalesce(a.outlet, '') AS outlet,
       (SELECT count(*) FROM statements WHERE article_id = a.id) AS statements,
       (SELECT count(*) FROM casualty_figures WHERE article_id = a.id) AS casualty_figures,
       (SELECT count(*) FROM actor_mentions WHERE article_id = a.id) AS actor_mentions,
       (SELECT count(*) FROM location_mentions WHERE article_id = a.id) AS place_mentions
FROM articles a;
INSERT INTO outlet_counts
SELECT outlet, count(*), sum(statements), sum(casualty_figures), sum(actor_mentions), sum(place_mentions)
FROM article_fact_counts GROUP BY outlet;
-- BEFORE: the facts are still there to be counted (the cascade removes them after).
CREATE TRIGGER articles_uncount BEFORE DELETE ON articles BEGIN
    UPDATE outlet_counts
    SET (articles, statements, casualty_figures, actor_mentions, place_mentions) = (
        SELECT outlet_counts.articles - 1, outlet_counts.statements - c.statements,
               outlet_counts.casualty_figures - c.casualty_figures,
               outlet_counts.actor_mentions - c.actor_mentions,
               outlet_counts.place_mentions - c.place_mentions
        FROM article_fact_counts c WHERE c.article_id = old.id)
    WHERE outlet = coalesce(old.outlet, '');
END;

-- Facts moved by hand (two places merged, a figure re-filed, an outlet
-- renamed) move their counts with them.
CREATE TRIGGER location_mentions_recount AFTER UPDATE OF location_id, article_id ON location_mentions BEGIN
    UPDATE location_counts
    SET mentions = mentions - 1,
        articles = articles - NOT EXISTS (SELECT 1 FROM location_mentions
                                          WHERE location_id = old.location_id
                                            AND article_id = old.article_id)
    WHERE location_id = old.location_id;
    INSERT INTO location_counts (location_id, mentions, articles)
    VALUES (new.location_id, 1, 1)
    ON CONFLICT (location_id) DO UPDATE SET
        mentions = mentions + 1,
        articles = articles + NOT EXISTS (SELECT 1 FROM location_mentions
                                          WHERE location_id = new.location_id
                                            AND article_id = new.article_id AND id <> new.id);
END;
CREATE TRIGGER casualty_figures_recount AFTER UPDATE OF location_id, category, part_of_id ON casualty_figures BEGIN
    UPDATE casualty_counts SET figures = figures - 1
    WHERE old.location_id IS NOT NULL AND old.part_of_id IS NULL
      AND location_id = old.location_id AND category = old.category;
    INSERT INTO casualty_counts (location_id, category, figures)
    SELECT new.location_id, new.category, 1
    WHERE new.location_id IS NOT NULL AND new.part_of_id IS NULL
    ON CONFLICT (location_id, category) DO UPDATE SET figures = figures + 1;
END;
CREATE TRIGGER articles_outlet_recount AFTER UPDATE OF outlet ON articles
WHEN old.outlet IS NOT new.outlet BEGIN
    UPDATE outlet_counts
    SET (articles, statements, casualty_figures, actor_mentions, place_mentions) = (
        SELECT outlet_counts.articles - 1, outlet_counts.statements - c.statements,
               outlet_counts.casualty_figures - c.casualty_figures,
               outlet_counts.actor_mentions - c.actor_mentions,
               outlet_counts.place_mentions - c.place_mentions
        FROM article_fact_counts c WHERE c.article_id = old.id)
    WHERE outlet = coalesce(old.outlet, '');
    INSERT INTO outlet_counts
    SELECT outlet, 1, statements, casualty_figures, actor_mentions, place_mentions
    FROM article_fact_counts WHERE article_id = new.id
    ON CONFLICT (outlet) DO UPDATE SET
        articles = articles + 1,
        statements = statements + excluded.statements,
        casualty_figures = casualty_figures + excluded.casualty_figures,
        actor_mentions = actor_mentions + excluded.actor_mentions,
        place_mentions = place_mentions + excluded.place_mentions;
END;
