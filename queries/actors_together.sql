-- title: Actors that appear together
-- description: Pairs of actors named in the same articles, with how many articles and the first and last article date; most frequent pairs first.
-- param: actor = NULL : Only pairs with this actor, by canonical name or any alias, any case; every pair when NULL.
-- param: limit = 50 : How many pairs to list.
--
-- Every pair over the whole corpus is a GROUP BY over all mentions (a scan of
-- the covering (article_id, actor_id) index); with :actor set, only that
-- actor's articles are read, through the (actor_id, article_id) index.
WITH chosen(id) AS (
    SELECT id FROM actors WHERE name = :actor COLLATE NOCASE
    UNION
    SELECT actor_id FROM actor_aliases WHERE alias = :actor COLLATE NOCASE
),
pairs(article_id, first_id, second_id) AS (
    SELECT DISTINCT m1.article_id, m1.actor_id, m2.actor_id
    FROM actor_mentions m1
    JOIN actor_mentions m2 ON m2.article_id = m1.article_id AND m2.actor_id > m1.actor_id
    WHERE :actor IS NULL
    UNION ALL
    SELECT DISTINCT m1.article_id, m1.actor_id, m2.actor_id
    FROM actor_mentions m1
    JOIN actor_mentions m2 ON m2.article_id = m1.article_id AND m2.actor_id <> m1.actor_id
    WHERE m1.actor_id IN chosen
)
SELECT x.name AS actor_1, y.name AS actor_2, count(*) AS articles,
       min(a.published_on) AS first_seen, max(a.published_on) AS last_seen
FROM pairs p
CROSS JOIN actors x ON x.id = p.first_id
JOIN actors y ON y.id = p.second_id
JOIN articles a ON a.id = p.article_id
GROUP BY p.first_id, p.second_id
ORDER BY articles DESC, actor_1, actor_2
LIMIT :limit;
