-- title: Actors that appear with an actor
-- description: The actors named in the same articles as one actor, with in how many of them and the first and last article date; most frequent first. Counted over the actor's :articles most recent articles.
-- param: actor : The actor, by canonical name or any alias, any case ("Mansour", "icrc").
-- param: articles = 1000 : How many of the actor's articles to read, most recent first; NULL reads them all (slow for an actor named in tens of thousands).
-- param: limit = 50 : How many actors to list.
--
-- Pairs over a whole corpus are not a saved query: 20 actors an article make
-- 190 pairs an article, millions in an archive. The actor's articles come
-- from the (actor_id, article_id) index, their co-actors from the
-- (article_id, actor_id) one; the window bounds the work whatever the corpus.
WITH chosen(id) AS (
    SELECT id FROM actors WHERE name = :actor COLLATE NOCASE
    UNION
    SELECT actor_id FROM actor_aliases WHERE alias = :actor COLLATE NOCASE
),
recent(article_id, published_on) AS MATERIALIZED (
    SELECT a.id, a.published_on
    FROM articles a INDEXED BY articles_dates
    WHERE a.id IN (SELECT article_id FROM actor_mentions WHERE actor_id IN chosen)
    ORDER BY a.published_on DESC, a.id DESC
    LIMIT coalesce(:articles, -1)
),
together(actor_id, article_id, published_on) AS (
    SELECT DISTINCT m.actor_id, r.article_id, r.published_on
    FROM recent r
    JOIN actor_mentions m ON m.article_id = r.article_id
    WHERE m.actor_id NOT IN chosen
)
SELECT o.name AS actor, o.kind, count(*) AS articles,
       min(t.published_on) AS first_seen, max(t.published_on) AS last_seen
FROM together t
JOIN actors o ON o.id = t.actor_id
GROUP BY t.actor_id
ORDER BY articles DESC, o.name
LIMIT :limit;
