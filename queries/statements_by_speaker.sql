-- title: Who said what
-- description: Statements with speaker, kind (direct or reported), cue and article date; filter by speaker under any name or alias, or by the words naming an unnamed source ("police").
-- param: speaker = NULL : Only this speaker, by canonical name or any alias, any case ("Austin", "hizballah", "police"); everyone when NULL.
--
-- The speaker filter runs on indexes (actor name, alias, statements.speaker_id,
-- statements.speaker_text); the guarded first branch lists everyone.
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
    SELECT id FROM statements WHERE :speaker IS NULL
    UNION ALL
    SELECT id FROM named WHERE :speaker IS NOT NULL
)
SELECT a.published_on, coalesce(sp.name, s.speaker_text) AS speaker, s.kind, s.cue, s.text,
       s.article_id, coalesce(a.title, a.source_path) AS article
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN actors sp ON sp.id = s.speaker_id
WHERE s.id IN picked
ORDER BY a.published_on IS NULL, a.published_on, s.article_id, s.start_char;
