-- title: Latest figure per place and category
-- description: The most recent casualty figure for each place and category (by article date; among figures of the same day, the highest), with qualifier, victims, source, how many figures there were, and the article.
--
-- Figures that are part of another (the children among the dead) are not a
-- toll and are left out. One row per place and category comes from the
-- running totals (casualty_counts); its newest figure is the far end of the
-- (location_id, category, published_on) index range, so the cost grows with
-- the number of places, not of figures.
SELECT c.category, l.name AS place, l.country_code, f.count, f.qualifier, f.victims,
       f.published_on, src.name AS source, c.figures,
       f.article_id, coalesce(a.title, a.source_path) AS article
FROM casualty_counts c
JOIN casualty_figures f ON f.id = (
    SELECT id FROM casualty_figures
    WHERE location_id = c.location_id AND category = c.category AND part_of_id IS NULL
    ORDER BY published_on DESC, count DESC, id
    LIMIT 1)
JOIN articles a ON a.id = f.article_id
JOIN locations l ON l.id = c.location_id
LEFT JOIN actors src ON src.id = f.source_id
WHERE c.figures > 0
ORDER BY c.category, l.name;
