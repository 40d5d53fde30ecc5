-- title: Latest figure per place and category
-- description: The most recent casualty figure for each place and category (by article date), with its qualifier and article.
SELECT category, place, count, qualifier, published_on, article
FROM (
    SELECT f.category, l.name AS place, f.count, f.qualifier, a.published_on, a.title AS article,
           row_number() OVER (PARTITION BY f.category, f.location_id
                              ORDER BY a.published_on DESC, f.count DESC) AS rank
    FROM casualty_figures f
    JOIN articles a ON a.id = f.article_id
    JOIN locations l ON l.id = f.location_id
)
WHERE rank = 1
ORDER BY category, place;
