-- title: Who said what
-- description: Statements, newest first, with speaker, kind (direct or reported), cue and article date; filter by speaker under any name or alias, or by the words naming an unnamed source ("police").
-- param: speaker = NULL : Only this speaker, by canonical name or any alias, any case ("Austin", "hizballah", "police"); everyone when NULL.
-- param: limit = 100 : How many statements to list.
--
-- Unfiltered, it walks articles newest first (articles_published_on) and
-- stops after :limit statements; with a speaker, it sorts only that
-- speaker's statements, found on indexes (actor name, alias,
-- statements.speaker_id, statements.speaker_text), by dates from
-- articles_dates.
WITH speaker_ids(id) AS (
    SELECT id FROM actors WHERE name = :speaker COLLATE NOCASE
    UNION
    SELECT actor_id FROM actor_aliases WHERE alias = :speaker COLLATE NOCASE
),
named(id) AS (
    SELECT id FROM statements WHERE speaker_id IN speaker_ids
    UNION
    SELECT id FROM statements WHERE speaker_text = :speaker COLLATE NOCASE
),
picked(id) AS (
    SELECT id FROM (
        SELECT s.id FROM articles a CROSS JOIN statements s ON s.article_id = a.id
        WHERE :speaker IS NULL
        ORDER BY a.published_on DESC, a.id DESC, s.start_char LIMIT :limit)
    UNION ALL
    SELECT id FROM (
        SELECT s.id FROM named n JOIN statements s ON s.id = n.id
        JOIN articles a INDEXED BY articles_dates ON a.id = s.article_id
        WHERE :speaker IS NOT NULL
        ORDER BY a.published_on DESC, a.id DESC, s.start_char LIMIT :limit)
)
SELECT a.published_on, coalesce(sp.name, s.speaker_text) AS speaker, s.kind, s.cue, s.text,
       s.article_id, coalesce(a.title, a.source_path) AS article
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN actors sp ON sp.id = s.speaker_id
WHERE s.id IN picked
ORDER BY a.published_on DESC, s.article_id DESC, s.start_char;
