-- title: Latest figure per place and category
-- description: The most recent casualty figure for each place and category (by article date; among figures of the same day, the highest), with qualifier, victims, source, how many figures there were, and the article.
--
-- One pass over every figure with a place is the point of this query, so it
-- scans; figures that are part of another (the children among the dead) are
-- not a toll and are left out.
WITH ranked AS (
    SELECT f.id, f.category, f.location_id, a.published_on,
           row_number() OVER (PARTITION BY f.category, f.location_id
                              ORDER BY a.published_on IS NULL, a.published_on DESC,
                                       f.count DESC, f.id) AS rank,
           count(*) OVER (PARTITION BY f.category, f.location_id) AS figures
    FROM casualty_figures f
    JOIN articles a ON a.id = f.article_id
    WHERE f.location_id IS NOT NULL AND f.part_of_id IS NULL
)
SELECT r.category, l.name AS place, l.country_code, f.count, f.qualifier, f.victims,
       r.published_on, src.name AS source, r.figures,
       f.article_id, coalesce(a.title, a.source_path) AS article
FROM ranked r
JOIN casualty_figures f ON f.id = r.id
JOIN articles a ON a.id = f.article_id
JOIN locations l ON l.id = r.location_id
LEFT JOIN actors src ON src.id = f.source_id
WHERE r.rank = 1
ORDER BY r.category, l.name;
