-- title: Outlets and what each contributed
-- description: Each outlet (NULL when neither the record nor the text named one) with its articles, their date range, and the statements, casualty figures, actor and place mentions found in them.
--
-- A GROUP BY over every article; the fact counts come from the article_id
-- indexes of each fact table, never from reading the fact rows.
WITH per_article AS (
    SELECT a.id, a.outlet, a.published_on,
           (SELECT count(*) FROM statements WHERE article_id = a.id) AS statements,
           (SELECT count(*) FROM casualty_figures WHERE article_id = a.id) AS figures,
           (SELECT count(*) FROM actor_mentions WHERE article_id = a.id) AS actor_mentions,
           (SELECT count(*) FROM location_mentions WHERE article_id = a.id) AS place_mentions
    FROM articles a
)
SELECT outlet, count(*) AS articles,
       min(published_on) AS first_article, max(published_on) AS last_article,
       sum(statements) AS statements, sum(figures) AS casualty_figures,
       sum(actor_mentions) AS actor_mentions, sum(place_mentions) AS place_mentions
FROM per_article
GROUP BY outlet
ORDER BY articles DESC, outlet IS NULL, outlet;
