-- newsfacts schema, version 6: the full-text index merges its segments less often.
--
-- FTS5 writes each flush of new text as a segment and, by default, merges every four
-- segments of a level into one of the next: each indexed word is rewritten once per
-- level. Merging every sixteen (the most FTS5 allows) rewrites each word about half as
-- often: an import of 100,000 articles took 99 s of CPU instead of 104 s. A search reads
-- a few more segments, and took the same time on that database (80 ms for "killed", in
-- nearly every article, 90 ms for the phrase "death toll").
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);

-- Pending text flushed as a segment every 8 MB instead of every 1 MB: one segment per
-- written batch of articles (about 1.5 MB of text), not two; 96 s of CPU for the same
-- import. The memory is FTS5's, in whichever process writes articles.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 8388608);
