-- title: Actor profile
-- description: One actor (or every actor going by that name): kind, title, affiliation, aliases, how often and where mentioned, statements made, figures given, first and last seen, and the most recent articles.
-- param: actor : The actor, by canonical name or any alias, any case ("Mansour", "icrc").
-- param: recent = 10 : How many of the actor's most recent articles to list.
--
-- Everything is looked up from the actor's id through the actor_id/speaker_id/
-- source_id indexes, and article dates through articles_dates, so the cost
-- grows with the actor's own mentions only; only the :recent listed articles
-- are read in full.
WITH chosen(id) AS (
    SELECT id FROM actors WHERE name = :actor COLLATE NOCASE
    UNION
    SELECT actor_id FROM actor_aliases WHERE alias = :actor COLLATE NOCASE
),
seen_in(actor_id, article_id) AS (
    SELECT actor_id, article_id FROM actor_mentions WHERE actor_id IN chosen
    UNION
    SELECT speaker_id, article_id FROM statements WHERE speaker_id IN chosen
)
SELECT ac.name, ac.kind, ac.title, ac.affiliation,
       (SELECT group_concat(alias, '; ') FROM actor_aliases WHERE actor_id = ac.id) AS aliases,
       (SELECT count(*) FROM actor_mentions WHERE actor_id = ac.id) AS mentions,
       (SELECT count(*) FROM statements WHERE speaker_id = ac.id) AS statements,
       (SELECT count(*) FROM casualty_figures WHERE source_id = ac.id) AS figures_given,
       (SELECT count(*) FROM seen_in WHERE actor_id = ac.id) AS articles,
       (SELECT min(a.published_on) FROM seen_in x JOIN articles a INDEXED BY articles_dates ON a.id = x.article_id
         WHERE x.actor_id = ac.id) AS first_seen,
       (SELECT max(a.published_on) FROM seen_in x JOIN articles a INDEXED BY articles_dates ON a.id = x.article_id
         WHERE x.actor_id = ac.id) AS last_seen,
       (SELECT group_concat(line, char(10)) FROM (
            SELECT coalesce(d.published_on, 'undated') || ' ' || coalesce(r.title, r.source_path) AS line
            FROM (SELECT a.id, a.published_on
                  FROM seen_in x JOIN articles a INDEXED BY articles_dates ON a.id = x.article_id
                  WHERE x.actor_id = ac.id
                  ORDER BY a.published_on DESC, a.id DESC
                  LIMIT :recent) d
            JOIN articles r ON r.id = d.id
            ORDER BY d.published_on DESC, d.id DESC)) AS recent_articles
FROM actors ac
WHERE ac.id IN chosen
ORDER BY ac.kind, ac.name;
