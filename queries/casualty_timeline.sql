-- title: Casualty timeline
-- description: Casualty figures, newest first, per category and place, with qualifier, victims, who gave the figure and the source article; undated articles last.
-- param: category = NULL : Only this category (killed, injured, missing, displaced, detained, hostage); all when NULL.
-- param: place = NULL : Only figures at this place, by name or alias, any case ("Gaza", "bajhang district"); all places when NULL.
-- param: limit = 100 : How many figures to list.
--
-- Each filter combination has its own branch in `picked`, guarded by a test
-- on the bound parameters that SQLite evaluates once, so only one branch
-- runs. Unfiltered, it walks articles newest first (articles_published_on)
-- and stops after :limit figures; by category, the (category, published_on)
-- index does the same; by place, it sorts only that place's figures.
WITH place_ids(id) AS (
    SELECT id FROM locations WHERE name = :place COLLATE NOCASE
    UNION
    SELECT location_id FROM location_aliases WHERE alias = :place COLLATE NOCASE
),
picked(id) AS (
    SELECT id FROM (
        SELECT f.id FROM articles a CROSS JOIN casualty_figures f ON f.article_id = a.id
        WHERE :place IS NULL AND :category IS NULL
        ORDER BY a.published_on DESC, a.id DESC, f.id LIMIT :limit)
    UNION ALL
    SELECT id FROM (
        SELECT id FROM casualty_figures
        WHERE :place IS NULL AND category = :category
        ORDER BY published_on DESC, article_id DESC, id LIMIT :limit)
    UNION ALL
    SELECT id FROM (
        SELECT id FROM casualty_figures
        WHERE :place IS NOT NULL AND location_id IN place_ids
          AND (:category IS NULL OR category = :category)
        ORDER BY published_on DESC, article_id DESC, id LIMIT :limit)
)
SELECT f.published_on, f.category, l.name AS place, f.count, f.qualifier,
       f.victims, f.period, src.name AS source,
       f.article_id, coalesce(a.title, a.source_path) AS article
FROM casualty_figures f
JOIN articles a ON a.id = f.article_id
LEFT JOIN locations l ON l.id = f.location_id
LEFT JOIN actors src ON src.id = f.source_id
WHERE f.id IN picked
ORDER BY f.published_on DESC, f.article_id DESC, f.id;
