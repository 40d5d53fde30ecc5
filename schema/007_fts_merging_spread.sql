-- newsfacts schema, version 7: the full-text index merges a level's segments a little
-- at a time rather than all at once.
--
-- FTS5 merges incrementally once a level holds 'automerge' (16) segments, but a level that
-- reaches 'crisismerge' segments is merged whole, at once, in the write that reached it.
-- The default crisismerge is 16 too, so every merge happened whole: at 100,000 articles a
-- merge of the first level took about 1.5 s in one commit, while extraction waited for the
-- writer. With crisismerge 64 the same merges are done a few pages per page written, over
-- the following commits; the work and the index are the same.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 64);
