-- title: Casualty timeline
-- description: Casualty figures by article date, per category and place, with qualifier, victims, who gave the figure and the source article.
-- param: category = NULL : Only this category (killed, injured, missing, displaced, detained, hostage); all when NULL.
-- param: place = NULL : Only figures at this place, by name or alias, any case ("Gaza", "bajhang district"); all places when NULL.
--
-- Each optional filter has its own branch in `picked`, guarded by a test on
-- the bound parameter: SQLite evaluates such a test once, before the loop, so
-- only the branch that matches the filters runs, and it runs on an index.
WITH place_ids(id) AS (
    SELECT id FROM locations WHERE name = :place COLLATE NOCASE
    UNION
    SELECT location_id FROM location_aliases WHERE alias = :place COLLATE NOCASE
),
picked(id) AS (
    SELECT id FROM casualty_figures
    WHERE :place IS NULL AND :category IS NULL
    UNION ALL
    SELECT id FROM casualty_figures
    WHERE :place IS NULL AND category = :category
    UNION ALL
    SELECT id FROM casualty_figures
    WHERE :place IS NOT NULL AND location_id IN place_ids
      AND (:category IS NULL OR category = :category)
)
SELECT a.published_on, f.category, l.name AS place, f.count, f.qualifier,
       f.victims, f.period, src.name AS source,
       f.article_id, coalesce(a.title, a.source_path) AS article
FROM casualty_figures f
JOIN articles a ON a.id = f.article_id
LEFT JOIN locations l ON l.id = f.location_id
LEFT JOIN actors src ON src.id = f.source_id
WHERE f.id IN picked
ORDER BY a.published_on IS NULL, a.published_on, f.category, place IS NULL, place,
         f.count DESC, f.id;
