-- title: Who said what
-- description: Statements with speaker, kind, cue and article date; filter by speaker under any name or alias.
-- param: speaker = NULL : Only this speaker, by canonical name or any alias ("Austin", "Hizballah"); everyone when NULL.
SELECT a.published_on, coalesce(sp.name, s.speaker_text) AS speaker, s.kind, s.cue, s.text,
       a.title AS article
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN actors sp ON sp.id = s.speaker_id
WHERE :speaker IS NULL OR s.speaker_id IN (
        SELECT id FROM actors WHERE name = :speaker COLLATE NOCASE
        UNION SELECT actor_id FROM actor_aliases WHERE alias = :speaker COLLATE NOCASE)
ORDER BY a.published_on IS NULL, a.published_on, s.article_id, s.start_char;
