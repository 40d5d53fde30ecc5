-- title: Casualty timeline
-- description: Casualty figures by article date, per category and place, with qualifier, victims and source article.
-- param: category = NULL : Only this category (killed, injured, missing, displaced, detained, hostage); all when NULL.
-- param: place = NULL : Only figures at this place, by name or alias; all places when NULL.
SELECT a.published_on, f.category, l.name AS place, f.count, f.qualifier,
       f.count_low, f.count_high, f.victims, f.period, a.title AS article, a.source_path
FROM casualty_figures f
JOIN articles a ON a.id = f.article_id
LEFT JOIN locations l ON l.id = f.location_id
WHERE (:category IS NULL OR f.category = :category)
  AND (:place IS NULL OR f.location_id IN (
        SELECT id FROM locations WHERE name = :place COLLATE NOCASE
        UNION SELECT location_id FROM location_aliases WHERE alias = :place COLLATE NOCASE))
ORDER BY a.published_on IS NULL, a.published_on, f.category, place, f.count DESC;
