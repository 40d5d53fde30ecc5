-- title: Articles matching a search
-- description: Full-text search over article titles and bodies (SQLite FTS5), best matches first, with a snippet around the match in [brackets].
-- param: terms : What to look for, in FTS5 syntax: words (all must appear), "an exact phrase", OR, NOT, prefix* (earthquake; ceasefire OR truce; "death toll").
-- param: limit = 20 : How many articles to list.
SELECT a.id AS article_id, a.published_on, a.outlet, coalesce(a.title, a.source_path) AS article,
       snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet,
       round(articles_fts.rank, 3) AS rank
FROM articles_fts
JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH :terms
ORDER BY articles_fts.rank
LIMIT :limit;
